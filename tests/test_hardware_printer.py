"""Printer specs, opening real back-ends (file, a TCP socket), status queries, the drawer."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Any

import pytest
from escpos.printer import Dummy, File, Network, Usb

from hardware.printer import (
    NOT_FOUND,
    OFFLINE,
    PrinterConfigError,
    PrinterError,
    close_quietly,
    kick_drawer,
    make_printer,
    open_printer,
    printer_status,
)


def free_port() -> int:
    """A port nothing listens on (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    "spec",
    [
        "",
        "bogus",
        "dummy:x",
        "usb:",
        "usb:zz:1",
        "usb:04b8",
        "usb:04b8:0202:1",
        "usb:0:0",
        "usb:10000:1",
        "network:",
        "network:host:99999",
        "network:host:0",
        "network:host:abc",
        "network:[::1",
        "serial:",
        "serial::9600",
        "serial:/dev/ttyS0:0",
        "file:",
        "lp:printer",
    ],
)
def test_bad_printer_specs_are_config_errors(spec: str) -> None:
    with pytest.raises(PrinterConfigError, match="bad printer spec"):
        open_printer(spec)


def test_specs_map_to_escpos_back_ends() -> None:
    usb = make_printer("usb:04b8:0x0202", timeout=2)
    assert isinstance(usb, Usb)
    assert usb.usb_args == {"idVendor": 0x04B8, "idProduct": 0x0202} and usb.timeout == 2000
    net = make_printer("network:printer.local")
    assert isinstance(net, Network) and (net.host, net.port) == ("printer.local", 9100)
    v6 = make_printer("network:[fe80::1]:9101", timeout=1.5)
    assert (v6.host, v6.port, v6.timeout) == ("fe80::1", 9101, 1.5)
    ser = make_printer("serial:/dev/ttyUSB0:19200")
    assert (ser.devfile, ser.baudrate) == ("/dev/ttyUSB0", 19200)
    com = make_printer("serial:COM3")
    assert (com.devfile, com.baudrate) == ("COM3", 9600)
    assert isinstance(make_printer(" dummy "), Dummy)
    assert isinstance(make_printer("file:/dev/usb/lp0"), File)


def test_file_printer_writes_the_bytes(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    printer = open_printer(f"file:{target}")
    printer.textln("hello")
    kick_drawer(printer)
    printer.close()
    assert target.read_bytes() == b"\x1bt\x00hello\n\x1bp\x00\x32\x32"


def test_missing_devices_are_not_found(tmp_path: Path) -> None:
    with pytest.raises(PrinterError) as missing_file:
        open_printer(f"file:{tmp_path}/no/such/dir/lp0")
    assert missing_file.value.state == NOT_FOUND
    with pytest.raises(PrinterError) as refused:
        open_printer(f"network:127.0.0.1:{free_port()}", timeout=1)
    assert refused.value.state == NOT_FOUND and "not available" in str(refused.value)
    with pytest.raises(PrinterError) as no_tty:
        open_printer(f"serial:{tmp_path}/ttyUSB9")
    assert no_tty.value.state == NOT_FOUND


def test_network_printer_sends_to_the_socket() -> None:
    server = socket.create_server(("127.0.0.1", 0))
    received = bytearray()

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            while chunk := conn.recv(1024):
                received.extend(chunk)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        printer = open_printer(f"network:127.0.0.1:{server.getsockname()[1]}", timeout=1)
        printer.textln("over the wire")
        printer.close()
        thread.join(2)
        assert b"over the wire\n" in received
    finally:
        server.close()


class StatusPrinter(Dummy):
    """A Dummy that answers DLE EOT status queries like a real printer."""

    def __init__(self, online: bytes, paper: bytes) -> None:
        super().__init__()
        self.answers = {b"\x10\x04\x01": online, b"\x10\x04\x04": paper}
        self.pending = b""

    def _raw(self, msg: bytes) -> None:
        if msg in self.answers:
            self.pending = self.answers[msg]
        super()._raw(msg)

    def _read(self) -> bytes:
        return self.pending


@pytest.mark.parametrize(
    ("online", "paper", "expected"),
    [
        (b"\x12", b"\x12", "ok"),
        (b"\x12", b"\x1e", "paper_low"),
        (b"\x12", b"\x72", "paper_out"),
        (b"\x1a", b"\x12", "offline"),
        (b"", b"", None),  # no answer: cannot tell, not "offline"
    ],
)
def test_printer_status(online: bytes, paper: bytes, expected: str | None) -> None:
    assert printer_status(StatusPrinter(online, paper)) == expected


def test_status_of_write_only_back_ends_is_unknown_and_writes_nothing() -> None:
    dummy = Dummy()
    assert printer_status(dummy) is None
    assert dummy.output == b"", "no DLE EOT printed as garbage"

    class Plain:
        pass

    class Reporting:
        def is_online(self) -> bool:
            return False

        def paper_status(self) -> int:
            return 2

    assert printer_status(Plain()) is None
    assert printer_status(Reporting()) == OFFLINE


def test_status_query_on_an_absent_printer_is_not_found() -> None:
    absent = make_printer(f"network:127.0.0.1:{free_port()}", timeout=1)
    with pytest.raises(PrinterError) as error:
        printer_status(absent)
    assert error.value.state == NOT_FOUND


def test_drawer_kick_and_its_failure() -> None:
    printer = Dummy()
    kick_drawer(printer)
    assert printer.output == b"\x1bp\x00\x32\x32"

    class Unplugged(Dummy):
        def _raw(self, msg: bytes) -> None:
            raise OSError("unplugged")

    with pytest.raises(PrinterError) as error:
        kick_drawer(Unplugged())
    assert error.value.state == OFFLINE and "unplugged" in str(error.value)


def test_close_quietly_lets_escpos_open_again(tmp_path: Path) -> None:
    printer: Any = make_printer(f"file:{tmp_path}/missing/lp0")
    with pytest.raises(Exception, match="Could not open"):
        printer.textln("x")
    (tmp_path / "missing").mkdir()
    close_quietly(printer)
    printer.textln("back")
    printer.close()
    assert (tmp_path / "missing" / "lp0").read_bytes().endswith(b"back\n")
