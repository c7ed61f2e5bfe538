"""The always-visible status line: online/offline, outbox depth, time since the last sync,
printer state, cashier and shift."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual.widgets import Static

from shared.clock import parse_ts


def describe(
    status: dict[str, Any], now: datetime, cashier: str, shift_open: bool, width: int = 0
) -> str:
    """The status line's text (pure, so tests and snapshots can pin it). Given a width, it
    says the same in fewer words rather than being cut off (80 columns at worst)."""
    full = _describe(status, now, cashier, shift_open, short=False)
    if not width or len(Text.from_markup(full).plain) <= width - 2:
        return full
    short = _describe(status, now, cashier, shift_open, short=True)
    over = len(Text.from_markup(short).plain) - (width - 2)
    if over > 0:  # the cashier's name gives way last of all, to its first 3 letters
        name = cashier[:10][: max(3, len(cashier[:10]) - over)]
        short = _describe(status, now, name, shift_open, short=True)
    return short


def _describe(
    status: dict[str, Any], now: datetime, cashier: str, shift_open: bool, *, short: bool
) -> str:
    online = bool(status.get("online"))
    link = "[b green]● online[/]" if online else "[b red]● OFFLINE[/]"
    if status.get("node_lost"):  # a remote till that cannot reach its node
        link = "[b red]● NODE LOST[/]"
    last = status.get("last_push_at") or status.get("last_pull_at")
    if last:
        age = int((now - parse_ts(last)).total_seconds())
        if short:
            synced = f"sync {age // 60}m" if age >= 120 else f"sync {max(age, 0)}s"
        else:
            ago = f"{age // 60} min" if age >= 120 else f"{max(age, 0)} s"
            synced = f"synced {ago} ago"
    else:
        synced = "no sync" if short else "never synced"
    printer = str(status.get("printer", "ok")).replace("_", " ")
    waiting = status.get("print_pending", 0)
    word = "prn" if short else "printer"
    printer_text = f"{word} ok" if printer == "ok" else f"[b red]{word} {printer}[/]"
    if waiting:
        printer_text += f" ({waiting})" if short else f" ({waiting} waiting)"
    rejected = status.get("rejected")
    outbox = status.get("outbox_pending", 0)
    store = str(status.get("store", "?"))
    if short:
        parts = [
            store[:8],
            link,
            f"out {outbox}" + (f" [b red]{rejected} rej[/]" if rejected else ""),
            synced,
            printer_text,
            (cashier or "-")[:10],
            "shift" if shift_open else "[yellow]no shift[/]",
        ]
        return " ".join(parts)
    shift = "shift open" if shift_open else "[yellow]no shift[/]"
    rejected_text = f" · [b red]{rejected} rejected[/]" if rejected else ""
    return (
        f"{store} · {link} · outbox {outbox}{rejected_text} · {synced} · {printer_text} · "
        f"{cashier or '-'} · {shift}"
    )


class StatusBar(Static):
    """Docked at the top of every till screen."""

    def show(self, status: dict[str, Any], now: datetime, cashier: str, shift_open: bool) -> None:
        width = self.size.width or self.app.size.width
        self.update(describe(status, now, cashier, shift_open, width))
