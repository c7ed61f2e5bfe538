from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_in import CustomerIn
    from ..models.order_line_in import OrderLineIn


T = TypeVar("T", bound="OrderIn")


@_attrs_define
class OrderIn:
    """
    Attributes:
        id (str):
        lines (list[OrderLineIn]):
        store (str):
        customer (CustomerIn | None | Unset):
        customer_id (None | str | Unset):
    """

    id: str
    lines: list[OrderLineIn]
    store: str
    customer: CustomerIn | None | Unset = UNSET
    customer_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_in import CustomerIn  # noqa: PLC0415

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        store = self.store

        customer: dict[str, Any] | None | Unset
        if isinstance(self.customer, Unset):
            customer = UNSET
        elif isinstance(self.customer, CustomerIn):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "lines": lines,
                "store": store,
            }
        )
        if customer is not UNSET:
            field_dict["customer"] = customer
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_in import CustomerIn  # noqa: PLC0415
        from ..models.order_line_in import OrderLineIn  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        store = d.pop("store")

        def _parse_customer(data: object) -> CustomerIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = CustomerIn.from_dict(data)

                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerIn | None | Unset, data)

        customer = _parse_customer(d.pop("customer", UNSET))

        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        order_in = cls(
            id=id,
            lines=lines,
            store=store,
            customer=customer,
            customer_id=customer_id,
        )

        return order_in
