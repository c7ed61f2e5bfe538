from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MergeIn")


@_attrs_define
class MergeIn:
    """
    Attributes:
        into (str):
    """

    into: str

    def to_dict(self) -> dict[str, Any]:
        into = self.into

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "into": into,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        into = d.pop("into")

        merge_in = cls(
            into=into,
        )

        return merge_in
