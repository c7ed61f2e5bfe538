"""Points at the node (SPEC §9): checking a points tender, holding the points at the cloud
when it answers (else the offline allowance), earning on what was paid with money, and
giving points back on returns and voids. Every entry travels in one `loyalty` outbox event
per sale, return or void, written in the fact's own transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from edge import customers, outbox
from edge.storage import customers as rows
from shared.clock import format_ts
from shared.customers import Activity, LoyaltyEvent, PointsEntry, earned_points, share_back
from shared.errors import Conflict, Unprocessable
from shared.ids import new_id
from shared.models import Loyalty, PaymentIn
from shared.money import minor_digits

# Ask the cloud to hold points: (hold id, customer id, points) → True when held, False when
# the cloud cannot be reached (the till goes on offline); 409 `insufficient_points` raised.
HoldAsk = Callable[[str, str, int], bool]


@dataclass(frozen=True)
class Redeem:
    """The points tendered on a sale: how many, their money value, and the hold (None:
    redeemed offline, within the allowance)."""

    customer_id: str
    points: int
    amount: int
    hold_id: str | None = None


def tendered(db: Database, customer_id: str | None, payments: Sequence[PaymentIn]) -> Redeem | None:
    """The points tendered, checked against the program: a customer must be attached, each
    amount is points × point value, the total at least the least redemption (422)."""
    used = [p for p in payments if p.method == "points"]
    if not used:
        return None
    if customer_id is None:
        raise Unprocessable("points_need_customer", "attach a customer to pay with points")
    survivor = customers.resolve(db, customer_id).id
    program = customers.program(db)
    for payment in used:
        points = int(payment.points or 0)
        if payment.amount != points * program.point_value:
            raise Unprocessable(
                "bad_points_amount",
                f"{points} points are worth {points * program.point_value}, not {payment.amount}",
            )
    total = sum(int(p.points or 0) for p in used)
    if total < program.min_redeem:
        raise Unprocessable(
            "below_min_redeem", f"at least {program.min_redeem} points at once, not {total}"
        )
    return Redeem(survivor, total, sum(p.amount for p in used))


def hold(redeem: Redeem, ask: HoldAsk | None) -> Redeem:
    """Hold the points at the cloud (online); offline the allowance is checked when the
    sale commits. A refusal (409 `insufficient_points`) goes to the till as it is."""
    hold_id = new_id()
    if ask is not None and ask(hold_id, redeem.customer_id, redeem.points):
        return Redeem(redeem.customer_id, redeem.points, redeem.amount, hold_id)
    return redeem


def check_offline(db: Database, redeem: Redeem) -> None:
    """Offline, a customer may redeem at this node, until it syncs again, at most the
    smaller of the program's cap and the balance last synced (inside the sale's
    transaction, so two lanes cannot both take the last of it)."""
    if redeem.hold_id is not None:
        return
    family = rows.family(db, redeem.customer_id)
    entry = rows.get(db, redeem.customer_id)
    synced = 0 if entry is None else entry.points
    cap = customers.program(db).offline_redeem_cap
    left = min(cap, synced) - rows.pending_offline_redeemed(db, family)
    if redeem.points > left:
        raise Conflict(
            "insufficient_points",
            f"{redeem.points} points wanted; {max(left, 0)} may be redeemed while offline",
            detail={"free": max(left, 0)},
        )


def on_sale(
    db: Database,
    store: str,
    sale_id: str,
    receipt_no: str,
    customer_id: str,
    total: int,
    redeem: Redeem | None,
    currency: str,
    at: tuple[datetime, datetime],
) -> Loyalty:
    """Earn on the sale's final total less what points paid, redeem what was tendered,
    and queue both for the cloud with the sale's place on the customer's timeline."""
    survivor = customers.resolve(db, customer_id).id
    program = customers.program(db)
    paid_money = total - (redeem.amount if redeem else 0)
    earned = earned_points(program.earn_per_unit, paid_money, minor_digits(currency))
    entries = []
    if earned:
        entries.append(_entry(survivor, earned, "earn", "earn", sale_id, store, at[0]))
    if redeem is not None:
        entries.append(
            _entry(survivor, -redeem.points, "redeem", "redeem", sale_id, store, at[0])
            | {"hold_id": redeem.hold_id, "offline": redeem.hold_id is None}
        )
    activity = Activity(
        kind="sale", id=sale_id, receipt_no=receipt_no, store=store, at=at[0], amount=total
    )
    _queue(db, store, survivor, activity, entries, sale_id, at)
    return Loyalty(
        earned=earned,
        redeemed=redeem.points if redeem else 0,
        balance=customers.balance(db, survivor),
    )


def on_reversal(
    db: Database,
    store: str,
    kind: str,
    ident: str,
    sale_id: str,
    customer_id: str,
    sold: Loyalty,
    part: tuple[int, int],
    at: tuple[datetime, datetime],
    elsewhere: dict[str, int] | None = None,
) -> Loyalty:
    """A return (of `part[0]` out of a sale worth `part[1]`) or a void (all of it): earned
    points are taken back and redeemed points given back in proportion, half up, never
    more over all returns than the sale earned or redeemed. `elsewhere`: what the cloud
    knows was given back already (another store's sale); with what this node gave back and
    has not pushed yet, it counts when it is more than this node's own."""
    survivor = customers.resolve(db, customer_id).id
    done = rows.reversed_of(db, sale_id)
    if elsewhere:
        unpushed = rows.reversed_of(db, sale_id, pending_only=True)
        for key in ("earn", "redeem"):
            known = elsewhere.get(key, 0) + unpushed.get(key, 0)
            done[key] = max(done.get(key, 0), known)
    earned_back = share_back(sold.earned, part[0], part[1], done.get("earn", 0))
    redeemed_back = share_back(sold.redeemed, part[0], part[1], done.get("redeem", 0))
    entries = []
    if earned_back:
        entries.append(_entry(survivor, -earned_back, "reverse", "earn", sale_id, store, at[0]))
    if redeemed_back:
        entries.append(_entry(survivor, redeemed_back, "reverse", "redeem", sale_id, store, at[0]))
    activity = Activity(
        kind="void" if kind == "void" else "return",
        id=ident,
        store=store,
        at=at[0],
        amount=part[0],
    )
    _queue(db, store, survivor, activity, entries, sale_id, at)
    return Loyalty(
        earned=-earned_back, redeemed=-redeemed_back, balance=customers.balance(db, survivor)
    )


def _entry(
    customer_id: str,
    delta: int,
    reason: str,
    part: str,
    sale_id: str,
    store: str,
    at: datetime,
) -> dict[str, object]:
    return {
        "id": new_id(),
        "customer_id": customer_id,
        "delta": delta,
        "reason": reason,
        "part": part,
        "ref": sale_id,
        "store": store,
        "occurred_at": at,
        "hold_id": None,
        "offline": False,
    }


def _queue(
    db: Database,
    store: str,
    customer_id: str,
    activity: Activity,
    entries: list[dict[str, object]],
    sale_id: str,
    at: tuple[datetime, datetime],
) -> None:
    points = [PointsEntry.model_validate(e) for e in entries]
    event = LoyaltyEvent(customer_id=customer_id, activity=activity, points=points)
    event_id = outbox.append(db, store, "loyalty", event, at[0], at[1])
    for e in entries:
        rows.add_points(
            db,
            rows.LocalPoints(
                id=str(e["id"]),
                customer_id=customer_id,
                delta=int(e["delta"]),  # type: ignore[call-overload]
                reason=str(e["reason"]),
                part=str(e["part"]),
                sale_id=sale_id,
                event_id=event_id,
                offline=bool(e["offline"]),
                occurred_at=format_ts(at[0]),
            ),
        )
