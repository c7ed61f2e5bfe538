"""`omnistore cloud …`: run the cloud service and administer stores and tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from collections.abc import Callable

    import sqlalchemy as sa

DB = click.option(
    "--db",
    default="./var/cloud.db",
    show_default=True,
    envvar="OMNISTORE_CLOUD_DB",
    help="SQLite path or postgresql:// URL (env OMNISTORE_CLOUD_DB).",
)


@click.group()
def cloud() -> None:
    """Run and administer the cloud service."""


@cloud.command()
@DB
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8700, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default 1 on SQLite, 2×cores+1 on PostgreSQL).",
)
@click.option(
    "--read-db",
    default=None,
    envvar="OMNISTORE_READ_DB",
    help="A PostgreSQL streaming replica for reports and HQ list reads.",
)
def serve(db: str, host: str, port: int, workers: int | None, read_db: str | None) -> None:
    """Run the cloud service (migrates the database first)."""
    from cloud.serve import serve as do_serve
    from cloud.settings import CloudSettings

    settings = CloudSettings.load()
    if read_db:
        settings = settings.model_copy(update={"read_db": read_db})
    do_serve(db, host, port, workers, settings=settings)


@cloud.command("add-store")
@click.argument("store")
@click.option("--name", default=None, help="Display name of the store.")
@DB
def add_store(store: str, name: str | None, db: str) -> None:
    """Register a store; the last line printed is its one-time enrolment token."""
    from cloud.services.tokens import create_store

    _check_store_code(store)
    with _engine(db).begin() as conn:
        token = create_store(conn, store, name)
    click.echo(f"store {store} registered; enrol its node with this one-time token:")
    click.echo(token)


@cloud.command("reset-store")
@click.argument("store")
@DB
def reset_store(store: str, db: str) -> None:
    """Allow a new enrolment of STORE; its current node's key stops working."""
    from cloud.services.enrolment import reset_store as do_reset

    _store_command(db, store, do_reset)
    click.echo(f"store {store} reset: its old key no longer works; it may enrol again")
    click.echo("(run `omnistore cloud add-store` for a fresh enrolment token if needed)")


@cloud.command("revoke-store")
@click.argument("store")
@DB
def revoke_store(store: str, db: str) -> None:
    """Cut STORE's node off: its signed requests are refused (401) and no node may enrol
    for it until `omnistore cloud reset-store`."""
    from cloud.services.enrolment import revoke_store as do_revoke

    _store_command(db, store, do_revoke)
    click.echo(f"store {store} revoked: its node is cut off until reset-store")


@cloud.command("add-token")
@click.argument("name")
@click.option(
    "--role",
    required=True,
    type=click.Choice(["hq", "readonly", "shop"]),
    help="hq may write; readonly may only read; shop (a web shop) may place, read and "
    "cancel its own orders and read the catalogue and stock.",
)
@DB
def add_token(name: str, role: str, db: str) -> None:
    """Create an HQ API token; the last line printed is the token."""
    from cloud.services.tokens import create_api_token

    with _engine(db).begin() as conn:
        token = create_api_token(conn, name, role)
    click.echo(f"{role} token for {name} (shown once):")
    click.echo(token)


@cloud.command("add-user")
@click.argument("email")
@click.option(
    "--role",
    required=True,
    type=click.Choice(["admin", "merchandiser", "analyst", "support"]),
    help="What the user may see and do in the HQ console (see docs/hq-console.md).",
)
@click.option(
    "--password-file",
    type=click.File("r"),
    default=None,
    help="Read the password from the first line of this file ('-': standard input); "
    "else a hidden prompt asks twice.",
)
@click.option(
    "--temporary",
    is_flag=True,
    help="The user must choose their own password when they first sign in.",
)
@DB
def add_user(
    email: str, role: str, password_file: click.File | None, temporary: bool, db: str
) -> None:
    """Add an HQ console user (or change their role and password; their sessions end)."""
    from cloud.services.hq_users import add_user as do_add
    from shared.errors import OmnistoreError

    if password_file is not None:
        password = password_file.readline().rstrip("\r\n")  # type: ignore[attr-defined]
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        with _engine(db).begin() as conn:
            new = do_add(conn, email, role, password, temporary)
    except OmnistoreError as exc:
        raise click.UsageError(exc.message) from exc
    click.echo(f"{'added' if new else 'updated'} HQ console user {email.strip().lower()} ({role})")


@cloud.command("rebuild-rollups")
@DB
def rebuild_rollups(db: str) -> None:
    """Recompute the report rollups from the stored sales and returns (e.g. after a store's
    time zone changed), in one transaction."""
    from cloud.services.rollups import rebuild

    with _engine(db).begin() as conn:
        count = rebuild(conn)
    click.echo(f"rollups rebuilt from {count} sales and returns")


def _store_command(db: str, store: str, action: Callable[[sa.Connection, str], None]) -> None:
    """Run an action on an existing store; an unknown store is a usage error (exit 2)."""
    from shared.errors import NotFound

    _check_store_code(store)
    try:
        with _engine(db).begin() as conn:
            action(conn, store)
    except NotFound as exc:
        raise click.BadParameter(exc.message, param_hint="STORE") from exc


def _engine(db: str) -> sa.Engine:
    """The database, migrated: admin commands work on a fresh path too. Imported lazily so
    `omnistore --help` stays fast."""
    from cloud.storage.engine import make_engine, migrate

    engine = make_engine(db)
    migrate(engine)
    return engine


def _check_store_code(store: str) -> None:
    """Store codes become key ids and receipt-number prefixes: the wire model's rule."""
    from pydantic import TypeAdapter, ValidationError

    from shared.models import StoreCode

    try:
        TypeAdapter(StoreCode).validate_python(store)
    except ValidationError as exc:
        raise click.BadParameter("1–32 letters, digits, '_' or '-'", param_hint="STORE") from exc
