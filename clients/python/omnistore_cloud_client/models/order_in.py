from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.customer_in import CustomerIn
    from ..models.order_line_in import OrderLineIn


T = TypeVar("T", bound="OrderIn")


@_attrs_define
class OrderIn:
    """
    Attributes:
        customer (CustomerIn):
        id (str):
        lines (list[OrderLineIn]):
        store (str):
    """

    customer: CustomerIn
    id: str
    lines: list[OrderLineIn]
    store: str

    def to_dict(self) -> dict[str, Any]:
        customer = self.customer.to_dict()

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        store = self.store

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer": customer,
                "id": id,
                "lines": lines,
                "store": store,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_in import CustomerIn  # noqa: PLC0415
        from ..models.order_line_in import OrderLineIn  # noqa: PLC0415

        d = dict(src_dict)
        customer = CustomerIn.from_dict(d.pop("customer"))

        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        store = d.pop("store")

        order_in = cls(
            customer=customer,
            id=id,
            lines=lines,
            store=store,
        )

        return order_in
