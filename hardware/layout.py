"""Fixed-width text layout for receipt paper: 58 mm paper has 32 columns, 80 mm has 48."""

from __future__ import annotations

import textwrap

PAPER_COLUMNS = {58: 32, 80: 48}


def columns(paper_mm: int) -> int:
    """Characters per line for a paper width (font A)."""
    if paper_mm not in PAPER_COLUMNS:
        raise ValueError(f"paper must be 58 or 80 mm, not {paper_mm}")
    return PAPER_COLUMNS[paper_mm]


def two_columns(left: str, right: str, width: int) -> str:
    """`left` and `right` on one line; the left side is cut, never the amount on the right."""
    room = max(0, width - len(right) - 1)
    return f"{left[:room]:<{room}} {right}"[-width:] if right else left[:width]


def wrap(text: str, width: int) -> list[str]:
    """Wrap prose to the paper width."""
    return textwrap.wrap(text, width) or [""]


def rule(width: int, char: str = "-") -> str:
    return char * width
