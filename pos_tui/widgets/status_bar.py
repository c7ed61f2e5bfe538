"""The always-visible status line: online/offline, outbox depth, time since the last sync,
printer state, cashier and shift."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.widgets import Static

from shared.clock import parse_ts


def describe(status: dict[str, Any], now: datetime, cashier: str, shift_open: bool) -> str:
    """The status line's text (pure, so tests and snapshots can pin it)."""
    link = "[b green]● online[/]" if status.get("online") else "[b red]● OFFLINE[/]"
    last = status.get("last_push_at") or status.get("last_pull_at")
    if last:
        age = int((now - parse_ts(last)).total_seconds())
        synced = f"synced {age // 60} min ago" if age >= 120 else f"synced {max(age, 0)} s ago"
    else:
        synced = "never synced"
    printer = status.get("printer", "ok")
    waiting = status.get("print_pending", 0)
    printer_text = (
        "printer ok" if printer == "ok" else f"[b red]printer {printer.replace('_', ' ')}[/]"
    )
    if waiting:
        printer_text += f" ({waiting} waiting)"
    rejected = f" · [b red]{status['rejected']} rejected[/]" if status.get("rejected") else ""
    shift = "shift open" if shift_open else "[yellow]no shift[/]"
    return (
        f"{status.get('store', '?')} · {link} · outbox {status.get('outbox_pending', 0)}"
        f"{rejected} · {synced} · {printer_text} · {cashier or '-'} · {shift}"
    )


class StatusBar(Static):
    """Docked at the top of every till screen."""

    def show(self, status: dict[str, Any], now: datetime, cashier: str, shift_open: bool) -> None:
        self.update(describe(status, now, cashier, shift_open))
