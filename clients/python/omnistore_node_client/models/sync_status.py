from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rejected_event import RejectedEvent


T = TypeVar("T", bound="SyncStatus")


@_attrs_define
class SyncStatus:
    """What `omnistore edge status --json` prints.

    Attributes:
        clock_offset_s (float):
        cursor (None | str):
        last_error (None | str):
        last_pull_at (None | str):
        last_push_at (None | str):
        online (bool):
        outbox_pending (int):
        rejected (int):
        rejected_events (list[RejectedEvent]):
        store (str):
    """

    clock_offset_s: float
    cursor: None | str
    last_error: None | str
    last_pull_at: None | str
    last_push_at: None | str
    online: bool
    outbox_pending: int
    rejected: int
    rejected_events: list[RejectedEvent]
    store: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clock_offset_s = self.clock_offset_s

        cursor: None | str
        cursor = self.cursor

        last_error: None | str
        last_error = self.last_error

        last_pull_at: None | str
        last_pull_at = self.last_pull_at

        last_push_at: None | str
        last_push_at = self.last_push_at

        online = self.online

        outbox_pending = self.outbox_pending

        rejected = self.rejected

        rejected_events = []
        for rejected_events_item_data in self.rejected_events:
            rejected_events_item = rejected_events_item_data.to_dict()
            rejected_events.append(rejected_events_item)

        store = self.store

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clock_offset_s": clock_offset_s,
                "cursor": cursor,
                "last_error": last_error,
                "last_pull_at": last_pull_at,
                "last_push_at": last_push_at,
                "online": online,
                "outbox_pending": outbox_pending,
                "rejected": rejected,
                "rejected_events": rejected_events,
                "store": store,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rejected_event import RejectedEvent  # noqa: PLC0415

        d = dict(src_dict)
        clock_offset_s = d.pop("clock_offset_s")

        def _parse_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cursor = _parse_cursor(d.pop("cursor"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_last_pull_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_pull_at = _parse_last_pull_at(d.pop("last_pull_at"))

        def _parse_last_push_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_push_at = _parse_last_push_at(d.pop("last_push_at"))

        online = d.pop("online")

        outbox_pending = d.pop("outbox_pending")

        rejected = d.pop("rejected")

        rejected_events = []
        _rejected_events = d.pop("rejected_events")
        for rejected_events_item_data in _rejected_events:
            rejected_events_item = RejectedEvent.from_dict(rejected_events_item_data)

            rejected_events.append(rejected_events_item)

        store = d.pop("store")

        sync_status = cls(
            clock_offset_s=clock_offset_s,
            cursor=cursor,
            last_error=last_error,
            last_pull_at=last_pull_at,
            last_push_at=last_push_at,
            online=online,
            outbox_pending=outbox_pending,
            rejected=rejected,
            rejected_events=rejected_events,
            store=store,
        )

        sync_status.additional_properties = d
        return sync_status

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
