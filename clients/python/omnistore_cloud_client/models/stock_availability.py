from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StockAvailability")


@_attrs_define
class StockAvailability:
    """One SKU of a store's availability feed: its level now and when it last changed.

    Attributes:
        available (int):
        on_hand (int):
        reserved (int):
        sku (str):
        updated_at (datetime.datetime):
    """

    available: int
    on_hand: int
    reserved: int
    sku: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        on_hand = self.on_hand

        reserved = self.reserved

        sku = self.sku

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "on_hand": on_hand,
                "reserved": reserved,
                "sku": sku,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available = d.pop("available")

        on_hand = d.pop("on_hand")

        reserved = d.pop("reserved")

        sku = d.pop("sku")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        stock_availability = cls(
            available=available,
            on_hand=on_hand,
            reserved=reserved,
            sku=sku,
            updated_at=updated_at,
        )

        stock_availability.additional_properties = d
        return stock_availability

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
