from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ApprovalIn")


@_attrs_define
class ApprovalIn:
    """
    Attributes:
        manager_pin (str):
    """

    manager_pin: str

    def to_dict(self) -> dict[str, Any]:
        manager_pin = self.manager_pin

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "manager_pin": manager_pin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        manager_pin = d.pop("manager_pin")

        approval_in = cls(
            manager_pin=manager_pin,
        )

        return approval_in
