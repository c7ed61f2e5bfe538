from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.customer import Customer
    from ..models.points_entry import PointsEntry
    from ..models.timeline_item import TimelineItem


T = TypeVar("T", bound="Export")


@_attrs_define
class Export:
    """
    Attributes:
        customer (Customer):
        merged (list[Customer]):
        points (list[PointsEntry]):
        timeline (list[TimelineItem]):
    """

    customer: Customer
    merged: list[Customer]
    points: list[PointsEntry]
    timeline: list[TimelineItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer = self.customer.to_dict()

        merged = []
        for merged_item_data in self.merged:
            merged_item = merged_item_data.to_dict()
            merged.append(merged_item)

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        timeline = []
        for timeline_item_data in self.timeline:
            timeline_item = timeline_item_data.to_dict()
            timeline.append(timeline_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer": customer,
                "merged": merged,
                "points": points,
                "timeline": timeline,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer import Customer  # noqa: PLC0415
        from ..models.points_entry import PointsEntry  # noqa: PLC0415
        from ..models.timeline_item import TimelineItem  # noqa: PLC0415

        d = dict(src_dict)
        customer = Customer.from_dict(d.pop("customer"))

        merged = []
        _merged = d.pop("merged")
        for merged_item_data in _merged:
            merged_item = Customer.from_dict(merged_item_data)

            merged.append(merged_item)

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = PointsEntry.from_dict(points_item_data)

            points.append(points_item)

        timeline = []
        _timeline = d.pop("timeline")
        for timeline_item_data in _timeline:
            timeline_item = TimelineItem.from_dict(timeline_item_data)

            timeline.append(timeline_item)

        export = cls(
            customer=customer,
            merged=merged,
            points=points,
            timeline=timeline,
        )

        export.additional_properties = d
        return export

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
