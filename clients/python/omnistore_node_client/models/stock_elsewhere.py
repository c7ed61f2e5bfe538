from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.store_stock import StoreStock


T = TypeVar("T", bound="StockElsewhere")


@_attrs_define
class StockElsewhere:
    """Every store's level of a SKU, nearest first; `live: false` is a node's last copy
    (taken at `as_of`) while the cloud is away.

        Attributes:
            as_of (datetime.datetime):
            items (list[StoreStock]):
            live (bool):
            sku (str):
    """

    as_of: datetime.datetime
    items: list[StoreStock]
    live: bool
    sku: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        live = self.live

        sku = self.sku

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "items": items,
                "live": live,
                "sku": sku,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.store_stock import StoreStock  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = StoreStock.from_dict(items_item_data)

            items.append(items_item)

        live = d.pop("live")

        sku = d.pop("sku")

        stock_elsewhere = cls(
            as_of=as_of,
            items=items,
            live=live,
            sku=sku,
        )

        stock_elsewhere.additional_properties = d
        return stock_elsewhere

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
