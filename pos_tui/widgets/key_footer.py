"""The footer as a grid of keys, so that every till key is visible at 80 columns (in two
rows) and a wide terminal shows them in one. F-keys come first, in order, as on the
keyboard; the command palette key last."""

from __future__ import annotations

from math import ceil

from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer


def _order(widget: Widget) -> tuple[int, int, str]:
    key = str(getattr(widget, "key", ""))
    if widget.has_class("-command-palette"):
        return (2, 0, key)
    if key.startswith("f") and key[1:].isdigit():
        return (0, int(key[1:]), key)
    return (1, 0, key)


def _label_width(widget: Widget) -> int:
    display = str(getattr(widget, "key_display", "") or getattr(widget, "key", ""))
    return len(display) + 1 + len(str(getattr(widget, "description", "")))


class KeyFooter(Footer):
    DEFAULT_CSS = """
    KeyFooter { layout: grid; grid-gutter: 0 0; height: auto; }
    KeyFooter.-compact FooterKey { width: 1fr; margin: 0; }
    KeyFooter FooterKey.-command-palette { dock: none; border-left: none; padding-right: 0; }
    """

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=True)
        self._laid_out_for = 0

    def compose(self) -> ComposeResult:
        keys = sorted(super().compose(), key=_order)
        cell = max((_label_width(key) for key in keys), default=10) + 1
        columns = max(1, min(len(keys) or 1, self.app.size.width // cell))
        self.styles.grid_size_columns = columns
        self.styles.height = max(1, ceil(len(keys) / columns))
        yield from keys

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_for:
            self._laid_out_for = event.size.width
            self.call_after_refresh(self.recompose)
