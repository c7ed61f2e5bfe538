"""The report rollups' SQL: counters added per key as pushes are applied, and the sums the
reports read. Days and hours are the store's local ones, as text `YYYY-MM-DD` and 0–23."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from cloud.storage.dialect import add_to, counters, json_rows
from cloud.storage.schema import (
    movements,
    products,
    report_chain_days,
    report_chain_months,
    report_days,
    report_hours,
    report_products,
    report_promotions,
    report_store_months,
    report_tenders,
    returns,
    sales,
)

ROLLUPS = (
    report_hours,
    report_days,
    report_products,
    report_store_months,
    report_chain_days,
    report_chain_months,
    report_tenders,
    report_promotions,
)
CHUNK = 2000  # rows per upsert statement (SQLite's bound-parameter limit is 32,766)


def add(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Add counters, in key order (two pushes of one store never wait on each other in a
    cycle), a chunk per statement."""
    keys = [c.name for c in table.primary_key.columns]
    rows = sorted(rows, key=lambda row: tuple(row[k] for k in keys))
    for start in range(0, len(rows), CHUNK):
        add_to(conn, table, rows[start : start + CHUNK])


def as_row(
    table: sa.Table, key: tuple[Any, ...], counts: Mapping[str, int], labels: Mapping[str, str]
) -> dict[str, Any]:
    """A row for `add`: its key, every counter (zeros too: the rows of one statement have the
    same columns) and its labels (a promotion's name)."""
    keys = [c.name for c in table.primary_key.columns]
    return dict(zip(keys, key, strict=True)) | {c: counts[c] for c in counters(table)} | {**labels}


def present(conn: sa.Connection) -> list[sa.Table]:
    """The rollups whose tables exist (a migration older than a rollup rebuilds the others)."""
    names = set(sa.inspect(conn).get_table_names())
    return [table for table in ROLLUPS if table.name in names]


def clear(conn: sa.Connection, tables: list[sa.Table]) -> None:
    """Empty these rollups (before a rebuild)."""
    for table in tables:
        conn.execute(sa.delete(table))


def stored_sales(conn: sa.Connection, after: tuple[str, str] | None, limit: int) -> list[Any]:
    """A page of (store, id, body) of sales not voided, for the rebuild."""
    query = sa.select(sales.c.store, sales.c.id, sales.c.body).where(sales.c.voided.is_(False))
    if after is not None:
        query = query.where(sa.tuple_(sales.c.store, sales.c.id) > sa.tuple_(*after))
    return list(conn.execute(query.order_by(sales.c.store, sales.c.id).limit(limit)))


def stored_returns(conn: sa.Connection, after: tuple[str, str] | None, limit: int) -> list[Any]:
    """A page of (store, id, body) of returns, for the rebuild."""
    query = sa.select(returns.c.store, returns.c.id, returns.c.body)
    if after is not None:
        query = query.where(sa.tuple_(returns.c.store, returns.c.id) > sa.tuple_(*after))
    return list(conn.execute(query.order_by(returns.c.store, returns.c.id).limit(limit)))


def _range(table: sa.Table, stores: list[str] | None, start: str, end: str) -> list[Any]:
    conditions = [table.c.day >= start, table.c.day < end]
    if stores is not None:
        conditions.append(table.c.store.in_(stores))
    return conditions


def hours_by_day(
    conn: sa.Connection, stores: list[str] | None, start: str, end: str
) -> list[dict[str, Any]]:
    """Per store and day: the day rollup's rows as they are (one per key), in key order."""
    t = report_days
    columns = [t.c.store, t.c.day, *(t.c[name] for name in COUNTERS)]
    query = sa.select(*columns).where(*_range(t, stores, start, end)).order_by(t.c.store, t.c.day)
    names = ("store", "day", *COUNTERS)
    return [dict(zip(names, row, strict=True)) for row in conn.execute(query).all()]


