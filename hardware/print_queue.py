"""A print queue so that a failing printer never loses or blocks a sale: the sale is already
committed; its receipt waits here, the cashier sees the printer state and retries later.

Jobs print in order. A job that fails because of the printer (offline, paper out, not found)
stays at the head with its error; `retry()` (or the next `submit`) prints what waits. A job
that fails for any other reason is a bug in the job: it is dropped with state "error" so it
cannot block every later receipt. No lock is held during printer I/O: a thread that submits
while another one prints only queues its job, and the printing thread prints it too.

The drawer opens only while the customer is there: a job sees the real printer if it prints
within `drawer_window_s` of its submission; later retries and every reprint get the printer
without `cashdraw`, so a receipt printed an hour late never opens the till unattended."""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hardware.printer import (
    DEVICE_ERRORS,
    NOT_FOUND,
    OFFLINE,
    PAPER_LOW,
    PAPER_OUT,
    PrinterConfigError,
    PrinterError,
    close_quietly,
    device_error,
    printer_status,
)

log = logging.getLogger(__name__)

OK, ERROR = "ok", "error"
_KEEP = (OFFLINE, PAPER_OUT, NOT_FOUND)  # states in which the failed job stays queued

Render = Callable[[Any], None]


@dataclass(frozen=True)
class PrintJob:
    """Something to print: a name for the screen and a function that drives the printer."""

    name: str
    render: Render


@dataclass
class _Entry:
    job: PrintJob
    submitted_at: float
    reprint: bool = False
    error: str | None = None


class PrintQueue:
    """Thread-safe; `open_printer` is called (again) whenever there is no working connection."""

    def __init__(
        self,
        open_printer: Callable[[], Any],
        *,
        drawer_window_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._open = open_printer
        self._drawer_window_s = drawer_window_s
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: deque[_Entry] = deque()
        self._draining = False
        self._printer: Any = None
        self._status_supported = True
        self._state = OK
        self._last_error: str | None = None
        self._last_printed: PrintJob | None = None

    @property
    def state(self) -> str:
        """ "ok", "paper_low", "offline", "paper_out", "not_found" or "error" (a job failed)."""
        return self._state

    @property
    def last_error(self) -> str | None:
        return self._last_error

    @property
    def last_printed(self) -> PrintJob | None:
        return self._last_printed

    def pending(self) -> list[str]:
        """Names of the jobs waiting, oldest first."""
        with self._lock:
            return [entry.job.name for entry in self._entries]

    def submit(self, job: PrintJob) -> bool:
        """Queue a job and print what waits; True when all of it printed now. False means
        it waits: the printer failed (see `state`) or another thread is printing it."""
        return self._enqueue(_Entry(job, self._clock()))

    def retry(self) -> bool:
        """Print what is waiting, oldest first; stop at the first printer failure."""
        with self._lock:
            if self._draining:
                return False
            self._draining = True
        return self._drain()

    def reprint_last(self) -> bool:
        """Queue the last printed job again (the customer lost the receipt); never the drawer."""
        last = self._last_printed
        if last is None:
            return False
        return self._enqueue(_Entry(last, self._clock(), reprint=True))

    def close(self) -> None:
        with self._lock:
            printer, self._printer = self._printer, None
        if printer is not None:
            close_quietly(printer)

    def _enqueue(self, entry: _Entry) -> bool:
        with self._lock:
            self._entries.append(entry)
            if self._draining:
                return False
            self._draining = True
        return self._drain()

    def _drain(self) -> bool:
        """Print until the queue is empty or the printer fails. The caller set `_draining`;
        it is cleared under the same lock as the emptiness check, so no job is stranded."""
        all_printed = True
        try:
            while True:
                with self._lock:
                    if not self._entries:
                        self._draining = False
                        return all_printed
                    entry = self._entries[0]
                state, error = self._attempt(entry)
                with self._lock:
                    self._state, self._last_error = state, error
                    if state in _KEEP:
                        entry.error = error
                        self._draining = False
                        return False
                    self._entries.popleft()
                    if state == ERROR:
                        all_printed = False
                    elif not entry.reprint:
                        self._last_printed = entry.job
        except BaseException:
            with self._lock:
                self._draining = False
            raise

    def _attempt(self, entry: _Entry) -> tuple[str, str | None]:
        """Print one job: (state, error). Runs without the lock."""
        try:
            printer = self._connect()
            status = printer_status(printer) if self._status_supported else None
            if status is None:
                self._status_supported = False
            elif status in (OFFLINE, PAPER_OUT):
                return status, f"the printer reports {status.replace('_', ' ')}"
            entry.job.render(printer if self._may_open_drawer(entry) else _WithoutDrawer(printer))
        except PrinterError as exc:
            self._disconnect()
            return exc.state, str(exc)
        except DEVICE_ERRORS as exc:
            self._disconnect()
            failure = device_error(exc, f"printing {entry.job.name} failed")
            return failure.state, str(failure)
        except Exception as exc:
            log.exception("print job %s failed; dropped", entry.job.name)
            return ERROR, f"{entry.job.name} could not be printed: {exc}"
        return (PAPER_LOW if status == PAPER_LOW else OK), None

    def _connect(self) -> Any:
        if self._printer is None:
            try:
                self._printer = self._open()
            except PrinterConfigError as exc:
                raise PrinterError(NOT_FOUND, str(exc)) from exc
            except DEVICE_ERRORS as exc:
                raise device_error(exc, "printer not available") from exc
            self._status_supported = True
        return self._printer

    def _disconnect(self) -> None:
        printer, self._printer = self._printer, None
        if printer is not None:
            close_quietly(printer)

    def _may_open_drawer(self, entry: _Entry) -> bool:
        return not entry.reprint and self._clock() - entry.submitted_at <= self._drawer_window_s


class _WithoutDrawer:
    """The printer as a late job sees it: everything but the drawer kick."""

    def __init__(self, printer: Any) -> None:
        self._printer = printer

    def cashdraw(self, pin: Any) -> None:
        log.info("drawer kick skipped: receipt printed late or reprinted")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._printer, name)
