"""Scanners: serial over a real local TCP socket (terminators, debounce, disconnect and
reconnect), loop://, reconnect backoff, closing, the simulated scanner and the specs."""

from __future__ import annotations

import itertools
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import serial

from hardware import serial_scanner
from hardware.scanner import (
    Scanner,
    ScannerConfigError,
    SerialScanner,
    SimulatedScanner,
    open_scanner,
)

EAN = ("4006381333931", "5901234123457", "96385074")


class FakeScannerDevice:
    """A TCP server standing in for a serial-over-IP scanner; one client at a time."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.client: socket.socket | None = None
        self.accepted = threading.Semaphore(0)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            self.client = client
            self.accepted.release()

    def wait_for_client(self) -> None:
        assert self.accepted.acquire(timeout=3), "the scanner connected"

    def wait_for_reconnect(self, scanner: SerialScanner) -> None:
        """Keep reading (a polled scanner reconnects while it is read) until it is back."""
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            assert scanner.read(0.05) is None
            if self.accepted.acquire(timeout=0):
                return
        pytest.fail("the scanner did not reconnect")

    def send(self, data: bytes) -> None:
        assert self.client is not None
        self.client.sendall(data)

    def drop(self) -> None:
        assert self.client is not None
        self.client.close()
        self.client = None

    def close(self) -> None:
        self.server.close()
        if self.client is not None:
            self.client.close()


@pytest.fixture
def device() -> Iterator[FakeScannerDevice]:
    fake = FakeScannerDevice()
    yield fake
    fake.close()


def scanner_for(device: FakeScannerDevice, **options: Any) -> SerialScanner:
    scanner = SerialScanner(f"socket://127.0.0.1:{device.port}", **options)
    assert scanner.read(0.05) is None and scanner.connected
    device.wait_for_client()
    return scanner


def read_all(scanner: SerialScanner, timeout: float = 0.3) -> list[str]:
    codes = []
    while (code := scanner.read(timeout)) is not None:
        codes.append(code)
    return codes


@pytest.mark.parametrize(
    ("terminator", "wire"),
    [
        (b"\r", b"4006381333931\r5901234123457\r96385074\r"),
        (b"\r", b"4006381333931\r\n5901234123457\r\n96385074\r\n"),  # LF stripped
        (b"\n", b"4006381333931\n5901234123457\r\n96385074\n"),  # CR stripped
        (b"\r\n", b"4006381333931\r\n5901234123457\r\n96385074\r\n"),
    ],
)
def test_codes_end_at_the_terminator(
    device: FakeScannerDevice, terminator: bytes, wire: bytes
) -> None:
    scanner = scanner_for(device, terminator=terminator)
    try:
        device.send(wire[:7])  # a code split across packets
        assert scanner.read(0.1) is None
        device.send(wire[7:] + b"12345")  # and an unfinished one
        assert read_all(scanner) == list(EAN)
    finally:
        scanner.close()


def test_debounce_drops_a_repeat_but_not_a_different_code(device: FakeScannerDevice) -> None:
    scanner = scanner_for(device, debounce_s=0.3)
    try:
        device.send(b"4006381333931\r4006381333931\r")  # one scan read twice
        assert read_all(scanner, 0.2) == ["4006381333931"]
        device.send(b"96385074\r4006381333931\r96385074\r")  # B A B: all real scans
        assert read_all(scanner, 0.2) == ["96385074", "4006381333931", "96385074"]
        time.sleep(0.35)
        device.send(b"96385074\r96385074\r")  # the debounce has passed: read again, once
        assert read_all(scanner, 0.2) == ["96385074"]
    finally:
        scanner.close()


def test_reconnects_after_the_device_drops(device: FakeScannerDevice) -> None:
    scanner = scanner_for(device, reconnect_s=0.05)
    try:
        device.send(b"4006381333931\r5901234123457\r")
        device.drop()  # codes sent just before the drop are not lost
        assert read_all(scanner, 0.3) == ["4006381333931", "5901234123457"]
        device.wait_for_reconnect(scanner)
        assert scanner.connected
        device.send(b"96385074\r")
        assert scanner.read(2) == "96385074"
        device.send(b"123")  # half a code, then the line drops again
        assert scanner.read(0.2) is None
        device.drop()
        device.wait_for_reconnect(scanner)
        device.send(b"4006381333931\r")
        assert scanner.read(2) == "4006381333931", "the half code was dropped"
    finally:
        scanner.close()


def test_backoff_grows_and_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    real = serial.serial_for_url
    attempts: list[float] = []

    def flaky_open(url: str, **kwargs: Any) -> serial.SerialBase:
        attempts.append(time.monotonic())
        if len(attempts) <= 6:
            raise serial.SerialException("device not present")
        return real("loop://", **kwargs)

    monkeypatch.setattr(serial_scanner.serial, "serial_for_url", flaky_open)
    scanner = SerialScanner("/dev/ttyACM9", reconnect_s=0.02, max_reconnect_s=0.08)
    try:
        deadline = time.monotonic() + 3
        while not scanner.connected and time.monotonic() < deadline:
            assert scanner.read(0.05) is None
        assert scanner.connected and len(attempts) == 7
        gaps = [b - a for a, b in itertools.pairwise(attempts)]
        for gap, expected in zip(gaps, [0.02, 0.04, 0.08, 0.08, 0.08, 0.08], strict=True):
            assert expected * 0.9 <= gap <= expected + 0.1, (gaps, expected)
        assert scanner.port is not None
        scanner.port.write(b"96385074\r")
        assert scanner.read(1) == "96385074"
    finally:
        scanner.close()


def test_loop_url_reads_back_what_is_written() -> None:
    scanner = SerialScanner("loop://", terminator=b"\n")
    try:
        assert scanner.read(0.05) is None and scanner.connected and scanner.port is not None
        scanner.port.write(b"73513537\n73513537\n5901234123457\n")
        assert read_all(scanner, 0.1) == ["73513537", "5901234123457"]
    finally:
        scanner.close()


def test_an_absent_device_is_not_an_error() -> None:
    scanner = SerialScanner("/dev/omnistore-no-such-tty", reconnect_s=0.05)
    started = time.monotonic()
    assert scanner.read(0.2) is None and not scanner.connected
    assert time.monotonic() - started < 1
    scanner.close()


def test_close_ends_a_waiting_read_at_once() -> None:
    scanner = SerialScanner("/dev/omnistore-no-such-tty", reconnect_s=10)
    result: list[str | None] = []
    reader = threading.Thread(target=lambda: result.append(scanner.read(5)))
    reader.start()
    time.sleep(0.1)
    started = time.monotonic()
    scanner.close()
    reader.join(2)
    assert result == [None] and time.monotonic() - started < 1
    assert scanner.read(1) is None


def test_bad_terminator_is_refused() -> None:
    with pytest.raises(ValueError):
        SerialScanner("loop://", terminator=b";")


def test_simulated_scanner() -> None:
    sim = SimulatedScanner()
    assert isinstance(sim, Scanner) and sim.connected
    sim.push("96385074")
    sim.push("4006381333931")
    assert sim.read(0.1) == "96385074" and sim.read(0.1) == "4006381333931"
    assert sim.read(0.01) is None
    sim.push("1")
    sim.close()
    assert sim.read(1) is None and not sim.connected


def test_scanner_specs() -> None:
    assert isinstance(open_scanner("simulated"), SimulatedScanner)
    assert open_scanner("wedge") is None and open_scanner(" none ") is None
    plain = open_scanner("serial:/dev/ttyACM0")
    assert isinstance(plain, SerialScanner) and isinstance(plain, Scanner)
    assert (plain.url, plain.terminator, plain.baudrate) == ("/dev/ttyACM0", b"\r", 9600)
    assert not plain.connected, "nothing is opened before the first read"
    tuned = open_scanner(
        "serial:socket://127.0.0.1:9999,terminator=crlf,baudrate=115200,debounce_s=0.2,"
        "reconnect_s=2"
    )
    assert isinstance(tuned, SerialScanner)
    assert tuned.url == "socket://127.0.0.1:9999" and tuned.terminator == b"\r\n"
    assert (tuned.baudrate, tuned.debounce_s, tuned.reconnect_s) == (115200, 0.2, 2.0)
    loop = open_scanner("serial:loop://,terminator=LF")
    assert isinstance(loop, SerialScanner) and loop.terminator == b"\n"


@pytest.mark.parametrize(
    "spec",
    [
        "",
        "bluetooth:xx",
        "serial:",
        "serial:,baudrate=9600",
        "serial:loop://,terminator=tab",
        "serial:loop://,baudrate=fast",
        "serial:loop://,baudrate=0",
        "serial:loop://,debounce_s=-1",
        "serial:loop://,reconnect_s=nan",
        "serial:loop://,parity=E",
        "simulated:1",
        "wedge:x",
    ],
)
def test_bad_scanner_specs(spec: str) -> None:
    with pytest.raises(ScannerConfigError, match="bad scanner"):
        open_scanner(spec)
