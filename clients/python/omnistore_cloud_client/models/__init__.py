"""Contains all the data models used in inputs/outputs"""

from .change import Change
from .change_body import ChangeBody
from .change_kind import ChangeKind
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
from .get_exceptions_kind import GetExceptionsKind
from .get_exceptions_response_200 import GetExceptionsResponse200
from .get_products_response_200 import GetProductsResponse200
from .get_stores_response_200 import GetStoresResponse200
from .get_stores_store_returns_response_200 import GetStoresStoreReturnsResponse200
from .get_stores_store_sales_response_200 import GetStoresStoreSalesResponse200
from .get_sync_recovery_movements_response_200 import (
    GetSyncRecoveryMovementsResponse200,
)
from .get_sync_recovery_returns_response_200 import GetSyncRecoveryReturnsResponse200
from .get_sync_recovery_sales_response_200 import GetSyncRecoverySalesResponse200
from .get_sync_recovery_voids_response_200 import GetSyncRecoveryVoidsResponse200
from .get_webhooks_response_200 import GetWebhooksResponse200
from .order import Order
from .order_customer import OrderCustomer
from .order_in import OrderIn
from .order_line import OrderLine
from .order_line_in import OrderLineIn
from .order_status import OrderStatus
from .payment import Payment
from .payment_method import PaymentMethod
from .product import Product
from .product_in import ProductIn
from .pull_out import PullOut
from .push_in import PushIn
from .push_out import PushOut
from .return_ import Return
from .return_line import ReturnLine
from .returnable_line import ReturnableLine
from .returnable_sale import ReturnableSale
from .returnable_tender import ReturnableTender
from .returnable_tender_method import ReturnableTenderMethod
from .sale import Sale
from .sale_line import SaleLine
from .sale_lookup import SaleLookup
from .sale_lookup_returned import SaleLookupReturned
from .stock_availability import StockAvailability
from .stock_availability_page import StockAvailabilityPage
from .stock_level import StockLevel
from .stock_movement import StockMovement
from .stock_movement_in import StockMovementIn
from .stock_movement_in_reason import StockMovementInReason
from .stock_movement_reason import StockMovementReason
from .store_info import StoreInfo
from .vat_summary import VatSummary
from .void import Void
from .webhook import Webhook
from .webhook_events_item import WebhookEventsItem
from .webhook_in import WebhookIn
from .webhook_in_events_item import WebhookInEventsItem

__all__ = (
    "Change",
    "ChangeBody",
    "ChangeKind",
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
    "GetExceptionsKind",
    "GetExceptionsResponse200",
    "GetProductsResponse200",
    "GetStoresResponse200",
    "GetStoresStoreReturnsResponse200",
    "GetStoresStoreSalesResponse200",
    "GetSyncRecoveryMovementsResponse200",
    "GetSyncRecoveryReturnsResponse200",
    "GetSyncRecoverySalesResponse200",
    "GetSyncRecoveryVoidsResponse200",
    "GetWebhooksResponse200",
    "Order",
    "OrderCustomer",
    "OrderIn",
    "OrderLine",
    "OrderLineIn",
    "OrderStatus",
    "Payment",
    "PaymentMethod",
    "Product",
    "ProductIn",
    "PullOut",
    "PushIn",
    "PushOut",
    "Return",
    "ReturnableLine",
    "ReturnableSale",
    "ReturnableTender",
    "ReturnableTenderMethod",
    "ReturnLine",
    "Sale",
    "SaleLine",
    "SaleLookup",
    "SaleLookupReturned",
    "StockAvailability",
    "StockAvailabilityPage",
    "StockLevel",
    "StockMovement",
    "StockMovementIn",
    "StockMovementInReason",
    "StockMovementReason",
    "StoreInfo",
    "VatSummary",
    "Void",
    "Webhook",
    "WebhookEventsItem",
    "WebhookIn",
    "WebhookInEventsItem",
)
