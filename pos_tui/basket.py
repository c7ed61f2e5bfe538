"""The basket being rung up, without any UI: lines, the `*` quantity multiplier, totals,
VAT, and parked baskets. One basket keeps one sale id, so a retried commit never sells twice."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from shared.customers import IndexEntry
from shared.ids import new_id
from shared.models import MAX_QTY, ManualDiscountIn, PaymentIn, SaleIn, SaleLineIn
from shared.money import VatLine, line_total, vat_breakdown


@dataclass
class BasketLine:
    sku: str
    name: str
    qty: int
    unit_price: int
    vat_rate_bp: int
    barcode: str | None = None
    weight_g: int | None = None  # weighed goods: grams (unit_price is for that weight)
    price_per_kg: int | None = None
    discount: dict[str, Any] | None = None  # manual: {percent_bp | amount, reason}
    override: dict[str, Any] | None = None  # a manager's {price, reason}

    @property
    def total(self) -> int:
        """At list price; the basket's quote has what the customer pays."""
        return line_total(self.unit_price, self.qty)

    @property
    def measured(self) -> bool:
        """A variable-measure line (price or weight in the barcode): its own line, qty 1."""
        return bool(self.barcode and self.barcode.startswith("2"))


@dataclass
class Basket:
    sale_id: str = field(default_factory=new_id)
    lines: list[BasketLine] = field(default_factory=list)
    customer: IndexEntry | None = None  # attached at the till: earns, may pay with points
    coupons: list[str] = field(default_factory=list)
    discount: dict[str, Any] | None = None  # manual basket discount
    # Never saved with a parked basket: the manager's PIN, and the latest quote.
    manager_pin: str | None = field(default=None, repr=False, compare=False)
    quote: BasketQuote | None = field(default=None, repr=False, compare=False)

    def add(self, line: BasketLine) -> BasketLine:
        """Add a line; one product is one line, whether scanned by barcode or keyed by SKU
        (same SKU, same price). Variable-measure lines (weighed, priced) stay apart."""
        for existing in self.lines:
            same = (existing.sku, existing.unit_price) == (line.sku, line.unit_price)
            same = same and existing.discount is None and existing.override is None
            fits = existing.qty + line.qty <= MAX_QTY  # a full line starts another
            if same and fits and not (existing.measured or line.measured):
                existing.qty += line.qty
                return existing
        self.lines.append(line)
        return line

    def remove(self, index: int) -> BasketLine:
        return self.lines.pop(index)

    def set_qty(self, index: int, qty: int) -> BasketLine:
        """Change a line's quantity (1..MAX_QTY); a weighed or priced line is scanned again."""
        line = self.lines[index]
        if line.measured:
            raise ValueError(f"{line.name} is weighed or priced by its label: scan it again")
        if not 1 <= qty <= MAX_QTY:
            raise ValueError(f"quantity must be 1 to {MAX_QTY}")
        line.qty = qty
        return line

    def qty_of(self, sku: str) -> int:
        return sum(line.qty for line in self.lines if line.sku == sku)

    @property
    def total(self) -> int:
        """What the customer pays: the edge's quote when it is for these very lines, else
        the list prices (a quote is taken after every change)."""
        quote = self.current_quote()
        if quote is not None:
            return quote.total
        return sum(line.total for line in self.lines)

    def paid(self, index: int) -> int:
        """What one line costs after its discounts."""
        quote = self.current_quote()
        return quote.totals[index] if quote is not None else self.lines[index].total

    def vat(self) -> list[VatLine]:
        quote = self.current_quote()
        totals = quote.totals if quote is not None else [line.total for line in self.lines]
        return vat_breakdown(
            (total, line.vat_rate_bp) for total, line in zip(totals, self.lines, strict=True)
        )

    def signature(self) -> str:
        """What a quote depends on: the lines, coupons, manual discounts and the customer
        (member prices)."""
        customer = None if self.customer is None else self.customer.id
        return json.dumps(
            [asdict(line) for line in self.lines] + [self.coupons, self.discount, customer]
        )

    def current_quote(self) -> BasketQuote | None:
        quote = self.quote
        return quote if quote is not None and quote.signature == self.signature() else None

    def sale_lines(self) -> list[SaleLineIn]:
        """The lines as the lane takes them: by SKU, variable-measure ones by their barcode,
        with what the cashier did to each."""
        return [
            SaleLineIn.model_validate(
                (
                    {"barcode": line.barcode, "qty": line.qty}
                    if line.measured and line.barcode
                    else {"sku": line.sku, "qty": line.qty}
                )
                | ({"discount": line.discount} if line.discount else {})
                | ({"price_override": line.override} if line.override else {})
            )
            for line in self.lines
        ]

    def basket_discount(self) -> ManualDiscountIn | None:
        return None if self.discount is None else ManualDiscountIn.model_validate(self.discount)

    def to_sale(self, payments: list[PaymentIn]) -> SaleIn:
        """The lane request, with the coupons, the basket discount and a manager's PIN."""
        return SaleIn(
            id=self.sale_id,
            lines=self.sale_lines(),
            payments=payments,
            coupons=self.coupons,
            discount=self.basket_discount(),
            manager_pin=self.manager_pin,
            customer_id=None if self.customer is None else self.customer.id,
        )


