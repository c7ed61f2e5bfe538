"""What every till dialog shares: the status bar stays visible on top, the keys of the dialog
are in the footer, and the session is one property away."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen

from pos_tui.widgets.key_footer import KeyFooter
from pos_tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from pos_tui.app import PosApp
    from pos_tui.backend import TillBackend

ResultT = TypeVar("ResultT")


class TillModal(ModalScreen[ResultT]):
    """A dialog over the sale screen. Subclasses write `compose_dialog`."""

    DIALOG_CLASSES = "dialog"

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with Vertical(classes=self.DIALOG_CLASSES):
            yield from self.compose_dialog()
        yield KeyFooter()

    def compose_dialog(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.till.refresh_status()

    @property
    def till(self) -> PosApp:
        return cast("PosApp", self.app)

    @property
    def session(self) -> TillBackend:
        return self.till.session

    def money(self, amount: int) -> str:
        from shared.money import format_money

        return format_money(amount, self.session.currency)
