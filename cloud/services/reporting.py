"""What HQ sees: the exceptions it must look at (SPEC §3), recorded once each, and the
stores' sales, returns and enrolment state as lists."""

from __future__ import annotations

import sqlalchemy as sa

from cloud.services.tokens import require_store
from cloud.storage import exceptions, sales, stores
from shared.clock import now_text
from shared.errors import BadRequest
from shared.ids import new_id
from shared.models import ExceptionKind, ExceptionRecord, Return, Sale, StoreInfo

EXCEPTION_KINDS = frozenset(ExceptionKind.__args__)  # type: ignore[attr-defined]
Position = tuple[str, str] | None


class Rejected(Exception):
    """This event can never be applied; the store is told why and HQ sees an exception."""


def exception(conn: sa.Connection, store: str, kind: str, ref: str, detail: str) -> None:
    """Record something HQ must look at, once per (store, kind, ref)."""
    exceptions.add_exception(conn, exception_row(store, kind, ref, detail))


def exception_row(store: str, kind: str, ref: str, detail: str) -> dict[str, str]:
    """An exception as stored (a batch records several in one statement)."""
    return {
        "id": new_id(),
        "store": store,
        "kind": kind,
        "ref": ref,
        "detail": detail,
        "created_at": now_text(),
    }


def exceptions_of(
    conn: sa.Connection,
    store: str | None,
    kind: str | None,
    since: str | None,
    after: Position,
    limit: int,
) -> list[ExceptionRecord]:
    """Exceptions by time; an unknown kind is 400 rather than a silently empty list."""
    if kind is not None and kind not in EXCEPTION_KINDS:
        raise BadRequest("bad_kind", f"kind must be one of {', '.join(sorted(EXCEPTION_KINDS))}")
    rows = exceptions.list_exceptions(conn, store, kind, since, after, limit)
    return [ExceptionRecord.model_validate(row) for row in rows]


def sales_of(
    conn: sa.Connection, store: str, since: str | None, after: Position, limit: int
) -> list[Sale]:
    """A store's sales by (occurred_at, id), voided flag included."""
    require_store(conn, store)
    return sales.list_sales(conn, store, since, after, limit)


def returns_of(
    conn: sa.Connection, store: str, since: str | None, after: Position, limit: int
) -> list[Return]:
    """A store's returns by (occurred_at, id). A node may know only the sale's id (a return
    taken by id, or for another store's sale): the receipt number is filled in when known."""
    require_store(conn, store)
    items = sales.list_returns(conn, store, since, after, limit)
    for item in items:
        if item.sale_id is not None and item.sale_receipt_no is None:
            sale = sales.get_sale(conn, sale_id=item.sale_id)
            item.sale_receipt_no = None if sale is None else sale.receipt_no
    return items


def stores_info(conn: sa.Connection) -> list[StoreInfo]:
    """Every store, whether its node enrolled, and when it last synced."""
    return [
        StoreInfo(
            code=row["code"],
            name=row["name"],
            enrolled=row["keyid"] is not None,
            last_sync_at=row["last_sync_at"],
        )
        for row in stores.list_stores(conn)
    ]
