"""Click-and-collect at the store: orders arrive with the pull and are reserved at once (or
marked short when the shelf cannot cover them); pickers pick, short-pick and mark ready;
the customer collects with the pickup code. Every state change goes through the outbox."""

from __future__ import annotations

import time
from datetime import datetime

from sqlite_utils import Database

from edge import clock, outbox, stock, throttle
from edge.node import NodeConfig
from edge.storage import orders as rows
from edge.storage.db import write
from shared.clock import now_text
from shared.errors import Conflict, NotFound, Unprocessable
from shared.models import (
    OPEN_ORDER_STATUSES,
    CollectIn,
    Order,
    OrderEvent,
    PickIn,
    PickLineIn,
    ShortIn,
    StockMovement,
)
from shared.pickup import check_pickup_code

NO_STOCK = "not enough stock at the store when the order arrived"


def receive(db: Database, config: NodeConfig, incoming: Order) -> None:
    """Apply an order change from the cloud, inside the pull's transaction. A new order is
    reserved, or marked short at once when on_hand minus other orders cannot cover it; a
    cancel or expiry never undoes a collection made here."""
    current = rows.get(db, incoming.id)
    if current is None:
        if incoming.status in OPEN_ORDER_STATUSES:
            _accept_or_short(db, config, incoming)
        else:
            rows.save(db, incoming)
        return
    if current.status == "short" and incoming.status in ("accepted", "picking"):
        _part_accepted(db, current, incoming)
        return
    if current.status == "collected" or incoming.status not in ("cancelled", "expired"):
        return
    released = [line.model_copy(update={"reserved": 0}) for line in current.lines]
    rows.save(
        db,
        current.model_copy(
            update={"status": incoming.status, "lines": released, "updated_at": incoming.updated_at}
        ),
    )


def _part_accepted(db: Database, current: Order, incoming: Order) -> None:
    """HQ took what this store holds of a short order: the lines shrink to it and picking
    goes on (what was picked here stays picked; the reservation is the new quantity)."""
    picked = {line.sku: line.picked for line in current.lines}
    lines = [
        line.model_copy(update={"picked": picked.get(line.sku, 0), "reserved": line.qty})
        for line in incoming.lines
    ]
    status = "picking" if any(line.picked for line in lines) else "accepted"
    update = {"status": status, "lines": lines, "updated_at": incoming.updated_at}
    rows.save(db, current.model_copy(update=update))


def _accept_or_short(db: Database, config: NodeConfig, order: Order) -> None:
    lines = []
    for line in order.lines:
        free = max(0, stock.level(db, line.sku).on_hand - rows.reserved(db, line.sku, order.id))
        held = min(line.qty, free)
        reason = None if held == line.qty else NO_STOCK
        lines.append(line.model_copy(update={"reserved": held, "short_reason": reason}))
    status = "accepted" if all(line.short_reason is None for line in lines) else "short"
    _change(db, config, order.model_copy(update={"status": status, "lines": lines}))


def list_orders(db: Database, status: str | None, limit: int = 200) -> list[Order]:
    """Orders at this store, oldest first; by default the ones a picker works on."""
    statuses = [status] if status else ["accepted", "picking", "ready", "short"]
    return rows.list_by_status(db, statuses, limit)


def get(db: Database, order_id: str) -> Order:
    order = rows.get(db, order_id)
    if order is None:
        raise NotFound("unknown_order", f"no order {order_id} at this store")
    return order


def pick(db: Database, config: NodeConfig, order_id: str, request: PickIn) -> Order:
    """Add picked units (a scan adds one, a tap may add several); never more than ordered."""
    with write(db):
        order = _workable(db, order_id, ("accepted", "picking"))
        wanted = {line.sku: line.qty for line in request.lines}
        _check_on_order(order, set(wanted))
        lines = []
        for line in order.lines:
            picked = line.picked + wanted.get(line.sku, 0)
            if picked > line.qty:
                raise Unprocessable("over_pick", f"{line.sku}: {picked} picked, {line.qty} ordered")
            lines.append(line.model_copy(update={"picked": picked}))
        return _change(db, config, order.model_copy(update={"status": "picking", "lines": lines}))


