"""F5 with an empty basket and more than one parked: choose which basket to resume."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, OptionList

from pos_tui.basket import Basket
from pos_tui.screens.base import TillModal


class ParkedScreen(TillModal[int | None]):
    """Answers the index of the basket to resume."""

    BINDINGS = [Binding("escape", "cancel", "Back")]

    def __init__(self, baskets: list[Basket]) -> None:
        super().__init__()
        self.baskets = baskets

    def compose_dialog(self) -> ComposeResult:
        yield Label("Parked baskets — Enter resumes", classes="dialog-title")
        yield OptionList(
            *(
                f"{n}. {len(b.lines)} lines · {self.money(b.total)} · "
                + ", ".join(line.name for line in b.lines)[:40]
                for n, b in enumerate(self.baskets, 1)
            ),
            id="parked",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#parked", OptionList).focus()

    @on(OptionList.OptionSelected, "#parked")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
