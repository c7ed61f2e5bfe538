"""F1: every key of the till in one list (the footer shows the same keys, shorter)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label

from pos_tui.screens.base import TillModal

GENERAL = [
    ("Enter", "add typed/scanned; confirm"),
    ("3*code", "3 units of the next item"),
    ("Up/Down", "choose a basket line"),
    ("+ / -", "chosen line's quantity ±1"),
    ("Esc", "back / cancel a dialog"),
    ("Ctrl+P", "every action by name"),
    ("Ctrl+Q", "quit (never with a basket)"),
]


def key_name(key: str) -> str:
    return key.upper() if key.startswith("f") and key[1:].isdigit() else key.capitalize()


class HelpScreen(TillModal[None]):
    BINDINGS = [Binding("escape", "close", "Close"), Binding("f1", "close", "Close")]
    DIALOG_CLASSES = "dialog wide"

    def __init__(self, bindings: Iterable[Binding]) -> None:
        super().__init__()
        self.rows = [(key_name(b.key), b.tooltip or b.description) for b in bindings]

    def compose_dialog(self) -> ComposeResult:
        yield Label("Keys", classes="dialog-title")
        cells = [f"{key:>7}  {what[:26]:<26}" for key, what in [*self.rows, *GENERAL]]
        half = (len(cells) + 1) // 2  # two columns: every key fits 80×24
        text = "\n".join(
            f"{left} {right}".rstrip()
            for left, right in zip(cells[:half], [*cells[half:], ""], strict=False)
        )
        yield Label(text, id="message", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
