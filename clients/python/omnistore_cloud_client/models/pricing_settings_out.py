from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PricingSettingsOut")


@_attrs_define
class PricingSettingsOut:
    """
    Attributes:
        manual_discount_cap_bp (int | Unset):  Default: 1000.
    """

    manual_discount_cap_bp: int | Unset = 1000
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        manual_discount_cap_bp = self.manual_discount_cap_bp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if manual_discount_cap_bp is not UNSET:
            field_dict["manual_discount_cap_bp"] = manual_discount_cap_bp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        manual_discount_cap_bp = d.pop("manual_discount_cap_bp", UNSET)

        pricing_settings_out = cls(
            manual_discount_cap_bp=manual_discount_cap_bp,
        )

        pricing_settings_out.additional_properties = d
        return pricing_settings_out

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
