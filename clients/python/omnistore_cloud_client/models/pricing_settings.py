from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PricingSettings")


@_attrs_define
class PricingSettings:
    """
    Attributes:
        manual_discount_cap_bp (int | Unset):  Default: 1000.
    """

    manual_discount_cap_bp: int | Unset = 1000

    def to_dict(self) -> dict[str, Any]:
        manual_discount_cap_bp = self.manual_discount_cap_bp

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if manual_discount_cap_bp is not UNSET:
            field_dict["manual_discount_cap_bp"] = manual_discount_cap_bp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        manual_discount_cap_bp = d.pop("manual_discount_cap_bp", UNSET)

        pricing_settings = cls(
            manual_discount_cap_bp=manual_discount_cap_bp,
        )

        return pricing_settings
