from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.event_kind import EventKind

if TYPE_CHECKING:
    from ..models.event_body import EventBody


T = TypeVar("T", bound="Event")


@_attrs_define
class Event:
    """One outbox entry: `id` is the idempotency key the cloud keeps for ever.

    Attributes:
        body (EventBody):
        device_time (datetime.datetime):
        hlc (str):
        id (str):
        kind (EventKind):
        occurred_at (datetime.datetime):
    """

    body: EventBody
    device_time: datetime.datetime
    hlc: str
    id: str
    kind: EventKind
    occurred_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        body = self.body.to_dict()

        device_time = self.device_time.isoformat()

        hlc = self.hlc

        id = self.id

        kind = self.kind.value

        occurred_at = self.occurred_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
                "device_time": device_time,
                "hlc": hlc,
                "id": id,
                "kind": kind,
                "occurred_at": occurred_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_body import EventBody  # noqa: PLC0415

        d = dict(src_dict)
        body = EventBody.from_dict(d.pop("body"))

        device_time = datetime.datetime.fromisoformat(d.pop("device_time"))

        hlc = d.pop("hlc")

        id = d.pop("id")

        kind = EventKind(d.pop("kind"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        event = cls(
            body=body,
            device_time=device_time,
            hlc=hlc,
            id=id,
            kind=kind,
            occurred_at=occurred_at,
        )

        return event
