from enum import StrEnum


class TimelineItemKind(StrEnum):
    ORDER = "order"
    POINTS = "points"
    RETURN = "return"
    SALE = "sale"

    def __str__(self) -> str:
        return str(self.value)
