"""A print queue so that a failing printer never loses or blocks a sale: the sale is already
committed; its receipt waits here, the cashier sees the printer state and reprints later."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hardware.printer import PrinterError, check_ready

Render = Callable[[Any], None]


@dataclass(frozen=True)
class PrintJob:
    """Something to print: a name for the screen and a function that drives the printer."""

    name: str
    render: Render


class PrintQueue:
    """Jobs print in order; a job that fails stays at the head until `retry()` succeeds."""

    def __init__(self, open_printer: Callable[[], Any]) -> None:
        self._open = open_printer
        self._jobs: deque[PrintJob] = deque()
        self._lock = threading.Lock()
        self._io = threading.Lock()
        self.state = "ok"
        self.last_error: str | None = None
        self.last_printed: PrintJob | None = None

    def submit(self, job: PrintJob) -> bool:
        """Queue a job and try to print everything waiting; True when all of it printed."""
        with self._lock:
            self._jobs.append(job)
        return self.retry()

    def retry(self) -> bool:
        """Print what is waiting, oldest first; stop at the first failure."""
        with self._io:
            while True:
                with self._lock:
                    if not self._jobs:
                        self.state, self.last_error = "ok", None
                        return True
                    job = self._jobs[0]
                try:
                    self._print(job)
                except PrinterError as exc:
                    self.state, self.last_error = exc.state, str(exc)
                    return False
                with self._lock:
                    self._jobs.popleft()
                    self.last_printed = job

    def reprint_last(self) -> bool:
        """Print the last printed job again (customer lost the receipt)."""
        if self.last_printed is None:
            return False
        return self.submit(self.last_printed)

    def pending(self) -> list[str]:
        with self._lock:
            return [job.name for job in self._jobs]

    def _print(self, job: PrintJob) -> None:
        printer = self._open()
        check_ready(printer)
        try:
            job.render(printer)
        except PrinterError:
            raise
        except Exception as exc:  # USB/serial/network errors of every back-end
            raise PrinterError("offline", f"printing {job.name} failed: {exc}") from exc
