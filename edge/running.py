"""One `edge serve` per data dir, and no restore under a running node: the serving process
holds an exclusive `flock` on `node.lock` for its lifetime (released by the kernel when the
process ends, however it ends)."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from shared.errors import Conflict
from shared.files import private_file

LOCK_FILE = "node.lock"


@contextlib.contextmanager
def serving(data_dir: Path) -> Iterator[None]:
    """Hold the node's lock while serving; a second server on the same data dir is refused."""
    fd = _open(data_dir)
    try:
        _lock(fd, "another `omnistore edge serve` is running on this data dir")
        yield
    finally:
        os.close(fd)


def refuse_if_running(data_dir: Path) -> None:
    """For commands that must not run beside a serving node (restore)."""
    fd = _open(data_dir)
    try:
        _lock(fd, "stop the node (`omnistore edge serve`) before restoring")
    finally:
        os.close(fd)


def _open(data_dir: Path) -> int:
    return os.open(private_file(data_dir / LOCK_FILE), os.O_RDWR)


def _lock(fd: int, message: str) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        raise Conflict("node_running", message) from exc
