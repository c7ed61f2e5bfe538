from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ShiftCloseIn")


@_attrs_define
class ShiftCloseIn:
    """
    Attributes:
        counted (int):
    """

    counted: int

    def to_dict(self) -> dict[str, Any]:
        counted = self.counted

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "counted": counted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        counted = d.pop("counted")

        shift_close_in = cls(
            counted=counted,
        )

        return shift_close_in
