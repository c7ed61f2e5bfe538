from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StockCountIn")


@_attrs_define
class StockCountIn:
    """A shelf count at the store: the node turns it into a correcting `count` movement
    relative to the movements its ledger holds at that moment, never to a clock.

        Attributes:
            counted (int):
            id (str):
            note (None | str | Unset):
    """

    counted: int
    id: str
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        counted = self.counted

        id = self.id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "counted": counted,
                "id": id,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        counted = d.pop("counted")

        id = d.pop("id")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        stock_count_in = cls(
            counted=counted,
            id=id,
            note=note,
        )

        return stock_count_in
