"""Attach a customer to the basket: scan their card or type a phone or email; when nobody
has it, type a name to sign them up (works offline: the cloud merges duplicates later)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label

from pos_tui.screens.base import TillModal
from shared.customers import IndexEntry
from shared.errors import NotFound, OmnistoreError


class CustomerScreen(TillModal[IndexEntry | None]):
    """Enter on the first field looks the customer up; unknown, the name field signs them
    up with that phone or email. Esc attaches nobody."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose_dialog(self) -> ComposeResult:
        yield Label("Customer", classes="dialog-title")
        yield Label(
            "Scan the loyalty card, or type a phone or an email, then Enter.", classes="hint"
        )
        yield Input(id="find", placeholder="card / phone / email")
        yield Input(id="name", placeholder="name (to sign up someone new)")
        yield Label("", id="error", classes="error")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#name", Input).display = False
        self.query_one("#find", Input).focus()

    @on(Input.Submitted, "#find")
    def _find(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        try:
            self.dismiss(self.till.customers.find(text))
        except NotFound:
            name = self.query_one("#name", Input)
            name.display = True
            name.focus()
            self._error(f"nobody has {text}: type their name and Enter to sign them up")
        except OmnistoreError as exc:
            self._error(exc.message)

    @on(Input.Submitted, "#name")
    def _sign_up(self, event: Input.Submitted) -> None:
        contact = self.query_one("#find", Input).value
        try:
            self.dismiss(self.till.customers.sign_up(event.value, contact))
        except (OmnistoreError, ValueError) as exc:
            self._error(getattr(exc, "message", None) or str(exc))

    def _error(self, message: str) -> None:
        self.query_one("#error", Label).update(message)

    def action_cancel(self) -> None:
        self.dismiss(None)
