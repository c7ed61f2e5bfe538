from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Consent")


@_attrs_define
class Consent:
    """
    Attributes:
        marketing (bool | Unset):  Default: False.
    """

    marketing: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        marketing = self.marketing

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if marketing is not UNSET:
            field_dict["marketing"] = marketing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        marketing = d.pop("marketing", UNSET)

        consent = cls(
            marketing=marketing,
        )

        return consent
