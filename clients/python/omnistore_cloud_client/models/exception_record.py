from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.exception_record_kind import ExceptionRecordKind

T = TypeVar("T", bound="ExceptionRecord")


@_attrs_define
class ExceptionRecord:
    """
    Attributes:
        created_at (datetime.datetime):
        detail (str):
        id (str):
        kind (ExceptionRecordKind):
        ref (str):
        store (str):
    """

    created_at: datetime.datetime
    detail: str
    id: str
    kind: ExceptionRecordKind
    ref: str
    store: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        detail = self.detail

        id = self.id

        kind = self.kind.value

        ref = self.ref

        store = self.store

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "detail": detail,
                "id": id,
                "kind": kind,
                "ref": ref,
                "store": store,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        detail = d.pop("detail")

        id = d.pop("id")

        kind = ExceptionRecordKind(d.pop("kind"))

        ref = d.pop("ref")

        store = d.pop("store")

        exception_record = cls(
            created_at=created_at,
            detail=detail,
            id=id,
            kind=kind,
            ref=ref,
            store=store,
        )

        exception_record.additional_properties = d
        return exception_record

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
