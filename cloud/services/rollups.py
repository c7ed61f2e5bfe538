"""Report rollups maintained as pushes are applied (in the push's own transaction, so a
report never counts a sale the cloud did not keep, nor misses one it kept), and rebuilt from
the stored facts by `omnistore cloud rebuild-rollups` (and the migration that adds them).

What each accepted event adds, at the store's local day and hour:
- a sale: one receipt, its units and total and discounts (hours), its lines (products), its
  tenders (cash net of change), and per promotion (and `manual`) that discounted a line: the
  sale, those lines' units and totals and the discount it gave (promotions);
- a return, at the return's time in the returning store: its units and total (hours), its
  lines taken off (products), its refunds taken off their tenders; promotions are not
  netted (a return carries no discounts per source);
- a void, at the voided sale's time: the sale taken off again, all of it.

A store's day and hour are in its time zone (`PUT /stores/{store} {tz}`, UTC until set); a
line's discount is what the promotions engine and the cashier took off it."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa

from cloud.storage import places, rollups, sales
from cloud.storage.schema import (
    report_chain_days,
    report_chain_months,
    report_days,
    report_hours,
    report_products,
    report_promotions,
    report_store_months,
    report_tenders,
)
from shared.clock import parse_ts
from shared.models import Event

Key = tuple[Any, ...]
Part = tuple[dict[str, Any], int]  # a sale line and what one source took off it
TABLES = (  # the chain-wide tables last: every store's pushes add to their rows
    report_hours,
    report_days,
    report_products,
    report_store_months,
    report_tenders,
    report_promotions,
    report_chain_days,
    report_chain_months,
)
MANUAL = ("manual", "Manual discounts")  # the source and name of a cashier's discounts


class Tally:
    """Counters per rollup table and key, added in one statement per table."""

    def __init__(self, zones: dict[str, tzinfo], tables: Sequence[sa.Table] = TABLES) -> None:
        self.zones = zones
        self.tables = tables  # those written (a migration before a rollup's own lacks it)
        self.counts: dict[sa.Table, dict[Key, Counter[str]]] = {
            table: defaultdict(Counter) for table in TABLES
        }
        self.names: dict[Key, str] = {}  # promotion rows' names, the last one seen

    def local(self, store: str, instant: str) -> tuple[str, int]:
        """The store's local day and hour of an instant."""
        moment = parse_ts(instant).astimezone(self.zones.get(store, UTC))
        return moment.strftime("%Y-%m-%d"), moment.hour

    def _line(self, store: str, day: str, sku: str, units: int, total: int) -> None:
        for table, key in (
            (report_products, (store, day, sku)),
            (report_store_months, (store, day[:7], sku)),
            (report_chain_days, (day, sku)),
            (report_chain_months, (day[:7], sku)),
        ):
            counts = self.counts[table][key]
            counts["units"] += units
            counts["total"] += total

    def _period(self, store: str, day: str, hour: int) -> list[Counter[str]]:
        return [
            self.counts[report_hours][(store, day, hour)],
            self.counts[report_days][(store, day)],
        ]

    def sale(self, sale: dict[str, Any], sign: int = 1) -> None:
        """A sale (sign 1) or its void (sign -1), at the sale's own time."""
        store = sale["store"]
        day, hour = self.local(store, sale["occurred_at"])
        for counts in self._period(store, day, hour):
            counts["receipts"] += sign
            for line in sale["lines"]:
                counts["sold_units"] += sign * line["qty"]
                counts["sold_total"] += sign * line["total"]
                counts["discount"] += sign * line_discount(line)
        for line in sale["lines"]:
            self._line(store, day, line["sku"], sign * line["qty"], sign * line["total"])
        self._promotions(store, day, sale["lines"], sign)
        change = sale.get("change", 0)
        for payment in sale["payments"]:
            tender = self.counts[report_tenders][(store, day, payment["method"])]
            tender["payments"] += sign
            amount = payment["amount"]
            if payment["method"] == "cash" and change:
                amount, change = amount - min(change, amount), change - min(change, amount)
            tender["amount"] += sign * amount

    def _promotions(self, store: str, day: str, lines: list[dict[str, Any]], sign: int) -> None:
        """Per source that discounted some of these lines: the sale once, those lines' units
        and totals (after every discount) and what that source took off them."""
        for source, (name, parts) in promotion_parts(lines).items():
            key = (store, day, source)
            self.names[key] = name
            counts = self.counts[report_promotions][key]
            counts["sales"] += sign
            for line, amount in parts:
                counts["units"] += sign * line["qty"]
                counts["discount"] += sign * amount
                counts["sold_total"] += sign * line["total"]

    def ret(self, ret: dict[str, Any]) -> None:
        """A return, at its own time in the store that took it back."""
        store = ret["store"]
        day, hour = self.local(store, ret["occurred_at"])
        for counts in self._period(store, day, hour):
            for line in ret["lines"]:
                counts["returned_units"] += line["qty"]
                counts["returned_total"] += line["total"]
        for line in ret["lines"]:
            self._line(store, day, line["sku"], -line["qty"], -line["total"])
        for refund in ret["refunds"]:
            self.counts[report_tenders][(store, day, refund["method"])]["amount"] -= refund[
                "amount"
            ]

    def write(self, conn: sa.Connection) -> None:
        """Add what was tallied to the rollup tables (every counter column, zeros too)."""
        for table in self.tables:
            rows = [
                rollups.as_row(table, key, counts, self._labels(table, key))
                for key, counts in self.counts[table].items()
            ]
            rollups.add(conn, table, rows)

    def _labels(self, table: sa.Table, key: Key) -> dict[str, str]:
        """The text columns of a row: a promotion's name."""
        return {"name": self.names[key]} if table is report_promotions else {}


