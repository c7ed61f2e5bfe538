"""Asking the cloud for a sale made elsewhere, so any store can take its return."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from edge import catalog, node
from edge.returns import KnownSale
from edge.sync.client import CloudClient, CloudRefused, CloudUnavailable
from edge.sync.session import exchange
from shared.errors import NotFound
from shared.models import Payment, ReturnableSale, Sale, SaleLine
from shared.models import SaleLookup as Found

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
        found = Found.model_validate(answer.data)
        return KnownSale(self._as_sale(found.sale), dict(found.returned), dict(found.points_back))

    def _as_sale(self, remote: ReturnableSale) -> Sale:
        """The cloud answers only what a return needs; the rest of a Sale is derived (the
        register from the receipt number, product names from this node's catalogue)."""
        parts = remote.receipt_no.rsplit("-", 2)
        lines = [SaleLine(**line.model_dump(), name=self._name(line.sku)) for line in remote.lines]
        return Sale(
            id=remote.id,
            store=remote.store,
            register=parts[1] if len(parts) == 3 else "",
            receipt_no=remote.receipt_no,
            occurred_at=remote.occurred_at,
            lines=lines,
            payments=[Payment(method=p.method, amount=p.amount) for p in remote.payments],
            total=sum(line.total for line in lines),
            change=0,
            voided=remote.voided,
            customer_id=remote.customer_id,
            loyalty=remote.loyalty,
        )

    def _name(self, sku: str) -> str:
        try:
            return catalog.get(self.db, sku).name
        except NotFound:
            return ""
