"""F1: every key of the till in one list (the footer shows the same keys, shorter)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label

from pos_tui.screens.base import TillModal

GENERAL = [
    ("Enter", "add what was typed or scanned; confirm a dialog"),
    ("3*code", "three units of the next item (any quantity 1..100000)"),
    ("Esc", "back / cancel a dialog"),
    ("Ctrl+P", "command palette: every action by name"),
    ("Up/Down", "choose a basket line (Del removes it)"),
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
        text = "\n".join(f"{key:>8}  {what}" for key, what in [*self.rows, *GENERAL])
        yield Label(text, id="message", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
