"""Receipt printers and cash drawers through python-escpos, chosen by a spec string in the
node's config: `usb:VID:PID`, `serial:DEVICE[:BAUD]`, `network:HOST:PORT`, `file:PATH`,
`dummy`."""

from __future__ import annotations

from typing import Any

from escpos import printer as backends


class PrinterConfigError(ValueError):
    """The printer spec cannot be understood."""


class PrinterError(Exception):
    """The printer is offline, out of paper or not found: the sale is safe, the receipt waits."""

    def __init__(self, state: str, message: str) -> None:
        super().__init__(message)
        self.state = state


def open_printer(spec: str) -> Any:
    """An escpos printer for a spec; opening a device that is absent raises PrinterError."""
    kind, _, rest = spec.partition(":")
    try:
        if kind == "dummy":
            return backends.Dummy()
        if kind == "file" and rest:
            return backends.File(rest)
        if kind == "network" and rest:
            host, _, port = rest.rpartition(":")
            return backends.Network(host, int(port), timeout=5)
        if kind == "serial" and rest:
            device, _, baud = rest.partition(":")
            return backends.Serial(device, baudrate=int(baud or 9600), timeout=2)
        if kind == "usb" and rest:
            vid, _, pid = rest.partition(":")
            return backends.Usb(int(vid, 16), int(pid, 16))
    except ValueError as exc:
        raise PrinterConfigError(f"bad printer spec {spec!r}: {exc}") from exc
    except Exception as exc:  # each back-end raises its own kind of "not there"
        raise PrinterError("not_found", f"printer {spec} not available: {exc}") from exc
    raise PrinterConfigError(
        f"bad printer spec {spec!r}: use usb:VID:PID, serial:DEVICE[:BAUD], "
        "network:HOST:PORT, file:PATH or dummy"
    )


def kick_drawer(printer: Any) -> None:
    """Open the cash drawer on pin 2 (the usual wiring)."""
    printer.cashdraw(2)


def check_ready(printer: Any) -> None:
    """Raise PrinterError when a back-end that can tell says it is offline or out of paper."""
    try:
        online = printer.is_online()
        paper = printer.paper_status()
    except Exception:  # back-ends without status support (file, dummy, some USB)
        return
    if online is False:
        raise PrinterError("offline", "the printer is offline")
    if paper == 0:
        raise PrinterError("paper_out", "the printer is out of paper")
