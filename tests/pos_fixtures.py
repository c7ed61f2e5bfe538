"""A till on a temp node: the app, its Dummy printer's output, a fixed clock."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from escpos.printer import Dummy

from pos_tui.app import PosApp, make_app
from tests.edge_fixtures import Node

FIXED = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


class SharedDummy(Dummy):  # type: ignore[misc]
    """One Dummy for every job, so the test sees all bytes printed."""


def till(node: Node, **kwargs: Any) -> tuple[PosApp, SharedDummy]:
    printer = SharedDummy()
    app = make_app(node.data_dir, printer=printer, clock=lambda: FIXED, **kwargs)
    return app, printer


def data_dir(node: Node) -> Path:
    return node.data_dir


def pilot_test(fn: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async pilot test on a fresh event loop (no pytest-asyncio needed)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return wrapper
