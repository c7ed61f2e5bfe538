from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.promotion_in_kind import PromotionInKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.promotion_in_params import PromotionInParams


T = TypeVar("T", bound="PromotionIn")


@_attrs_define
class PromotionIn:
    """
    Attributes:
        kind (PromotionInKind):
        name (str):
        params (PromotionInParams):
        starts_at (datetime.datetime):
        categories (list[str] | None | Unset):
        coupon (None | str | Unset):
        ends_at (datetime.datetime | None | Unset):
        members_only (bool | Unset):  Default: False.
        priority (int | Unset):  Default: 0.
        skus (list[str] | None | Unset):
        stackable (bool | Unset):  Default: False.
        stores (list[str] | None | Unset):
    """

    kind: PromotionInKind
    name: str
    params: PromotionInParams
    starts_at: datetime.datetime
    categories: list[str] | None | Unset = UNSET
    coupon: None | str | Unset = UNSET
    ends_at: datetime.datetime | None | Unset = UNSET
    members_only: bool | Unset = False
    priority: int | Unset = 0
    skus: list[str] | None | Unset = UNSET
    stackable: bool | Unset = False
    stores: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        params = self.params.to_dict()

        starts_at = self.starts_at.isoformat()

        categories: list[str] | None | Unset
        if isinstance(self.categories, Unset):
            categories = UNSET
        elif isinstance(self.categories, list):
            categories = self.categories

        else:
            categories = self.categories

        coupon: None | str | Unset
        if isinstance(self.coupon, Unset):
            coupon = UNSET
        else:
            coupon = self.coupon

        ends_at: None | str | Unset
        if isinstance(self.ends_at, Unset):
            ends_at = UNSET
        elif isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        members_only = self.members_only

        priority = self.priority

        skus: list[str] | None | Unset
        if isinstance(self.skus, Unset):
            skus = UNSET
        elif isinstance(self.skus, list):
            skus = self.skus

        else:
            skus = self.skus

        stackable = self.stackable

        stores: list[str] | None | Unset
        if isinstance(self.stores, Unset):
            stores = UNSET
        elif isinstance(self.stores, list):
            stores = self.stores

        else:
            stores = self.stores

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
                "params": params,
                "starts_at": starts_at,
            }
        )
        if categories is not UNSET:
            field_dict["categories"] = categories
        if coupon is not UNSET:
            field_dict["coupon"] = coupon
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if members_only is not UNSET:
            field_dict["members_only"] = members_only
        if priority is not UNSET:
            field_dict["priority"] = priority
        if skus is not UNSET:
            field_dict["skus"] = skus
        if stackable is not UNSET:
            field_dict["stackable"] = stackable
        if stores is not UNSET:
            field_dict["stores"] = stores

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.promotion_in_params import PromotionInParams  # noqa: PLC0415

        d = dict(src_dict)
        kind = PromotionInKind(d.pop("kind"))

        name = d.pop("name")

        params = PromotionInParams.from_dict(d.pop("params"))

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        def _parse_categories(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                categories_type_0 = cast(list[str], data)

                return categories_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        categories = _parse_categories(d.pop("categories", UNSET))

        def _parse_coupon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coupon = _parse_coupon(d.pop("coupon", UNSET))

        def _parse_ends_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ends_at = _parse_ends_at(d.pop("ends_at", UNSET))

        members_only = d.pop("members_only", UNSET)

        priority = d.pop("priority", UNSET)

        def _parse_skus(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                skus_type_0 = cast(list[str], data)

                return skus_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        skus = _parse_skus(d.pop("skus", UNSET))

        stackable = d.pop("stackable", UNSET)

        def _parse_stores(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stores_type_0 = cast(list[str], data)

                return stores_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        stores = _parse_stores(d.pop("stores", UNSET))

        promotion_in = cls(
            kind=kind,
            name=name,
            params=params,
            starts_at=starts_at,
            categories=categories,
            coupon=coupon,
            ends_at=ends_at,
            members_only=members_only,
            priority=priority,
            skus=skus,
            stackable=stackable,
            stores=stores,
        )

        return promotion_in
