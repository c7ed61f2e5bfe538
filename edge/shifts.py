"""Cashier shifts: open with a float, close with a cash count; the Z report says what
happened and whether the drawer is right."""

from __future__ import annotations

import sqlite3
from collections import Counter

from sqlite_utils import Database

from edge import clock, outbox
from edge.node import NodeConfig
from edge.staff import Actor
from edge.storage import sales as sale_rows
from edge.storage import shifts as rows
from edge.storage.db import write
from shared.clock import format_ts, parse_ts
from shared.errors import Conflict, Forbidden, NotFound
from shared.models import (
    PayMethod,
    Return,
    Sale,
    ShiftCloseIn,
    ShiftEvent,
    ShiftOpenIn,
    TenderMethod,
    TenderTotal,
    VatSummary,
    Void,
    ZReport,
)
from shared.money import vat_breakdown

TENDERS: tuple[TenderMethod, ...] = ("cash", "card", "voucher")  # always in the Z report
REPORTED: tuple[PayMethod, ...] = (*TENDERS, "points")


def open_shift(db: Database, node: NodeConfig, actor: Actor, request: ShiftOpenIn) -> ZReport:
    """Open a shift on the actor's register; a register has one open shift at a time."""
    with write(db):
        existing = rows.get(db, request.id)
        if existing is not None:
            return report(db, node.store, existing)
        occurred_at, _ = clock.now(db)
        row = rows.ShiftRow(
            request.id,
            actor.register,
            actor.name,
            format_ts(occurred_at),
            request.float_amount,
            None,
            None,
            None,
        )
        try:
            rows.insert(db, row)
        except sqlite3.IntegrityError as exc:
            raise Conflict(
                "shift_open", f"register {actor.register} already has an open shift"
            ) from exc
    return report(db, node.store, row)


def current(db: Database, node: NodeConfig, register: str) -> ZReport:
    """The open shift of a register with its running figures (an X report)."""
    shift = rows.open_on(db, register)
    if shift is None:
        raise NotFound("no_open_shift", f"register {register} has no open shift")
    return report(db, node.store, shift)


def close_shift(
    db: Database, node: NodeConfig, actor: Actor, shift_id: str, request: ShiftCloseIn
) -> ZReport:
    """Close with the counted cash; the Z report goes to the cloud through the outbox. A
    cashier closes only their own shift; a manager any."""
    with write(db):
        shift = rows.get(db, shift_id)
        if shift is None:
            raise NotFound("unknown_shift", f"no shift {shift_id}")
        if actor.role != "manager" and shift.cashier != actor.name:
            raise Forbidden("not_your_shift", f"shift {shift_id} is {shift.cashier}'s to close")
        if shift.closed_at is not None:
            if shift.counted != request.counted:
                raise Conflict("shift_closed", "this shift is already closed")
            return ZReport.model_validate_json(str(shift.report))
        occurred_at, device_time = clock.now(db)
        z = report(db, node.store, shift).model_copy(
            update={"closed_at": occurred_at, "counted_cash": request.counted}
        )
        z.difference = request.counted - z.expected_cash
        rows.close(db, shift_id, format_ts(occurred_at), request.counted, z.model_dump_json())
        outbox.append(db, node.store, "shift", ShiftEvent(report=z), occurred_at, device_time)
    return z


def report(db: Database, store: str, shift: rows.ShiftRow) -> ZReport:
    """Figures of a shift from its sales, returns and voids."""
    sales, returns, voids = rows.facts(db, shift.id)
    voided = [_voided_sale(db, v) for v in voids]
    tenders = _tenders(sales, returns, voided)
    net = sum(s.total for s in sales) - sum(r.total for r in returns) - sum(v.total for v in voided)
    return ZReport(
        shift_id=shift.id,
        store=store,
        register=shift.register,
        cashier=shift.cashier,
        opened_at=parse_ts(shift.opened_at),
        float_amount=shift.float_amount,
        sales_count=len(sales),
        sales_total=sum(s.total for s in sales),
        returns_count=len(returns),
        returns_total=sum(r.total for r in returns),
        voids_count=len(voided),
        voids_total=sum(v.total for v in voided),
        net_total=net,
        tenders=[
            TenderTotal(method=m, amount=tenders[m]) for m in REPORTED if m in TENDERS or tenders[m]
        ],
        vat=_vat(sales, returns, voided),
        expected_cash=shift.float_amount + tenders["cash"],
    )


def _voided_sale(db: Database, void: Void) -> Sale:
    found = sale_rows.get_sale(db, void.sale_id)
    if found is None:
        raise NotFound("unknown_sale", f"voided sale {void.sale_id} is missing")
    return found[0]


def _tenders(sales: list[Sale], returns: list[Return], voided: list[Sale]) -> Counter[str]:
    """Takings per tender: cash net of change, minus refunds and voids. Points redeemed are
    a tender too (listed in the Z report when the shift took any), never in the drawer."""
    totals: Counter[str] = Counter({m: 0 for m in TENDERS})
    for sign, group in ((1, sales), (-1, voided)):
        for sale in group:
            for payment in sale.payments:
                totals[payment.method] += sign * payment.amount
            totals["cash"] -= sign * sale.change
    for ret in returns:
        for refund in ret.refunds:
            totals[refund.method] -= refund.amount
    return totals


def _vat(sales: list[Sale], returns: list[Return], voided: list[Sale]) -> list[VatSummary]:
    lines = [(line.total, line.vat_rate_bp) for sale in sales for line in sale.lines]
    lines += [(-line.total, line.vat_rate_bp) for sale in voided for line in sale.lines]
    lines += [(-line.total, line.vat_rate_bp) for ret in returns for line in ret.lines]
    return [
        VatSummary(rate_bp=v.rate_bp, gross=v.gross, vat=v.vat, net=v.net)
        for v in vat_breakdown(lines)
    ]
