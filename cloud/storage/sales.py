"""Sales, returns, voids and shift reports as the stores pushed them (wire JSON kept whole)."""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa

from cloud.storage.dialect import insert_ignore, insert_many
from cloud.storage.schema import returns, sales, shift_reports, voids
from shared.models import Return, Sale, Void, ZReport


def insert_sale(conn: sa.Connection, sale: Sale) -> bool:
    """Store a sale once by (store, id)."""
    return insert_ignore(conn, sales, _sale_row(sale))


def insert_sales(conn: sa.Connection, items: list[Sale]) -> set[str]:
    """Store a batch's sales in bulk, each once by (store, id) and receipt number; the ids
    actually added."""
    added = insert_many(conn, sales, [_sale_row(sale) for sale in items], ignore=True)
    return {str(sale_id) for _store, sale_id in added}


def _sale_row(sale: Sale) -> dict[str, object]:
    """The stored form: wire JSON kept whole (without the voided flag, a column of its own)."""
    return {
        "store": sale.store,
        "id": sale.id,
        "receipt_no": sale.receipt_no,
        "occurred_at": sale.model_dump(mode="json", include={"occurred_at"})["occurred_at"],
        "total": sale.total,
        "voided": False,
        "body": sale.model_dump_json(exclude={"voided"}),
    }


def stored_sale_ids(conn: sa.Connection, sale_ids: list[str]) -> set[str]:
    """Which of these sale ids any store already has, in one query."""
    if not sale_ids:
        return set()
    query = sa.select(sales.c.id).where(sales.c.id.in_(sorted(set(sale_ids))))
    return {str(sale_id) for (sale_id,) in conn.execute(query)}


def taken_receipts(conn: sa.Connection, store: str, receipt_nos: list[str]) -> set[str]:
    """Which of these receipt numbers a sale of this store already has, in one query."""
    if not receipt_nos:
        return set()
    query = sa.select(sales.c.receipt_no).where(
        sales.c.store == store, sales.c.receipt_no.in_(sorted(set(receipt_nos)))
    )
    return {str(receipt) for (receipt,) in conn.execute(query)}


def receipt_store(receipt_no: str) -> str | None:
    """The store a receipt number names: `<store>-<register>-<n>` (a store code may itself
    contain '-', a register and a number never do)."""
    parts = receipt_no.rsplit("-", 2)
    return parts[0] if len(parts) == 3 and all(parts) else None


def get_sale(
    conn: sa.Connection, *, sale_id: str | None = None, receipt_no: str | None = None
) -> Sale | None:
    """A sale of any store, by id, or by receipt number within the store that its prefix
    names (receipt numbers are unique per store only)."""
    query = sa.select(sales.c.body, sales.c.voided)
    if sale_id is not None:
        query = query.where(sales.c.id == sale_id)
    else:
        store = receipt_store(receipt_no or "")
        if store is None:
            return None
        query = query.where(sales.c.store == store, sales.c.receipt_no == receipt_no)
    row = conn.execute(query).first()
    return None if row is None else _sale(row[0], row[1])


def receipt_taken(conn: sa.Connection, store: str, receipt_no: str, sale_id: str) -> bool:
    """Whether another sale of this store already has this receipt number."""
    row = conn.execute(
        sa.select(sales.c.id).where(
            sales.c.store == store, sales.c.receipt_no == receipt_no, sales.c.id != sale_id
        )
    ).first()
    return row is not None


def return_exists(conn: sa.Connection, store: str, return_id: str) -> bool:
    """Whether this store's return is already stored."""
    row = conn.execute(
        sa.select(returns.c.id).where(returns.c.store == store, returns.c.id == return_id)
    ).first()
    return row is not None


def same_sale_stored(conn: sa.Connection, sale: Sale) -> bool | None:
    """None when absent; else whether the stored sale has the same body."""
    stored = get_sale(conn, sale_id=sale.id)
    if stored is None:
        return None
    return stored.model_dump(exclude={"voided"}) == sale.model_dump(exclude={"voided"})


def list_sales(
    conn: sa.Connection, store: str, since: str | None, after: tuple[str, str] | None, limit: int
) -> list[Sale]:
    """A store's sales in (occurred_at, id) order."""
    query = sa.select(sales.c.body, sales.c.voided).where(sales.c.store == store)
    if since is not None:
        query = query.where(sales.c.occurred_at >= since)
    if after is not None:
        query = query.where(sa.tuple_(sales.c.occurred_at, sales.c.id) > sa.tuple_(*after))
    rows = conn.execute(query.order_by(sales.c.occurred_at, sales.c.id).limit(limit))
    return [_sale(body, voided) for body, voided in rows]


def mark_voided(conn: sa.Connection, store: str, sale_id: str) -> None:
    """A voided sale stays listed, flagged."""
    conn.execute(
        sa.update(sales).where(sales.c.store == store, sales.c.id == sale_id).values(voided=True)
    )


def insert_return(conn: sa.Connection, ret: Return) -> bool:
    """Store a return once by (store, id)."""
    return insert_ignore(conn, returns, _return_row(ret))


