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
    TITLE_TEXT = "Omnistore till — sign in"

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with Vertical(classes="dialog login"):
            yield Label(self.TITLE_TEXT, classes="dialog-title")
            yield from self.compose_hint()
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
            self.submit(name, pin_input.value)
        except (OmnistoreError, ValueError) as exc:
            self.query_one("#error", Label).update(getattr(exc, "message", str(exc)))
            pin_input.value = ""
            if not name:
                self.query_one("#name", Input).focus()
            return
        self.done()

    def compose_hint(self) -> ComposeResult:
        yield from ()

    def submit(self, name: str, pin: str) -> None:
        self.till.session.sign_in(name, pin)

    def done(self) -> None:
        self.till.signed_in()


class EnrolScreen(LoginScreen):
    """A remote till's first start: a manager signs in here once to enrol its register with
    the node (the store's table of tills); then cashiers sign in as usual."""

    TITLE_TEXT = "Enrol this till with the store node"

    def compose_hint(self) -> ComposeResult:
        session = self.till.session
        yield Label(
            f"Register {session.register} is new to {session.store_name}: a manager signs in "
            "to approve it (once).",
            id="enrol-hint",
        )

    def submit(self, name: str, pin: str) -> None:
        manager = self.till.session.enrol(name, pin)
        self.till.notify(f"till enrolled by {manager}: sign in to sell")

    def done(self) -> None:
        self.app.switch_screen(LoginScreen())
