"""The print queue: a printer that fails never loses or blocks a receipt."""

from __future__ import annotations

import threading
import time
from typing import Any

from escpos.printer import Dummy
from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.print_queue import PrintJob, PrintQueue
from hardware.printer import PrinterConfigError, PrinterError, kick_drawer

DRAWER = b"\x1bp"


class FlakyPrinter(Dummy):
    """Fails like an unplugged printer while `down`; can answer status queries."""

    def __init__(self) -> None:
        super().__init__()
        self.down = False
        self.paper = b"\x12"  # plenty

    def _raw(self, msg: bytes) -> None:
        if self.down:
            raise OSError("printer unplugged")
        super()._raw(msg)

    def _read(self) -> bytes:
        return b"\x12" if self.output.endswith(b"\x10\x04\x01") else self.paper


def job(name: str, drawer: bool = False) -> PrintJob:
    def render(printer: Any) -> None:
        if drawer:
            kick_drawer(printer)
        printer.textln(name)

    return PrintJob(name, render)


def printed(printer: Dummy) -> list[str]:
    """The job names in the output, in order (status queries and drawer kicks left out)."""
    text = printer.output.replace(b"\x10\x04\x01", b"").replace(b"\x10\x04\x04", b"")
    text = text.replace(b"\x1bp\x0022", b"").replace(b"\x1bt\x00", b"")
    return text.decode().split()


def test_failing_printer_keeps_the_job_and_prints_it_once_when_back() -> None:
    printer = FlakyPrinter()
    printer.down = True
    queue = PrintQueue(lambda: printer)
    started = time.monotonic()
    assert queue.submit(job("S1-1-1")) is False
    assert queue.submit(job("S1-1-2")) is False
    assert time.monotonic() - started < 0.5
    assert queue.state == "offline" and "printer unplugged" in (queue.last_error or "")
    assert queue.pending() == ["S1-1-1", "S1-1-2"] and printed(printer) == []
    printer.down = False
    assert queue.retry() is True
    assert printed(printer) == ["S1-1-1", "S1-1-2"]
    assert queue.pending() == [] and queue.state == "ok" and queue.last_error is None
    assert queue.retry() is True and printed(printer) == ["S1-1-1", "S1-1-2"]
    assert queue.reprint_last() is True
    assert printed(printer) == ["S1-1-1", "S1-1-2", "S1-1-2"]


def test_paper_out_and_low_from_the_printer_status() -> None:
    printer = FlakyPrinter()
    printer.paper = b"\x72"
    queue = PrintQueue(lambda: printer)
    assert queue.submit(job("S1-1-1")) is False
    assert queue.state == "paper_out" and queue.pending() == ["S1-1-1"]
    assert printed(printer) == []
    printer.paper = b"\x1e"  # near the end: prints, and says so
    assert queue.retry() is True and queue.state == "paper_low"
    printer.paper = b"\x12"
    assert queue.submit(job("S1-1-2")) is True and queue.state == "ok"
    assert printed(printer) == ["S1-1-1", "S1-1-2"]


def test_printer_not_found_reopens_when_it_is_back() -> None:
    printer = Dummy()
    attempts: list[int] = []

    def opener() -> Any:
        attempts.append(1)
        if len(attempts) < 3:
            raise PrinterError("not_found", "no printer on usb:04b8:0202")
        return printer

    queue = PrintQueue(opener)
    assert queue.submit(job("A")) is False and queue.state == "not_found"
    assert queue.retry() is False
    assert queue.retry() is True and printed(printer) == ["A"]
    assert queue.submit(job("B")) is True and len(attempts) == 3, "the connection is kept"


def test_a_bad_spec_keeps_jobs_rather_than_dropping_them() -> None:
    def opener() -> Any:
        raise PrinterConfigError("bad printer spec 'usb:zz'")

    queue = PrintQueue(opener)
    assert queue.submit(job("A")) is False
    assert queue.state == "not_found" and "bad printer spec" in (queue.last_error or "")
    assert queue.pending() == ["A"]


def test_a_job_that_fails_on_its_own_is_dropped_and_does_not_block_the_queue() -> None:
    printer = Dummy()
    queue = PrintQueue(lambda: printer)

    def broken(_: Any) -> None:
        raise KeyError("sales_total")

    assert queue.submit(PrintJob("broken", broken)) is False
    assert queue.state == "error" and "sales_total" in (queue.last_error or "")
    assert queue.pending() == []
    assert queue.submit(job("next")) is True and queue.state == "ok"
    assert printed(printer) == ["next"]


def test_the_drawer_opens_only_while_the_customer_is_there() -> None:
    now = [1000.0]
    printer = FlakyPrinter()
    queue = PrintQueue(lambda: printer, drawer_window_s=60, clock=lambda: now[0])
    assert queue.submit(job("cash-1", drawer=True)) is True
    assert printer.output.count(DRAWER) == 1
    assert queue.reprint_last() is True
    assert printer.output.count(DRAWER) == 1, "a reprint never opens the drawer"
    assert printed(printer) == ["cash-1", "cash-1"]

    printer.down = True
    assert queue.submit(job("cash-2", drawer=True)) is False
    printer.down = False
    now[0] += 30
    assert queue.retry() is True and printer.output.count(DRAWER) == 2, "back in time"

    printer.down = True
    assert queue.submit(job("cash-3", drawer=True)) is False
    printer.down = False
    now[0] += 3600
    assert queue.retry() is True
    assert printer.output.count(DRAWER) == 2, "an hour late: receipt yes, drawer no"
    assert printed(printer) == ["cash-1", "cash-1", "cash-2", "cash-3"]


def test_no_lock_is_held_while_the_printer_blocks() -> None:
    gate, busy = threading.Event(), threading.Event()

    class SlowPrinter(Dummy):
        def _raw(self, msg: bytes) -> None:
            busy.set()
            assert gate.wait(5)
            super()._raw(msg)

    printer = SlowPrinter()
    queue = PrintQueue(lambda: printer)
    first = threading.Thread(target=queue.submit, args=(job("first"),))
    first.start()
    assert busy.wait(2)
    started = time.monotonic()
    assert queue.pending() == ["first"]
    assert queue.submit(job("second")) is False, "queued behind the printing thread"
    assert queue.retry() is False
    assert queue.pending() == ["first", "second"]
    assert time.monotonic() - started < 0.5, "nothing waited for the printer"
    gate.set()
    first.join(5)
    assert queue.pending() == [] and printed(printer) == ["first", "second"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["submit", "down", "up", "retry", "reprint"]), max_size=30))
def test_every_receipt_prints_exactly_once_in_order(steps: list[str]) -> None:
    printer = FlakyPrinter()
    queue = PrintQueue(lambda: printer)
    submitted: list[str] = []
    reprints = 0
    for step in steps:
        if step == "submit":
            submitted.append(f"R{len(submitted)}")
            queue.submit(job(submitted[-1]))
        elif step == "reprint" and queue.last_printed is not None:
            reprints += 1  # queued now, printed now or later
            queue.reprint_last()
        elif step in ("down", "up"):
            printer.down = step == "down"
        elif step == "retry":
            queue.retry()
    printer.down = False
    assert queue.retry() is True and queue.pending() == []
    names = printed(printer)
    assert list(dict.fromkeys(names)) == submitted, "every receipt, in order"
    assert len(names) == len(submitted) + reprints, "and none twice except reprints"


def test_reprint_with_nothing_printed_yet() -> None:
    queue = PrintQueue(Dummy)
    assert queue.reprint_last() is False and queue.pending() == []
