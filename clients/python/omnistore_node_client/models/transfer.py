from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transfer_state import TransferState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transfer_line import TransferLine


T = TypeVar("T", bound="Transfer")


@_attrs_define
class Transfer:
    """A transfer as both sides store it; `in_transit` per line is shipped minus received
    while the goods travel. `queued` (node answers only): a request the node keeps in its
    outbox until the cloud is back.

        Attributes:
            created_at (datetime.datetime):
            from_ (str):
            id (str):
            lines (list[TransferLine]):
            state (TransferState):
            to (str):
            updated_at (datetime.datetime):
            note (None | str | Unset):
            queued (bool | Unset):  Default: False.
            received_at (datetime.datetime | None | Unset):
            shipped_at (datetime.datetime | None | Unset):
    """

    created_at: datetime.datetime
    from_: str
    id: str
    lines: list[TransferLine]
    state: TransferState
    to: str
    updated_at: datetime.datetime
    note: None | str | Unset = UNSET
    queued: bool | Unset = False
    received_at: datetime.datetime | None | Unset = UNSET
    shipped_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        from_ = self.from_

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        state = self.state.value

        to = self.to

        updated_at = self.updated_at.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        queued = self.queued

        received_at: None | str | Unset
        if isinstance(self.received_at, Unset):
            received_at = UNSET
        elif isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        shipped_at: None | str | Unset
        if isinstance(self.shipped_at, Unset):
            shipped_at = UNSET
        elif isinstance(self.shipped_at, datetime.datetime):
            shipped_at = self.shipped_at.isoformat()
        else:
            shipped_at = self.shipped_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "from": from_,
                "id": id,
                "lines": lines,
                "state": state,
                "to": to,
                "updated_at": updated_at,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if queued is not UNSET:
            field_dict["queued"] = queued
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if shipped_at is not UNSET:
            field_dict["shipped_at"] = shipped_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transfer_line import TransferLine  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        from_ = d.pop("from")

        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = TransferLine.from_dict(lines_item_data)

            lines.append(lines_item)

        state = TransferState(d.pop("state"))

        to = d.pop("to")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        queued = d.pop("queued", UNSET)

        def _parse_received_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = datetime.datetime.fromisoformat(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        received_at = _parse_received_at(d.pop("received_at", UNSET))

        def _parse_shipped_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                shipped_at_type_0 = datetime.datetime.fromisoformat(data)

                return shipped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        shipped_at = _parse_shipped_at(d.pop("shipped_at", UNSET))

        transfer = cls(
            created_at=created_at,
            from_=from_,
            id=id,
            lines=lines,
            state=state,
            to=to,
            updated_at=updated_at,
            note=note,
            queued=queued,
            received_at=received_at,
            shipped_at=shipped_at,
        )

        transfer.additional_properties = d
        return transfer

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
