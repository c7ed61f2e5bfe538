"""Contains all the data models used in inputs/outputs"""

from .aisle_customer_in import AisleCustomerIn
from .aisle_order_in import AisleOrderIn
from .approval import Approval
from .approval_in import ApprovalIn
from .basket_quote_in import BasketQuoteIn
from .basket_quote_out import BasketQuoteOut
from .collect_in import CollectIn
from .count_out import CountOut
from .error_body import ErrorBody
from .error_detail import ErrorDetail
from .get_customers_customer_id_recent_response_200 import (
    GetCustomersCustomerIdRecentResponse200,
)
from .get_labels_response_200 import GetLabelsResponse200
from .get_orders_response_200 import GetOrdersResponse200
from .get_orders_status import GetOrdersStatus
from .get_parked_response_200 import GetParkedResponse200
from .get_products_response_200 import GetProductsResponse200
from .get_returns_response_200 import GetReturnsResponse200
from .get_sales_response_200 import GetSalesResponse200
from .get_stock_response_200 import GetStockResponse200
from .get_tills_response_200 import GetTillsResponse200
from .get_transfers_response_200 import GetTransfersResponse200
from .get_transfers_state import GetTransfersState
from .index_entry import IndexEntry
from .labels_printed import LabelsPrinted
from .labels_printed_in import LabelsPrintedIn
from .line_discount import LineDiscount
from .loyalty import Loyalty
from .loyalty_program import LoyaltyProgram
from .manual_discount import ManualDiscount
from .manual_discount_in_type_0 import ManualDiscountInType0
from .manual_discount_in_type_1 import ManualDiscountInType1
from .node_info import NodeInfo
from .node_stock_level import NodeStockLevel
from .on_hand import OnHand
from .order import Order
from .order_customer import OrderCustomer
from .order_line import OrderLine
from .order_line_in import OrderLineIn
from .order_status import OrderStatus
from .parked_basket import ParkedBasket
from .parked_in import ParkedIn
from .parked_line import ParkedLine
from .parked_line_out import ParkedLineOut
from .payment import Payment
from .payment_in import PaymentIn
from .payment_in_method import PaymentInMethod
from .payment_method import PaymentMethod
from .pick_in import PickIn
from .pick_line_in import PickLineIn
from .price_override import PriceOverride
from .price_override_in import PriceOverrideIn
from .priced_product import PricedProduct
from .product import Product
from .quote_in import QuoteIn
from .quote_out import QuoteOut
from .quoted_line import QuotedLine
from .refund_in import RefundIn
from .refund_in_method import RefundInMethod
from .rejected_event import RejectedEvent
from .return_ import Return
from .return_in import ReturnIn
from .return_line import ReturnLine
from .return_line_in import ReturnLineIn
from .returnable_out import ReturnableOut
from .returnable_out_left import ReturnableOutLeft
from .returnable_out_returned import ReturnableOutReturned
from .sale import Sale
from .sale_in import SaleIn
from .sale_line import SaleLine
from .sale_line_in_type_0 import SaleLineInType0
from .sale_line_in_type_1 import SaleLineInType1
from .session_in import SessionIn
from .session_out import SessionOut
from .session_out_role import SessionOutRole
from .shelf_label import ShelfLabel
from .shift_close_in import ShiftCloseIn
from .shift_open_in import ShiftOpenIn
from .short_in import ShortIn
from .short_line_in import ShortLineIn
from .signup_in import SignupIn
from .stock_count_in import StockCountIn
from .stock_elsewhere import StockElsewhere
from .stock_movement import StockMovement
from .stock_movement_reason import StockMovementReason
from .store_stock import StoreStock
from .sync_status import SyncStatus
from .tender_total import TenderTotal
from .tender_total_method import TenderTotalMethod
from .till import Till
from .till_in import TillIn
from .timeline_item import TimelineItem
from .timeline_item_channel import TimelineItemChannel
from .timeline_item_kind import TimelineItemKind
from .transfer import Transfer
from .transfer_count_in import TransferCountIn
from .transfer_counts_in import TransferCountsIn
from .transfer_in import TransferIn
from .transfer_line import TransferLine
from .transfer_line_in import TransferLineIn
from .transfer_state import TransferState
from .vat_summary import VatSummary
from .void import Void
from .void_in import VoidIn
from .z_report import ZReport

__all__ = (
    "AisleCustomerIn",
    "AisleOrderIn",
    "Approval",
    "ApprovalIn",
    "BasketQuoteIn",
    "BasketQuoteOut",
    "CollectIn",
    "CountOut",
    "ErrorBody",
    "ErrorDetail",
    "GetCustomersCustomerIdRecentResponse200",
    "GetLabelsResponse200",
    "GetOrdersResponse200",
    "GetOrdersStatus",
    "GetParkedResponse200",
    "GetProductsResponse200",
    "GetReturnsResponse200",
    "GetSalesResponse200",
    "GetStockResponse200",
    "GetTillsResponse200",
    "GetTransfersResponse200",
    "GetTransfersState",
    "IndexEntry",
    "LabelsPrinted",
    "LabelsPrintedIn",
    "LineDiscount",
    "Loyalty",
    "LoyaltyProgram",
    "ManualDiscount",
    "ManualDiscountInType0",
    "ManualDiscountInType1",
    "NodeInfo",
    "NodeStockLevel",
    "OnHand",
    "Order",
    "OrderCustomer",
    "OrderLine",
    "OrderLineIn",
    "OrderStatus",
    "ParkedBasket",
    "ParkedIn",
    "ParkedLine",
    "ParkedLineOut",
    "Payment",
    "PaymentIn",
    "PaymentInMethod",
    "PaymentMethod",
    "PickIn",
    "PickLineIn",
    "PricedProduct",
    "PriceOverride",
    "PriceOverrideIn",
    "Product",
    "QuotedLine",
    "QuoteIn",
    "QuoteOut",
    "RefundIn",
    "RefundInMethod",
    "RejectedEvent",
    "Return",
    "ReturnableOut",
    "ReturnableOutLeft",
    "ReturnableOutReturned",
    "ReturnIn",
    "ReturnLine",
    "ReturnLineIn",
    "Sale",
    "SaleIn",
    "SaleLine",
    "SaleLineInType0",
    "SaleLineInType1",
    "SessionIn",
    "SessionOut",
    "SessionOutRole",
    "ShelfLabel",
    "ShiftCloseIn",
    "ShiftOpenIn",
    "ShortIn",
    "ShortLineIn",
    "SignupIn",
    "StockCountIn",
    "StockElsewhere",
    "StockMovement",
    "StockMovementReason",
    "StoreStock",
    "SyncStatus",
    "TenderTotal",
    "TenderTotalMethod",
    "Till",
    "TillIn",
    "TimelineItem",
    "TimelineItemChannel",
    "TimelineItemKind",
    "Transfer",
    "TransferCountIn",
    "TransferCountsIn",
    "TransferIn",
    "TransferLine",
    "TransferLineIn",
    "TransferState",
    "VatSummary",
    "Void",
    "VoidIn",
    "ZReport",
)
