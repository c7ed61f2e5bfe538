from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.returnable_sale import ReturnableSale
    from ..models.sale_lookup_points_back import SaleLookupPointsBack
    from ..models.sale_lookup_returned import SaleLookupReturned


T = TypeVar("T", bound="SaleLookup")


@_attrs_define
class SaleLookup:
    """A sale of any store, reduced to what a return needs, and the units already returned
    against it in every store, per SKU.

        Attributes:
            returned (SaleLookupReturned):
            sale (ReturnableSale): Only what another store needs to take a return of a sale: no cashier, no card
                references.
            points_back (SaleLookupPointsBack | Unset):
    """

    returned: SaleLookupReturned
    sale: ReturnableSale
    points_back: SaleLookupPointsBack | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        returned = self.returned.to_dict()

        sale = self.sale.to_dict()

        points_back: dict[str, Any] | Unset = UNSET
        if not isinstance(self.points_back, Unset):
            points_back = self.points_back.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "returned": returned,
                "sale": sale,
            }
        )
        if points_back is not UNSET:
            field_dict["points_back"] = points_back

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.returnable_sale import ReturnableSale  # noqa: PLC0415
        from ..models.sale_lookup_points_back import SaleLookupPointsBack  # noqa: PLC0415
        from ..models.sale_lookup_returned import SaleLookupReturned  # noqa: PLC0415

        d = dict(src_dict)
        returned = SaleLookupReturned.from_dict(d.pop("returned"))

        sale = ReturnableSale.from_dict(d.pop("sale"))

        _points_back = d.pop("points_back", UNSET)
        points_back: SaleLookupPointsBack | Unset
        if isinstance(_points_back, Unset):
            points_back = UNSET
        else:
            points_back = SaleLookupPointsBack.from_dict(_points_back)

        sale_lookup = cls(
            returned=returned,
            sale=sale,
            points_back=points_back,
        )

        sale_lookup.additional_properties = d
        return sale_lookup

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
