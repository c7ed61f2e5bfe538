from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LoyaltyProgram")


@_attrs_define
class LoyaltyProgram:
    """Earn `earn_per_unit` points per whole currency unit paid with money; one point is
    worth `point_value` minor units; at least `min_redeem` at once; at most
    `offline_redeem_cap` per customer at a node that cannot reach the cloud.

        Attributes:
            earn_per_unit (int):
            min_redeem (int):
            offline_redeem_cap (int):
            point_value (int):
    """

    earn_per_unit: int
    min_redeem: int
    offline_redeem_cap: int
    point_value: int

    def to_dict(self) -> dict[str, Any]:
        earn_per_unit = self.earn_per_unit

        min_redeem = self.min_redeem

        offline_redeem_cap = self.offline_redeem_cap

        point_value = self.point_value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "earn_per_unit": earn_per_unit,
                "min_redeem": min_redeem,
                "offline_redeem_cap": offline_redeem_cap,
                "point_value": point_value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        earn_per_unit = d.pop("earn_per_unit")

        min_redeem = d.pop("min_redeem")

        offline_redeem_cap = d.pop("offline_redeem_cap")

        point_value = d.pop("point_value")

        loyalty_program = cls(
            earn_per_unit=earn_per_unit,
            min_redeem=min_redeem,
            offline_redeem_cap=offline_redeem_cap,
            point_value=point_value,
        )

        return loyalty_program
