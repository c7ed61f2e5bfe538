"""Asking the cloud for a sale made elsewhere, so any store can take its return."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from edge import node
from edge.returns import KnownSale
from edge.sync.client import CloudClient, CloudRefused, CloudUnavailable
from edge.sync.session import exchange
from shared.errors import NotFound
from shared.models import Sale

SALES_PATH = "/api/v1/sync/sales"


def cloud_sale_lookup(data_dir: Path, db: Database) -> SaleLookup:
    """A lookup bound to this node's identity and database."""
    return SaleLookup(data_dir, db)


class SaleLookup:
    """Callable used by the returns service when a sale is not in the local database."""

    def __init__(self, data_dir: Path, db: Database) -> None:
        self.data_dir = data_dir
        self.db = db

    def __call__(self, sale_id: str | None, receipt_no: str | None) -> KnownSale | None:
        config = node.load(self.data_dir)
        client = CloudClient(config.cloud_url, config.keyid, node.load_key(self.data_dir))
        path, params = (
            (f"{SALES_PATH}/{sale_id}", None)
            if sale_id is not None
            else (SALES_PATH, {"receipt_no": str(receipt_no)})
        )
        try:
            answer = exchange(self.db, client, "GET", path, params=params)
        except CloudRefused as exc:
            if exc.status == 404:
                return None
            raise NotFound("unknown_sale", f"the cloud refused the lookup: {exc}") from exc
        except CloudUnavailable as exc:
            raise NotFound(
                "unknown_sale", "sale not recorded here and the cloud is unreachable"
            ) from exc
        finally:
            client.close()
        data = answer.data
        return KnownSale(Sale.model_validate(data["sale"]), dict(data.get("returned") or {}))
