from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StorePlaceIn")


@_attrs_define
class StorePlaceIn:
    """A store's name, where it is (both coordinates or neither) and its time zone.

    Attributes:
        name (str):
        lat (float | None | Unset):
        lon (float | None | Unset):
        tz (str | Unset):  Default: 'UTC'.
    """

    name: str
    lat: float | None | Unset = UNSET
    lon: float | None | Unset = UNSET
    tz: str | Unset = "UTC"

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        lat: float | None | Unset
        if isinstance(self.lat, Unset):
            lat = UNSET
        else:
            lat = self.lat

        lon: float | None | Unset
        if isinstance(self.lon, Unset):
            lon = UNSET
        else:
            lon = self.lon

        tz = self.tz

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if lat is not UNSET:
            field_dict["lat"] = lat
        if lon is not UNSET:
            field_dict["lon"] = lon
        if tz is not UNSET:
            field_dict["tz"] = tz

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_lat(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        lat = _parse_lat(d.pop("lat", UNSET))

        def _parse_lon(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        lon = _parse_lon(d.pop("lon", UNSET))

        tz = d.pop("tz", UNSET)

        store_place_in = cls(
            name=name,
            lat=lat,
            lon=lon,
            tz=tz,
        )

        return store_place_in
