"""Voiding a whole sale: a new record that reverses it, with a manager's approval."""

from __future__ import annotations

from sqlite_utils import Database

from edge import clock, loyalty, outbox, stock
from edge.node import NodeConfig
from edge.sales import get_sale, request_hash
from edge.staff import Actor, require_manager
from edge.storage import sales as rows
from edge.storage.db import write
from edge.storage.shifts import current_shift_id
from shared.errors import Conflict, Unprocessable, idempotency_conflict
from shared.models import Loyalty, Payment, Sale, TenderMethod, Void, VoidEvent, VoidIn


def hand_back(sale: Sale) -> list[Payment]:
    """What a void gives back, per tender, as the shift counts it: each tender as taken,
    cash net of the change already given."""
    back: dict[TenderMethod, int] = {}
    for payment in sale.payments:
        if payment.method == "points":
            continue  # points go back on the ledger, not over the counter
        back[payment.method] = back.get(payment.method, 0) + payment.amount
    if "cash" in back:
        back["cash"] -= sale.change
    return [Payment(method=m, amount=a) for m, a in back.items() if a > 0]


def void_sale(
    db: Database, node: NodeConfig, actor: Actor, sale_id: str, request: VoidIn
) -> tuple[Void, bool]:
    """Void a sale once. A sale with returns cannot be voided (return the rest instead)."""
    digest = request_hash(request)
    get_sale(db, sale_id)
    manager = require_manager(db, actor, request.manager_pin)
    with write(db):
        existing = rows.get_void(db, void_id=request.id)
        if existing is not None:
            if existing[1] != digest or existing[0].sale_id != sale_id:
                raise idempotency_conflict("void", request.id)
            return existing[0], False
        if rows.get_void(db, sale_id=sale_id) is not None:
            raise Conflict("already_voided", f"sale {sale_id} is already voided")
        sale = get_sale(db, sale_id)
        if rows.returned_qty(db, sale_id):
            raise Unprocessable("sale_has_returns", "a sale with returns cannot be voided")
        occurred_at, device_time = clock.now(db)
        void = Void(
            id=request.id,
            sale_id=sale_id,
            store=node.store,
            register=actor.register,
            occurred_at=occurred_at,
            cashier=manager,
            reason=request.reason,
        )
        if sale.customer_id is not None:
            loyalty.on_reversal(
                db,
                node.store,
                "void",
                void.id,
                sale.id,
                sale.customer_id,
                sale.loyalty or Loyalty(),
                (sale.total, sale.total),
                (occurred_at, device_time),
            )
        rows.insert_void(db, void, digest, current_shift_id(db, actor.register))
        rows.mark_voided(db, sale_id)
        movements = stock.record_local(
            db,
            node.store,
            [(line.sku, line.qty) for line in sale.lines],
            "return",
            void.id,
            occurred_at,
            note="void",
        )
        outbox.append(
            db,
            node.store,
            "void",
            VoidEvent(void=void, movements=movements),
            occurred_at,
            device_time,
        )
    return void, True
