from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.timeline_item_channel import TimelineItemChannel
from ..models.timeline_item_kind import TimelineItemKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="TimelineItem")


@_attrs_define
class TimelineItem:
    """
    Attributes:
        amount (int):
        at (datetime.datetime):
        channel (TimelineItemChannel):
        id (str):
        kind (TimelineItemKind):
        receipt_no (None | str | Unset):
        store (None | str | Unset):
    """

    amount: int
    at: datetime.datetime
    channel: TimelineItemChannel
    id: str
    kind: TimelineItemKind
    receipt_no: None | str | Unset = UNSET
    store: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        at = self.at.isoformat()

        channel = self.channel.value

        id = self.id

        kind = self.kind.value

        receipt_no: None | str | Unset
        if isinstance(self.receipt_no, Unset):
            receipt_no = UNSET
        else:
            receipt_no = self.receipt_no

        store: None | str | Unset
        if isinstance(self.store, Unset):
            store = UNSET
        else:
            store = self.store

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "at": at,
                "channel": channel,
                "id": id,
                "kind": kind,
            }
        )
        if receipt_no is not UNSET:
            field_dict["receipt_no"] = receipt_no
        if store is not UNSET:
            field_dict["store"] = store

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        channel = TimelineItemChannel(d.pop("channel"))

        id = d.pop("id")

        kind = TimelineItemKind(d.pop("kind"))

        def _parse_receipt_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        receipt_no = _parse_receipt_no(d.pop("receipt_no", UNSET))

        def _parse_store(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        store = _parse_store(d.pop("store", UNSET))

        timeline_item = cls(
            amount=amount,
            at=at,
            channel=channel,
            id=id,
            kind=kind,
            receipt_no=receipt_no,
            store=store,
        )

        timeline_item.additional_properties = d
        return timeline_item

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
