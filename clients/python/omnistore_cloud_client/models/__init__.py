"""Contains all the data models used in inputs/outputs"""

from .aisle_customer_in import AisleCustomerIn
from .aisle_order_in import AisleOrderIn
from .change import Change
from .change_body import ChangeBody
from .change_kind import ChangeKind
from .consent import Consent
from .customer import Customer
from .customer_consent import CustomerConsent
from .customer_in import CustomerIn
from .delete_webhooks_hook_id_response_200 import DeleteWebhooksHookIdResponse200
from .enroll_in import EnrollIn
from .enroll_out import EnrollOut
from .error_body import ErrorBody
from .error_detail import ErrorDetail
from .event import Event
from .event_body import EventBody
from .event_kind import EventKind
from .event_result import EventResult
from .event_result_status import EventResultStatus
from .exception_record import ExceptionRecord
from .exception_record_kind import ExceptionRecordKind
from .export import Export
from .get_customers_customer_id_timeline_response_200 import (
    GetCustomersCustomerIdTimelineResponse200,
)
from .get_customers_response_200 import GetCustomersResponse200
from .get_exceptions_kind import GetExceptionsKind
from .get_exceptions_response_200 import GetExceptionsResponse200
from .get_prices_response_200 import GetPricesResponse200
from .get_products_response_200 import GetProductsResponse200
from .get_promotions_response_200 import GetPromotionsResponse200
from .get_reports_name_format import GetReportsNameFormat
from .get_reports_name_name import GetReportsNameName
from .get_reports_name_response_200 import GetReportsNameResponse200
from .get_stores_response_200 import GetStoresResponse200
from .get_stores_store_returns_response_200 import GetStoresStoreReturnsResponse200
from .get_stores_store_sales_response_200 import GetStoresStoreSalesResponse200
from .get_sync_customers_customer_id_recent_response_200 import (
    GetSyncCustomersCustomerIdRecentResponse200,
)
from .get_sync_recovery_movements_response_200 import (
    GetSyncRecoveryMovementsResponse200,
)
from .get_sync_recovery_returns_response_200 import GetSyncRecoveryReturnsResponse200
from .get_sync_recovery_sales_response_200 import GetSyncRecoverySalesResponse200
from .get_sync_recovery_voids_response_200 import GetSyncRecoveryVoidsResponse200
from .get_transfers_response_200 import GetTransfersResponse200
from .get_transfers_state import GetTransfersState
from .get_webhooks_response_200 import GetWebhooksResponse200
from .hold import Hold
from .hold_in import HoldIn
from .line_discount import LineDiscount
from .loyalty import Loyalty
from .loyalty_program import LoyaltyProgram
from .manual_discount import ManualDiscount
from .merge_in import MergeIn
from .order import Order
from .order_customer import OrderCustomer
from .order_in import OrderIn
from .order_line import OrderLine
from .order_line_in import OrderLineIn
from .order_status import OrderStatus
from .payment import Payment
from .payment_method import PaymentMethod
from .points_adjust_in import PointsAdjustIn
from .points_entry import PointsEntry
from .points_entry_reason import PointsEntryReason
from .price_override import PriceOverride
from .price_version import PriceVersion
from .price_version_in import PriceVersionIn
from .pricing_settings import PricingSettings
from .pricing_settings_out import PricingSettingsOut
from .product import Product
from .product_in import ProductIn
from .promotion import Promotion
from .promotion_end_in import PromotionEndIn
from .promotion_in import PromotionIn
from .promotion_in_kind import PromotionInKind
from .promotion_in_params import PromotionInParams
from .promotion_kind import PromotionKind
from .promotion_params import PromotionParams
from .pull_out import PullOut
from .push_in import PushIn
from .push_out import PushOut
from .report_row import ReportRow
from .return_ import Return
from .return_line import ReturnLine
from .returnable_line import ReturnableLine
from .returnable_sale import ReturnableSale
from .returnable_tender import ReturnableTender
from .returnable_tender_method import ReturnableTenderMethod
from .sale import Sale
from .sale_line import SaleLine
from .sale_lookup import SaleLookup
from .sale_lookup_points_back import SaleLookupPointsBack
from .sale_lookup_returned import SaleLookupReturned
from .stock_availability import StockAvailability
from .stock_availability_page import StockAvailabilityPage
from .stock_elsewhere import StockElsewhere
from .stock_level import StockLevel
from .stock_movement import StockMovement
from .stock_movement_in import StockMovementIn
from .stock_movement_in_reason import StockMovementInReason
from .stock_movement_reason import StockMovementReason
from .store_info import StoreInfo
from .store_place import StorePlace
from .store_place_in import StorePlaceIn
from .store_stock import StoreStock
from .timeline_item import TimelineItem
from .timeline_item_channel import TimelineItemChannel
from .timeline_item_kind import TimelineItemKind
from .transfer import Transfer
from .transfer_in import TransferIn
from .transfer_line import TransferLine
from .transfer_line_in import TransferLineIn
from .transfer_state import TransferState
from .vat_summary import VatSummary
from .void import Void
from .webhook import Webhook
from .webhook_events_item import WebhookEventsItem
from .webhook_in import WebhookIn
from .webhook_in_events_item import WebhookInEventsItem

