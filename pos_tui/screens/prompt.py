"""One-field dialogs (manager PIN, cash float, counted cash, a receipt number) and a text
dialog (price check)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label

from pos_tui.screens.base import TillModal


class PromptScreen(TillModal[str | None]):
    """Enter answers, Escape cancels (answers None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        *,
        password: bool = False,
        placeholder: str = "",
        value: str = "",
        hint: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.password = password
        self.placeholder = placeholder
        self.value = value
        self.hint = hint

    def compose_dialog(self) -> ComposeResult:
        yield Label(self.title_text, classes="dialog-title")
        if self.hint:
            yield Label(self.hint, classes="hint")
        yield Input(
            value=self.value, placeholder=self.placeholder, password=self.password, id="answer"
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#answer", Input).focus()

    @on(Input.Submitted, "#answer")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MessageScreen(TillModal[None]):
    """Text to read (a price check, a Z report); Enter or Escape closes it."""

    BINDINGS = [Binding("escape", "close", "Close"), Binding("enter", "close", "Close")]
    DIALOG_CLASSES = "dialog wide"

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose_dialog(self) -> ComposeResult:
        yield Label(self.title_text, classes="dialog-title")
        yield Label(self.body, id="message", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
