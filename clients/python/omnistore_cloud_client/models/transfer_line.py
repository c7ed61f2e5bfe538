from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TransferLine")


@_attrs_define
class TransferLine:
    """
    Attributes:
        qty (int):
        sku (str):
        in_transit (int | Unset):  Default: 0.
        received (int | Unset):  Default: 0.
        shipped (int | Unset):  Default: 0.
    """

    qty: int
    sku: str
    in_transit: int | Unset = 0
    received: int | Unset = 0
    shipped: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        qty = self.qty

        sku = self.sku

        in_transit = self.in_transit

        received = self.received

        shipped = self.shipped

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "qty": qty,
                "sku": sku,
            }
        )
        if in_transit is not UNSET:
            field_dict["in_transit"] = in_transit
        if received is not UNSET:
            field_dict["received"] = received
        if shipped is not UNSET:
            field_dict["shipped"] = shipped

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        qty = d.pop("qty")

        sku = d.pop("sku")

        in_transit = d.pop("in_transit", UNSET)

        received = d.pop("received", UNSET)

        shipped = d.pop("shipped", UNSET)

        transfer_line = cls(
            qty=qty,
            sku=sku,
            in_transit=in_transit,
            received=received,
            shipped=shipped,
        )

        transfer_line.additional_properties = d
        return transfer_line

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
