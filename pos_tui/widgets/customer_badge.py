"""The customer attached to the basket and their points, one line above the scan field;
hidden when no customer is attached."""

from __future__ import annotations

from textual.widgets import Static

from shared.customers import IndexEntry


class CustomerBadge(Static):
    def show(self, customer: IndexEntry | None) -> None:
        self.display = customer is not None
        if customer is not None:
            self.update(f"Customer: {customer.name or '(erased)'} · {customer.points} points")
