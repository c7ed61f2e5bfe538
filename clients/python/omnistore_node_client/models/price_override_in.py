from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PriceOverrideIn")


@_attrs_define
class PriceOverrideIn:
    """A manager's unit price for one line instead of the price book's.

    Attributes:
        price (int):
        reason (str):
    """

    price: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        price = self.price

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "price": price,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        price = d.pop("price")

        reason = d.pop("reason")

        price_override_in = cls(
            price=price,
            reason=reason,
        )

        return price_override_in
