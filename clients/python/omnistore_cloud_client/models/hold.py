from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Hold")


@_attrs_define
class Hold:
    """
    Attributes:
        balance (int):
        customer_id (str):
        expires_at (datetime.datetime):
        id (str):
        points (int):
    """

    balance: int
    customer_id: str
    expires_at: datetime.datetime
    id: str
    points: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        customer_id = self.customer_id

        expires_at = self.expires_at.isoformat()

        id = self.id

        points = self.points

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
                "customer_id": customer_id,
                "expires_at": expires_at,
                "id": id,
                "points": points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance = d.pop("balance")

        customer_id = d.pop("customer_id")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = d.pop("id")

        points = d.pop("points")

        hold = cls(
            balance=balance,
            customer_id=customer_id,
            expires_at=expires_at,
            id=id,
            points=points,
        )

        hold.additional_properties = d
        return hold

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
