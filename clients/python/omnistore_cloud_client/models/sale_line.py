from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SaleLine")


@_attrs_define
class SaleLine:
    """
    Attributes:
        qty (int):
        sku (str):
        total (int):
        unit_price (int):
        vat_rate_bp (int):
        barcode (None | str | Unset):
        name (str | Unset):  Default: ''.
    """

    qty: int
    sku: str
    total: int
    unit_price: int
    vat_rate_bp: int
    barcode: None | str | Unset = UNSET
    name: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        qty = self.qty

        sku = self.sku

        total = self.total

        unit_price = self.unit_price

        vat_rate_bp = self.vat_rate_bp

        barcode: None | str | Unset
        if isinstance(self.barcode, Unset):
            barcode = UNSET
        else:
            barcode = self.barcode

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
        if barcode is not UNSET:
            field_dict["barcode"] = barcode
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

        def _parse_barcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        barcode = _parse_barcode(d.pop("barcode", UNSET))

        name = d.pop("name", UNSET)

        sale_line = cls(
            qty=qty,
            sku=sku,
            total=total,
            unit_price=unit_price,
            vat_rate_bp=vat_rate_bp,
            barcode=barcode,
            name=name,
        )

        sale_line.additional_properties = d
        return sale_line

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