def line_discount(line: dict[str, Any]) -> int:
    """The discount given on a sale line, VAT included: the `discount` a line carries once
    the promotions engine records one, else 0."""
    return int(line.get("discount") or 0)


def promotion_parts(lines: list[dict[str, Any]]) -> dict[str, tuple[str, list[Part]]]:
    """Per source of a discount (a promotion id, or `manual` for the cashier's): its name and
    the lines it discounted with how much it took off each. A source too long for the
    rollup's key (not an id the engine gives) is cut to it rather than failing the push."""
    found: dict[str, tuple[str, list[Part]]] = {}
    for line in lines:
        amounts: Counter[str] = Counter()
        for part in line.get("discounts") or []:
            source = str(part["source"])[:36]
            amounts[source] += int(part["amount"])
            name = MANUAL[1] if source == MANUAL[0] else str(part.get("name") or source)
            found.setdefault(source, (name[:200], []))
        for source, amount in sorted(amounts.items()):
            if amount:
                found[source][1].append((line, amount))
    return {source: entry for source, entry in sorted(found.items()) if entry[1]}


def zones(conn: sa.Connection, codes: Iterable[str] | None = None) -> dict[str, tzinfo]:
    """Each store's time zone (`PUT /stores/{store} {tz}`), UTC when none was set. An
    unknown zone name counts as UTC rather than failing a push."""
    found: dict[str, tzinfo] = {}
    for code, name in places.time_zones(conn, codes).items():
        try:
            found[code] = ZoneInfo(name) if name else UTC
        except (ZoneInfoNotFoundError, ValueError):
            found[code] = UTC
    return found


def record(
    conn: sa.Connection,
    store: str,
    events: Sequence[Event],
    outcomes: Sequence[tuple[str, str | None]],
) -> None:
    """Add a pushed batch's accepted sales, returns and voids to the rollups, inside the
    push's transaction (one call per batch)."""
    accepted = [e for e, (status, _) in zip(events, outcomes, strict=True) if status == "accepted"]
    facts = [e for e in accepted if e.kind in ("sale", "return", "void")]
    if not facts:
        return
    tally = Tally(zones(conn, [store]))
    voided = [e.body["void"]["sale_id"] for e in facts if e.kind == "void"]
    voided_sales = sales.sales_by_id(conn, voided)
    for event in facts:
        if event.kind == "sale":
            tally.sale(event.body["sale"])
        elif event.kind == "return":
            tally.ret(event.body["ret"])
        else:
            for sale in voided_sales.get(event.body["void"]["sale_id"], []):
                if sale.store == store:
                    tally.zones.update(zones(conn, [sale.store]))
                    tally.sale(sale.model_dump(mode="json"), -1)
    tally.write(conn)


def rebuild(conn: sa.Connection, page: int = 5000) -> int:
    """Recompute every rollup from the stored sales (not voided) and returns; the number
    of facts read. Run inside one transaction: reports see the old or the new figures."""
    present = rollups.present(conn)
    tables = [table for table in TABLES if table in present]
    rollups.clear(conn, tables)
    known = zones(conn)
    count = 0
    for reader, kind in ((rollups.stored_sales, "sale"), (rollups.stored_returns, "return")):
        after = None
        while rows := reader(conn, after, page):
            tally = Tally(known, tables)
            for _store, _id, body in rows:
                fact = json.loads(body)
                tally.sale(fact) if kind == "sale" else tally.ret(fact)
            tally.write(conn)
            count += len(rows)
            after = (rows[-1][0], rows[-1][1])
    return count
