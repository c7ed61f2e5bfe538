"""The HQ reports: their names, what each row holds and how each figure is defined (the
console writes these definitions on the analytics page, the API documents them)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

COMMON = (
    "Amounts are in minor units and include VAT. Days are the store's local days; a range "
    "is [from, to): `from` included, `to` excluded. Voided sales count nowhere; returns "
    "count on the day and in the store they were taken back."
)

REPORTS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "sales_by_store_day": (
        "Sales by store and day",
        ("store", "day", "receipts", "units", "total"),
        "receipts: sales not voided; units: units sold minus units returned; total: sales "
        "minus returns.",
    ),
    "sales_by_hour": (
        "Sales by hour of day",
        ("hour", "receipts", "units", "total"),
        "The same figures per local hour of the day (0–23), over every selected store and day.",
    ),
    "top_products": (
        "Top products",
        ("sku", "name", "units", "total"),
        "Products by total (sales minus returns), then units; `limit` rows (default 20).",
    ),
    "basket_size": (
        "Basket size",
        ("store", "receipts", "items", "value", "items_per_receipt", "value_per_receipt"),
        "Per store: items and value rung up on receipts (returns not subtracted), and their "
        "average per receipt (value half-up to the minor unit, items to 2 decimals).",
    ),
    "tender_mix": (
        "Tender mix",
        ("method", "payments", "amount", "share_bp"),
        "Per tender: payments taken, amount kept (cash net of change, refunds subtracted) and "
        "its share of all tenders in basis points (10000 = 100 %).",
    ),
    "discounts": (
        "Discounts given",
        ("store", "day", "discount", "sold_total"),
        "Per store and day: discounts given on sale lines (VAT included), and the sales they "
        "were given on.",
    ),
    "promotions": (
        "Promotions",
        ("promotion", "name", "sales", "units", "discount", "sold_total"),
        "Per promotion (and `manual` for manual discounts): sales with a line it discounted, "
        "the units on those lines, the discount it gave (VAT included) and what those lines "
        "sold for after every discount. Highest discount first; `limit` rows (default 20). "
        "Returns are not netted per promotion (they count in the other reports).",
    ),
    "stock_cover": (
        "Stock cover",
        ("store", "sku", "name", "on_hand", "units_per_day", "cover_days"),
        "Per store and SKU: on hand now divided by the average net units sold per day over "
        "the range; empty when nothing sold. Lowest cover first.",
    ),
    "sell_through": (
        "Sell-through",
        ("store", "sku", "name", "units", "on_hand", "sell_through_bp"),
        "Per store and SKU: net units sold over the range divided by those units plus on "
        "hand now, in basis points. Highest first.",
    ),
}
NAMES = tuple(REPORTS)


class ReportRow(BaseModel):
    """One row of a report; its fields are the report's columns (see `REPORTS`)."""

    model_config = ConfigDict(extra="allow")
