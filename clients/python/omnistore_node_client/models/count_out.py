from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stock_movement import StockMovement


T = TypeVar("T", bound="CountOut")


@_attrs_define
class CountOut:
    """A stock count's result: the level now and the correcting movement (none if the count
    matched the ledger).

        Attributes:
            movement (None | StockMovement):
            on_hand (int):
            sku (str):
    """

    movement: None | StockMovement
    on_hand: int
    sku: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stock_movement import StockMovement  # noqa: PLC0415

        movement: dict[str, Any] | None
        if isinstance(self.movement, StockMovement):
            movement = self.movement.to_dict()
        else:
            movement = self.movement

        on_hand = self.on_hand

        sku = self.sku

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "movement": movement,
                "on_hand": on_hand,
                "sku": sku,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stock_movement import StockMovement  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_movement(data: object) -> None | StockMovement:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                movement_type_0 = StockMovement.from_dict(data)

                return movement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StockMovement, data)

        movement = _parse_movement(d.pop("movement"))

        on_hand = d.pop("on_hand")

        sku = d.pop("sku")

        count_out = cls(
            movement=movement,
            on_hand=on_hand,
            sku=sku,
        )

        count_out.additional_properties = d
        return count_out

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
