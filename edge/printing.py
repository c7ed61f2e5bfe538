"""The node's printer, as the picker page and the POS use it: every print goes through a
queue, so a printer that is off or out of paper never blocks or loses a sale or an order."""

from __future__ import annotations

from typing import Any

from edge.node import NodeConfig
from hardware.print_queue import PrintJob, PrintQueue
from hardware.printer import open_printer
from hardware.receipt import (
    print_bag_label,
    print_return_receipt,
    print_sale_receipt,
    print_z_report,
)
from hardware.shelf_label import print_shelf_label
from shared.models import Order, Return, Sale, ZReport
from shared.pricing.models import ShelfLabel


class Printing:
    """One print queue per node process, for the printer named in node.json."""

    def __init__(
        self, config: NodeConfig, *, paper_mm: int = 80, printer: Any | None = None
    ) -> None:
        self.config = config
        self.paper_mm = paper_mm
        self.queue = PrintQueue(
            lambda: printer if printer is not None else open_printer(config.printer)
        )

    def sale(self, sale: Sale, customer_name: str | None = None) -> bool:
        """The receipt (with the customer's first name and points when one was attached);
        the drawer opens when cash was taken."""
        cash = any(p.method == "cash" for p in sale.payments)
        return self.queue.submit(
            PrintJob(
                f"receipt {sale.receipt_no}",
                lambda p: print_sale_receipt(
                    p,
                    sale,
                    store_name=self.config.name,
                    currency=self.config.currency,
                    paper_mm=self.paper_mm,
                    open_drawer=cash,
                    customer_name=customer_name,
                ),
            )
        )

    def copy(self, sale: Sale) -> bool:
        """A copy of any receipt: never opens the drawer."""
        return self.queue.submit(
            PrintJob(
                f"copy {sale.receipt_no}",
                lambda p: print_sale_receipt(
                    p,
                    sale,
                    store_name=self.config.name,
                    currency=self.config.currency,
                    paper_mm=self.paper_mm,
                    open_drawer=False,
                ),
            )
        )

    def refund(self, ret: Return) -> bool:
        cash = any(r.method == "cash" for r in ret.refunds)
        return self.queue.submit(
            PrintJob(
                f"return {ret.id[:8]}",
                lambda p: print_return_receipt(
                    p,
                    ret,
                    store_name=self.config.name,
                    currency=self.config.currency,
                    paper_mm=self.paper_mm,
                    open_drawer=cash,
                ),
            )
        )

    def z_report(self, report: ZReport) -> bool:
        return self.queue.submit(
            PrintJob(
                f"Z report {report.shift_id[:8]}",
                lambda p: print_z_report(
                    p,
                    report.model_dump(mode="json"),
                    store_name=self.config.name,
                    currency=self.config.currency,
                    paper_mm=self.paper_mm,
                ),
            )
        )

    def shelf_label(self, label: ShelfLabel) -> bool:
        return self.queue.submit(
            PrintJob(
                f"shelf label {label.sku}",
                lambda p: print_shelf_label(
                    p, label, currency=self.config.currency, paper_width=self.paper_mm
                ),
            )
        )

    def bag_label(self, order: Order, names: dict[str, str]) -> bool:
        lines = [(names.get(line.sku, line.sku), line.picked) for line in order.lines]
        customer = str(order.customer.get("name", ""))
        return self.queue.submit(
            PrintJob(
                f"bag label {order.id[:8]}",
                lambda p: print_bag_label(p, order.id, customer, lines, paper_mm=self.paper_mm),
            )
        )