__all__ = (
    "AisleCustomerIn",
    "AisleOrderIn",
    "Change",
    "ChangeBody",
    "ChangeKind",
    "Consent",
    "Customer",
    "CustomerConsent",
    "CustomerIn",
    "DeleteWebhooksHookIdResponse200",
    "EnrollIn",
    "EnrollOut",
    "ErrorBody",
    "ErrorDetail",
    "Event",
    "EventBody",
    "EventKind",
    "EventResult",
    "EventResultStatus",
    "ExceptionRecord",
    "ExceptionRecordKind",
    "Export",
    "GetCustomersCustomerIdTimelineResponse200",
    "GetCustomersResponse200",
    "GetExceptionsKind",
    "GetExceptionsResponse200",
    "GetPricesResponse200",
    "GetProductsResponse200",
    "GetPromotionsResponse200",
    "GetReportsNameFormat",
    "GetReportsNameName",
    "GetReportsNameResponse200",
    "GetStoresResponse200",
    "GetStoresStoreReturnsResponse200",
    "GetStoresStoreSalesResponse200",
    "GetSyncCustomersCustomerIdRecentResponse200",
    "GetSyncRecoveryMovementsResponse200",
    "GetSyncRecoveryReturnsResponse200",
    "GetSyncRecoverySalesResponse200",
    "GetSyncRecoveryVoidsResponse200",
    "GetTransfersResponse200",
    "GetTransfersState",
    "GetWebhooksResponse200",
    "Hold",
    "HoldIn",
    "LineDiscount",
    "Loyalty",
    "LoyaltyProgram",
    "ManualDiscount",
    "MergeIn",
    "Order",
    "OrderCustomer",
    "OrderIn",
    "OrderLine",
    "OrderLineIn",
    "OrderStatus",
    "Payment",
    "PaymentMethod",
    "PointsAdjustIn",
    "PointsEntry",
    "PointsEntryReason",
    "PriceOverride",
    "PriceVersion",
    "PriceVersionIn",
    "PricingSettings",
    "PricingSettingsOut",
    "Product",
    "ProductIn",
    "Promotion",
    "PromotionEndIn",
    "PromotionIn",
    "PromotionInKind",
    "PromotionInParams",
    "PromotionKind",
    "PromotionParams",
    "PullOut",
    "PushIn",
    "PushOut",
    "ReportRow",
    "Return",
    "ReturnableLine",
    "ReturnableSale",
    "ReturnableTender",
    "ReturnableTenderMethod",
    "ReturnLine",
    "Sale",
    "SaleLine",
    "SaleLookup",
    "SaleLookupPointsBack",
    "SaleLookupReturned",
    "StockAvailability",
    "StockAvailabilityPage",
    "StockElsewhere",
    "StockLevel",
    "StockMovement",
    "StockMovementIn",
    "StockMovementInReason",
    "StockMovementReason",
    "StoreInfo",
    "StorePlace",
    "StorePlaceIn",
    "StoreStock",
    "TimelineItem",
    "TimelineItemChannel",
    "TimelineItemKind",
    "Transfer",
    "TransferIn",
    "TransferLine",
    "TransferLineIn",
    "TransferState",
    "VatSummary",
    "Void",
    "Webhook",
    "WebhookEventsItem",
    "WebhookIn",
    "WebhookInEventsItem",
)
