"""Returns: against a known sale (this store's, or another store's once the cloud knows
it), or without a receipt with a manager's approval. Stock goes back with reason `return`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from sqlite_utils import Database

from edge import catalog, clock, customers, loyalty, outbox, stock
from edge.node import NodeConfig
from edge.recovery import RELEARNED, refuse_while_restoring
from edge.sales import request_hash
from edge.staff import Actor, require_manager
from edge.storage import sales as rows
from edge.storage.db import write
from edge.storage.shifts import current_shift_id
from shared.errors import NotFound, Unprocessable, idempotency_conflict
from shared.models import Loyalty, Payment, Return, ReturnEvent, ReturnIn, ReturnLine, Sale
from shared.money import MAX_MONEY, round_half_up
from shared.tenders import check_refunds


@dataclass(frozen=True)
class KnownSale:
    """A sale to return against, what was already returned of it per SKU, and (a sale of
    another store) what returns anywhere already gave back of its points, per part."""

    sale: Sale
    returned: dict[str, int]
    points_back: dict[str, int] = field(default_factory=dict)


RemoteLookup = Callable[[str | None, str | None], KnownSale | None]


def find_sale(
    db: Database, sale_id: str | None, receipt_no: str | None, remote: RemoteLookup | None
) -> KnownSale:
    """This node's sale, else the cloud's copy (a sale from another store), else 404."""
    if sale_id is None and receipt_no is not None:
        sale_id = rows.sale_id_for_receipt(db, receipt_no)
    local = rows.get_sale(db, sale_id) if sale_id is not None else None
    if local is not None:
        return KnownSale(local[0], rows.returned_qty(db, local[0].id))
    found = remote(sale_id, receipt_no) if remote is not None else None
    if found is None:
        raise NotFound("unknown_sale", "no such sale here or in the cloud")
    return replace(found, returned=_with_local_returns(db, found))


def record_return(
    db: Database,
    node: NodeConfig,
    actor: Actor,
    request: ReturnIn,
    remote: RemoteLookup | None = None,
) -> tuple[Return, bool]:
    """Commit a return once (same idempotency rule as sales)."""
    digest = request_hash(request)
    existing = rows.get_return(db, request.id)
    if existing is not None:
        return _replay(existing, digest, request.id)
    refuse_while_restoring(db)
    has_ref = request.sale_id is not None or request.receipt_no is not None
    known = find_sale(db, request.sale_id, request.receipt_no, remote) if has_ref else None
    if known is None or _other_tender(request, known):
        require_manager(db, actor, request.manager_pin)
    with write(db):
        existing = rows.get_return(db, request.id)
        if existing is not None:
            return _replay(existing, digest, request.id)
        if known is not None:
            known = replace(known, returned=_with_local_returns(db, known))
        lines = _lines(db, request, known)
        total = sum(line.total for line in lines)
        if total > MAX_MONEY:
            raise Unprocessable("amount_too_large", f"refund exceeds {MAX_MONEY}")
        refunds = _refunds(request, known, total - _points_share(known, total))
        occurred_at, device_time = clock.now(db)
        ret = Return(
            id=request.id,
            store=node.store,
            register=actor.register,
            sale_id=known.sale.id if known else None,
            sale_receipt_no=known.sale.receipt_no if known else None,
            occurred_at=occurred_at,
            cashier=actor.name,
            lines=lines,
            refunds=refunds,
            total=total,
            reason=request.reason,
            customer_id=_customer_of(db, known, request),
        )
        if ret.customer_id is not None:
            ret.loyalty = loyalty.on_reversal(
                db,
                node.store,
                "return",
                ret.id,
                known.sale.id if known else ret.id,
                ret.customer_id,
                (known.sale.loyalty if known else None) or Loyalty(),
                (total, known.sale.total if known else total),
                (occurred_at, device_time),
                known.points_back if known else {},
            )
        rows.insert_return(db, ret, digest, current_shift_id(db, actor.register))
        movements = stock.record_local(
            db, node.store, [(line.sku, line.qty) for line in lines], "return", ret.id, occurred_at
        )
        event = ReturnEvent(ret=ret, movements=movements)
        outbox.append(db, node.store, "return", event, occurred_at, device_time)
    return ret, True


def _replay(existing: tuple[Return, str], digest: str, return_id: str) -> tuple[Return, bool]:
    if existing[1] not in (digest, RELEARNED):
        raise idempotency_conflict("return", return_id)
    return existing[0], False


def _with_local_returns(db: Database, known: KnownSale) -> dict[str, int]:
    """Returned quantities, taking the larger of what the cloud and this node know; re-read
    inside the transaction so two lanes cannot both return the last unit."""
    merged = Counter(known.returned)
    for sku, qty in rows.returned_qty(db, known.sale.id).items():
        merged[sku] = max(merged[sku], qty)
    return dict(merged)


def quote(db: Database, known: KnownSale | None, wanted: Mapping[str, int]) -> list[ReturnLine]:
    """What returning these quantities (per SKU) would refund, line by line, checked and
    priced exactly as `record_return` will (nothing is recorded): for the till to check each
    line as it is scanned. Refuses (422) a line not on the receipt, more than is left to
    return, or any line of a voided sale; without a receipt, an unknown product."""
    if known is not None:
        known = KnownSale(known.sale, _with_local_returns(db, known))
    return _priced(db, Counter({sku: qty for sku, qty in wanted.items() if qty > 0}), known)


def left_to_return(db: Database, known: KnownSale) -> dict[str, int]:
    """Per SKU, how many of a sale may still come back (what this node and the cloud know
    was returned already taken off)."""
    returned = _with_local_returns(db, known)
    sold = Counter[str]()
    for line in known.sale.lines:
        sold[line.sku] += line.qty
    return {sku: qty - returned.get(sku, 0) for sku, qty in sold.items()}


def _lines(db: Database, request: ReturnIn, known: KnownSale | None) -> list[ReturnLine]:
    wanted = Counter[str]()
    for line in request.lines:
        wanted[line.sku] += line.qty
    return _priced(db, wanted, known)


def _priced(db: Database, wanted: Counter[str], known: KnownSale | None) -> list[ReturnLine]:
    if known is None:
        return [_unreferenced_line(db, sku, qty) for sku, qty in wanted.items()]
    if known.sale.voided:
        raise Unprocessable("sale_voided", f"sale {known.sale.receipt_no} was voided")
    return [_referenced_line(known, sku, qty) for sku, qty in wanted.items()]


def _referenced_line(known: KnownSale, sku: str, qty: int) -> ReturnLine:
    """Refund at the price paid (after every discount): the sale's own line totals, pro
    rata, half-up, counted from the units already returned."""
    sold = [line for line in known.sale.lines if line.sku == sku]
    if not sold:
        raise Unprocessable(
            "return_exceeds_sale", f"{sku} is not on receipt {known.sale.receipt_no}"
        )
    sold_qty = sum(line.qty for line in sold)
    left = sold_qty - known.returned.get(sku, 0)
    if qty > left:
        raise Unprocessable(
            "return_exceeds_sale",
            f"{sku}: {qty} to return but only {left} of {sold_qty} sold are left to return",
        )
    sold_total = sum(line.total for line in sold)
    before = known.returned.get(sku, 0)
    # What the first n units back are worth, pro rata of what was paid: this return is the
    # difference, so every return of the sale together never refunds more than was paid.
    total = round_half_up(sold_total * (before + qty), sold_qty) - round_half_up(
        sold_total * before, sold_qty
    )
    return ReturnLine(
        sku=sku,
        name=sold[0].name,
        qty=qty,
        unit_price=round_half_up(sold_total, sold_qty),
        total=total,
        vat_rate_bp=sold[0].vat_rate_bp,
    )


def _unreferenced_line(db: Database, sku: str, qty: int) -> ReturnLine:
    """Without a receipt the refund is at today's price."""
    try:
        product = catalog.get(db, sku)
    except NotFound as exc:
        raise Unprocessable(exc.code, exc.message) from exc
    if product.price * qty > MAX_MONEY:
        raise Unprocessable("amount_too_large", f"line total exceeds {MAX_MONEY}")
    return ReturnLine(
        sku=sku,
        name=product.name,
        qty=qty,
        unit_price=product.price,
        total=product.price * qty,
        vat_rate_bp=product.vat_rate_bp,
    )


