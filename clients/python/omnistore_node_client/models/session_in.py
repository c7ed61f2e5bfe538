from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionIn")


@_attrs_define
class SessionIn:
    """
    Attributes:
        name (str):
        pin (str):
        register (str | Unset):  Default: '1'.
    """

    name: str
    pin: str
    register: str | Unset = "1"

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        pin = self.pin

        register = self.register

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "pin": pin,
            }
        )
        if register is not UNSET:
            field_dict["register"] = register

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        pin = d.pop("pin")

        register = d.pop("register", UNSET)

        session_in = cls(
            name=name,
            pin=pin,
            register=register,
        )

        return session_in
