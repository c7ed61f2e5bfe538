from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_discount import LineDiscount


T = TypeVar("T", bound="QuotedLine")


@_attrs_define
class QuotedLine:
    """
    Attributes:
        qty (int):
        sku (str):
        total (int):
        unit_price (int):
        discounts (list[LineDiscount] | Unset):
    """

    qty: int
    sku: str
    total: int
    unit_price: int
    discounts: list[LineDiscount] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        qty = self.qty

        sku = self.sku

        total = self.total

        unit_price = self.unit_price

        discounts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.discounts, Unset):
            discounts = []
            for discounts_item_data in self.discounts:
                discounts_item = discounts_item_data.to_dict()
                discounts.append(discounts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "qty": qty,
                "sku": sku,
                "total": total,
                "unit_price": unit_price,
            }
        )
        if discounts is not UNSET:
            field_dict["discounts"] = discounts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_discount import LineDiscount  # noqa: PLC0415

        d = dict(src_dict)
        qty = d.pop("qty")

        sku = d.pop("sku")

        total = d.pop("total")

        unit_price = d.pop("unit_price")

        _discounts = d.pop("discounts", UNSET)
        discounts: list[LineDiscount] | Unset = UNSET
        if _discounts is not UNSET:
            discounts = []
            for discounts_item_data in _discounts:
                discounts_item = LineDiscount.from_dict(discounts_item_data)

                discounts.append(discounts_item)

        quoted_line = cls(
            qty=qty,
            sku=sku,
            total=total,
            unit_price=unit_price,
            discounts=discounts,
        )

        quoted_line.additional_properties = d
        return quoted_line

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
