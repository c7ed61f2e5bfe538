from enum import StrEnum


class PromotionKind(StrEnum):
    AMOUNT_OFF = "amount_off"
    BASKET_PERCENT_OFF = "basket_percent_off"
    BUNDLE = "bundle"
    MEMBER_PRICE = "member_price"
    MULTIBUY = "multibuy"
    PERCENT_OFF = "percent_off"

    def __str__(self) -> str:
        return str(self.value)
