from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ShiftOpenIn")


@_attrs_define
class ShiftOpenIn:
    """
    Attributes:
        float_amount (int):
        id (str):
    """

    float_amount: int
    id: str

    def to_dict(self) -> dict[str, Any]:
        float_amount = self.float_amount

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "float_amount": float_amount,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        float_amount = d.pop("float_amount")

        id = d.pop("id")

        shift_open_in = cls(
            float_amount=float_amount,
            id=id,
        )

        return shift_open_in
