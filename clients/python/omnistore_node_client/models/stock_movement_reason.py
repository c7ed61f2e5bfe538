from enum import StrEnum


class StockMovementReason(StrEnum):
    ADJUSTMENT = "adjustment"
    COLLECT = "collect"
    COUNT = "count"
    RECEIPT = "receipt"
    RETURN = "return"
    SALE = "sale"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"

    def __str__(self) -> str:
        return str(self.value)
