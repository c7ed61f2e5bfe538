from enum import StrEnum


class GetReportsNameName(StrEnum):
    BASKET_SIZE = "basket_size"
    DISCOUNTS = "discounts"
    PROMOTIONS = "promotions"
    SALES_BY_HOUR = "sales_by_hour"
    SALES_BY_STORE_DAY = "sales_by_store_day"
    SELL_THROUGH = "sell_through"
    STOCK_COVER = "stock_cover"
    TENDER_MIX = "tender_mix"
    TOP_PRODUCTS = "top_products"

    def __str__(self) -> str:
        return str(self.value)
