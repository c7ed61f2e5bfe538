"""`omnistore pos`: the cashier terminal."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option(
    "--data-dir",
    required=True,
    envvar="OMNISTORE_DATA_DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="The node's data directory (env OMNISTORE_DATA_DIR).",
)
@click.option("--user", default=None, help="Sign in as this staff member.")
@click.option("--pin", default=None, help="PIN for --user.")
@click.option(
    "--register",
    default="1",
    show_default=True,
    help="This till's register; receipts are numbered per register.",
)
@click.option(
    "--scanner",
    default="wedge",
    show_default=True,
    help="serial:URL[,options] (e.g. serial:/dev/ttyACM0), simulated, or wedge (keyboard).",
)
def pos(data_dir: Path, user: str | None, pin: str | None, register: str, scanner: str) -> None:
    """Run the cashier terminal on this node's data: sales, payments, returns, voids,
    click-and-collect handover, shifts with a Z report. Keys are in the footer (F1: help)."""
    from edge import node
    from hardware.scanner import ScannerConfigError, open_scanner
    from pos_tui.app import run_pos
    from shared.errors import OmnistoreError

    try:
        node.load(data_dir)
    except OmnistoreError as exc:
        raise click.UsageError(exc.message) from exc
    try:
        device = open_scanner(scanner)
    except ScannerConfigError as exc:
        raise click.BadParameter(str(exc), param_hint="--scanner") from exc
    run_pos(data_dir, user=user, pin=pin, scanner=device, register=register)
