from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CollectIn")


@_attrs_define
class CollectIn:
    """
    Attributes:
        pickup_code (str):
    """

    pickup_code: str

    def to_dict(self) -> dict[str, Any]:
        pickup_code = self.pickup_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pickup_code": pickup_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pickup_code = d.pop("pickup_code")

        collect_in = cls(
            pickup_code=pickup_code,
        )

        return collect_in
