from enum import StrEnum


class GetExceptionsKind(StrEnum):
    CANCEL_LOST_TO_COLLECT = "cancel_lost_to_collect"
    CLOCK_SKEW = "clock_skew"
    ORDER_SHORT = "order_short"
    OVERSELL = "oversell"
    REJECTED_EVENT = "rejected_event"

    def __str__(self) -> str:
        return str(self.value)
