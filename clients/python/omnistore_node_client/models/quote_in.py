from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.return_line_in import ReturnLineIn


T = TypeVar("T", bound="QuoteIn")


@_attrs_define
class QuoteIn:
    """
    Attributes:
        lines (list[ReturnLineIn]):
        sale_id (None | str | Unset):
    """

    lines: list[ReturnLineIn]
    sale_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        sale_id: None | str | Unset
        if isinstance(self.sale_id, Unset):
            sale_id = UNSET
        else:
            sale_id = self.sale_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
            }
        )
        if sale_id is not UNSET:
            field_dict["sale_id"] = sale_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.return_line_in import ReturnLineIn  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReturnLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_sale_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sale_id = _parse_sale_id(d.pop("sale_id", UNSET))

        quote_in = cls(
            lines=lines,
            sale_id=sale_id,
        )

        return quote_in
