from enum import StrEnum


class EventKind(StrEnum):
    MOVEMENT = "movement"
    ORDER = "order"
    RETURN = "return"
    SALE = "sale"
    SHIFT = "shift"
    VOID = "void"

    def __str__(self) -> str:
        return str(self.value)
