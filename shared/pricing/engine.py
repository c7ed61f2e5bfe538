"""Pricing a basket: a pure function of (lines at their list prices, promotions, member,
coupons, time, store) → each line's discount, promotions and paid total, and VAT per rate.

The order (docs/pricing.md says the same for users):

1. A line's list unit price comes from the price book (or a manager's override: such a line
   takes no line promotion, only basket-level discounts).
2. Line promotions (every kind but `basket_percent_off`) by `priority`, highest first. Within
   one priority, the non-stackable ones go first, the customer's best outcome first: the one
   that saves most on the units still unclaimed is applied, then the next best on what is
   left, and so on (greedy). Per-unit kinds (percent off, amount off, member price) are
   weighed line by line, multibuys and bundles as a whole. A non-stackable promotion claims
   the units it discounts; no other non-stackable promotion may touch them. Stackable ones
   then apply, in id order, on every qualifying unit at its price so far.
3. A manual line discount, on what the line costs after its promotions.
4. Basket promotions (`basket_percent_off`), by priority: the first non-stackable one whose
   `min_total` the (qualifying) lines reach after step 2–3 applies, and every stackable one
   that qualifies; each spread over its lines in proportion to their totals, largest
   remainder.
5. A manual basket discount, spread the same way.
6. VAT per rate on the discounted line totals.

No line ever goes below zero. Ties between lines are broken by a canonical order (SKU, list
price, quantity, then the caller's key), so the answer never depends on scan order."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction

from shared.models import LineDiscount
from shared.money import VatLine, round_half_up, vat_breakdown
from shared.pricing.allocate import largest_remainder
from shared.pricing.book import in_force, reaches
from shared.pricing.index import PromotionIndex
from shared.pricing.models import LINE_KINDS, Promotion

PER_UNIT = ("percent_off", "amount_off", "member_price")  # kinds that price each unit alone
_Lines = dict[str, list[int]]  # promotion id → the lines (canonical indices) it may take


@dataclass(frozen=True)
class Manual:
    """A manual discount as the engine needs it: a percentage or an amount."""

    percent_bp: int | None = None
    amount: int | None = None


@dataclass(frozen=True)
class BasketLine:
    """One line to price: its list unit price, and what the cashier did to it."""

    key: int
    sku: str
    qty: int
    unit_price: int
    vat_rate_bp: int
    category: str | None = None
    overridden: bool = False
    manual: Manual | None = None


@dataclass
class PricedLine:
    key: int
    sku: str
    qty: int
    unit_price: int
    vat_rate_bp: int
    discount: int
    total: int
    promotions: list[str]
    discounts: list[LineDiscount]


@dataclass
class PricedBasket:
    lines: list[PricedLine]  # in the caller's order
    total: int
    discount: int
    vat: list[VatLine]


@dataclass
class _State:
    """A line while the engine works on it."""

    line: BasketLine
    gross: int
    shared: int = 0  # discounts spread over every unit (stackable, manual, basket)
    claimed: int = 0  # discount on units claimed by non-stackable promotions
    free: int = 0  # units no non-stackable promotion has claimed
    parts: dict[str, int] = field(default_factory=dict)

    @property
    def net(self) -> int:
        return self.gross - self.shared - self.claimed

    def unit_value(self) -> Fraction:
        """What one unclaimed unit costs now."""
        return Fraction(self.gross - self.shared, self.line.qty)

    def value(self, units: int) -> int:
        """What `units` unclaimed units cost now, half-up."""
        return round_half_up((self.gross - self.shared) * units, self.line.qty)


def active(
    promotions: Iterable[Promotion], store: str, at: datetime, member: bool, coupons: set[str]
) -> list[Promotion]:
    """The promotions that may apply to this sale."""
    return [p for p in promotions if applies(p, store, at, member, coupons)]


def applies(p: Promotion, store: str, at: datetime, member: bool, coupons: set[str]) -> bool:
    """In force, reaching the store, its coupon given, members-only ones (and member prices)
    only for a member."""
    return (
        in_force(p.starts_at, p.ends_at, at)
        and reaches(p.stores, store)
        and (p.coupon is None or p.coupon in coupons)
        and (member or not (p.members_only or p.kind == "member_price"))
    )


def price_basket(
    lines: list[BasketLine],
    promotions: PromotionIndex | Iterable[Promotion],
    *,
    store: str,
    at: datetime,
    member: bool = False,
    coupons: Iterable[str] = (),
    basket_manual: Manual | None = None,
) -> PricedBasket:
    """The engine (see the module docstring for the order of rules). A node passes the
    `PromotionIndex` it keeps; a list of promotions is indexed first."""
    index = promotions if isinstance(promotions, PromotionIndex) else PromotionIndex(promotions)
    states = [_State(line, line.unit_price * line.qty, free=line.qty) for line in lines]
    canonical = sorted(states, key=_canonical)
    touching = index.touching([(s.line.sku, s.line.category) for s in canonical])
    wanted = set(coupons)
    lines_of = {
        pid: members
        for pid, (promo, members) in touching.items()
        if applies(promo, store, at, member, wanted)
    }
    usable = [touching[pid][0] for pid in lines_of]
    names = {p.id: p.name for p in usable}
    levels: dict[int, tuple[list[Promotion], list[Promotion]]] = {}
    basket_promos: list[Promotion] = []
    for promo in usable:
        if promo.kind not in LINE_KINDS:
            basket_promos.append(promo)
            continue
        exclusive, stackable = levels.setdefault(promo.priority, ([], []))
        (stackable if promo.stackable else exclusive).append(promo)
    for level in sorted(levels, reverse=True):
        exclusive, stackable = levels[level]
        _exclusive(canonical, lines_of, exclusive)
        for promo in sorted(stackable, key=lambda p: p.id):
            found = _units(canonical, lines_of[promo.id], promo, stackable=True)
            _apply(canonical, promo, found, claim=False)
    for state in canonical:
        if state.line.manual is not None:
            _add(state, "manual", _manual_amount(state.line.manual, state.net))
    _basket_promotions(canonical, lines_of, basket_promos)
    if basket_manual is not None:
        whole = sum(s.net for s in canonical)
        _spread(canonical, "manual", _manual_amount(basket_manual, whole))
    priced = [_priced(state, names) for state in states]
    total = sum(line.total for line in priced)
    vat = vat_breakdown((line.total, line.vat_rate_bp) for line in priced)
    return PricedBasket(priced, total, sum(line.discount for line in priced), vat)


def _canonical(state: _State) -> tuple[str, int, int, bool, int]:
    """The order ties are broken in, independent of scan order."""
    line = state.line
    return (line.sku, line.unit_price, line.qty, line.overridden, line.key)


def _exclusive(states: list[_State], lines_of: _Lines, promos: list[Promotion]) -> None:
    """Non-stackable promotions of one priority, best saving first (lazy greedy: a saving can
    only shrink as units are claimed, so a re-evaluated head that still leads is the best;
    a head none of whose lines was claimed since it was evaluated needs no second look).
    A promotion that discounts each unit on its own is weighed line by line, so every line
    gets its own best one and a bigger basket never costs less than a smaller one; a multibuy
    or a bundle is weighed as a whole."""
    claims = [0] * len(states)  # how often each line had units claimed at this level

    def seen(group: list[int]) -> int:
        return sum(map(claims.__getitem__, group))

    heap: list[tuple[int, str, int, int, Promotion, list[int], _Found]] = []
    for promo in promos:
        members = lines_of[promo.id]
        for group in [[i] for i in members] if promo.kind in PER_UNIT else [members]:
            found = _units(states, group, promo, stackable=False)
            saving = _saving(found)
            if saving > 0:
                heap.append((-saving, promo.id, group[0], seen(group), promo, group, found))
    heapq.heapify(heap)  # ties by promotion id, then line: the order of promos never matters
    while heap:
        _, pid, first, then, promo, group, found = heapq.heappop(heap)
        if seen(group) != then:
            found = _units(states, group, promo, stackable=False)
            saving = _saving(found)
            if saving <= 0:
                continue
            if heap and (-saving, pid, first) > heap[0][:3]:
                heapq.heappush(heap, (-saving, pid, first, seen(group), promo, group, found))
                continue
        _apply(states, promo, found, claim=True)
        for i in found:
            claims[i] += 1


_Found = dict[int, tuple[int, int]]  # state index → (units taken, discount)
_Take = tuple[int, "_State", int]  # state index, the line, the units a promotion may act on


def _saving(found: _Found) -> int:
    return sum(amount for _, amount in found.values())


def _units(
    states: list[_State], members: list[int], promo: Promotion, *, stackable: bool
) -> _Found:
    """(units, discount) per line (index into `states`) the promotion would give now."""
    taken: list[_Take] = []
    for i in members:
        state = states[i]
        units = state.line.qty if stackable else state.free
        if units > 0 and not state.line.overridden:
            taken.append((i, state, units))
    if not taken:
        return {}
    kind, params = promo.kind, promo.params
    if kind == "percent_off":
        bp = params["percent_bp"]
        return {i: (n, round_half_up(_worth(s, n, stackable) * bp, 10_000)) for i, s, n in taken}
    if kind == "amount_off":
        off = params["amount"]
        return {i: (n, min(off * n, _worth(s, n, stackable))) for i, s, n in taken}
    if kind == "member_price":
        price = params["price"]
        return {i: (n, max(0, _worth(s, n, stackable) - price * n)) for i, s, n in taken}
    if kind == "multibuy":
        return _multibuy(taken, params["buy"], params["pay"], stackable)
    return _bundle(taken, params["skus"], params["price"], stackable)


def _worth(state: _State, units: int, stackable: bool) -> int:
    """What the units a promotion acts on cost now: all of a line (stackable: its current
    total, pro rata), or its unclaimed units."""
    if stackable:
        return round_half_up(state.net * units, state.line.qty)
    return state.value(units)


def _free_positions(n: int, buy: int, pay: int) -> int:
    """How many of the first n positions (most expensive first) are free: the last
    `buy − pay` of each full group of `buy`."""
    return (n // buy) * (buy - pay) + max(0, n % buy - pay)


def _multibuy(taken: list[_Take], buy: int, pay: int, stackable: bool) -> _Found:
    """Units dearest first, in groups of `buy`; in each full group its `buy − pay` cheapest
    are free. Only units in full groups are claimed; a partial group stays for others."""
    ordered = sorted(taken, key=lambda c: -_unit(c[1], stackable))
    total_units = sum(n for _, _, n in ordered)
    in_groups = total_units - total_units % buy
    out: _Found = {}
    position = 0
    for i, state, n in ordered:
        take = max(0, min(n, in_groups - position))
        if take == 0:
            break
        free = _free_positions(position + take, buy, pay) - _free_positions(position, buy, pay)
        unit = _unit(state, stackable)
        out[i] = (take, round_half_up(unit.numerator * free, unit.denominator))
        position += take
    return out


def _unit(state: _State, stackable: bool) -> Fraction:
    """One unit's current price, exactly."""
    return Fraction(state.net, state.line.qty) if stackable else state.unit_value()


