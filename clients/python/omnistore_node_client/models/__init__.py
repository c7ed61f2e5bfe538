"""Contains all the data models used in inputs/outputs"""

from .collect_in import CollectIn
from .count_out import CountOut
from .error_body import ErrorBody
from .error_detail import ErrorDetail
from .get_orders_response_200 import GetOrdersResponse200
from .get_orders_status import GetOrdersStatus
from .get_products_response_200 import GetProductsResponse200
from .get_returns_response_200 import GetReturnsResponse200
from .get_sales_response_200 import GetSalesResponse200
from .get_stock_response_200 import GetStockResponse200
from .node_stock_level import NodeStockLevel
from .on_hand import OnHand
from .order import Order
from .order_customer import OrderCustomer
from .order_line import OrderLine
from .order_status import OrderStatus
from .payment import Payment
from .payment_in import PaymentIn
from .payment_in_method import PaymentInMethod
from .payment_method import PaymentMethod
from .pick_in import PickIn
from .pick_line_in import PickLineIn
from .priced_product import PricedProduct
from .product import Product
from .refund_in import RefundIn
from .refund_in_method import RefundInMethod
from .rejected_event import RejectedEvent
from .return_ import Return
from .return_in import ReturnIn
from .return_line import ReturnLine
from .return_line_in import ReturnLineIn
from .sale import Sale
from .sale_in import SaleIn
from .sale_line import SaleLine
from .sale_line_in_type_0 import SaleLineInType0
from .sale_line_in_type_1 import SaleLineInType1
from .session_in import SessionIn
from .session_out import SessionOut
from .session_out_role import SessionOutRole
from .shift_close_in import ShiftCloseIn
from .shift_open_in import ShiftOpenIn
from .short_in import ShortIn
from .short_line_in import ShortLineIn
from .stock_count_in import StockCountIn
from .stock_movement import StockMovement
from .stock_movement_reason import StockMovementReason
from .sync_status import SyncStatus
from .tender_total import TenderTotal
from .tender_total_method import TenderTotalMethod
from .vat_summary import VatSummary
from .void import Void
from .void_in import VoidIn
from .z_report import ZReport

__all__ = (
    "CollectIn",
    "CountOut",
    "ErrorBody",
    "ErrorDetail",
    "GetOrdersResponse200",
    "GetOrdersStatus",
    "GetProductsResponse200",
    "GetReturnsResponse200",
    "GetSalesResponse200",
    "GetStockResponse200",
    "NodeStockLevel",
    "OnHand",
    "Order",
    "OrderCustomer",
    "OrderLine",
    "OrderStatus",
    "Payment",
    "PaymentIn",
    "PaymentInMethod",
    "PaymentMethod",
    "PickIn",
    "PickLineIn",
    "PricedProduct",
    "Product",
    "RefundIn",
    "RefundInMethod",
    "RejectedEvent",
    "Return",
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
    "ShiftCloseIn",
    "ShiftOpenIn",
    "ShortIn",
    "ShortLineIn",
    "StockCountIn",
    "StockMovement",
    "StockMovementReason",
    "SyncStatus",
    "TenderTotal",
    "TenderTotalMethod",
    "VatSummary",
    "Void",
    "VoidIn",
    "ZReport",
)
