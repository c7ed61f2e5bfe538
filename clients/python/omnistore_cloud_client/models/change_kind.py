from enum import StrEnum


class ChangeKind(StrEnum):
    MOVEMENT = "movement"
    ORDER = "order"
    PRODUCT = "product"

    def __str__(self) -> str:
        return str(self.value)
