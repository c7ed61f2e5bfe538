"""`omnistore edge …`: enrol, serve, staff, sync and status of a store node."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import click

from shared.errors import OmnistoreError

DATA_DIR = click.option(
    "--data-dir",
    required=True,
    envvar="OMNISTORE_DATA_DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="The node's data directory (env OMNISTORE_DATA_DIR).",
)


@click.group()
def edge() -> None:
    """Run and administer a store edge node."""


@edge.command()
@DATA_DIR
@click.option("--cloud", "cloud_url", required=True, help="Base URL of the cloud service.")
@click.option("--store", required=True, help="Store code registered by HQ.")
@click.option(
    "--token",
    default=None,
    help="One-time enrolment token (en_…) from HQ. Visible in `ps`: prefer --token-file "
    "or the prompt.",
)
@click.option(
    "--token-file",
    type=click.File("r", lazy=False),
    default=None,
    help="Read the token from this file ('-': standard input).",
)
def enroll(
    data_dir: Path, cloud_url: str, store: str, token: str | None, token_file: TextIO | None
) -> None:
    """Enrol this node with the cloud: make a key pair and register it. The token comes
    from --token, --token-file, or a prompt (hidden input)."""
    from edge.enroll import enroll as do_enroll

    token = secret(token, token_file, "token", "Enrolment token", confirm=False)
    with _errors():
        config = do_enroll(data_dir, cloud_url, store, token)
    click.echo(f"enrolled store {config.store} ({config.name}) as key {config.keyid}")


@edge.command()
@DATA_DIR
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8710, show_default=True, type=int, help="Port to listen on.")
def serve(data_dir: Path, host: str, port: int) -> None:
    """Run the node: lane API, picker page, background sync."""
    from edge.serve import serve as do_serve
    from edge.settings import NodeSettings

    with _errors():
        do_serve(data_dir, host, port, NodeSettings.load())


@edge.command("add-staff")
@DATA_DIR
@click.argument("name")
@click.option(
    "--role",
    required=True,
    type=click.Choice(["cashier", "picker", "manager"]),
    help="What this person may do.",
)
@click.option(
    "--pin",
    default=None,
    help="4 to 12 digits; stored as an scrypt hash. Visible in `ps`: prefer --pin-file or "
    "the prompt.",
)
@click.option(
    "--pin-file",
    type=click.File("r", lazy=False),
    default=None,
    help="Read the PIN from this file ('-': standard input).",
)
def add_staff(
    data_dir: Path, name: str, role: str, pin: str | None, pin_file: TextIO | None
) -> None:
    """Add a staff member (or change their role and PIN). The PIN comes from --pin,
    --pin-file, or a prompt (hidden input, asked twice)."""
    from edge import node, staff
    from edge.storage.db import open_db

    with _errors():
        node.load(data_dir)  # before asking for a PIN
    pin = secret(pin, pin_file, "pin", "PIN", confirm=True)
    with _errors():
        db = open_db(node.db_path(data_dir))
        staff.add_staff(db, name, role, pin)
    click.echo(f"added {role} {name}")


@edge.command()
@DATA_DIR
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def backup(data_dir: Path, file: Path) -> None:
    """Copy the node's database to FILE while it keeps selling (checked, mode 0600)."""
    from edge.backup import backup as do_backup

    with _errors():
        do_backup(data_dir, file)
    click.echo(f"backed up to {file}")


@edge.command()
@DATA_DIR
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
def restore(data_dir: Path, file: Path) -> None:
    """Replace the node's database by the backup FILE (stop the node first). On its next
    start the node learns back from the cloud what it pushed after the backup, and sells
    again only then."""
    from edge.backup import restore as do_restore

    with _errors():
        since = do_restore(data_dir, file)
    click.echo(f"restored from {file}; the node will learn back its facts since {since}")


@edge.command("remove-staff")
@DATA_DIR
@click.argument("name")
def remove_staff(data_dir: Path, name: str) -> None:
    """Remove a staff member: their open sessions end at once; their past sales stay."""
    from edge import node, staff
    from edge.storage.db import open_db

    with _errors():
        node.load(data_dir)
        staff.remove_staff(open_db(node.db_path(data_dir)), name)
    click.echo(f"removed {name}")


@edge.command()
@DATA_DIR
@click.option("--once", is_flag=True, required=True, help="One push and pull, then exit.")
def sync(data_dir: Path, once: bool) -> None:
    """Push the outbox and pull to the head; exit 0 only when both completed."""
    from edge.sync.runner import sync_once

    with _errors():
        ok, message = sync_once(data_dir)
    click.echo(message)
    sys.exit(0 if ok else 1)


@edge.command()
@DATA_DIR
def tills(data_dir: Path) -> None:
    """The tills enrolled at this store: register, name, who enrolled it, last seen."""
    from edge import node
    from edge import tills as known
    from edge.storage.db import open_db

    with _errors():
        node.load(data_dir)
        found = known.all_tills(open_db(node.db_path(data_dir)))
    for till in found:
        seen = till.last_seen.isoformat() if till.last_seen else "never"
        click.echo(f"{till.register:>8}  {till.name}  by {till.enrolled_by}  last seen {seen}")


@edge.command()
@DATA_DIR
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def status(data_dir: Path, as_json: bool) -> None:
    """Store, outbox depth, rejected events, last push/pull, cursor, clock offset."""
    from edge import node
    from edge.status import sync_status
    from edge.storage.db import open_db

    with _errors():
        config = node.load(data_dir)
        report = sync_status(open_db(node.db_path(data_dir)), config)
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    for key, value in report.items():
        if key != "rejected_events":
            click.echo(f"{key:>15}: {value}")
    for event in report["rejected_events"]:
        click.echo(f"  rejected {event['kind']} {event['id']}: {event['reason']}")


def secret(
    value: str | None, source: TextIO | None, option: str, prompt: str, *, confirm: bool
) -> str:
    """A secret from `--<option>`, from `--<option>-file` (its first line; '-' reads
    standard input), or asked for with hidden input (twice when `confirm`), so that it
    need not appear on a command line where `ps` shows it."""
    if value is not None and source is not None:
        raise click.UsageError(f"give --{option} or --{option}-file, not both")
    if value is not None:
        return value
    if source is not None:
        lines = source.read().splitlines()
        found = lines[0].strip() if lines else ""
        if not found:
            raise click.BadParameter("is empty", param_hint=f"--{option}-file")
        return found
    return str(click.prompt(prompt, hide_input=True, confirmation_prompt=confirm))


@contextlib.contextmanager
def _errors() -> Iterator[None]:
    """Show a refusal as one line and exit 1, instead of a traceback."""
    try:
        yield
    except OmnistoreError as exc:
        raise click.ClickException(f"{exc.code}: {exc.message}") from exc


@edge.command()
@click.option("--timeout", default=3.0, show_default=True, help="Seconds to listen.")
@click.option("--interface", default=None, help="Only this interface address (e.g. 127.0.0.1).")
def discover(timeout: float, interface: str | None) -> None:
    """List the store nodes advertising themselves on the LAN (mDNS)."""
    from edge.discovery import discover as do_discover

    found = do_discover(timeout, interface)
    for ad in found:
        click.echo(f"{ad.store}  {ad.name}  {ad.picker_url}")
    if not found:
        click.echo("no Omnistore nodes found")
