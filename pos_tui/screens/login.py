"""Sign-in with name and PIN."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Label

from pos_tui.widgets.status_bar import StatusBar
from shared.errors import OmnistoreError


class LoginScreen(Screen[None]):
    """Name, then PIN; five wrong PINs lock the name for 15 minutes (the edge decides)."""

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Vertical(classes="dialog login"):
            yield Label("Omnistore till — sign in", classes="dialog-title")
            yield Input(placeholder="name", id="name")
            yield Input(placeholder="PIN", password=True, id="pin")
            yield Label("", id="error", classes="error")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def _name_entered(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    def _pin_entered(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        pin_input = self.query_one("#pin", Input)
        try:
            self.app.session.sign_in(name, pin_input.value)  # type: ignore[attr-defined]
        except OmnistoreError as exc:
            self.query_one("#error", Label).update(exc.message)
            pin_input.value = ""
            return
        self.app.signed_in()  # type: ignore[attr-defined]