def _bundle(taken: list[_Take], skus: list[str], price: int, stackable: bool) -> _Found:
    """Each complete set of the bundle's SKUs costs `price`: the sets' saving is spread over
    the units they use in proportion to their value (largest remainder)."""
    per_sku: dict[str, list[_Take]] = {sku: [] for sku in skus}
    for take in taken:
        per_sku[take[1].line.sku].append(take)
    sets = min(sum(n for _, _, n in per_sku[sku]) for sku in skus)
    if sets == 0:
        return {}
    used: list[tuple[int, int, int]] = []  # (index, units, their value)
    for sku in skus:
        need = sets
        for i, state, n in sorted(per_sku[sku], key=lambda c: -_unit(c[1], stackable)):
            units = min(need, n)
            if units:
                used.append((i, units, _worth(state, units, stackable)))
                need -= units
    worth = sum(value for _, _, value in used)
    saving = max(0, worth - sets * price)
    shares = largest_remainder(saving, [value for _, _, value in used])
    out: _Found = {}
    for (i, units, _), share in zip(used, shares, strict=True):
        prev = out.get(i, (0, 0))
        out[i] = (prev[0] + units, prev[1] + share)
    return out


def _apply(states: list[_State], promo: Promotion, found: _Found, *, claim: bool) -> None:
    """Record a promotion's discounts; a non-stackable one also claims every unit it took,
    those paid in full too (the dearer units of a 3 for 2 group), so no other non-stackable
    promotion discounts them again."""
    for i, (units, amount) in found.items():
        state = states[i]
        amount = max(0, min(amount, state.net))
        if not claim:
            _add(state, promo.id, amount)
            continue
        state.free -= units
        if amount:
            state.claimed += amount
            state.parts[promo.id] = state.parts.get(promo.id, 0) + amount


