"""Messages the till's parts send each other: small dataclasses, handled with `@on`."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from shared.models import Return, Sale


@dataclass
class Scanned(Message):
    """A code from the hardware scanner or a keyboard-wedge burst."""

    code: str


@dataclass
class SaleCommitted(Message):
    """A sale was recorded (its receipt is on its way to the printer)."""

    sale: Sale


@dataclass
class ReturnCommitted(Message):
    """A return was recorded (its slip is on its way to the printer)."""

    ret: Return


@dataclass
class PrintDone(Message):
    """A print job finished or was queued for later: the status bar shows which."""

    name: str
    printed: bool
    announce: bool = False  # asked for (F9): say what was printed
