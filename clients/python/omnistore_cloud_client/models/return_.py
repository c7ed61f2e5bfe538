from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.loyalty import Loyalty
    from ..models.payment import Payment
    from ..models.return_line import ReturnLine


T = TypeVar("T", bound="Return")


@_attrs_define
class Return:
    """
    Attributes:
        id (str):
        lines (list[ReturnLine]):
        occurred_at (datetime.datetime):
        refunds (list[Payment]):
        register (str):
        store (str):
        total (int):
        cashier (None | str | Unset):
        customer_id (None | str | Unset):
        loyalty (Loyalty | None | Unset):
        reason (None | str | Unset):
        sale_id (None | str | Unset):
        sale_receipt_no (None | str | Unset):
    """

    id: str
    lines: list[ReturnLine]
    occurred_at: datetime.datetime
    refunds: list[Payment]
    register: str
    store: str
    total: int
    cashier: None | str | Unset = UNSET
    customer_id: None | str | Unset = UNSET
    loyalty: Loyalty | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    sale_id: None | str | Unset = UNSET
    sale_receipt_no: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.loyalty import Loyalty  # noqa: PLC0415

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        occurred_at = self.occurred_at.isoformat()

        refunds = []
        for refunds_item_data in self.refunds:
            refunds_item = refunds_item_data.to_dict()
            refunds.append(refunds_item)

        register = self.register

        store = self.store

        total = self.total

        cashier: None | str | Unset
        if isinstance(self.cashier, Unset):
            cashier = UNSET
        else:
            cashier = self.cashier

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        loyalty: dict[str, Any] | None | Unset
        if isinstance(self.loyalty, Unset):
            loyalty = UNSET
        elif isinstance(self.loyalty, Loyalty):
            loyalty = self.loyalty.to_dict()
        else:
            loyalty = self.loyalty

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        sale_id: None | str | Unset
        if isinstance(self.sale_id, Unset):
            sale_id = UNSET
        else:
            sale_id = self.sale_id

        sale_receipt_no: None | str | Unset
        if isinstance(self.sale_receipt_no, Unset):
            sale_receipt_no = UNSET
        else:
            sale_receipt_no = self.sale_receipt_no

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "lines": lines,
                "occurred_at": occurred_at,
                "refunds": refunds,
                "register": register,
                "store": store,
                "total": total,
            }
        )
        if cashier is not UNSET:
            field_dict["cashier"] = cashier
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if loyalty is not UNSET:
            field_dict["loyalty"] = loyalty
        if reason is not UNSET:
            field_dict["reason"] = reason
        if sale_id is not UNSET:
            field_dict["sale_id"] = sale_id
        if sale_receipt_no is not UNSET:
            field_dict["sale_receipt_no"] = sale_receipt_no

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.loyalty import Loyalty  # noqa: PLC0415
        from ..models.payment import Payment  # noqa: PLC0415
        from ..models.return_line import ReturnLine  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReturnLine.from_dict(lines_item_data)

            lines.append(lines_item)

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        refunds = []
        _refunds = d.pop("refunds")
        for refunds_item_data in _refunds:
            refunds_item = Payment.from_dict(refunds_item_data)

            refunds.append(refunds_item)

        register = d.pop("register")

        store = d.pop("store")

        total = d.pop("total")

        def _parse_cashier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cashier = _parse_cashier(d.pop("cashier", UNSET))

        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        def _parse_loyalty(data: object) -> Loyalty | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                loyalty_type_0 = Loyalty.from_dict(data)

                return loyalty_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Loyalty | None | Unset, data)

        loyalty = _parse_loyalty(d.pop("loyalty", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_sale_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sale_id = _parse_sale_id(d.pop("sale_id", UNSET))

        def _parse_sale_receipt_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sale_receipt_no = _parse_sale_receipt_no(d.pop("sale_receipt_no", UNSET))

        return_ = cls(
            id=id,
            lines=lines,
            occurred_at=occurred_at,
            refunds=refunds,
            register=register,
            store=store,
            total=total,
            cashier=cashier,
            customer_id=customer_id,
            loyalty=loyalty,
            reason=reason,
            sale_id=sale_id,
            sale_receipt_no=sale_receipt_no,
        )

        return_.additional_properties = d
        return return_

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
