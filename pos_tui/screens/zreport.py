"""The Z report at shift close: the same figures as the printed one, then sign-out. It says
which store, register and cashier, the date and the shift's times, and whether the drawer
is over or short (never a bare signed difference)."""

from __future__ import annotations

from hardware.ticket import local_time
from shared.models import ZReport
from shared.money import format_money


def drawer_verdict(difference: int | None, currency: str) -> str:
    """`Over 1.11 EUR` (more cash than expected), `Short 1.11 EUR`, or `Right`."""
    if difference is None:
        return "not counted"
    if difference == 0:
        return "Right (no difference)"
    word = "Over" if difference > 0 else "Short"
    return f"{word} {format_money(abs(difference), currency)}"


def z_text(report: ZReport, currency: str, store_name: str = "") -> str:
    """The Z report as shown on screen (the printer gets the same figures)."""

    def money(amount: int | None) -> str:
        return "-" if amount is None else format_money(amount, currency)

    opened = local_time(report.opened_at)
    closed = local_time(report.closed_at)
    day = opened.split(" ")[0]
    times = f"{opened.split(' ')[-1]}–{closed.split(' ')[-1] if report.closed_at else 'open'}"
    store = f"{store_name} ({report.store})" if store_name else report.store
    left = [
        f"Sales    {report.sales_count:>4} {money(report.sales_total):>14}",
        f"Returns  {report.returns_count:>4} {money(report.returns_total):>14}",
        f"Voids    {report.voids_count:>4} {money(report.voids_total):>14}",
        f"Net           {money(report.net_total):>14}",
        "",
        f"Float         {money(report.float_amount):>14}",
        f"Expected cash {money(report.expected_cash):>14}",
        f"Counted cash  {money(report.counted_cash):>14}",
        f"Drawer        {drawer_verdict(report.difference, currency):>14}",
    ]
    right = ["Tenders", *(f"  {t.method:<9}{money(t.amount):>14}" for t in report.tenders)]
    right += ["VAT per rate"]
    right += [f"  {v.rate_bp / 100:>4g}% {money(v.vat):>12} of {money(v.net)}" for v in report.vat]
    rows = [
        f"{a:<30}  {b}".rstrip()
        for a, b in zip(
            left + [""] * (len(right) - len(left)),
            right + [""] * (len(left) - len(right)),
            strict=True,
        )
    ]
    return f"{store} · register {report.register} · {report.cashier}\n" + (
        f"Date {day} · shift {times}\n\n" + "\n".join(rows)
    )
