"""`omnistore doctor`: check a node (`--data-dir`) or the cloud (`--db`) and say what to fix."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Check this node's data dir.",
)
@click.option("--db", default=None, help="Check this cloud database (SQLite path or URL).")
@click.option("--read-db", default=None, help="With --db: also the cloud's read replica.")
def doctor(data_dir: Path | None, db: str | None, read_db: str | None) -> None:
    """Check a node or the cloud: one line per check, ok or what to do. Exit 1 if any fails."""
    if (data_dir is None) == (db is None):
        raise click.UsageError("give --data-dir (a node) or --db (the cloud)")
    if data_dir is not None:
        from edge.doctor import run as check_node

        checks = check_node(data_dir)
    else:
        from cloud.doctor import run as check_cloud

        checks = check_cloud(str(db), read_db)
    for check in checks:
        click.echo(check.line())
    if not all(check.ok for check in checks):
        raise SystemExit(1)
