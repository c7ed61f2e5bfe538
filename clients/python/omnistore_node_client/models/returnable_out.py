from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.returnable_out_left import ReturnableOutLeft
    from ..models.returnable_out_returned import ReturnableOutReturned
    from ..models.sale import Sale


T = TypeVar("T", bound="ReturnableOut")


@_attrs_define
class ReturnableOut:
    """A sale to take a return against (this store's or, through the cloud, another's) and,
    per SKU, what was returned and what may still come back.

        Attributes:
            left (ReturnableOutLeft):
            returned (ReturnableOutReturned):
            sale (Sale):
    """

    left: ReturnableOutLeft
    returned: ReturnableOutReturned
    sale: Sale
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        left = self.left.to_dict()

        returned = self.returned.to_dict()

        sale = self.sale.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "left": left,
                "returned": returned,
                "sale": sale,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.returnable_out_left import ReturnableOutLeft  # noqa: PLC0415
        from ..models.returnable_out_returned import ReturnableOutReturned  # noqa: PLC0415
        from ..models.sale import Sale  # noqa: PLC0415

        d = dict(src_dict)
        left = ReturnableOutLeft.from_dict(d.pop("left"))

        returned = ReturnableOutReturned.from_dict(d.pop("returned"))

        sale = Sale.from_dict(d.pop("sale"))

        returnable_out = cls(
            left=left,
            returned=returned,
            sale=sale,
        )

        returnable_out.additional_properties = d
        return returnable_out

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
