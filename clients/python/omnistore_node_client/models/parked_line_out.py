from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.manual_discount import ManualDiscount
    from ..models.price_override import PriceOverride


T = TypeVar("T", bound="ParkedLineOut")


@_attrs_define
class ParkedLineOut:
    """A parked line as the node answers it (a discount's unused half is null here).

    Attributes:
        name (str):
        qty (int):
        sku (str):
        unit_price (int):
        vat_rate_bp (int):
        barcode (None | str | Unset):
        discount (ManualDiscount | None | Unset):
        override (None | PriceOverride | Unset):
        price_per_kg (int | None | Unset):
        weight_g (int | None | Unset):
    """

    name: str
    qty: int
    sku: str
    unit_price: int
    vat_rate_bp: int
    barcode: None | str | Unset = UNSET
    discount: ManualDiscount | None | Unset = UNSET
    override: None | PriceOverride | Unset = UNSET
    price_per_kg: int | None | Unset = UNSET
    weight_g: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.manual_discount import ManualDiscount  # noqa: PLC0415
        from ..models.price_override import PriceOverride  # noqa: PLC0415

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
        elif isinstance(self.discount, ManualDiscount):
            discount = self.discount.to_dict()
        else:
            discount = self.discount

        override: dict[str, Any] | None | Unset
        if isinstance(self.override, Unset):
            override = UNSET
        elif isinstance(self.override, PriceOverride):
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
        field_dict.update(self.additional_properties)
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
        from ..models.manual_discount import ManualDiscount  # noqa: PLC0415
        from ..models.price_override import PriceOverride  # noqa: PLC0415

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

        def _parse_override(data: object) -> None | PriceOverride | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_0 = PriceOverride.from_dict(data)

                return override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PriceOverride | Unset, data)

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

        parked_line_out = cls(
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

        parked_line_out.additional_properties = d
        return parked_line_out

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
