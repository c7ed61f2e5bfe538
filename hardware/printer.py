"""Receipt printers and cash drawers through python-escpos, chosen by a spec string in the
node's config, and the one place where back-end exceptions become a `PrinterError` the till
can show ("offline", "paper_out", "not_found").

Specs: `usb:VID:PID` (hex, e.g. `usb:04b8:0202`), `serial:DEVICE[:BAUD]` (default 9600),
`network:HOST[:PORT]` (default 9100; `[::1]:9100` for IPv6), `file:PATH`, `dummy`."""

from __future__ import annotations

import contextlib
import re
from typing import Any

import serial
from escpos import printer as backends
from escpos.constants import RT_MASK_ONLINE, RT_STATUS_ONLINE
from escpos.escpos import Escpos
from escpos.exceptions import DeviceNotFoundError

try:
    from usb.core import USBError
except ImportError:  # pragma: no cover - pyusb comes with python-escpos[usb]
    USBError = OSError

OFFLINE, PAPER_OUT, PAPER_LOW, NOT_FOUND = "offline", "paper_out", "paper_low", "not_found"
SPEC_HELP = "use usb:VID:PID, serial:DEVICE[:BAUD], network:HOST[:PORT], file:PATH or dummy"

# What a back-end raises when the device is away; escpos asserts `self.device` after a failed
# open, hence AssertionError. Anything else from a job is a bug in the job, not the printer.
DEVICE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    serial.SerialException,
    USBError,
    DeviceNotFoundError,
    AssertionError,
)


class PrinterConfigError(ValueError):
    """The printer spec cannot be understood: a configuration mistake, not a device state."""


class PrinterError(Exception):
    """The printer is offline, out of paper or not found: the sale is safe, the receipt waits.
    `state` is one of OFFLINE, PAPER_OUT, NOT_FOUND."""

    def __init__(self, state: str, message: str) -> None:
        super().__init__(message)
        self.state = state


def device_error(exc: BaseException, what: str) -> PrinterError:
    """The PrinterError for a back-end exception raised while doing `what`."""
    state = NOT_FOUND if isinstance(exc, DeviceNotFoundError | AssertionError) else OFFLINE
    return PrinterError(state, f"{what}: {exc or type(exc).__name__}")


def open_printer(spec: str, *, timeout: float = 3.0) -> Any:
    """An opened escpos printer for a spec. `timeout` (seconds) bounds connecting and writing
    on the back-ends that have one, so a dead printer cannot hang the till."""
    printer = make_printer(spec, timeout=timeout)
    try:
        printer.open()
    except DEVICE_ERRORS as exc:
        raise device_error(exc, f"printer {spec} not available") from exc
    return printer


def make_printer(spec: str, *, timeout: float = 3.0) -> Any:
    """The escpos object for a spec, not yet connected; PrinterConfigError for a bad spec."""
    kind, sep, rest = spec.strip().partition(":")
    if kind == "dummy" and not sep:
        return backends.Dummy()
    if kind == "file" and rest:
        return backends.File(rest)
    if kind == "network" and rest:
        host, port = _host_port(spec, rest)
        return backends.Network(host, port, timeout=timeout)
    if kind == "serial" and rest:
        device, baud = _device_baud(spec, rest)
        return _SerialPrinter(device, baudrate=baud, timeout=timeout)
    if kind == "usb" and rest:
        vid, pid = _usb_ids(spec, rest)
        return backends.Usb(vid, pid, timeout=int(timeout * 1000))
    raise PrinterConfigError(f"bad printer spec {spec!r}: {SPEC_HELP}")


def kick_drawer(printer: Any, pin: int = 2) -> None:
    """Open the cash drawer wired to the printer (pin 2 is the usual wiring)."""
    try:
        printer.cashdraw(pin)
    except DEVICE_ERRORS as exc:
        raise device_error(exc, "opening the cash drawer failed") from exc


def printer_status(printer: Any) -> str | None:
    """ "ok", PAPER_LOW, PAPER_OUT or OFFLINE as the printer reports it, or None when it
    cannot tell: write-only back-ends (file, dummy), printers that do not answer status
    queries, objects without status methods. Unknown is not an error: the print will say."""
    try:
        if isinstance(printer, Escpos):
            if type(printer)._read is Escpos._read:
                return None  # cannot read: asking would only write DLE EOT onto the paper
            answer = printer.query_status(RT_STATUS_ONLINE)
            if not answer:
                return None  # escpos's is_online() calls silence "offline"; it is unknown
            online = not answer[0] & RT_MASK_ONLINE
        else:
            online = printer.is_online()
        paper = printer.paper_status()
    except DeviceNotFoundError as exc:
        raise device_error(exc, "printer not available") from exc
    except Exception:  # no status support, or no answer in time
        return None
    if not online:
        return OFFLINE
    return {0: PAPER_OUT, 1: PAPER_LOW}.get(paper, "ok")


def close_quietly(printer: Any) -> None:
    """Close a printer that may already be broken, and let escpos re-open it on next use."""
    with contextlib.suppress(Exception):
        printer.close()
    if isinstance(printer, Escpos):
        printer.device = False  # after a failed open escpos keeps None and never retries


class _SerialPrinter(backends.Serial):
    """escpos's Serial sets no write timeout: a printer holding its handshake line low (paper
    out, cover open) would block the writer for ever."""

    def open(self, raise_not_found: bool = True) -> None:
        super().open(raise_not_found)
        if self._device:
            self._device.write_timeout = self.timeout


def _host_port(spec: str, rest: str) -> tuple[str, int]:
    match = re.fullmatch(r"\[([0-9A-Fa-f:.]+)\](?::(\d+))?|([^:\s\[\]]+)(?::(\d+))?", rest)
    if match is None:
        raise PrinterConfigError(f"bad printer spec {spec!r}: network:HOST[:PORT]")
    host = match[1] or match[3]
    port = int(match[2] or match[4] or 9100)
    if not 0 < port < 65536:
        raise PrinterConfigError(f"bad printer spec {spec!r}: port {port} is out of range")
    return host, port


def _device_baud(spec: str, rest: str) -> tuple[str, int]:
    device, sep, baud = rest.rpartition(":")
    if not sep or not baud.isdigit():
        device, baud = rest, "9600"
    if not device or int(baud) <= 0:
        raise PrinterConfigError(f"bad printer spec {spec!r}: serial:DEVICE[:BAUD]")
    return device, int(baud)


def _usb_ids(spec: str, rest: str) -> tuple[int, int]:
    try:
        vid, pid = (int(part, 16) for part in rest.split(":"))
    except ValueError:
        raise PrinterConfigError(
            f"bad printer spec {spec!r}: usb:VID:PID in hex, e.g. usb:04b8:0202"
        ) from None
    if not (0 < vid <= 0xFFFF and 0 < pid <= 0xFFFF):
        # escpos treats 0 as "any": the till would print on whatever USB device it finds
        raise PrinterConfigError(f"bad printer spec {spec!r}: VID and PID are 0001..ffff")
    return vid, pid
