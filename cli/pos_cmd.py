"""`omnistore pos`: the cashier terminal, on the node's own data (`--data-dir`) or on
another machine of the store LAN through the node's lane API (`--node URL`, or the node
found by mDNS and remembered in the till's own config file)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from edge.discovery import NodeAd
    from hardware.scanner import Scanner
    from pos_tui.remote import RemoteSession
    from pos_tui.till_config import TillConfig


@click.command()
@click.option(
    "--data-dir",
    default=None,
    envvar="OMNISTORE_DATA_DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="The node's data directory, for the till on the node's own machine "
    "(env OMNISTORE_DATA_DIR).",
)
@click.option("--node", "node_url", default=None, help="A remote till: the node's URL.")
@click.option(
    "--till-config",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A remote till's config file (env OMNISTORE_TILL_CONFIG; "
    "default ~/.config/omnistore/till.json).",
)
@click.option("--user", default=None, help="Sign in as this staff member.")
@click.option("--pin", default=None, help="PIN for --user.")
@click.option(
    "--register",
    default=None,
    help="This till's register (default 1, or the one a remote till remembers); "
    "receipts are numbered per register.",
)
@click.option("--till-name", default=None, help="A remote till's name in the store's table.")
@click.option(
    "--printer",
    default=None,
    help="A remote till's own printer: usb:VID:PID, serial:DEV[:BAUD], network:HOST:PORT, "
    "file:PATH or dummy (remembered).",
)
@click.option("--interface", default=None, help="Look for nodes (mDNS) on this address only.")
@click.option("--timeout", default=3.0, show_default=True, help="Seconds to look for nodes.")
@click.option("--store", default=None, help="Take the node of this store among those found.")
@click.option(
    "--check",
    is_flag=True,
    help="A remote till: reach the node, say which it is and whether this till is "
    "enrolled, and exit (no terminal UI).",
)
@click.option(
    "--scanner",
    default="wedge",
    show_default=True,
    help="serial:URL[,options] (e.g. serial:/dev/ttyACM0), simulated, or wedge (keyboard).",
)
def pos(
    data_dir: Path | None,
    node_url: str | None,
    till_config: Path | None,
    user: str | None,
    pin: str | None,
    register: str | None,
    till_name: str | None,
    printer: str | None,
    interface: str | None,
    timeout: float,
    store: str | None,
    check: bool,
    scanner: str,
) -> None:
    """Run the cashier terminal: sales, payments, returns, voids, click-and-collect
    handover, shifts with a Z report. Keys are in the footer (F1: help). With --data-dir it
    runs on the node's own data; with --node, or with neither (the node is found on the LAN
    by mDNS and remembered), it is a remote till that works through the node's lane API."""
    device = _scanner(scanner)
    if data_dir is not None and node_url is None:
        _run_local(data_dir, user, pin, device, register or "1")
        return
    from edge.settings import NodeSettings
    from pos_tui import till_config as tills

    path = till_config or NodeSettings.load().till_config or tills.default_path()
    config = _node_config(path, node_url, interface, timeout, store)
    if register and register != config.register:  # another register: enrol it again
        config = replace(config, register=register, enrolled=False)
    config = replace(
        config,
        name=till_name or config.name or f"till {register or config.register}",
        printer=printer or config.printer,
    )
    tills.save(path, config)
    session = _remote(path, config, NodeSettings.load().paper_mm)
    if check:
        state = "enrolled" if session.enrolled else "not enrolled (a manager enrols it at start)"
        lost = "" if session.lane.online else ": NODE LOST (the till starts and shows it)"
        click.echo(f"node {session.info.store} {session.info.name} at {config.node_url}{lost}")
        click.echo(f"till register {config.register} ({config.name}): {state}")
        sys.exit(0 if session.lane.online else 1)
    from pos_tui.app import PosApp

    PosApp(session, scanner=device, user=user, pin=pin).run()


def _scanner(spec: str) -> Scanner | None:
    from hardware.scanner import ScannerConfigError, open_scanner

    try:
        return open_scanner(spec)
    except ScannerConfigError as exc:
        raise click.BadParameter(str(exc), param_hint="--scanner") from exc


def _run_local(
    data_dir: Path, user: str | None, pin: str | None, device: Scanner | None, register: str
) -> None:
    from edge import node
    from pos_tui.app import run_pos
    from shared.errors import OmnistoreError

    try:
        node.load(data_dir)
    except OmnistoreError as exc:
        raise click.UsageError(exc.message) from exc
    run_pos(data_dir, user=user, pin=pin, scanner=device, register=register)


def _node_config(
    path: Path, node_url: str | None, interface: str | None, timeout: float, store: str | None
) -> TillConfig:
    """--node, else the node this till remembers, else the one chosen among those found."""
    from pos_tui import till_config as tills

    if node_url:
        return tills.remember(path, node_url, "")
    remembered = tills.load(path)
    if remembered.node_url:
        return remembered
    click.echo("looking for store nodes on the LAN…")
    chosen = tills.choose_node(path, _ask, timeout_s=timeout, interface=interface, store=store)
    if chosen is None:
        raise click.UsageError(
            "no store node found on the LAN: give --node URL (or --data-dir on the node)"
        )
    return chosen


def _ask(found: list[NodeAd]) -> NodeAd | None:
    """List the nodes seen; one is taken after a yes, several are chosen by number."""
    for n, ad in enumerate(found, 1):
        click.echo(f"  {n}. {ad.store}  {ad.name}  {ad.url}")
    if len(found) == 1:
        return found[0] if click.confirm(f"use {found[0].store}?", default=True) else None
    number = click.prompt("which node", type=click.IntRange(1, len(found)))
    return found[number - 1]


def _remote(path: Path, config: TillConfig, paper_mm: int) -> RemoteSession:
    from pos_tui import till_config as tills
    from pos_tui.lane_client import NodeLost
    from pos_tui.remote import RemoteSession
    from shared.tills import NodeInfo

    def enrolled() -> None:
        tills.save(path, replace(tills.load(path), enrolled=True))

    def start(info: NodeInfo | None) -> RemoteSession:
        return RemoteSession(
            config.node_url,
            register=config.register,
            till_name=config.name,
            enrolled=config.enrolled,
            on_enrolled=enrolled,
            printer_spec=config.printer,
            paper_mm=paper_mm,
            info=info,
        )

    try:
        session = start(None)
    except NodeLost as exc:
        if not (config.store and config.currency):  # never reached: nothing to show
            raise click.UsageError(f"{config.node_url}: {exc.message}") from exc
        # the node is away: start with what the till knows of it, showing NODE LOST
        session = start(
            NodeInfo(store=config.store, name=config.store_name, currency=config.currency)
        )
        session.lane.online = False
        return session
    info = session.info
    tills.save(
        path,
        replace(tills.load(path), store=info.store, store_name=info.name, currency=info.currency),
    )
    return session
