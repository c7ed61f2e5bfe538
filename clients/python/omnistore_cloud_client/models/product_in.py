from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProductIn")


@_attrs_define
class ProductIn:
    """
    Attributes:
        name (str):
        price (int):
        vat_rate_bp (int):
        active (bool | Unset):  Default: True.
        barcodes (list[str] | Unset):
        category (None | str | Unset):
        location (None | str | Unset):
    """

    name: str
    price: int
    vat_rate_bp: int
    active: bool | Unset = True
    barcodes: list[str] | Unset = UNSET
    category: None | str | Unset = UNSET
    location: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        price = self.price

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

        field_dict.update(
            {
                "name": name,
                "price": price,
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

        product_in = cls(
            name=name,
            price=price,
            vat_rate_bp=vat_rate_bp,
            active=active,
            barcodes=barcodes,
            category=category,
            location=location,
        )

        return product_in
