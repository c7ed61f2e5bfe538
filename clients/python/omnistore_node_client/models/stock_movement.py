from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stock_movement_reason import StockMovementReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="StockMovement")


@_attrs_define
class StockMovement:
    """
    Attributes:
        delta (int):
        id (str):
        occurred_at (datetime.datetime):
        reason (StockMovementReason):
        sku (str):
        store (str):
        note (None | str | Unset):
        ref (None | str | Unset):
    """

    delta: int
    id: str
    occurred_at: datetime.datetime
    reason: StockMovementReason
    sku: str
    store: str
    note: None | str | Unset = UNSET
    ref: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        delta = self.delta

        id = self.id

        occurred_at = self.occurred_at.isoformat()

        reason = self.reason.value

        sku = self.sku

        store = self.store

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        ref: None | str | Unset
        if isinstance(self.ref, Unset):
            ref = UNSET
        else:
            ref = self.ref

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "delta": delta,
                "id": id,
                "occurred_at": occurred_at,
                "reason": reason,
                "sku": sku,
                "store": store,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if ref is not UNSET:
            field_dict["ref"] = ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delta = d.pop("delta")

        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        reason = StockMovementReason(d.pop("reason"))

        sku = d.pop("sku")

        store = d.pop("store")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ref = _parse_ref(d.pop("ref", UNSET))

        stock_movement = cls(
            delta=delta,
            id=id,
            occurred_at=occurred_at,
            reason=reason,
            sku=sku,
            store=store,
            note=note,
            ref=ref,
        )

        stock_movement.additional_properties = d
        return stock_movement

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
