from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StoreStock")


@_attrs_define
class StoreStock:
    """One store's level of a SKU; `in_transit`: units shipped to it, not yet received.

    Attributes:
        available (int):
        name (str):
        on_hand (int):
        reserved (int):
        store (str):
        distance_km (float | None | Unset):
        in_transit (int | Unset):  Default: 0.
    """

    available: int
    name: str
    on_hand: int
    reserved: int
    store: str
    distance_km: float | None | Unset = UNSET
    in_transit: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        name = self.name

        on_hand = self.on_hand

        reserved = self.reserved

        store = self.store

        distance_km: float | None | Unset
        if isinstance(self.distance_km, Unset):
            distance_km = UNSET
        else:
            distance_km = self.distance_km

        in_transit = self.in_transit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "name": name,
                "on_hand": on_hand,
                "reserved": reserved,
                "store": store,
            }
        )
        if distance_km is not UNSET:
            field_dict["distance_km"] = distance_km
        if in_transit is not UNSET:
            field_dict["in_transit"] = in_transit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available = d.pop("available")

        name = d.pop("name")

        on_hand = d.pop("on_hand")

        reserved = d.pop("reserved")

        store = d.pop("store")

        def _parse_distance_km(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        distance_km = _parse_distance_km(d.pop("distance_km", UNSET))

        in_transit = d.pop("in_transit", UNSET)

        store_stock = cls(
            available=available,
            name=name,
            on_hand=on_hand,
            reserved=reserved,
            store=store,
            distance_km=distance_km,
            in_transit=in_transit,
        )

        store_stock.additional_properties = d
        return store_stock

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
