from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.manual_discount import ManualDiscount
    from ..models.parked_line_out import ParkedLineOut


T = TypeVar("T", bound="ParkedBasket")


@_attrs_define
class ParkedBasket:
    """A basket put aside on a register's open shift; its sale id stays its own.

    Attributes:
        cashier (str):
        lines (list[ParkedLineOut]):
        parked_at (datetime.datetime):
        register (str):
        sale_id (str):
        shift_id (str):
        coupons (list[str] | Unset):
        customer_id (None | str | Unset):
        discount (ManualDiscount | None | Unset):
    """

    cashier: str
    lines: list[ParkedLineOut]
    parked_at: datetime.datetime
    register: str
    sale_id: str
    shift_id: str
    coupons: list[str] | Unset = UNSET
    customer_id: None | str | Unset = UNSET
    discount: ManualDiscount | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.manual_discount import ManualDiscount  # noqa: PLC0415

        cashier = self.cashier

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        parked_at = self.parked_at.isoformat()

        register = self.register

        sale_id = self.sale_id

        shift_id = self.shift_id

        coupons: list[str] | Unset = UNSET
        if not isinstance(self.coupons, Unset):
            coupons = self.coupons

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        discount: dict[str, Any] | None | Unset
        if isinstance(self.discount, Unset):
            discount = UNSET
        elif isinstance(self.discount, ManualDiscount):
            discount = self.discount.to_dict()
        else:
            discount = self.discount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cashier": cashier,
                "lines": lines,
                "parked_at": parked_at,
                "register": register,
                "sale_id": sale_id,
                "shift_id": shift_id,
            }
        )
        if coupons is not UNSET:
            field_dict["coupons"] = coupons
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if discount is not UNSET:
            field_dict["discount"] = discount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.manual_discount import ManualDiscount  # noqa: PLC0415
        from ..models.parked_line_out import ParkedLineOut  # noqa: PLC0415

        d = dict(src_dict)
        cashier = d.pop("cashier")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ParkedLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        parked_at = datetime.datetime.fromisoformat(d.pop("parked_at"))

        register = d.pop("register")

        sale_id = d.pop("sale_id")

        shift_id = d.pop("shift_id")

        coupons = cast(list[str], d.pop("coupons", UNSET))

        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        def _parse_discount(data: object) -> ManualDiscount | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                discount_type_0 = ManualDiscount.from_dict(data)

                return discount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ManualDiscount | None | Unset, data)

        discount = _parse_discount(d.pop("discount", UNSET))

        parked_basket = cls(
            cashier=cashier,
            lines=lines,
            parked_at=parked_at,
            register=register,
            sale_id=sale_id,
            shift_id=shift_id,
            coupons=coupons,
            customer_id=customer_id,
            discount=discount,
        )

        parked_basket.additional_properties = d
        return parked_basket

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
