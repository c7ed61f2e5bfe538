"""Asking the cloud to hold points before a till redeems them (SPEC §9). A request that
fails on the network counts as offline at once: the till is never kept waiting."""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlite_utils import Database

from edge import node
from edge.sync.client import CloudClient, CloudRefused, CloudUnavailable
from edge.sync.session import exchange
from shared.errors import Conflict, Unprocessable

HOLDS_PATH = "/api/v1/sync/points/holds"
TIMEOUT = httpx.Timeout(2.0, connect=1.0)


class PointsHolds:
    """The `HoldAsk` the sale service calls: True when the cloud held the points, False
    when it could not be reached; the cloud's 409 `insufficient_points` is raised."""

    def __init__(self, data_dir: Path, db: Database) -> None:
        self.data_dir = data_dir
        self.db = db

    def __call__(self, hold_id: str, customer_id: str, points: int) -> bool:
        config = node.load(self.data_dir)
        client = CloudClient(
            config.cloud_url, config.keyid, node.load_key(self.data_dir), timeout=TIMEOUT
        )
        body = {"id": hold_id, "customer_id": customer_id, "points": points}
        try:
            exchange(self.db, client, "POST", HOLDS_PATH, body=body)
        except CloudRefused as exc:
            if exc.status == 409:
                raise Conflict(exc.code, str(exc)) from exc
            if exc.status == 404:  # a customer the cloud does not know yet: offline rules
                return False
            raise Unprocessable("hold_refused", f"the cloud refused the hold: {exc}") from exc
        except CloudUnavailable:
            return False
        finally:
            client.close()
        return True
