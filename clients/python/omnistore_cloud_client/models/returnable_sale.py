from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.loyalty import Loyalty
    from ..models.returnable_line import ReturnableLine
    from ..models.returnable_tender import ReturnableTender


T = TypeVar("T", bound="ReturnableSale")


@_attrs_define
class ReturnableSale:
    """Only what another store needs to take a return of a sale: no cashier, no card
    references.

        Attributes:
            id (str):
            lines (list[ReturnableLine]):
            occurred_at (datetime.datetime):
            payments (list[ReturnableTender]):
            receipt_no (str):
            store (str):
            customer_id (None | str | Unset):
            loyalty (Loyalty | None | Unset):
            voided (bool | Unset):  Default: False.
    """

    id: str
    lines: list[ReturnableLine]
    occurred_at: datetime.datetime
    payments: list[ReturnableTender]
    receipt_no: str
    store: str
    customer_id: None | str | Unset = UNSET
    loyalty: Loyalty | None | Unset = UNSET
    voided: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.loyalty import Loyalty  # noqa: PLC0415

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        occurred_at = self.occurred_at.isoformat()

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        receipt_no = self.receipt_no

        store = self.store

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

        voided = self.voided

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "lines": lines,
                "occurred_at": occurred_at,
                "payments": payments,
                "receipt_no": receipt_no,
                "store": store,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if loyalty is not UNSET:
            field_dict["loyalty"] = loyalty
        if voided is not UNSET:
            field_dict["voided"] = voided

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.loyalty import Loyalty  # noqa: PLC0415
        from ..models.returnable_line import ReturnableLine  # noqa: PLC0415
        from ..models.returnable_tender import ReturnableTender  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReturnableLine.from_dict(lines_item_data)

            lines.append(lines_item)

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = ReturnableTender.from_dict(payments_item_data)

            payments.append(payments_item)

        receipt_no = d.pop("receipt_no")

        store = d.pop("store")

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

        voided = d.pop("voided", UNSET)

        returnable_sale = cls(
            id=id,
            lines=lines,
            occurred_at=occurred_at,
            payments=payments,
            receipt_no=receipt_no,
            store=store,
            customer_id=customer_id,
            loyalty=loyalty,
            voided=voided,
        )

        returnable_sale.additional_properties = d
        return returnable_sale

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
