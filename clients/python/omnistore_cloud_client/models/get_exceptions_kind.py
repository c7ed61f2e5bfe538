from enum import StrEnum


class GetExceptionsKind(StrEnum):
    CANCEL_LOST_TO_COLLECT = "cancel_lost_to_collect"
    CANCEL_LOST_TO_SHIP = "cancel_lost_to_ship"
    CLOCK_SKEW = "clock_skew"
    ORDER_SHORT = "order_short"
    OVERSELL = "oversell"
    POINTS_OVERDRAFT = "points_overdraft"
    PRICE_MISMATCH = "price_mismatch"
    REJECTED_EVENT = "rejected_event"
    TRANSFER_DISCREPANCY = "transfer_discrepancy"

    def __str__(self) -> str:
        return str(self.value)
