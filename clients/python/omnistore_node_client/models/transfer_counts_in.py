from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.transfer_count_in import TransferCountIn


T = TypeVar("T", bound="TransferCountsIn")


@_attrs_define
class TransferCountsIn:
    """What was shipped or what arrived, per SKU (a SKU not listed counts 0).

    Attributes:
        lines (list[TransferCountIn]):
    """

    lines: list[TransferCountIn]

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transfer_count_in import TransferCountIn  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = TransferCountIn.from_dict(lines_item_data)

            lines.append(lines_item)

        transfer_counts_in = cls(
            lines=lines,
        )

        return transfer_counts_in
