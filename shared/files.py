"""Files and directories the node or cloud creates are readable by their own user only
(SPEC §13): directories 0700, files 0600, whatever the umask of the process."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
UMASK = 0o077


def private_dir(path: Path) -> Path:
    """Make `path` and any missing parents as 0700. Directories that already exist keep
    their mode: they may be shared ones such as the working directory."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for directory in reversed(missing):
        with contextlib.suppress(FileExistsError):
            directory.mkdir(mode=DIR_MODE)
        os.chmod(directory, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty as 0600 when it is missing, and make it 0600 when it exists (a
    file of ours that an older version left readable).

    An existing file is never opened here: closing any descriptor of a file drops every
    POSIX lock this process holds on it, which would silently release the locks of SQLite
    connections already open on a database."""
    private_dir(path.parent)
    if not path.exists():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    if stat.S_IMODE(path.stat().st_mode) != FILE_MODE:
        os.chmod(path, FILE_MODE)
    return path


def tighten(*paths: Path) -> None:
    """chmod 0600 those of `paths` that exist (SQLite's -wal and -shm files)."""
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            if stat.S_IMODE(path.stat().st_mode) != FILE_MODE:
                os.chmod(path, FILE_MODE)


def sqlite_companions(path: Path) -> tuple[Path, Path]:
    """The -wal and -shm files SQLite keeps beside a database in WAL mode."""
    return Path(f"{path}-wal"), Path(f"{path}-shm")
