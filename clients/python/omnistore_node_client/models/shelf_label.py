from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ShelfLabel")


@_attrs_define
class ShelfLabel:
    """A shelf label waiting to be printed: what the shelf shows from `effective_at`.

    Attributes:
        effective_at (datetime.datetime):
        id (str):
        name (str):
        price (int):
        reason (str):
        sku (str):
        barcode (None | str | Unset):
        per (None | str | Unset):
        promotions (list[str] | Unset):
    """

    effective_at: datetime.datetime
    id: str
    name: str
    price: int
    reason: str
    sku: str
    barcode: None | str | Unset = UNSET
    per: None | str | Unset = UNSET
    promotions: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        effective_at = self.effective_at.isoformat()

        id = self.id

        name = self.name

        price = self.price

        reason = self.reason

        sku = self.sku

        barcode: None | str | Unset
        if isinstance(self.barcode, Unset):
            barcode = UNSET
        else:
            barcode = self.barcode

        per: None | str | Unset
        if isinstance(self.per, Unset):
            per = UNSET
        else:
            per = self.per

        promotions: list[str] | Unset = UNSET
        if not isinstance(self.promotions, Unset):
            promotions = self.promotions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effective_at": effective_at,
                "id": id,
                "name": name,
                "price": price,
                "reason": reason,
                "sku": sku,
            }
        )
        if barcode is not UNSET:
            field_dict["barcode"] = barcode
        if per is not UNSET:
            field_dict["per"] = per
        if promotions is not UNSET:
            field_dict["promotions"] = promotions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_at = datetime.datetime.fromisoformat(d.pop("effective_at"))

        id = d.pop("id")

        name = d.pop("name")

        price = d.pop("price")

        reason = d.pop("reason")

        sku = d.pop("sku")

        def _parse_barcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        barcode = _parse_barcode(d.pop("barcode", UNSET))

        def _parse_per(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        per = _parse_per(d.pop("per", UNSET))

        promotions = cast(list[str], d.pop("promotions", UNSET))

        shelf_label = cls(
            effective_at=effective_at,
            id=id,
            name=name,
            price=price,
            reason=reason,
            sku=sku,
            barcode=barcode,
            per=per,
            promotions=promotions,
        )

        shelf_label.additional_properties = d
        return shelf_label

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
