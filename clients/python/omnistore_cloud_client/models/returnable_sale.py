from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
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
            voided (bool | Unset):  Default: False.
    """

    id: str
    lines: list[ReturnableLine]
    occurred_at: datetime.datetime
    payments: list[ReturnableTender]
    receipt_no: str
    store: str
    voided: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
        if voided is not UNSET:
            field_dict["voided"] = voided

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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

        voided = d.pop("voided", UNSET)

        returnable_sale = cls(
            id=id,
            lines=lines,
            occurred_at=occurred_at,
            payments=payments,
            receipt_no=receipt_no,
            store=store,
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
