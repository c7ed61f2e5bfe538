from enum import StrEnum


class TenderTotalMethod(StrEnum):
    CARD = "card"
    CASH = "cash"
    POINTS = "points"
    VOUCHER = "voucher"

    def __str__(self) -> str:
        return str(self.value)