@dataclass(frozen=True)
class BasketQuote:
    """The edge's pricing of a basket: each line's paid total and its discounts by name."""

    signature: str
    totals: list[int]
    discounts: list[list[tuple[str, int]]]
    total: int
    needs_manager: bool = False

    @property
    def saved(self) -> int:
        return sum(amount for parts in self.discounts for _, amount in parts)


def parse_entry(text: str) -> tuple[int, str]:
    """`3*4006381333931` → (3, code); a plain code is quantity 1, as on real tills."""
    text = text.strip()
    qty_text, star, code = text.partition("*")
    if not star:
        return 1, text
    if not qty_text.strip().isdigit() or not 1 <= int(qty_text) <= MAX_QTY:
        raise ValueError(f"quantity must be 1 to {MAX_QTY}")
    if not code.strip():
        raise ValueError("give a code after the *")
    return int(qty_text), code.strip()


class ParkedBaskets:
    """Baskets put aside (customer forgot their wallet), kept in the data dir across restarts.
    Each belongs to the shift it was parked in: another shift never sees it, and the shift
    cannot close while it has any (see the till's F12)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def all(self, shift_id: str | None = None) -> list[Basket]:
        """Every parked basket, or those of one shift."""
        return [b for b, owner in self._read() if shift_id is None or owner == shift_id]

    def park(self, basket: Basket, shift_id: str | None = None) -> None:
        self._write([*self._read(), (basket, shift_id)])

    def resume(self, index: int = -1, shift_id: str | None = None) -> Basket:
        """Take out the index-th basket (of the shift, when given)."""
        basket = self.all(shift_id)[index]
        self._write([(b, owner) for b, owner in self._read() if b.sale_id != basket.sale_id])
        return basket

    def _read(self) -> list[tuple[Basket, str | None]]:
        if not self.path.exists():
            return []
        data = json.loads(self.path.read_text())
        return [
            (
                Basket(
                    b["sale_id"],
                    [BasketLine(**line) for line in b["lines"]],
                    customer=IndexEntry.model_validate(b["customer"])
                    if b.get("customer")
                    else None,
                    coupons=b.get("coupons", []),
                    discount=b.get("discount"),
                ),
                b.get("shift_id"),
            )
            for b in data
        ]

    def _write(self, baskets: list[tuple[Basket, str | None]]) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps([_saved(b) | {"shift_id": owner} for b, owner in baskets]))
        tmp.replace(self.path)


def _customer(stored: object) -> IndexEntry | None:
    return IndexEntry.model_validate(stored) if stored else None


def _saved(basket: Basket) -> dict[str, Any]:
    """A parked basket as written: never the manager's PIN nor a stale quote."""
    return {
        "sale_id": basket.sale_id,
        "lines": [asdict(line) for line in basket.lines],
        "coupons": basket.coupons,
        "discount": basket.discount,
        "customer": None if basket.customer is None else basket.customer.model_dump(mode="json"),
    }
