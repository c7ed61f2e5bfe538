"""The analytics page's charts: each report of `cloud/services/reports.py` drawn as SVG from
the very rows its table and CSV show."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup

from cloud.console import charts
from cloud.services.reports import Row, Window

# the column each chart draws, and whether it is money
DRAWN: dict[str, tuple[str, str]] = {
    "sales_by_store_day": ("total", "money"),
    "sales_by_hour": ("total", "money"),
    "top_products": ("total", "money"),
    "basket_size": ("value_per_receipt", "money"),
    "tender_mix": ("amount", "money"),
    "discounts": ("discount", "money"),
    "promotions": ("discount", "money"),
    "stock_cover": ("cover_days", "count"),
    "sell_through": ("sell_through_bp", "count"),
}


def chart(name: str, title: str, rows: list[Row], win: Window) -> Markup:
    """The chart of one report's rows."""
    column, fmt = DRAWN[name]
    if name == "sales_by_store_day":
        return _by_day(name, title, rows, win, column)
    if name == "sales_by_hour":
        found = {r["hour"]: r[column] for r in rows}
        return charts.bars(
            name, title, [f"{h:02d}h" for h in range(24)], [found.get(h, 0) for h in range(24)], fmt
        )
    if name == "discounts":
        per_day: dict[str, int] = defaultdict(int)
        for r in rows:
            per_day[r["day"]] += r[column]
        days = _days(win)
        return charts.bars(name, title, days, [per_day.get(d, 0) for d in days], fmt)
    return charts.bars(
        name, title, [_label(r) for r in rows], [_value(r, column) for r in rows], fmt
    )


def _label(row: Row) -> str:
    if "store" in row and "sku" in row:
        return f"{row['store']} {row['sku']}"
    return str(row.get("sku") or row.get("store") or row.get("method") or row.get("name") or "")


def _value(row: Row, column: str) -> int:
    value: Any = row.get(column)
    return int(value or 0)


def _days(win: Window) -> list[str]:
    first = date.fromisoformat(win.start)
    return [(first + timedelta(days=n)).isoformat() for n in range(win.days)]


def _by_day(name: str, title: str, rows: list[Row], win: Window, column: str) -> Markup:
    days = _days(win)
    series: dict[str, dict[str, int]] = defaultdict(dict)
    for r in rows:
        series[r["store"]][r["day"]] = r[column]
    return charts.lines(
        name,
        title,
        days,
        {store: [points.get(d, 0) for d in days] for store, points in sorted(series.items())},
        "money",
    )
