"""The cashier terminal: a Textual app over the edge services (`omnistore pos`)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from hardware.scanner import Scanner, WedgeDetector
from pos_tui.basket import ParkedBaskets
from pos_tui.screens.login import LoginScreen
from pos_tui.screens.prompt import MessageScreen, PromptScreen
from pos_tui.screens.sale import SaleScreen
from pos_tui.session import Clock, PosSession
from pos_tui.widgets.status_bar import StatusBar
from shared.clock import utc_now
from shared.errors import OmnistoreError
from shared.models import ZReport
from shared.money import format_money, parse_money


class Scanned(Message):
    """A code from the hardware scanner or a keyboard-wedge burst."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code


class PosApp(App[None]):
    CSS_PATH = "pos.tcss"
    TITLE = "Omnistore POS"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        session: PosSession,
        *,
        scanner: Scanner | None = None,
        user: str | None = None,
        pin: str | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.scanner = scanner
        self.parked = ParkedBaskets(session.data_dir / "parked_baskets.json")
        self.wedge = WedgeDetector()
        self.autologin = (user, pin) if user and pin else None
        self._stop = threading.Event()

    def on_mount(self) -> None:
        self.push_screen(LoginScreen())
        self.set_interval(2.0, self.refresh_status)
        if self.scanner is not None:
            threading.Thread(target=self._read_scanner, name="scanner", daemon=True).start()
        if self.autologin:
            try:
                self.session.sign_in(*self.autologin)
            except OmnistoreError as exc:
                self.notify(exc.message, severity="error")
            else:
                self.signed_in()

    def on_unmount(self) -> None:
        self._stop.set()
        if self.scanner is not None:
            self.scanner.close()

    # --- flow ----------------------------------------------------------------------------

    def signed_in(self) -> None:
        """After sign-in: open a shift with a float if the register has none, then sell."""
        if self.session.current_shift() is None:
            self.push_screen(
                PromptScreen("Open the shift: cash float in the drawer", value="100.00"),
                self._float,
            )
        else:
            self.switch_screen(SaleScreen())

    def _float(self, amount: str | None) -> None:
        try:
            self.session.open_shift(parse_money(amount or "0", self.session.config.currency))
        except (OmnistoreError, ValueError) as exc:
            self.notify(getattr(exc, "message", str(exc)), severity="error")
            self.signed_in()
            return
        self.switch_screen(SaleScreen())

    def show_z_report(self, report: ZReport) -> None:
        """Show the printed Z report, then sign the cashier out."""
        self.push_screen(
            MessageScreen("Z report — shift closed", z_text(report, self.session.config.currency)),
            lambda _: self._sign_out(),
        )

    def _sign_out(self) -> None:
        self.session.actor = None
        self.switch_screen(LoginScreen())

    # --- status --------------------------------------------------------------------------

    def refresh_status(self) -> None:
        who = self.session.actor.name if self.session.actor else ""
        shift_open = self.session.current_shift() is not None if who else False
        status = self.session.status()
        for bar in self.screen.query(StatusBar):
            bar.show(status, self.session.clock(), who, shift_open)

    # --- scanners ------------------------------------------------------------------------

    def _read_scanner(self) -> None:
        assert self.scanner is not None
        while not self._stop.is_set():
            code = self.scanner.read(0.2)
            if code:
                self.post_message(Scanned(code))

    def on_key(self, event: events.Key) -> None:
        """Keyboard-wedge scans typed while the entry field is not focused still sell."""
        char = "\r" if event.key == "enter" else (event.character or "")
        code = self.wedge.feed(char, time.monotonic()) if char else None
        if code is not None and not isinstance(self.focused, _entry_types()):
            self.post_message(Scanned(code))

    def on_scanned(self, message: Scanned) -> None:
        screen = self.screen
        if isinstance(screen, SaleScreen):
            screen.add(message.code)
        else:
            focused = self.focused
            if focused is not None and hasattr(focused, "value"):
                focused.value = message.code

    # --- command palette -----------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, SaleScreen):
            for binding in screen.BINDINGS:
                if isinstance(binding, Binding):
                    yield SystemCommand(
                        f"{binding.description} ({binding.key.upper()})",
                        f"till: {binding.description.lower()}",
                        partial(screen.run_action, binding.action),
                    )


def _entry_types() -> tuple[type, ...]:
    from textual.widgets import Input

    return (Input,)


def z_text(report: ZReport, currency: str) -> str:
    """The Z report as shown on screen (the printer gets the same figures)."""
    money = lambda amount: format_money(amount or 0, currency)  # noqa: E731
    tenders = "\n".join(f"  {t.method:<8} {money(t.amount):>14}" for t in report.tenders)
    vat = "\n".join(
        f"  {v.rate_bp / 100:>5g}%  net {money(v.net):>12}  VAT {money(v.vat):>12}"
        for v in report.vat
    )
    return (
        f"Register {report.register} · {report.cashier}\n"
        f"Sales    {report.sales_count:>4}  {money(report.sales_total):>14}\n"
        f"Returns  {report.returns_count:>4}  {money(report.returns_total):>14}\n"
        f"Voids    {report.voids_count:>4}  {money(report.voids_total):>14}\n"
        f"Net            {money(report.net_total):>14}\n"
        f"Tenders\n{tenders}\nVAT\n{vat}\n"
        f"Float          {money(report.float_amount):>14}\n"
        f"Expected cash  {money(report.expected_cash):>14}\n"
        f"Counted cash   {money(report.counted_cash):>14}\n"
        f"Difference     {money(report.difference):>14}"
    )


def make_app(
    data_dir: Path,
    *,
    scanner: Scanner | None = None,
    printer: Any | None = None,
    user: str | None = None,
    pin: str | None = None,
    clock: Clock = utc_now,
    register: str = "1",
) -> PosApp:
    """Build the app for the CLI and the tests."""
    session = PosSession(data_dir, printer=printer, clock=clock, register=register)
    return PosApp(session, scanner=scanner, user=user, pin=pin)


def run_pos(
    data_dir: Path, user: str | None = None, pin: str | None = None, scanner: Scanner | None = None
) -> None:
    """Run the till in this terminal (the demo signs in as its cashier)."""
    make_app(data_dir, scanner=scanner, user=user, pin=pin).run()
