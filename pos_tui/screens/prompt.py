"""One-field dialogs (manager PIN, cash float, counted cash, a receipt number), a text
dialog (price check) and a yes/no confirmation. A prompt given a `check` runs it on Enter
and stays open with the refusal shown (a wrong PIN asks again in the same dialog)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label

from pos_tui.screens.base import TillModal
from shared.errors import OmnistoreError


class PromptScreen(TillModal[Any]):
    """Enter answers the text (or what `check` answers for it), Escape cancels (None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        *,
        password: bool = False,
        placeholder: str = "",
        value: str = "",
        hint: str = "",
        check: Callable[[str], Any] | None = None,
        cancel: bool = True,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.password = password
        self.placeholder = placeholder
        self.value = value
        self.hint = hint
        self.check = check
        self.can_cancel = cancel

    def compose_dialog(self) -> ComposeResult:
        yield Label(self.title_text, classes="dialog-title")
        if self.hint:
            yield Label(self.hint, classes="hint")
        yield Input(
            value=self.value, placeholder=self.placeholder, password=self.password, id="answer"
        )
        yield Label("", id="error", classes="error")

    def on_mount(self) -> None:
        super().on_mount()
        answer = self.query_one("#answer", Input)
        answer.focus()
        if self.value:  # a proposal (the float, a quantity): typing replaces it
            answer.select_all()

    @on(Input.Submitted, "#answer")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.check is None:
            self.dismiss(event.value)
            return
        try:
            result = self.check(event.value)
        except (OmnistoreError, ValueError) as exc:
            event.input.value = ""
            self.refused(getattr(exc, "message", None) or str(exc))
            return
        self.dismiss(result)

    def refused(self, message: str) -> None:
        self.query_one("#error", Label).update(message)

    def action_cancel(self) -> None:
        if self.can_cancel:
            self.dismiss(None)
        else:
            self.refused("This cannot be skipped.")


class ConfirmScreen(TillModal[bool]):
    """A question naming what is at stake: Enter (or Y) answers yes, Escape (or N) no."""

    BINDINGS = [
        Binding("enter", "answer(True)", "Yes"),
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("escape", "answer(False)", "No"),
        Binding("n", "answer(False)", "No", show=False),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose_dialog(self) -> ComposeResult:
        yield Label(self.question, classes="dialog-title", markup=False)
        if self.detail:
            yield Label(self.detail, id="message", markup=False)
        yield Label("Enter: yes · Esc: no", classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


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
