from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PriceVersionIn")


@_attrs_define
class PriceVersionIn:
    """
    Attributes:
        id (str):
        price (int):
        sku (str):
        starts_at (datetime.datetime):
        ends_at (datetime.datetime | None | Unset):
        stores (list[str] | None | Unset):
    """

    id: str
    price: int
    sku: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None | Unset = UNSET
    stores: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        price = self.price

        sku = self.sku

        starts_at = self.starts_at.isoformat()

        ends_at: None | str | Unset
        if isinstance(self.ends_at, Unset):
            ends_at = UNSET
        elif isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        stores: list[str] | None | Unset
        if isinstance(self.stores, Unset):
            stores = UNSET
        elif isinstance(self.stores, list):
            stores = self.stores

        else:
            stores = self.stores

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "price": price,
                "sku": sku,
                "starts_at": starts_at,
            }
        )
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if stores is not UNSET:
            field_dict["stores"] = stores

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        price = d.pop("price")

        sku = d.pop("sku")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        def _parse_ends_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ends_at = _parse_ends_at(d.pop("ends_at", UNSET))

        def _parse_stores(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stores_type_0 = cast(list[str], data)

                return stores_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        stores = _parse_stores(d.pop("stores", UNSET))

        price_version_in = cls(
            id=id,
            price=price,
            sku=sku,
            starts_at=starts_at,
            ends_at=ends_at,
            stores=stores,
        )

        return price_version_in