def pick_barcode(db: Database, config: NodeConfig, order_id: str, sku: str) -> Order:
    """One scanned unit of a SKU."""
    return pick(db, config, order_id, PickIn(lines=[PickLineIn(sku=sku, qty=1)]))


def short(db: Database, config: NodeConfig, order_id: str, request: ShortIn) -> Order:
    """The shelf cannot fill some lines: the order goes short and holds what was picked,
    until HQ cancels it or accepts the part."""
    with write(db):
        order = _workable(db, order_id, ("accepted", "picking"))
        reasons = {line.sku: line.reason for line in request.lines}
        _check_on_order(order, set(reasons))
        lines = [
            line.model_copy(update={"short_reason": reasons[line.sku], "reserved": line.picked})
            if line.sku in reasons
            else line
            for line in order.lines
        ]
        return _change(db, config, order.model_copy(update={"status": "short", "lines": lines}))


def ready(db: Database, config: NodeConfig, order_id: str) -> Order:
    """Every line picked: the bag waits for the customer."""
    with write(db):
        order = _workable(db, order_id, ("picking", "accepted"))
        missing = [line.sku for line in order.lines if line.picked < line.qty]
        if missing:
            raise Conflict("not_fully_picked", f"still to pick: {', '.join(missing)}")
        return _change(db, config, order.model_copy(update={"status": "ready"}))


def collect(db: Database, config: NodeConfig, order_id: str, request: CollectIn) -> Order:
    """Hand over against the pickup code: single use, wrong guesses throttled per order."""
    now = time.time()
    key = f"order:{order_id}"
    order = get(db, order_id)
    if order.status == "collected":
        raise Conflict("already_collected", f"order {order_id} was already handed over")
    if order.status != "ready":
        raise Conflict("not_ready", f"order {order_id} is {order.status}, not ready")
    message = f"too many wrong pickup codes for {order_id}"
    if not throttle.guarded(
        db,
        key,
        now,
        message,
        lambda: check_pickup_code(order.id, request.pickup_code, order.pickup_code_hash or ""),
    ):
        raise Unprocessable("wrong_pickup_code", "that is not this order's pickup code")
    with write(db):
        order = _workable(db, order_id, ("ready",))
        occurred_at, _ = clock.now(db)
        movements = stock.record_local(
            db,
            config.store,
            [(line.sku, -line.picked) for line in order.lines],
            "collect",
            order.id,
            occurred_at,
        )
        lines = [line.model_copy(update={"reserved": 0}) for line in order.lines]
        collected = order.model_copy(update={"status": "collected", "lines": lines})
        return _change(db, config, collected, movements)


def expire_due(db: Database) -> int:
    """Release orders past their hold time (the cloud expires them too). Takes the write
    lock only when something is due: the sync loop calls this every second."""
    if not rows.due_to_expire(db, now_text()):
        return 0
    with write(db):
        due = rows.due_to_expire(db, now_text())
        for order in due:
            lines = [line.model_copy(update={"reserved": 0}) for line in order.lines]
            rows.save(db, order.model_copy(update={"status": "expired", "lines": lines}))
    return len(due)


def _check_on_order(order: Order, skus: set[str]) -> None:
    unknown = skus - {line.sku for line in order.lines}
    if unknown:
        raise Unprocessable("not_on_order", f"not on this order: {', '.join(sorted(unknown))}")


def _workable(db: Database, order_id: str, statuses: tuple[str, ...]) -> Order:
    order = get(db, order_id)
    if order.status == "collected":
        raise Conflict("already_collected", f"order {order_id} was already handed over")
    if order.status not in statuses:
        raise Conflict("wrong_status", f"order {order_id} is {order.status}")
    return order


def _change(
    db: Database, config: NodeConfig, order: Order, movements: list[StockMovement] | None = None
) -> Order:
    occurred_at, device_time = clock.now(db)
    order = order.model_copy(update={"updated_at": occurred_at})
    rows.save(db, order)
    event = OrderEvent(
        order=order.model_copy(update={"pickup_code_hash": None}), movements=movements or []
    )
    outbox.append(db, config.store, "order", event, occurred_at, device_time)
    return order


def age_s(order: Order, now: datetime) -> float:
    """Seconds since the order was placed (the picker page shows it against the target)."""
    return (now - order.created_at).total_seconds()
