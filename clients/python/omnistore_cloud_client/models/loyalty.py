from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Loyalty")


@_attrs_define
class Loyalty:
    """Points of a sale or return: earned (or taken back), redeemed (or given back), and the
    customer's balance as the node knew it right after.

        Attributes:
            balance (int | Unset):  Default: 0.
            earned (int | Unset):  Default: 0.
            redeemed (int | Unset):  Default: 0.
    """

    balance: int | Unset = 0
    earned: int | Unset = 0
    redeemed: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        earned = self.earned

        redeemed = self.redeemed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if balance is not UNSET:
            field_dict["balance"] = balance
        if earned is not UNSET:
            field_dict["earned"] = earned
        if redeemed is not UNSET:
            field_dict["redeemed"] = redeemed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance = d.pop("balance", UNSET)

        earned = d.pop("earned", UNSET)

        redeemed = d.pop("redeemed", UNSET)

        loyalty = cls(
            balance=balance,
            earned=earned,
            redeemed=redeemed,
        )

        loyalty.additional_properties = d
        return loyalty

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
