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
    "--scanner",
    default="wedge",
    show_default=True,
    help="serial:URL (e.g. serial:/dev/ttyACM0), simulated, or wedge (keyboard).",
)
def pos(data_dir: Path, user: str | None, pin: str | None, scanner: str) -> None:
    """Run the cashier terminal on this node's data."""
    from hardware.scanner import open_scanner
    from pos_tui.app import run_pos

    run_pos(data_dir, user=user, pin=pin, scanner=open_scanner(scanner))
