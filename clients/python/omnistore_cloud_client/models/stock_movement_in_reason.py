from enum import StrEnum


class StockMovementInReason(StrEnum):
    ADJUSTMENT = "adjustment"
    COUNT = "count"
    RECEIPT = "receipt"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"

    def __str__(self) -> str:
        return str(self.value)
