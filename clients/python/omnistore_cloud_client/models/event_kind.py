from enum import StrEnum


class EventKind(StrEnum):
    CUSTOMER = "customer"
    LOYALTY = "loyalty"
    MOVEMENT = "movement"
    ORDER = "order"
    RETURN = "return"
    SALE = "sale"
    SHIFT = "shift"
    TRANSFER = "transfer"
    VOID = "void"

    def __str__(self) -> str:
        return str(self.value)
