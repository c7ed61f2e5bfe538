from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_status import OrderStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_customer import OrderCustomer
    from ..models.order_line import OrderLine


T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """An order as both sides store it; `pickup_code` only in the answer that created it.

    Attributes:
        created_at (datetime.datetime):
        customer (OrderCustomer):
        expires_at (datetime.datetime):
        id (str):
        lines (list[OrderLine]):
        status (OrderStatus):
        store (str):
        updated_at (datetime.datetime):
        customer_id (None | str | Unset):
        pickup_code (None | str | Unset):
        pickup_code_hash (None | str | Unset):
        pickup_qr (None | str | Unset):
    """

    created_at: datetime.datetime
    customer: OrderCustomer
    expires_at: datetime.datetime
    id: str
    lines: list[OrderLine]
    status: OrderStatus
    store: str
    updated_at: datetime.datetime
    customer_id: None | str | Unset = UNSET
    pickup_code: None | str | Unset = UNSET
    pickup_code_hash: None | str | Unset = UNSET
    pickup_qr: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        customer = self.customer.to_dict()

        expires_at = self.expires_at.isoformat()

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        status = self.status.value

        store = self.store

        updated_at = self.updated_at.isoformat()

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        pickup_code: None | str | Unset
        if isinstance(self.pickup_code, Unset):
            pickup_code = UNSET
        else:
            pickup_code = self.pickup_code

        pickup_code_hash: None | str | Unset
        if isinstance(self.pickup_code_hash, Unset):
            pickup_code_hash = UNSET
        else:
            pickup_code_hash = self.pickup_code_hash

        pickup_qr: None | str | Unset
        if isinstance(self.pickup_qr, Unset):
            pickup_qr = UNSET
        else:
            pickup_qr = self.pickup_qr

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "customer": customer,
                "expires_at": expires_at,
                "id": id,
                "lines": lines,
                "status": status,
                "store": store,
                "updated_at": updated_at,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if pickup_code is not UNSET:
            field_dict["pickup_code"] = pickup_code
        if pickup_code_hash is not UNSET:
            field_dict["pickup_code_hash"] = pickup_code_hash
        if pickup_qr is not UNSET:
            field_dict["pickup_qr"] = pickup_qr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_customer import OrderCustomer  # noqa: PLC0415
        from ..models.order_line import OrderLine  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        customer = OrderCustomer.from_dict(d.pop("customer"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLine.from_dict(lines_item_data)

            lines.append(lines_item)

        status = OrderStatus(d.pop("status"))

        store = d.pop("store")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        def _parse_pickup_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pickup_code = _parse_pickup_code(d.pop("pickup_code", UNSET))

        def _parse_pickup_code_hash(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pickup_code_hash = _parse_pickup_code_hash(d.pop("pickup_code_hash", UNSET))

        def _parse_pickup_qr(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pickup_qr = _parse_pickup_qr(d.pop("pickup_qr", UNSET))

        order = cls(
            created_at=created_at,
            customer=customer,
            expires_at=expires_at,
            id=id,
            lines=lines,
            status=status,
            store=store,
            updated_at=updated_at,
            customer_id=customer_id,
            pickup_code=pickup_code,
            pickup_code_hash=pickup_code_hash,
            pickup_qr=pickup_qr,
        )

        order.additional_properties = d
        return order

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
