from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transfer_line_in import TransferLineIn


T = TypeVar("T", bound="TransferIn")


@_attrs_define
class TransferIn:
    """A request to move stock from one store to another.

    Attributes:
        from_ (str):
        id (str):
        lines (list[TransferLineIn]):
        to (str):
        note (None | str | Unset):
    """

    from_: str
    id: str
    lines: list[TransferLineIn]
    to: str
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        to = self.to

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "from": from_,
                "id": id,
                "lines": lines,
                "to": to,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transfer_line_in import TransferLineIn  # noqa: PLC0415

        d = dict(src_dict)
        from_ = d.pop("from")

        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = TransferLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        to = d.pop("to")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        transfer_in = cls(
            from_=from_,
            id=id,
            lines=lines,
            to=to,
            note=note,
        )

        return transfer_in
