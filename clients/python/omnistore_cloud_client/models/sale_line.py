from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_discount import LineDiscount
    from ..models.manual_discount import ManualDiscount
    from ..models.price_override import PriceOverride


T = TypeVar("T", bound="SaleLine")


@_attrs_define
class SaleLine:
    """`unit_price` is the list price (the book's, or the override); `total` what the
    customer paid for the line after every discount, `discount` the difference.

        Attributes:
            qty (int):
            sku (str):
            total (int):
            unit_price (int):
            vat_rate_bp (int):
            barcode (None | str | Unset):
            discount (int | Unset):  Default: 0.
            discounts (list[LineDiscount] | Unset):
            manual_discount (ManualDiscount | None | Unset):
            name (str | Unset):  Default: ''.
            price_override (None | PriceOverride | Unset):
            promotions (list[str] | Unset):
    """

    qty: int
    sku: str
    total: int
    unit_price: int
    vat_rate_bp: int
    barcode: None | str | Unset = UNSET
    discount: int | Unset = 0
    discounts: list[LineDiscount] | Unset = UNSET
    manual_discount: ManualDiscount | None | Unset = UNSET
    name: str | Unset = ""
    price_override: None | PriceOverride | Unset = UNSET
    promotions: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.manual_discount import ManualDiscount  # noqa: PLC0415
        from ..models.price_override import PriceOverride  # noqa: PLC0415

        qty = self.qty

        sku = self.sku

        total = self.total

        unit_price = self.unit_price

        vat_rate_bp = self.vat_rate_bp

        barcode: None | str | Unset
        if isinstance(self.barcode, Unset):
            barcode = UNSET
        else:
            barcode = self.barcode

        discount = self.discount

        discounts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.discounts, Unset):
            discounts = []
            for discounts_item_data in self.discounts:
                discounts_item = discounts_item_data.to_dict()
                discounts.append(discounts_item)

        manual_discount: dict[str, Any] | None | Unset
        if isinstance(self.manual_discount, Unset):
            manual_discount = UNSET
        elif isinstance(self.manual_discount, ManualDiscount):
            manual_discount = self.manual_discount.to_dict()
        else:
            manual_discount = self.manual_discount

        name = self.name

        price_override: dict[str, Any] | None | Unset
        if isinstance(self.price_override, Unset):
            price_override = UNSET
        elif isinstance(self.price_override, PriceOverride):
            price_override = self.price_override.to_dict()
        else:
            price_override = self.price_override

        promotions: list[str] | Unset = UNSET
        if not isinstance(self.promotions, Unset):
            promotions = self.promotions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "qty": qty,
                "sku": sku,
                "total": total,
                "unit_price": unit_price,
                "vat_rate_bp": vat_rate_bp,
            }
        )
        if barcode is not UNSET:
            field_dict["barcode"] = barcode
        if discount is not UNSET:
            field_dict["discount"] = discount
        if discounts is not UNSET:
            field_dict["discounts"] = discounts
        if manual_discount is not UNSET:
            field_dict["manual_discount"] = manual_discount
        if name is not UNSET:
            field_dict["name"] = name
        if price_override is not UNSET:
            field_dict["price_override"] = price_override
        if promotions is not UNSET:
            field_dict["promotions"] = promotions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_discount import LineDiscount  # noqa: PLC0415
        from ..models.manual_discount import ManualDiscount  # noqa: PLC0415
        from ..models.price_override import PriceOverride  # noqa: PLC0415

        d = dict(src_dict)
        qty = d.pop("qty")

        sku = d.pop("sku")

        total = d.pop("total")

        unit_price = d.pop("unit_price")

        vat_rate_bp = d.pop("vat_rate_bp")

        def _parse_barcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        barcode = _parse_barcode(d.pop("barcode", UNSET))

        discount = d.pop("discount", UNSET)

        _discounts = d.pop("discounts", UNSET)
        discounts: list[LineDiscount] | Unset = UNSET
        if _discounts is not UNSET:
            discounts = []
            for discounts_item_data in _discounts:
                discounts_item = LineDiscount.from_dict(discounts_item_data)

                discounts.append(discounts_item)

        def _parse_manual_discount(data: object) -> ManualDiscount | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                manual_discount_type_0 = ManualDiscount.from_dict(data)

                return manual_discount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ManualDiscount | None | Unset, data)

        manual_discount = _parse_manual_discount(d.pop("manual_discount", UNSET))

        name = d.pop("name", UNSET)

        def _parse_price_override(data: object) -> None | PriceOverride | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                price_override_type_0 = PriceOverride.from_dict(data)

                return price_override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PriceOverride | Unset, data)

        price_override = _parse_price_override(d.pop("price_override", UNSET))

        promotions = cast(list[str], d.pop("promotions", UNSET))

        sale_line = cls(
            qty=qty,
            sku=sku,
            total=total,
            unit_price=unit_price,
            vat_rate_bp=vat_rate_bp,
            barcode=barcode,
            discount=discount,
            discounts=discounts,
            manual_discount=manual_discount,
            name=name,
            price_override=price_override,
            promotions=promotions,
        )

        sale_line.additional_properties = d
        return sale_line

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
