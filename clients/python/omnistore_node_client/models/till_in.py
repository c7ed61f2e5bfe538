from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TillIn")


@_attrs_define
class TillIn:
    """
    Attributes:
        name (str):
        register (str):
    """

    name: str
    register: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        register = self.register

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "register": register,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        register = d.pop("register")

        till_in = cls(
            name=name,
            register=register,
        )

        return till_in
