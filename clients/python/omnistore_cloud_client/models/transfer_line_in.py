from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TransferLineIn")


@_attrs_define
class TransferLineIn:
    """
    Attributes:
        qty (int):
        sku (str):
    """

    qty: int
    sku: str

    def to_dict(self) -> dict[str, Any]:
        qty = self.qty

        sku = self.sku

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "qty": qty,
                "sku": sku,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        qty = d.pop("qty")

        sku = d.pop("sku")

        transfer_line_in = cls(
            qty=qty,
            sku=sku,
        )

        return transfer_line_in
