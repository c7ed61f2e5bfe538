from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.manual_discount_in_type_0 import ManualDiscountInType0
    from ..models.manual_discount_in_type_1 import ManualDiscountInType1
    from ..models.price_override_in import PriceOverrideIn


T = TypeVar("T", bound="ParkedLine")


@_attrs_define
class ParkedLine:
    """A basket line as the till rang it up (price and name as shown to the customer).

    Attributes:
        name (str):
        qty (int):
        sku (str):
        unit_price (int):
        vat_rate_bp (int):
        barcode (None | str | Unset):
        discount (ManualDiscountInType0 | ManualDiscountInType1 | None | Unset):
        override (None | PriceOverrideIn | Unset):
        price_per_kg (int | None | Unset):
        weight_g (int | None | Unset):
    """

    name: str
    qty: int
    sku: str
    unit_price: int
    vat_rate_bp: int
    barcode: None | str | Unset = UNSET
    discount: ManualDiscountInType0 | ManualDiscountInType1 | None | Unset = UNSET
    override: None | PriceOverrideIn | Unset = UNSET
    price_per_kg: int | None | Unset = UNSET
    weight_g: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.manual_discount_in_type_0 import ManualDiscountInType0  # noqa: PLC0415
        from ..models.manual_discount_in_type_1 import ManualDiscountInType1  # noqa: PLC0415
        from ..models.price_override_in import PriceOverrideIn  # noqa: PLC0415

        name = self.name

        qty = self.qty

        sku = self.sku

        unit_price = self.unit_price

        vat_rate_bp = self.vat_rate_bp

        barcode: None | str | Unset
        if isinstance(self.barcode, Unset):
            barcode = UNSET
        else:
            barcode = self.barcode

        discount: dict[str, Any] | None | Unset
        if isinstance(self.discount, Unset):
            discount = UNSET
        elif isinstance(self.discount, ManualDiscountInType0):
            discount = self.discount.to_dict()
        elif isinstance(self.discount, ManualDiscountInType1):
            discount = self.discount.to_dict()
        else:
            discount = self.discount

        override: dict[str, Any] | None | Unset
        if isinstance(self.override, Unset):
            override = UNSET
        elif isinstance(self.override, PriceOverrideIn):
            override = self.override.to_dict()
        else:
            override = self.override

        price_per_kg: int | None | Unset
        if isinstance(self.price_per_kg, Unset):
            price_per_kg = UNSET
        else:
            price_per_kg = self.price_per_kg

        weight_g: int | None | Unset
        if isinstance(self.weight_g, Unset):
            weight_g = UNSET
        else:
            weight_g = self.weight_g

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "qty": qty,
                "sku": sku,
                "unit_price": unit_price,
                "vat_rate_bp": vat_rate_bp,
            }
        )
        if barcode is not UNSET:
            field_dict["barcode"] = barcode
        if discount is not UNSET:
            field_dict["discount"] = discount
        if override is not UNSET:
            field_dict["override"] = override
        if price_per_kg is not UNSET:
            field_dict["price_per_kg"] = price_per_kg
        if weight_g is not UNSET:
            field_dict["weight_g"] = weight_g

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.manual_discount_in_type_0 import ManualDiscountInType0  # noqa: PLC0415
        from ..models.manual_discount_in_type_1 import ManualDiscountInType1  # noqa: PLC0415
        from ..models.price_override_in import PriceOverrideIn  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        qty = d.pop("qty")

        sku = d.pop("sku")

        unit_price = d.pop("unit_price")

        vat_rate_bp = d.pop("vat_rate_bp")

        def _parse_barcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        barcode = _parse_barcode(d.pop("barcode", UNSET))

        def _parse_discount(
            data: object,
        ) -> ManualDiscountInType0 | ManualDiscountInType1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_manual_discount_in_type_0 = (
                    ManualDiscountInType0.from_dict(data)
                )

                return componentsschemas_manual_discount_in_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_manual_discount_in_type_1 = (
                    ManualDiscountInType1.from_dict(data)
                )

                return componentsschemas_manual_discount_in_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ManualDiscountInType0 | ManualDiscountInType1 | None | Unset, data
            )

        discount = _parse_discount(d.pop("discount", UNSET))

        def _parse_override(data: object) -> None | PriceOverrideIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_0 = PriceOverrideIn.from_dict(data)

                return override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PriceOverrideIn | Unset, data)

        override = _parse_override(d.pop("override", UNSET))

        def _parse_price_per_kg(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        price_per_kg = _parse_price_per_kg(d.pop("price_per_kg", UNSET))

        def _parse_weight_g(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        weight_g = _parse_weight_g(d.pop("weight_g", UNSET))

        parked_line = cls(
            name=name,
            qty=qty,
            sku=sku,
            unit_price=unit_price,
            vat_rate_bp=vat_rate_bp,
            barcode=barcode,
            discount=discount,
            override=override,
            price_per_kg=price_per_kg,
            weight_g=weight_g,
        )

        return parked_line
