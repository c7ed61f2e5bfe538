from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event import Event


T = TypeVar("T", bound="PushIn")


@_attrs_define
class PushIn:
    """
    Attributes:
        events (list[Event]):
        clock_offset_s (float | Unset):  Default: 0.0.
    """

    events: list[Event]
    clock_offset_s: float | Unset = 0.0

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        clock_offset_s = self.clock_offset_s

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "events": events,
            }
        )
        if clock_offset_s is not UNSET:
            field_dict["clock_offset_s"] = clock_offset_s

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event import Event  # noqa: PLC0415

        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = Event.from_dict(events_item_data)

            events.append(events_item)

        clock_offset_s = d.pop("clock_offset_s", UNSET)

        push_in = cls(
            events=events,
            clock_offset_s=clock_offset_s,
        )

        return push_in
