from enum import StrEnum


class GetTransfersState(StrEnum):
    CANCELLED = "cancelled"
    RECEIVED = "received"
    REQUESTED = "requested"
    SHIPPED = "shipped"

    def __str__(self) -> str:
        return str(self.value)
