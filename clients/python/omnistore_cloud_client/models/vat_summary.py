from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VatSummary")


@_attrs_define
class VatSummary:
    """
    Attributes:
        gross (int):
        net (int):
        rate_bp (int):
        vat (int):
    """

    gross: int
    net: int
    rate_bp: int
    vat: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gross = self.gross

        net = self.net

        rate_bp = self.rate_bp

        vat = self.vat

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gross": gross,
                "net": net,
                "rate_bp": rate_bp,
                "vat": vat,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gross = d.pop("gross")

        net = d.pop("net")

        rate_bp = d.pop("rate_bp")

        vat = d.pop("vat")

        vat_summary = cls(
            gross=gross,
            net=net,
            rate_bp=rate_bp,
            vat=vat,
        )

        vat_summary.additional_properties = d
        return vat_summary

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
