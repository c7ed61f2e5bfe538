"""A one-field modal: manager PIN, cash float, counted cash, price-check code."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class PromptScreen(ModalScreen[str | None]):
    """Enter answers, Escape cancels (answers None)."""

    BINDINGS = [("escape", "cancel", "Cancel")]

    def __init__(
        self, title: str, *, password: bool = False, placeholder: str = "", value: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.password = password
        self.placeholder = placeholder
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(
                value=self.value, placeholder=self.placeholder, password=self.password, id="answer"
            )

    @on(Input.Submitted, "#answer")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MessageScreen(ModalScreen[None]):
    """Text to read (a Z report, a price check); any of Enter/Escape closes it."""

    BINDINGS = [("escape", "close", "Close"), ("enter", "close", "Close")]

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(self.body, id="message")

    def action_close(self) -> None:
        self.dismiss(None)
