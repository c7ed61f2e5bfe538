"""Drawing on receipt paper through the escpos API. Every text line of every document goes
through a `Ticket`, so no line is ever wider than the paper."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from hardware.layout import columns, fit, rule, table, two_columns, wrap
from shared.clock import parse_ts

QR_SIZE = 6  # dots per module: a 50-character QR is ~200 dots, under 58 mm paper's 384


class Ticket:
    """A printer and a paper width (58/80 mm or a `Paper`)."""

    def __init__(self, printer: Any, paper: int) -> None:
        self.printer = printer
        self.width = columns(paper)

    def title(self, text: str) -> None:
        """Centred, bold, double height (double height keeps the column count)."""
        self.printer.set(align="center", bold=True, double_height=True)
        for line in wrap(text, self.width):
            self.printer.textln(line)
        self._plain()

    def big(self, text: str) -> None:
        """Double width and height, for a label read from a distance: half the columns."""
        self.printer.set(align="center", bold=True, double_width=True, double_height=True)
        for line in wrap(text, self.width // 2):
            self.printer.textln(line)
        self._plain()

    def line(self, text: str = "") -> None:
        self.printer.textln(fit(text, self.width))

    def wrapped(self, text: str) -> None:
        for line in wrap(text, self.width):
            self.printer.textln(line)

    def pair(self, left: str, right: str, *, strong: bool = False) -> None:
        """A label and a right-aligned amount; `strong`: bold and double height (totals)."""
        if strong:
            self.printer.set(bold=True, double_height=True)
        self.printer.textln(two_columns(left, right, self.width))
        if strong:
            self._plain()

    def rule(self) -> None:
        self.printer.textln(rule(self.width))

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """Aligned columns; on paper too narrow for them, one `label: value` line each."""
        lines = table([header, *rows], self.width)
        if lines is not None:
            for text in lines:
                self.printer.textln(text)
            return
        for row in rows:
            self.line(row[0])
            for label, value in zip(header[1:], row[1:], strict=True):
                self.pair(f"  {label}", value)

    def qr(self, content: str) -> None:
        """A native ESC/POS QR (`GS ( k`: the printer draws it), centred by alignment."""
        self.printer.set(align="center")
        self.printer.qr(content, native=True, size=QR_SIZE)
        self.printer.set(align="left")

    def cut(self) -> None:
        self.printer.cut()

    def _plain(self) -> None:
        self.printer.set(
            align="left", bold=False, double_width=False, double_height=False, normal_textsize=True
        )


def local_time(moment: datetime | str | None) -> str:
    """An instant as the store reads it: the node's local time, to the minute."""
    if moment is None or moment == "":
        return "-"
    instant = parse_ts(moment) if isinstance(moment, str) else moment
    return instant.astimezone().strftime("%Y-%m-%d %H:%M")
