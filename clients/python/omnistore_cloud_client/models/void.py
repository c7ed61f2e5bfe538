from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Void")


@_attrs_define
class Void:
    """
    Attributes:
        id (str):
        occurred_at (datetime.datetime):
        register (str):
        sale_id (str):
        store (str):
        cashier (None | str | Unset):
        reason (None | str | Unset):
    """

    id: str
    occurred_at: datetime.datetime
    register: str
    sale_id: str
    store: str
    cashier: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        occurred_at = self.occurred_at.isoformat()

        register = self.register

        sale_id = self.sale_id

        store = self.store

        cashier: None | str | Unset
        if isinstance(self.cashier, Unset):
            cashier = UNSET
        else:
            cashier = self.cashier

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "occurred_at": occurred_at,
                "register": register,
                "sale_id": sale_id,
                "store": store,
            }
        )
        if cashier is not UNSET:
            field_dict["cashier"] = cashier
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        register = d.pop("register")

        sale_id = d.pop("sale_id")

        store = d.pop("store")

        def _parse_cashier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cashier = _parse_cashier(d.pop("cashier", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        void = cls(
            id=id,
            occurred_at=occurred_at,
            register=register,
            sale_id=sale_id,
            store=store,
            cashier=cashier,
            reason=reason,
        )

        void.additional_properties = d
        return void

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
