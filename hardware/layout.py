"""Fixed-width text layout for receipt paper, kept free of printer I/O so every rule about
widths is unit-tested on plain strings: 58 mm paper has 32 columns, 80 mm has 48 (font A)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from enum import IntEnum

from shared.money import format_money


class Paper(IntEnum):
    """Receipt paper by its width in millimetres."""

    MM58 = 58
    MM80 = 80

    @property
    def columns(self) -> int:
        return PAPER_COLUMNS[self]


PAPER_COLUMNS = {Paper.MM58: 32, Paper.MM80: 48}


def columns(paper: int) -> int:
    """Characters per line: `paper` is 58 or 80 (mm, or a `Paper`); 32 and 48 are taken as
    column counts already, so a caller thinking in columns gets the same answer."""
    for kind, count in PAPER_COLUMNS.items():
        if paper in (kind.value, count):
            return count
    raise ValueError(f"paper must be 58 or 80 mm (32 or 48 columns), not {paper}")


def fit(text: str, width: int) -> str:
    """Cut text to the width: a line longer than the paper would wrap mid-word on the printer."""
    return text[:width]


def two_columns(left: str, right: str, width: int) -> str:
    """`left` and `right` on one line of exactly `width`; the left side is cut, never the
    amount on the right."""
    if not right:
        return fit(left, width)
    room = max(0, width - len(right) - 1)
    return f"{left[:room]:<{room}} {right}"[-width:]


def wrap(text: str, width: int) -> list[str]:
    """Prose (a long product name) over as many lines as it needs, none wider than `width`."""
    return textwrap.wrap(text, width) or [""]


def rule(width: int, char: str = "-") -> str:
    return char * width


def table(rows: Sequence[Sequence[str]], width: int) -> list[str] | None:
    """Rows of cells as aligned lines of exactly `width`: the first column left-aligned and
    stretched, the others right-aligned. None when the columns cannot fit side by side, so
    the caller can fall back to one value per line rather than cut a number."""
    if not rows:
        return []
    count = len(rows[0])
    if any(len(row) != count for row in rows):
        raise ValueError("every row needs the same number of cells")
    widths = [max(len(row[i]) for row in rows) for i in range(1, count)]
    first = width - sum(widths) - len(widths)
    if first < max(len(row[0]) for row in rows):
        return None
    return [
        row[0].ljust(first)
        + "".join(" " + cell.rjust(w) for cell, w in zip(row[1:], widths, strict=True))
        for row in rows
    ]


def amount(value: int, currency: str) -> str:
    """An amount without its currency code, for tables whose heading names the currency."""
    return format_money(value, currency).rsplit(" ", 1)[0]


def percent(rate_bp: int) -> str:
    """A VAT rate in basis points as people write it: 2000 → "20%", 550 → "5.5%"."""
    whole, rest = divmod(rate_bp, 100)
    return f"{whole}%" if not rest else f"{whole}.{rest:02d}".rstrip("0") + "%"