def net_by_day(
    conn: sa.Connection, stores: list[str] | None, start: str, end: str
) -> list[dict[str, Any]]:
    """{store, day, receipts, units, total} net of returns, in key order, without the days
    whose figures are all zero. A year of a chain is some 18,000 rows: the database hands
    them over as one JSON document."""
    t = report_days
    units = (t.c.sold_units - t.c.returned_units).label("units")
    total = (t.c.sold_total - t.c.returned_total).label("total")
    query = (
        sa.select(t.c.store, t.c.day, t.c.receipts, units, total)
        .where(*_range(t, stores, start, end))
        .where(sa.or_(t.c.receipts != 0, units != 0, total != 0))
    )
    return json_rows(conn, query, ["store", "day"])


def hours_by_hour(
    conn: sa.Connection, stores: list[str] | None, start: str, end: str
) -> list[dict[str, Any]]:
    """Per hour of the day, over the range and the stores."""
    t = report_hours
    query = (
        sa.select(t.c.hour, *_sums(t))
        .where(*_range(t, stores, start, end))
        .group_by(t.c.hour)
        .order_by(t.c.hour)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def hours_by_store(
    conn: sa.Connection, stores: list[str] | None, start: str, end: str
) -> list[dict[str, Any]]:
    """Per store, over the range."""
    t = report_days
    query = (
        sa.select(t.c.store, *_sums(t))
        .where(*_range(t, stores, start, end))
        .group_by(t.c.store)
        .order_by(t.c.store)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


COUNTERS = ("receipts", "sold_units", "sold_total", "returned_units", "returned_total", "discount")


def _sums(t: sa.Table) -> list[Any]:
    return [_sum(t.c[name]).label(name) for name in COUNTERS]


def _sum(column: Any) -> Any:
    """A sum as a 64-bit integer (PostgreSQL sums bigints as numeric, read as Decimal)."""
    return sa.cast(sa.func.sum(column), sa.BigInteger)


def top_products(
    conn: sa.Connection, stores: list[str] | None, start: str, end: str, limit: int
) -> list[dict[str, Any]]:
    """SKUs by net total (then units, then SKU), with the catalogue's name when it has one.
    For the whole chain, whole months come from the monthly rollup and the days around them
    from the daily one; for some stores, from the stores' daily rollup."""
    parts = _product_parts(stores, start, end)
    rows = sa.union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
    total = _sum(rows.c.total).label("total")
    units = _sum(rows.c.units).label("units")
    ranked = (
        sa.select(rows.c.sku, units, total)
        .group_by(rows.c.sku)
        .having(sa.or_(sa.func.sum(rows.c.total) != 0, sa.func.sum(rows.c.units) != 0))
        .order_by(total.desc(), units.desc(), rows.c.sku)
        .limit(limit)
        .subquery()
    )
    query = (
        sa.select(ranked.c.sku, products.c.name, ranked.c.units, ranked.c.total)
        .select_from(ranked.outerjoin(products, products.c.sku == ranked.c.sku))
        .order_by(ranked.c.total.desc(), ranked.c.units.desc(), ranked.c.sku)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def _product_parts(stores: list[str] | None, start: str, end: str) -> list[sa.Select[Any]]:
    """The selects of (sku, units, total) rows that together cover [start, end) once: whole
    months from a monthly rollup, the days around them from a daily one (the chain's, or
    the stores')."""
    days, months = report_chain_days, report_chain_months
    if stores is not None:
        days, months = report_products, report_store_months
    first, last = _whole_months(start, end)
    if first >= last:
        return [_lines(days, stores, days.c.day >= start, days.c.day < end)]
    edges = sa.or_(
        sa.and_(days.c.day >= start, days.c.day < first),
        sa.and_(days.c.day >= last, days.c.day < end),
    )
    whole = (months.c.month >= first[:7], months.c.month < last[:7])
    return [_lines(months, stores, *whole), _lines(days, stores, edges)]


def _lines(t: sa.Table, stores: list[str] | None, *where: Any) -> sa.Select[Any]:
    query = sa.select(t.c.sku, t.c.units, t.c.total).where(*where)
    return query if stores is None else query.where(t.c.store.in_(stores))


def _whole_months(start: str, end: str) -> tuple[str, str]:
    """The first day of the first whole month in [start, end) and the first day of the
    month after the last whole one (equal when there is none)."""
    first = start if start.endswith("-01") else _next_month(start)
    last = end[:8] + "01"
    return (first, last) if first < last else (first, first)


def _next_month(day: str) -> str:
    year, month = int(day[:4]), int(day[5:7])
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}-01"


def units_by_store_sku(
    conn: sa.Connection, stores: list[str] | None, start: str, end: str
) -> dict[tuple[str, str], int]:
    """Net units sold per (store, SKU) over the range."""
    t = report_products
    query = (
        sa.select(t.c.store, t.c.sku, _sum(t.c.units))
        .where(*_range(t, stores, start, end))
        .group_by(t.c.store, t.c.sku)
    )
    return {(store, sku): int(units) for store, sku, units in conn.execute(query)}


def on_hand_by_store_sku(
    conn: sa.Connection, stores: list[str] | None
) -> dict[tuple[str, str], int]:
    """on_hand now (the sum of movements) per (store, SKU)."""
    query = sa.select(movements.c.store, movements.c.sku, _sum(movements.c.delta))
    if stores is not None:
        query = query.where(movements.c.store.in_(stores))
    query = query.group_by(movements.c.store, movements.c.sku)
    return {(store, sku): int(total) for store, sku, total in conn.execute(query)}


def product_names(conn: sa.Connection, skus: list[str]) -> dict[str, str]:
    """The catalogue's names of these SKUs."""
    if not skus:
        return {}
    query = sa.select(products.c.sku, products.c.name).where(products.c.sku.in_(sorted(skus)))
    return {sku: name for sku, name in conn.execute(query)}


def tenders(
    conn: sa.Connection, stores: list[str] | None, start: str, end: str
) -> list[dict[str, Any]]:
    """Per tender method over the range: payments taken and the net amount."""
    t = report_tenders
    query = (
        sa.select(
            t.c.method,
            _sum(t.c.payments).label("payments"),
            _sum(t.c.amount).label("amount"),
        )
        .where(*_range(t, stores, start, end))
        .group_by(t.c.method)
        .order_by(t.c.method)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


PROMOTION_COUNTERS = ("sales", "units", "discount", "sold_total")


def promotions(
    conn: sa.Connection, stores: list[str] | None, start: str, end: str, limit: int
) -> list[dict[str, Any]]:
    """Per promotion (and `manual`) over the range: sales, units, discount and sold total;
    highest discount first, then promotion id, `limit` rows, without those all zero (a
    promotion whose only sale was voided). Each with the name its newest row carries."""
    t = report_promotions
    sums = {name: _sum(t.c[name]).label(name) for name in PROMOTION_COUNTERS}
    query = (
        sa.select(t.c.promotion, *sums.values())
        .where(*_range(t, stores, start, end))
        .group_by(t.c.promotion)
        .having(sa.or_(*(sa.func.sum(t.c[name]) != 0 for name in PROMOTION_COUNTERS)))
        .order_by(sums["discount"].desc(), t.c.promotion)
        .limit(limit)
    )
    rows = [dict(row._mapping) for row in conn.execute(query)]
    names = _promotion_names(conn, [r["promotion"] for r in rows], stores, start, end)
    return [r | {"name": names.get(r["promotion"], "")} for r in rows]


def _promotion_names(
    conn: sa.Connection, ids: list[str], stores: list[str] | None, start: str, end: str
) -> dict[str, str]:
    """The name of each promotion on its newest row in the range (the latest day, then the
    last store): a promotion renamed shows its latest name."""
    if not ids:
        return {}
    t = report_promotions
    query = (
        sa.select(t.c.promotion, t.c.name)
        .where(t.c.promotion.in_(ids), *_range(t, stores, start, end))
        .order_by(t.c.promotion, t.c.day, t.c.store)
    )
    return dict(conn.execute(query).tuples().all())  # the newest last: it wins
