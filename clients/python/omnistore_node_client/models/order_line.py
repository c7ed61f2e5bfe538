from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderLine")


@_attrs_define
class OrderLine:
    """
    Attributes:
        qty (int):
        sku (str):
        picked (int | Unset):  Default: 0.
        reserved (int | Unset):  Default: 0.
        short_reason (None | str | Unset):
    """

    qty: int
    sku: str
    picked: int | Unset = 0
    reserved: int | Unset = 0
    short_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        qty = self.qty

        sku = self.sku

        picked = self.picked

        reserved = self.reserved

        short_reason: None | str | Unset
        if isinstance(self.short_reason, Unset):
            short_reason = UNSET
        else:
            short_reason = self.short_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "qty": qty,
                "sku": sku,
            }
        )
        if picked is not UNSET:
            field_dict["picked"] = picked
        if reserved is not UNSET:
            field_dict["reserved"] = reserved
        if short_reason is not UNSET:
            field_dict["short_reason"] = short_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        qty = d.pop("qty")

        sku = d.pop("sku")

        picked = d.pop("picked", UNSET)

        reserved = d.pop("reserved", UNSET)

        def _parse_short_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        short_reason = _parse_short_reason(d.pop("short_reason", UNSET))

        order_line = cls(
            qty=qty,
            sku=sku,
            picked=picked,
            reserved=reserved,
            short_reason=short_reason,
        )

        order_line.additional_properties = d
        return order_line

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
