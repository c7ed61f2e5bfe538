"""The app's engine (one per process; connections are taken per operation)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app


def engine() -> sa.Engine:
    return current_app.extensions["omnistore_engine"]
