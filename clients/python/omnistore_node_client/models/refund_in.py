from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.refund_in_method import RefundInMethod

T = TypeVar("T", bound="RefundIn")


@_attrs_define
class RefundIn:
    """
    Attributes:
        amount (int):
        method (RefundInMethod):
    """

    amount: int
    method: RefundInMethod

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        method = self.method.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "method": method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        method = RefundInMethod(d.pop("method"))

        refund_in = cls(
            amount=amount,
            method=method,
        )

        return refund_in
