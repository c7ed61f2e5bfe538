from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Till")


@_attrs_define
class Till:
    """A till the store knows: enrolled once with a manager's approval.

    Attributes:
        enrolled_at (datetime.datetime):
        enrolled_by (str):
        name (str):
        register (str):
        last_seen (datetime.datetime | None | Unset):
    """

    enrolled_at: datetime.datetime
    enrolled_by: str
    name: str
    register: str
    last_seen: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enrolled_at = self.enrolled_at.isoformat()

        enrolled_by = self.enrolled_by

        name = self.name

        register = self.register

        last_seen: None | str | Unset
        if isinstance(self.last_seen, Unset):
            last_seen = UNSET
        elif isinstance(self.last_seen, datetime.datetime):
            last_seen = self.last_seen.isoformat()
        else:
            last_seen = self.last_seen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enrolled_at": enrolled_at,
                "enrolled_by": enrolled_by,
                "name": name,
                "register": register,
            }
        )
        if last_seen is not UNSET:
            field_dict["last_seen"] = last_seen

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enrolled_at = datetime.datetime.fromisoformat(d.pop("enrolled_at"))

        enrolled_by = d.pop("enrolled_by")

        name = d.pop("name")

        register = d.pop("register")

        def _parse_last_seen(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_seen_type_0 = datetime.datetime.fromisoformat(data)

                return last_seen_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_seen = _parse_last_seen(d.pop("last_seen", UNSET))

        till = cls(
            enrolled_at=enrolled_at,
            enrolled_by=enrolled_by,
            name=name,
            register=register,
            last_seen=last_seen,
        )

        till.additional_properties = d
        return till

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
