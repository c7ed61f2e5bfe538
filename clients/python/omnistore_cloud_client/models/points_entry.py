from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.points_entry_reason import PointsEntryReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="PointsEntry")


@_attrs_define
class PointsEntry:
    """One line of the points ledger; `id` is its idempotency key.

    Attributes:
        customer_id (str):
        delta (int):
        id (str):
        occurred_at (datetime.datetime):
        reason (PointsEntryReason):
        hold_id (None | str | Unset):
        ref (None | str | Unset):
        store (None | str | Unset):
    """

    customer_id: str
    delta: int
    id: str
    occurred_at: datetime.datetime
    reason: PointsEntryReason
    hold_id: None | str | Unset = UNSET
    ref: None | str | Unset = UNSET
    store: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        delta = self.delta

        id = self.id

        occurred_at = self.occurred_at.isoformat()

        reason = self.reason.value

        hold_id: None | str | Unset
        if isinstance(self.hold_id, Unset):
            hold_id = UNSET
        else:
            hold_id = self.hold_id

        ref: None | str | Unset
        if isinstance(self.ref, Unset):
            ref = UNSET
        else:
            ref = self.ref

        store: None | str | Unset
        if isinstance(self.store, Unset):
            store = UNSET
        else:
            store = self.store

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "delta": delta,
                "id": id,
                "occurred_at": occurred_at,
                "reason": reason,
            }
        )
        if hold_id is not UNSET:
            field_dict["hold_id"] = hold_id
        if ref is not UNSET:
            field_dict["ref"] = ref
        if store is not UNSET:
            field_dict["store"] = store

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        delta = d.pop("delta")

        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        reason = PointsEntryReason(d.pop("reason"))

        def _parse_hold_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hold_id = _parse_hold_id(d.pop("hold_id", UNSET))

        def _parse_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ref = _parse_ref(d.pop("ref", UNSET))

        def _parse_store(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        store = _parse_store(d.pop("store", UNSET))

        points_entry = cls(
            customer_id=customer_id,
            delta=delta,
            id=id,
            occurred_at=occurred_at,
            reason=reason,
            hold_id=hold_id,
            ref=ref,
            store=store,
        )

        points_entry.additional_properties = d
        return points_entry

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
