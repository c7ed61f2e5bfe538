from enum import StrEnum


class WebhookInEventsItem(StrEnum):
    ORDER = "order"
    STOCK_CHANGED = "stock.changed"

    def __str__(self) -> str:
        return str(self.value)
