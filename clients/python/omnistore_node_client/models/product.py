from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """
    Attributes:
        name (str):
        price (int):
        sku (str):
        updated_at (datetime.datetime):
        vat_rate_bp (int):
        active (bool | Unset):  Default: True.
        barcodes (list[str] | Unset):
        category (None | str | Unset):
        location (None | str | Unset):
    """

    name: str
    price: int
    sku: str
    updated_at: datetime.datetime
    vat_rate_bp: int
    active: bool | Unset = True
    barcodes: list[str] | Unset = UNSET
    category: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        price = self.price

        sku = self.sku

        updated_at = self.updated_at.isoformat()

        vat_rate_bp = self.vat_rate_bp

        active = self.active

        barcodes: list[str] | Unset = UNSET
        if not isinstance(self.barcodes, Unset):
            barcodes = self.barcodes

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "price": price,
                "sku": sku,
                "updated_at": updated_at,
                "vat_rate_bp": vat_rate_bp,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if barcodes is not UNSET:
            field_dict["barcodes"] = barcodes
        if category is not UNSET:
            field_dict["category"] = category
        if location is not UNSET:
            field_dict["location"] = location

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        price = d.pop("price")

        sku = d.pop("sku")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        vat_rate_bp = d.pop("vat_rate_bp")

        active = d.pop("active", UNSET)

        barcodes = cast(list[str], d.pop("barcodes", UNSET))

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        product = cls(
            name=name,
            price=price,
            sku=sku,
            updated_at=updated_at,
            vat_rate_bp=vat_rate_bp,
            active=active,
            barcodes=barcodes,
            category=category,
            location=location,
        )

        product.additional_properties = d
        return product

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
