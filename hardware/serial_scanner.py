"""A barcode scanner on a serial line, through pyserial's `serial_for_url`: a USB-CDC scanner
(`/dev/ttyACM0`), a serial-over-IP bridge (`socket://host:port`) or `loop://` in tests.

The scanner is polled: `read(timeout)` does the I/O in the caller's thread (the TUI runs it
in a worker), so there is no background thread to start, stop or leak."""

from __future__ import annotations

import collections
import contextlib
import logging
import threading
import time

import serial

log = logging.getLogger(__name__)

POLL_S = 0.05  # port read timeout: how late `read` may return, and how soon `close` is seen
MAX_BUFFER = 4096  # bytes without a terminator: noise or a wrong terminator setting


class SerialScanner:
    """Reads codes ended by `terminator` (b"\\r", b"\\n" or b"\\r\\n"); stray CR/LF and spaces
    around a code are stripped, so a scanner sending CRLF also works when set to b"\\r".

    - Debounce: the same code again within `debounce_s` of the last time it was read is
      dropped (a scanner in continuous mode held over one barcode); a different code never is.
    - Reconnect: when the device goes away (unplugged, socket closed), `read` opens it again
      after `reconnect_s`, doubling the wait after each failed attempt up to `max_reconnect_s`.
      Codes already read are kept; a half-received code is dropped.

    Opening is lazy: a scanner that is unplugged at start-up does not stop the till. A
    socket:// connect to an unreachable host can block a `read` for pyserial's 5 s."""

    def __init__(
        self,
        url: str,
        *,
        terminator: bytes = b"\r",
        debounce_s: float = 0.5,
        baudrate: int = 9600,
        reconnect_s: float = 1.0,
        max_reconnect_s: float = 10.0,
    ) -> None:
        if terminator not in (b"\r", b"\n", b"\r\n"):
            raise ValueError(f"terminator must be CR, LF or CRLF, not {terminator!r}")
        self.url = url
        self.terminator = terminator
        self.debounce_s = debounce_s
        self.baudrate = baudrate
        self.reconnect_s = reconnect_s
        self.max_reconnect_s = max(max_reconnect_s, reconnect_s)
        self._lock = threading.Lock()  # one reader at a time; close() waits for it
        self._wake = threading.Event()  # set by close(), ends a reconnect wait at once
        self._closed = False
        self._port: serial.SerialBase | None = None
        self._buffer = b""
        self._codes: collections.deque[str] = collections.deque()
        self._last_code, self._last_at = "", float("-inf")
        self._retry_at = 0.0
        self._backoff = reconnect_s

    @property
    def connected(self) -> bool:
        return self._port is not None

    @property
    def port(self) -> serial.SerialBase | None:
        """The open pyserial port, if any (diagnostics; a loop:// test writes into it)."""
        return self._port

    def read(self, timeout: float) -> str | None:
        """The next code, waiting up to `timeout` seconds (plus at most POLL_S); None when
        nothing was scanned or the scanner is closed."""
        deadline = time.monotonic() + max(0.0, timeout)
        with self._lock:
            while not self._codes and not self._closed:
                port = self._port if self._port is not None else self._reconnect()
                if port is not None:
                    self._poll(port)
                else:
                    self._wake.wait(max(0.0, min(self._retry_at, deadline) - time.monotonic()))
                if time.monotonic() >= deadline:
                    break
            return self._codes.popleft() if self._codes and not self._closed else None

    def close(self) -> None:
        """Final: later reads answer None at once."""
        self._closed = True
        self._wake.set()
        with self._lock:
            self._drop()

    def _reconnect(self) -> serial.SerialBase | None:
        now = time.monotonic()
        if now < self._retry_at:
            return None
        try:
            port = serial.serial_for_url(self.url, baudrate=self.baudrate, timeout=POLL_S)
        except (serial.SerialException, OSError, ValueError) as exc:
            self._retry_at = now + self._backoff
            log.debug(
                "scanner %s unavailable (%s); next try in %.1fs", self.url, exc, self._backoff
            )
            self._backoff = min(self._backoff * 2, self.max_reconnect_s)
            return None
        log.info("scanner %s connected", self.url)
        self._port, self._backoff = port, self.reconnect_s
        return port

    def _poll(self, port: serial.SerialBase) -> None:
        """Read what is there, a byte at first so a closed socket never swallows data read
        before it (pyserial drops a partial read when it raises)."""
        try:
            chunk = port.read(1)
            taken = 0
            while chunk and taken < MAX_BUFFER:
                self._take(chunk)
                taken += len(chunk)
                waiting = port.in_waiting
                chunk = port.read(min(waiting, MAX_BUFFER)) if waiting else b""
        except (serial.SerialException, OSError) as exc:
            log.warning("scanner %s lost (%s); reconnecting", self.url, exc)
            self._drop()
            self._retry_at = time.monotonic() + self.reconnect_s

    def _take(self, data: bytes) -> None:
        self._buffer += data
        *complete, self._buffer = self._buffer.split(self.terminator)
        if len(self._buffer) > MAX_BUFFER:
            log.warning("scanner %s: %d bytes without a terminator dropped", self.url, MAX_BUFFER)
            self._buffer = b""
        now = time.monotonic()
        for raw in complete:
            code = raw.strip(b"\r\n\t ").decode("utf-8", "replace")
            if not code:
                continue
            repeat = code == self._last_code and now - self._last_at < self.debounce_s
            self._last_code, self._last_at = code, now
            if not repeat:
                self._codes.append(code)

    def _drop(self) -> None:
        if self._port is not None:
            with contextlib.suppress(serial.SerialException, OSError):
                self._port.close()
        self._port, self._buffer = None, b""
