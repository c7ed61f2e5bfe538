from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ShortLineIn")


@_attrs_define
class ShortLineIn:
    """
    Attributes:
        reason (str):
        sku (str):
    """

    reason: str
    sku: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        sku = self.sku

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "sku": sku,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        sku = d.pop("sku")

        short_line_in = cls(
            reason=reason,
            sku=sku,
        )

        return short_line_in
