"""Scanners: serial over a real local socket (with disconnect and reconnect), loop://,
keyboard-wedge burst detection, and the simulated scanner."""

from __future__ import annotations

import socket
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware.scanner import SerialScanner, SimulatedScanner, WedgeDetector, open_scanner


class FakeScannerDevice:
    """A TCP server standing in for a serial-over-IP scanner; one client at a time."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(1)
        self.port = self.server.getsockname()[1]
        self.client: socket.socket | None = None
        self.connected = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            self.client = client
            self.connected.set()

    def send(self, data: bytes) -> None:
        assert self.connected.wait(5)
        assert self.client is not None
        self.client.sendall(data)

    def drop(self) -> None:
        assert self.client is not None
        self.connected.clear()
        self.client.close()

    def close(self) -> None:
        self.server.close()


def test_serial_scanner_over_a_socket_with_reconnect() -> None:
    device = FakeScannerDevice()
    scanner = SerialScanner(f"socket://127.0.0.1:{device.port}", debounce_s=0.5, reconnect_s=0.05)
    try:
        assert scanner.read(0.2) is None and scanner.connected
        device.send(b"4006381333931\r5901234123457\r\n")
        assert scanner.read(2) == "4006381333931"
        assert scanner.read(2) == "5901234123457"
        device.send(b"4006381333931\r4006381333931\r")  # a double read of one scan
        assert scanner.read(2) == "4006381333931"
        assert scanner.read(0.3) is None
        device.drop()
        assert scanner.read(0.5) is None
        assert device.connected.wait(5), "the scanner reconnected"
        device.send(b"96385074\r")
        assert scanner.read(2) == "96385074"
    finally:
        scanner.close()
        device.close()


def test_serial_scanner_on_loop_url() -> None:
    scanner = SerialScanner("loop://", terminator=b"\n")
    try:
        assert scanner.read(0.1) is None
        assert scanner._port is not None
        scanner._port.write(b"73513537\n")
        assert scanner.read(1) == "73513537"
    finally:
        scanner.close()


def feed(detector: WedgeDetector, text: str, gap: float, start: float = 100.0) -> str | None:
    result = None
    for n, char in enumerate(text):
        result = detector.feed(char, start + n * gap)
    return result


def test_fast_burst_ending_in_enter_is_a_scan() -> None:
    assert feed(WedgeDetector(), "4006381333931\r", 0.01) == "4006381333931"


@pytest.mark.parametrize(
    ("text", "gap"), [("4006381333931\r", 0.2), ("12345\r", 0.01), ("4006381333931", 0.01)]
)
def test_typing_short_bursts_and_missing_enter_are_not_scans(text: str, gap: float) -> None:
    assert feed(WedgeDetector(), text, gap) is None


@given(st.lists(st.floats(0.05, 1.0), min_size=6, max_size=20))
def test_human_typing_is_never_a_scan(gaps: list[float]) -> None:
    detector = WedgeDetector()
    at = 0.0
    result = None
    for gap in gaps:
        at += gap
        result = detector.feed("7", at)
    at += 0.05
    assert detector.feed("\r", at) is None and result is None


def test_simulated_scanner_and_specs() -> None:
    sim = open_scanner("simulated")
    assert isinstance(sim, SimulatedScanner)
    sim.push("96385074")
    assert sim.read(0.1) == "96385074" and sim.read(0.01) is None
    assert open_scanner("wedge") is None
    assert isinstance(open_scanner("serial:loop://"), SerialScanner)
    with pytest.raises(ValueError):
        open_scanner("bluetooth:xx")