def _return_row(ret: Return) -> dict[str, object]:
    """The stored form of a return: wire JSON kept whole."""
    return {
        "store": ret.store,
        "id": ret.id,
        "sale_id": ret.sale_id,
        "occurred_at": ret.model_dump(mode="json", include={"occurred_at"})["occurred_at"],
        "body": ret.model_dump_json(),
    }


def list_returns(
    conn: sa.Connection, store: str, since: str | None, after: tuple[str, str] | None, limit: int
) -> list[Return]:
    """A store's returns in (occurred_at, id) order."""
    query = sa.select(returns.c.body).where(returns.c.store == store)
    if since is not None:
        query = query.where(returns.c.occurred_at >= since)
    if after is not None:
        query = query.where(sa.tuple_(returns.c.occurred_at, returns.c.id) > sa.tuple_(*after))
    rows = conn.execute(query.order_by(returns.c.occurred_at, returns.c.id).limit(limit))
    return [Return.model_validate_json(body) for (body,) in rows]


def returned_qty(conn: sa.Connection, sale_id: str) -> dict[str, int]:
    """Units returned against a sale in any store, per SKU."""
    totals: Counter[str] = Counter()
    for (body,) in conn.execute(sa.select(returns.c.body).where(returns.c.sale_id == sale_id)):
        for line in Return.model_validate_json(body).lines:
            totals[line.sku] += line.qty
    return dict(totals)


def insert_void(conn: sa.Connection, void: Void) -> bool:
    """Store a void once by (store, id)."""
    return insert_ignore(conn, voids, _void_row(void))


def _void_row(void: Void) -> dict[str, object]:
    """The stored form of a void: wire JSON kept whole."""
    return {
        "store": void.store,
        "id": void.id,
        "sale_id": void.sale_id,
        "body": void.model_dump_json(),
    }


def insert_shift_report(conn: sa.Connection, store: str, report: ZReport) -> bool:
    """Store a closed shift's Z report once."""
    return insert_ignore(
        conn,
        shift_reports,
        {"store": store, "id": report.shift_id, "body": report.model_dump_json()},
    )


def _sale(body: str, voided: bool) -> Sale:
    """The stored wire JSON with the current voided flag."""
    sale = Sale.model_validate_json(body)
    sale.voided = bool(voided)
    return sale


def list_voids(conn: sa.Connection, store: str) -> list[Void]:
    """Every void of a store (few: a void is an exception), oldest first."""
    rows = conn.execute(sa.select(voids.c.body).where(voids.c.store == store))
    found = [Void.model_validate_json(body) for (body,) in rows]
    return sorted(found, key=lambda void: (void.occurred_at, void.id))


def sales_by_id(conn: sa.Connection, sale_ids: list[str]) -> dict[str, list[Sale]]:
    """The sales with these ids, in any store, in one query (a list per id: ids are unique
    per store only)."""
    found: dict[str, list[Sale]] = {}
    if not sale_ids:
        return found
    query = sa.select(sales.c.body, sales.c.voided).where(sales.c.id.in_(sorted(set(sale_ids))))
    for body, voided in conn.execute(query):
        sale = _sale(body, voided)
        found.setdefault(sale.id, []).append(sale)
    return found


def returned_qty_many(conn: sa.Connection, sale_ids: list[str]) -> dict[str, Counter[str]]:
    """Units returned against each of these sales in any store, per SKU, in one query."""
    totals: dict[str, Counter[str]] = {sale_id: Counter() for sale_id in sale_ids}
    if not sale_ids:
        return totals
    query = sa.select(returns.c.body).where(returns.c.sale_id.in_(sorted(set(sale_ids))))
    for (body,) in conn.execute(query):
        ret = Return.model_validate_json(body)
        for line in ret.lines:
            totals[str(ret.sale_id)][line.sku] += line.qty
    return totals


def stored_return_ids(conn: sa.Connection, store: str, return_ids: list[str]) -> set[str]:
    """Which of these returns this store already has, in one query."""
    if not return_ids:
        return set()
    query = sa.select(returns.c.id).where(
        returns.c.store == store, returns.c.id.in_(sorted(set(return_ids)))
    )
    return {str(return_id) for (return_id,) in conn.execute(query)}


def insert_returns(conn: sa.Connection, items: list[Return]) -> None:
    """Store a batch's returns in bulk, each once by (store, id)."""
    insert_many(conn, returns, [_return_row(ret) for ret in items], ignore=True)


def insert_voids(conn: sa.Connection, items: list[Void]) -> None:
    """Store a batch's voids in bulk, each once by (store, id)."""
    insert_many(conn, voids, [_void_row(void) for void in items], ignore=True)


def mark_voided_many(conn: sa.Connection, store: str, sale_ids: list[str]) -> None:
    """Flag a batch's voided sales in one statement."""
    if sale_ids:
        conn.execute(
            sa.update(sales)
            .where(sales.c.store == store, sales.c.id.in_(sorted(set(sale_ids))))
            .values(voided=True)
        )
