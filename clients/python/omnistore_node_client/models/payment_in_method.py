from enum import StrEnum


class PaymentInMethod(StrEnum):
    CARD = "card"
    CASH = "cash"
    VOUCHER = "voucher"

    def __str__(self) -> str:
        return str(self.value)
