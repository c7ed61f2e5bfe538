from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aisle_customer_in import AisleCustomerIn
    from ..models.order_line_in import OrderLineIn


T = TypeVar("T", bound="AisleOrderIn")


@_attrs_define
class AisleOrderIn:
    """An order for another store; `customer_id` names a known customer (the customers
    part links it; the order always carries the name and phone).

        Attributes:
            customer (AisleCustomerIn): The customer at the till: a name and a phone the pickup store can call.
            id (str):
            lines (list[OrderLineIn]):
            store (str):
            customer_id (None | str | Unset):
    """

    customer: AisleCustomerIn
    id: str
    lines: list[OrderLineIn]
    store: str
    customer_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer = self.customer.to_dict()

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        store = self.store

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer": customer,
                "id": id,
                "lines": lines,
                "store": store,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aisle_customer_in import AisleCustomerIn  # noqa: PLC0415
        from ..models.order_line_in import OrderLineIn  # noqa: PLC0415

        d = dict(src_dict)
        customer = AisleCustomerIn.from_dict(d.pop("customer"))

        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        store = d.pop("store")

        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        aisle_order_in = cls(
            customer=customer,
            id=id,
            lines=lines,
            store=store,
            customer_id=customer_id,
        )

        return aisle_order_in
