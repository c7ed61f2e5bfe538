from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReturnLine")


@_attrs_define
class ReturnLine:
    """
    Attributes:
        qty (int):
        sku (str):
        total (int):
        unit_price (int):
        vat_rate_bp (int):
        name (str | Unset):  Default: ''.
    """

    qty: int
    sku: str
    total: int
    unit_price: int
    vat_rate_bp: int
    name: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        qty = self.qty

        sku = self.sku

        total = self.total

        unit_price = self.unit_price

        vat_rate_bp = self.vat_rate_bp

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "qty": qty,
                "sku": sku,
                "total": total,
                "unit_price": unit_price,
                "vat_rate_bp": vat_rate_bp,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        qty = d.pop("qty")

        sku = d.pop("sku")

        total = d.pop("total")

        unit_price = d.pop("unit_price")

        vat_rate_bp = d.pop("vat_rate_bp")

        name = d.pop("name", UNSET)

        return_line = cls(
            qty=qty,
            sku=sku,
            total=total,
            unit_price=unit_price,
            vat_rate_bp=vat_rate_bp,
            name=name,
        )

        return_line.additional_properties = d
        return return_line

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