def _add(state: _State, source: str, amount: int) -> None:
    """A discount spread over every unit of the line, never below zero."""
    amount = min(amount, state.net)
    if amount <= 0:
        return
    state.shared += amount
    state.parts[source] = state.parts.get(source, 0) + amount


def _manual_amount(manual: Manual, base: int) -> int:
    """A manual discount on `base`, never more than it."""
    if manual.percent_bp is not None:
        return min(base, round_half_up(base * manual.percent_bp, 10_000))
    return min(base, manual.amount or 0)


def _basket_promotions(states: list[_State], lines_of: _Lines, promos: list[Promotion]) -> None:
    """Basket promotions by priority: the first qualifying non-stackable one, and every
    qualifying stackable one, each measured on the lines' totals so far."""
    exclusive_done = False
    for promo in sorted(promos, key=lambda p: (-p.priority, p.stackable, p.id)):
        if exclusive_done and not promo.stackable:
            continue
        lines = [states[i] for i in lines_of[promo.id]]
        whole = sum(s.net for s in lines)
        if not lines or whole < promo.params["min_total"] or whole == 0:
            continue
        _spread(lines, promo.id, round_half_up(whole * promo.params["percent_bp"], 10_000))
        exclusive_done = exclusive_done or not promo.stackable


def _spread(states: list[_State], source: str, amount: int) -> None:
    """A basket-level discount over lines in proportion to their totals, largest remainder."""
    shares = largest_remainder(amount, [s.net for s in states])
    for state, share in zip(states, shares, strict=True):
        _add(state, source, share)


def _priced(state: _State, names: dict[str, str]) -> PricedLine:
    """The answer for one line, its discounts per source."""
    line = state.line
    discounts = [
        LineDiscount(source=source, name=names.get(source, ""), amount=amount)
        for source, amount in sorted(state.parts.items())
        if amount > 0
    ]
    return PricedLine(
        key=line.key,
        sku=line.sku,
        qty=line.qty,
        unit_price=line.unit_price,
        vat_rate_bp=line.vat_rate_bp,
        discount=state.gross - state.net,
        total=state.net,
        promotions=[d.source for d in discounts if d.source != "manual"],
        discounts=discounts,
    )
