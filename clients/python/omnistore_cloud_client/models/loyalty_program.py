from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LoyaltyProgram")


@_attrs_define
class LoyaltyProgram:
    """Earn `earn_per_unit` points per whole currency unit paid with money; one point is
    worth `point_value` minor units; at least `min_redeem` at once; at most
    `offline_redeem_cap` per customer at a node that cannot reach the cloud. With
    `expire_after_days`, the points of a customer whose points have not moved for that long
    expire (none: points never expire).

        Attributes:
            earn_per_unit (int):
            min_redeem (int):
            offline_redeem_cap (int):
            point_value (int):
            expire_after_days (int | None | Unset):
    """

    earn_per_unit: int
    min_redeem: int
    offline_redeem_cap: int
    point_value: int
    expire_after_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        earn_per_unit = self.earn_per_unit

        min_redeem = self.min_redeem

        offline_redeem_cap = self.offline_redeem_cap

        point_value = self.point_value

        expire_after_days: int | None | Unset
        if isinstance(self.expire_after_days, Unset):
            expire_after_days = UNSET
        else:
            expire_after_days = self.expire_after_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "earn_per_unit": earn_per_unit,
                "min_redeem": min_redeem,
                "offline_redeem_cap": offline_redeem_cap,
                "point_value": point_value,
            }
        )
        if expire_after_days is not UNSET:
            field_dict["expire_after_days"] = expire_after_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        earn_per_unit = d.pop("earn_per_unit")

        min_redeem = d.pop("min_redeem")

        offline_redeem_cap = d.pop("offline_redeem_cap")

        point_value = d.pop("point_value")

        def _parse_expire_after_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expire_after_days = _parse_expire_after_days(d.pop("expire_after_days", UNSET))

        loyalty_program = cls(
            earn_per_unit=earn_per_unit,
            min_redeem=min_redeem,
            offline_redeem_cap=offline_redeem_cap,
            point_value=point_value,
            expire_after_days=expire_after_days,
        )

        return loyalty_program
