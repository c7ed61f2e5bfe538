"""What a request at the node works with: its database connection (closed at teardown),
the node's config and the actor who signed in."""

from __future__ import annotations

from flask import current_app, g
from sqlite_utils import Database

from edge.node import NodeConfig, db_path
from edge.staff import Actor
from edge.storage.db import open_db


def db() -> Database:
    """This request's connection, closed at teardown."""
    if "db" not in g:
        g.db = open_db(db_path(current_app.config["DATA_DIR"]), migrate=False)
    found: Database = g.db
    return found


def config() -> NodeConfig:
    """The node's identity and settings."""
    node: NodeConfig = current_app.config["NODE"]
    return node


def actor() -> Actor:
    """The signed-in staff member of this request, role as it is now."""
    who: Actor = g.actor
    return who


def close_db(_exc: BaseException | None) -> None:
    """Teardown: give the connection back."""
    found = g.pop("db", None)
    if found is not None:
        found.close()
