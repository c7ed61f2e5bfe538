"""Sign-in with name and PIN; five wrong PINs lock the name for 15 minutes (the edge
decides and says so)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label

from pos_tui.widgets.key_footer import KeyFooter
from pos_tui.widgets.status_bar import StatusBar
from shared.errors import OmnistoreError

if TYPE_CHECKING:
    from pos_tui.app import PosApp


class LoginScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield StatusBar()
        with Vertical(classes="dialog login"):
            yield Label("Omnistore till — sign in", classes="dialog-title")
            yield Input(placeholder="name", id="name")
            yield Input(placeholder="PIN", password=True, id="pin")
            yield Label("", id="error", classes="error")
        yield KeyFooter()

    @property
    def till(self) -> PosApp:
        return cast("PosApp", self.app)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()
        self.till.refresh_status()

    @on(Input.Submitted, "#name")
    def _name_entered(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    def _pin_entered(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        pin_input = self.query_one("#pin", Input)
        try:
            self.till.session.sign_in(name, pin_input.value)
        except (OmnistoreError, ValueError) as exc:
            self.query_one("#error", Label).update(getattr(exc, "message", str(exc)))
            pin_input.value = ""
            if not name:
                self.query_one("#name", Input).focus()
            return
        self.till.signed_in()
