from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.quoted_line import QuotedLine


T = TypeVar("T", bound="BasketQuoteOut")


@_attrs_define
class BasketQuoteOut:
    """Each line's paid total and its discounts, the basket total, and whether a manager
    must approve (a manual discount over the cap, a price override).

        Attributes:
            lines (list[QuotedLine]):
            needs_manager (bool):
            total (int):
    """

    lines: list[QuotedLine]
    needs_manager: bool
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        needs_manager = self.needs_manager

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lines": lines,
                "needs_manager": needs_manager,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quoted_line import QuotedLine  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = QuotedLine.from_dict(lines_item_data)

            lines.append(lines_item)

        needs_manager = d.pop("needs_manager")

        total = d.pop("total")

        basket_quote_out = cls(
            lines=lines,
            needs_manager=needs_manager,
            total=total,
        )

        basket_quote_out.additional_properties = d
        return basket_quote_out

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
