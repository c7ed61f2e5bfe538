from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.manual_discount_in_type_0 import ManualDiscountInType0
    from ..models.manual_discount_in_type_1 import ManualDiscountInType1
    from ..models.payment_in import PaymentIn
    from ..models.sale_line_in_type_0 import SaleLineInType0
    from ..models.sale_line_in_type_1 import SaleLineInType1


T = TypeVar("T", bound="SaleIn")


@_attrs_define
class SaleIn:
    """
    Attributes:
        id (str):
        lines (list[SaleLineInType0 | SaleLineInType1]):
        payments (list[PaymentIn]):
        coupons (list[str] | Unset):
        customer_id (None | str | Unset):
        discount (ManualDiscountInType0 | ManualDiscountInType1 | None | Unset):
        manager_pin (None | str | Unset):
    """

    id: str
    lines: list[SaleLineInType0 | SaleLineInType1]
    payments: list[PaymentIn]
    coupons: list[str] | Unset = UNSET
    customer_id: None | str | Unset = UNSET
    discount: ManualDiscountInType0 | ManualDiscountInType1 | None | Unset = UNSET
    manager_pin: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.manual_discount_in_type_0 import ManualDiscountInType0  # noqa: PLC0415
        from ..models.manual_discount_in_type_1 import ManualDiscountInType1  # noqa: PLC0415
        from ..models.sale_line_in_type_0 import SaleLineInType0  # noqa: PLC0415

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item: dict[str, Any]
            if isinstance(lines_item_data, SaleLineInType0):
                lines_item = lines_item_data.to_dict()
            else:
                lines_item = lines_item_data.to_dict()

            lines.append(lines_item)

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

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
        elif isinstance(self.discount, ManualDiscountInType0):
            discount = self.discount.to_dict()
        elif isinstance(self.discount, ManualDiscountInType1):
            discount = self.discount.to_dict()
        else:
            discount = self.discount

        manager_pin: None | str | Unset
        if isinstance(self.manager_pin, Unset):
            manager_pin = UNSET
        else:
            manager_pin = self.manager_pin

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "lines": lines,
                "payments": payments,
            }
        )
        if coupons is not UNSET:
            field_dict["coupons"] = coupons
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if discount is not UNSET:
            field_dict["discount"] = discount
        if manager_pin is not UNSET:
            field_dict["manager_pin"] = manager_pin

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.manual_discount_in_type_0 import ManualDiscountInType0  # noqa: PLC0415
        from ..models.manual_discount_in_type_1 import ManualDiscountInType1  # noqa: PLC0415
        from ..models.payment_in import PaymentIn  # noqa: PLC0415
        from ..models.sale_line_in_type_0 import SaleLineInType0  # noqa: PLC0415
        from ..models.sale_line_in_type_1 import SaleLineInType1  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:

            def _parse_lines_item(data: object) -> SaleLineInType0 | SaleLineInType1:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_sale_line_in_type_0 = SaleLineInType0.from_dict(
                        data
                    )

                    return componentsschemas_sale_line_in_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_sale_line_in_type_1 = SaleLineInType1.from_dict(data)

                return componentsschemas_sale_line_in_type_1

            lines_item = _parse_lines_item(lines_item_data)

            lines.append(lines_item)

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = PaymentIn.from_dict(payments_item_data)

            payments.append(payments_item)

        coupons = cast(list[str], d.pop("coupons", UNSET))

        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

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

        def _parse_manager_pin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        manager_pin = _parse_manager_pin(d.pop("manager_pin", UNSET))

        sale_in = cls(
            id=id,
            lines=lines,
            payments=payments,
            coupons=coupons,
            customer_id=customer_id,
            discount=discount,
            manager_pin=manager_pin,
        )

        return sale_in
