"""Remote tills at the node: the register table (each till enrolled once, with a manager's
approval, so the store sees which tills exist) and baskets parked by remote tills, which
belong to the open shift of their register like the local till's parked file."""

from __future__ import annotations

from sqlite_utils import Database

from edge import clock
from edge.staff import Actor
from edge.storage import tills as rows
from edge.storage.db import write
from edge.storage.shifts import current_shift_id
from shared.clock import format_ts
from shared.errors import Conflict, Forbidden, NotFound
from shared.tills import ParkedBasket, ParkedIn, Till, TillIn


def enrol(db: Database, manager: Actor, request: TillIn) -> tuple[Till, bool]:
    """A manager enrols a till for a register (again: renamed). True when it is new."""
    if manager.role != "manager":
        raise Forbidden("manager_required", "a manager enrols tills")
    now = format_ts(clock.now(db)[0])
    with write(db):
        is_new = rows.get_till(db, request.register) is None
        till = Till.model_validate(
            {
                "register": request.register,
                "name": request.name,
                "enrolled_at": now,
                "enrolled_by": manager.name,
            }
        )
        rows.upsert_till(db, till, now)
    return _get(db, request.register), is_new


def seen(db: Database, register: str) -> Till:
    """A till says it is alive (the store's table shows when each was last seen)."""
    with write(db):
        _get(db, register)
        rows.touch(db, register, format_ts(clock.now(db)[0]))
    return _get(db, register)


def all_tills(db: Database) -> list[Till]:
    return rows.all_tills(db)


def _get(db: Database, register: str) -> Till:
    till = rows.get_till(db, register)
    if till is None:
        raise NotFound("unknown_till", f"no till is enrolled for register {register}")
    return till


def park(db: Database, actor: Actor, request: ParkedIn) -> ParkedBasket:
    """Park a basket on the open shift of the actor's register (409 without one)."""
    with write(db):
        shift_id = _open_shift(db, actor.register)
        owner = rows.get_parked(db, request.sale_id)
        if owner is not None and owner.shift_id != shift_id:
            raise Conflict("parked_elsewhere", "this basket is parked on another shift")
        basket = ParkedBasket.model_validate(
            {
                "sale_id": request.sale_id,
                "register": actor.register,
                "shift_id": shift_id,
                "cashier": actor.name,
                "parked_at": clock.now(db)[0],
                "lines": [line.model_dump() for line in request.lines],
                "coupons": request.coupons,
                "discount": None if request.discount is None else request.discount.model_dump(),
                "customer_id": request.customer_id,
            }
        )
        rows.park(db, basket, format_ts(basket.parked_at))
    return basket


def parked(db: Database, register: str) -> list[ParkedBasket]:
    """The baskets parked on the register's open shift, oldest first (none without one)."""
    shift_id = current_shift_id(db, register)
    return [] if shift_id is None else rows.parked_of_shift(db, shift_id)


def resume(db: Database, register: str, sale_id: str) -> ParkedBasket:
    """Take a basket out of the park (once: a second resume is 404)."""
    with write(db):
        basket = rows.get_parked(db, sale_id)
        if basket is None or basket.shift_id != current_shift_id(db, register):
            raise NotFound("unknown_parked", "no such basket parked on this register's shift")
        rows.unpark(db, sale_id)
    return basket


def _open_shift(db: Database, register: str) -> str:
    shift_id = current_shift_id(db, register)
    if shift_id is None:
        raise Conflict("no_open_shift", f"register {register} has no open shift")
    return shift_id
