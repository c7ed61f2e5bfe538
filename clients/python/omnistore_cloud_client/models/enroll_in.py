from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EnrollIn")


@_attrs_define
class EnrollIn:
    """
    Attributes:
        public_key (str):
        store (str):
        token (str):
    """

    public_key: str
    store: str
    token: str

    def to_dict(self) -> dict[str, Any]:
        public_key = self.public_key

        store = self.store

        token = self.token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "public_key": public_key,
                "store": store,
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        public_key = d.pop("public_key")

        store = d.pop("store")

        token = d.pop("token")

        enroll_in = cls(
            public_key=public_key,
            store=store,
            token=token,
        )

        return enroll_in
