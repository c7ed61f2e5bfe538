from enum import StrEnum


class ChangeKind(StrEnum):
    CUSTOMER = "customer"
    LOYALTY = "loyalty"
    MOVEMENT = "movement"
    ORDER = "order"
    PRICE_VERSION = "price_version"
    PRICING_SETTINGS = "pricing_settings"
    PRODUCT = "product"
    PROMOTION = "promotion"
    TRANSFER = "transfer"

    def __str__(self) -> str:
        return str(self.value)
