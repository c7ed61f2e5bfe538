from enum import StrEnum


class GetOrdersStatus(StrEnum):
    ACCEPTED = "accepted"
    CANCELLED = "cancelled"
    COLLECTED = "collected"
    EXPIRED = "expired"
    PICKING = "picking"
    PLACED = "placed"
    READY = "ready"
    SHORT = "short"

    def __str__(self) -> str:
        return str(self.value)
