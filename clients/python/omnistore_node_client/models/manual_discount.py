from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ManualDiscount")


@_attrs_define
class ManualDiscount:
    """A manual discount as recorded: what was given, why, and the manager who approved it
    when it was above the cap (None: within the cap).

        Attributes:
            amount (int | None | Unset):
            approved_by (None | str | Unset):
            percent_bp (int | None | Unset):
            reason (str | Unset):  Default: ''.
    """

    amount: int | None | Unset = UNSET
    approved_by: None | str | Unset = UNSET
    percent_bp: int | None | Unset = UNSET
    reason: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: int | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        approved_by: None | str | Unset
        if isinstance(self.approved_by, Unset):
            approved_by = UNSET
        else:
            approved_by = self.approved_by

        percent_bp: int | None | Unset
        if isinstance(self.percent_bp, Unset):
            percent_bp = UNSET
        else:
            percent_bp = self.percent_bp

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if approved_by is not UNSET:
            field_dict["approved_by"] = approved_by
        if percent_bp is not UNSET:
            field_dict["percent_bp"] = percent_bp
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_approved_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approved_by = _parse_approved_by(d.pop("approved_by", UNSET))

        def _parse_percent_bp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        percent_bp = _parse_percent_bp(d.pop("percent_bp", UNSET))

        reason = d.pop("reason", UNSET)

        manual_discount = cls(
            amount=amount,
            approved_by=approved_by,
            percent_bp=percent_bp,
            reason=reason,
        )

        manual_discount.additional_properties = d
        return manual_discount

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
