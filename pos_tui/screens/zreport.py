"""The Z report at shift close: the same figures as the printed one, then sign-out."""

from __future__ import annotations

from shared.models import ZReport
from shared.money import format_money


def z_text(report: ZReport, currency: str) -> str:
    """The Z report as shown on screen (the printer gets the same figures)."""

    def money(amount: int | None) -> str:
        return "-" if amount is None else format_money(amount, currency)

    tenders = "\n".join(f"  {t.method:<13}{money(t.amount):>16}" for t in report.tenders)
    vat = "\n".join(
        f"  {v.rate_bp / 100:>5g}%  net {money(v.net):>14}  VAT {money(v.vat):>14}"
        for v in report.vat
    )
    return (
        f"Register {report.register} · {report.cashier}\n"
        f"Sales    {report.sales_count:>4}  {money(report.sales_total):>16}\n"
        f"Returns  {report.returns_count:>4}  {money(report.returns_total):>16}\n"
        f"Voids    {report.voids_count:>4}  {money(report.voids_total):>16}\n"
        f"Net            {money(report.net_total):>16}\n"
        f"Tenders\n{tenders or '  -'}\n"
        f"VAT per rate\n{vat or '  -'}\n"
        f"Float          {money(report.float_amount):>16}\n"
        f"Expected cash  {money(report.expected_cash):>16}\n"
        f"Counted cash   {money(report.counted_cash):>16}\n"
        f"Difference     {money(report.difference):>16}"
    )
