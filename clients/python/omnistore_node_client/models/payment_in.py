from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payment_in_method import PaymentInMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentIn")


@_attrs_define
class PaymentIn:
    """
    Attributes:
        amount (int):
        method (PaymentInMethod):
        points (int | None | Unset):
        ref (None | str | Unset):
    """

    amount: int
    method: PaymentInMethod
    points: int | None | Unset = UNSET
    ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        method = self.method.value

        points: int | None | Unset
        if isinstance(self.points, Unset):
            points = UNSET
        else:
            points = self.points

        ref: None | str | Unset
        if isinstance(self.ref, Unset):
            ref = UNSET
        else:
            ref = self.ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "method": method,
            }
        )
        if points is not UNSET:
            field_dict["points"] = points
        if ref is not UNSET:
            field_dict["ref"] = ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        method = PaymentInMethod(d.pop("method"))

        def _parse_points(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        points = _parse_points(d.pop("points", UNSET))

        def _parse_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ref = _parse_ref(d.pop("ref", UNSET))

        payment_in = cls(
            amount=amount,
            method=method,
            points=points,
            ref=ref,
        )

        return payment_in
