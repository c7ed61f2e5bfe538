"""Barcode scanners, chosen by a spec string: serial ones (pyserial), a simulated one, or a
keyboard wedge, which the TUI recognises itself from keystroke bursts (`WedgeDetector`).

Design: a scanner is polled. `read(timeout)` returns one code or None after at most about
`timeout` seconds; `close()` ends it. The TUI runs `read(0.2)` in a loop on a worker thread
and posts each code to the app as a message; tests call `read` directly."""

from __future__ import annotations

import math
import queue
from typing import Protocol, TypedDict, runtime_checkable

from hardware.serial_scanner import SerialScanner
from hardware.wedge import WedgeDetector

__all__ = [
    "Scanner",
    "ScannerConfigError",
    "SerialScanner",
    "SimulatedScanner",
    "WedgeDetector",
    "open_scanner",
]

SPEC_HELP = (
    "use serial:URL[,terminator=cr|lf|crlf][,baudrate=N][,debounce_s=S][,reconnect_s=S], "
    "simulated, wedge or none"
)
_TERMINATORS = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n"}


class _SerialOptions(TypedDict, total=False):
    terminator: bytes
    baudrate: int
    debounce_s: float
    reconnect_s: float


@runtime_checkable
class Scanner(Protocol):
    """What the till needs from a scanner."""

    @property
    def connected(self) -> bool: ...

    def read(self, timeout: float) -> str | None: ...

    def close(self) -> None: ...


class ScannerConfigError(ValueError):
    """The scanner spec cannot be understood."""


class SimulatedScanner:
    """Codes pushed in by code: the demo and tests."""

    def __init__(self) -> None:
        self._codes: queue.Queue[str] = queue.Queue()
        self._closed = False

    @property
    def connected(self) -> bool:
        return not self._closed

    def push(self, code: str) -> None:
        self._codes.put(code)

    def read(self, timeout: float) -> str | None:
        if self._closed:
            return None
        try:
            return self._codes.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None

    def close(self) -> None:
        self._closed = True


def open_scanner(spec: str) -> Scanner | None:
    """The scanner for a spec; None for `wedge`/`none` (the TUI reads the keyboard).

    `serial:URL` takes any pyserial URL (`serial:/dev/ttyACM0`,
    `serial:socket://127.0.0.1:9999`, `serial:loop://`), then comma-separated options:
    `terminator=cr|lf|crlf` (default cr), `baudrate=N`, `debounce_s=S`, `reconnect_s=S`.
    Nothing is opened here: a scanner plugged in later still works."""
    kind, sep, rest = spec.strip().partition(":")
    if kind in ("wedge", "none") and not sep:
        return None
    if kind == "simulated" and not sep:
        return SimulatedScanner()
    if kind == "serial" and rest:
        url, *options = rest.split(",")
        if url.strip():
            return SerialScanner(url.strip(), **_serial_options(spec, options))
    raise ScannerConfigError(f"bad scanner spec {spec!r}: {SPEC_HELP}")


def _serial_options(spec: str, options: list[str]) -> _SerialOptions:
    parsed = _SerialOptions()
    for option in options:
        key, _, value = option.strip().partition("=")
        try:
            if key == "terminator":
                parsed["terminator"] = _TERMINATORS[value.strip().lower()]
            elif key == "baudrate":
                parsed["baudrate"] = int(_number(value, minimum=1))
            elif key == "debounce_s":
                parsed["debounce_s"] = _number(value, minimum=0)
            elif key == "reconnect_s":
                parsed["reconnect_s"] = _number(value, minimum=0.001)
            else:
                raise KeyError(key)
        except (KeyError, ValueError):
            raise ScannerConfigError(f"bad scanner option {option!r} in {spec!r}") from None
    return parsed


def _number(text: str, *, minimum: float) -> float:
    value = float(text)
    if not (math.isfinite(value) and minimum <= value <= 10_000_000):
        raise ValueError(text)
    return value