def _other_tender(request: ReturnIn, known: KnownSale) -> bool:
    """A refund in a tender the sale was not paid with (card sale refunded in cash) needs a
    manager: it is how money leaves a drawer unnoticed."""
    paid_with = {payment.method for payment in known.sale.payments}
    return any(refund.method not in paid_with for refund in request.refunds or [])


def _refunds(request: ReturnIn, known: KnownSale | None, total: int) -> list[Payment]:
    """By default the money goes back in the sale's first money tender (cash without a
    receipt); points go back on the ledger, never as money."""
    if request.refunds is not None:
        check_refunds(total, request.refunds)
        return [Payment(method=r.method, amount=r.amount) for r in request.refunds]
    money = [p.method for p in known.sale.payments if p.method != "points"] if known else []
    method = money[0] if money else "cash"
    return [Payment(method=method, amount=total)] if total else []


def _points_share(known: KnownSale | None, total: int) -> int:
    """The part of a refund that points paid for (given back as points, half up)."""
    if known is None or known.sale.total <= 0:
        return 0
    paid = sum(p.amount for p in known.sale.payments if p.method == "points")
    return min(total, round_half_up(paid * total, known.sale.total))


def _customer_of(db: Database, known: KnownSale | None, request: ReturnIn) -> str | None:
    """The sale's customer (a return is theirs), else the one attached to the return. Another
    store's customer this node has not pulled yet (or who was erased) does not stop the
    return: it is then taken like a return without a customer."""
    if known is not None and known.sale.customer_id is not None:
        try:
            customers.resolve(db, known.sale.customer_id)
        except NotFound:
            return request.customer_id
        return known.sale.customer_id
    return request.customer_id


def list_returns(db: Database, after: tuple[str, str] | None, limit: int) -> list[Return]:
    """This node's returns in (occurred_at, id) order, after a page position."""
    return rows.list_returns(db, after, limit)
