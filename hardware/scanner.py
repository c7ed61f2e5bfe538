"""Barcode scanners: serial ones (pyserial: /dev/ttyACM0, socket://host:port, loop://),
keyboard-wedge ones (recognised in the TUI by their keystroke bursts), and a simulated one.

A scanner is read by polling `read(timeout)`, which returns one code or None; this suits a
Textual worker thread and tests alike."""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from typing import Protocol

import serial


class Scanner(Protocol):
    def read(self, timeout: float) -> str | None: ...

    def close(self) -> None: ...


class SimulatedScanner:
    """Codes pushed in by code: the demo and tests."""

    def __init__(self) -> None:
        self._codes: queue.Queue[str] = queue.Queue()

    def push(self, code: str) -> None:
        self._codes.put(code)

    def read(self, timeout: float) -> str | None:
        try:
            return self._codes.get(timeout=timeout)
        except queue.Empty:
            return None

    def close(self) -> None:
        return None


class SerialScanner:
    """A scanner on a serial line. Splits on the terminator, drops a repeat of the same code
    within `debounce_s`, and reconnects (with backoff) when the device goes away."""

    def __init__(
        self,
        url: str,
        *,
        terminator: bytes = b"\r",
        debounce_s: float = 0.5,
        baudrate: int = 9600,
        reconnect_s: float = 0.5,
    ) -> None:
        self.url = url
        self.terminator = terminator
        self.debounce_s = debounce_s
        self.baudrate = baudrate
        self.reconnect_s = reconnect_s
        self._port: serial.SerialBase | None = None
        self._buffer = b""
        self._last: tuple[str, float] = ("", 0.0)
        self._lock = threading.Lock()
        self.connected = False

    def read(self, timeout: float) -> str | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            code = self._next_code()
            if code is not None:
                return code
            port = self._ensure_port()
            if port is None:
                time.sleep(min(self.reconnect_s, max(0.0, deadline - time.monotonic())))
                continue
            try:
                port.timeout = min(0.1, max(0.01, deadline - time.monotonic()))
                chunk = port.read(256)
                if not chunk and self._socket_closed(port):
                    raise serial.SerialException("device closed the connection")
            except (serial.SerialException, OSError):
                self._drop()
                continue
            self._buffer += (
                chunk.replace(b"\n", self.terminator) if self.terminator == b"\r" else chunk
            )
        return self._next_code()

    def close(self) -> None:
        self._drop()

    def _next_code(self) -> str | None:
        while self.terminator in self._buffer:
            raw, self._buffer = self._buffer.split(self.terminator, 1)
            code = raw.strip(b"\r\n \t").decode("ascii", "replace")
            if not code:
                continue
            now = time.monotonic()
            if code == self._last[0] and now - self._last[1] < self.debounce_s:
                continue
            self._last = (code, now)
            return code
        return None

    def _ensure_port(self) -> serial.SerialBase | None:
        if self._port is not None:
            return self._port
        try:
            self._port = serial.serial_for_url(self.url, baudrate=self.baudrate, timeout=0.1)
        except (serial.SerialException, OSError, ValueError):
            self.connected = False
            return None
        self.connected = True
        return self._port

    def _drop(self) -> None:
        if self._port is not None:
            with contextlib.suppress(serial.SerialException, OSError):
                self._port.close()
        self._port, self.connected = None, False

    @staticmethod
    def _socket_closed(port: serial.SerialBase) -> bool:
        """pyserial's socket:// returns b"" both for 'nothing yet' and for a closed peer."""
        sock = getattr(port, "_socket", None)
        if sock is None:
            return False
        try:
            import socket

            sock.setblocking(False)
            try:
                return sock.recv(1, socket.MSG_PEEK) == b""
            except BlockingIOError:
                return False
            finally:
                sock.setblocking(True)
        except OSError:
            return True


class WedgeDetector:
    """Tells a keyboard-wedge scanner from a person typing: a scanner 'types' a burst of at
    least `min_length` characters, each within `max_gap_s` of the previous, then Enter."""

    def __init__(self, min_length: int = 6, max_gap_s: float = 0.035) -> None:
        self.min_length = min_length
        self.max_gap_s = max_gap_s
        self._burst: list[str] = []
        self._last_at: float | None = None

    def feed(self, char: str, at: float) -> str | None:
        """One keystroke; returns the scanned code when this Enter ends a scanner burst."""
        fast = self._last_at is not None and at - self._last_at <= self.max_gap_s
        self._last_at = at
        if char in ("\r", "\n"):
            code = "".join(self._burst)
            is_scan = fast and len(code) >= self.min_length
            self._burst = []
            return code if is_scan else None
        if not char.isprintable() or len(char) != 1:
            self._burst = []
            return None
        if not fast:
            self._burst = []
        self._burst.append(char)
        return None

    def pending(self) -> str:
        """Keystrokes of the current burst (give them back to the input when it was typing)."""
        return "".join(self._burst)


def open_scanner(spec: str) -> Scanner | None:
    """`serial:URL[,terminator=crlf]`, `simulated`, or `wedge`/`none` (the TUI reads keys)."""
    kind, _, rest = spec.partition(":")
    if kind in ("wedge", "none", ""):
        return None
    if kind == "simulated":
        return SimulatedScanner()
    if kind == "serial" and rest:
        url, _, option = rest.partition(",")
        terminator = {"terminator=crlf": b"\r\n", "terminator=lf": b"\n"}.get(option, b"\r")
        return SerialScanner(url, terminator=terminator)
    raise ValueError(f"bad scanner spec {spec!r}: use serial:URL, simulated or wedge")
