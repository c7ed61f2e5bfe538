from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.loyalty import Loyalty
    from ..models.manual_discount import ManualDiscount
    from ..models.payment import Payment
    from ..models.sale_line import SaleLine
    from ..models.vat_summary import VatSummary


T = TypeVar("T", bound="Sale")


@_attrs_define
class Sale:
    """
    Attributes:
        change (int):
        id (str):
        lines (list[SaleLine]):
        occurred_at (datetime.datetime):
        payments (list[Payment]):
        receipt_no (str):
        register (str):
        store (str):
        total (int):
        cashier (None | str | Unset):
        coupons (list[str] | Unset):
        customer_id (None | str | Unset):
        discount (ManualDiscount | None | Unset):
        loyalty (Loyalty | None | Unset):
        member (bool | Unset):  Default: False.
        vat (list[VatSummary] | Unset):
        voided (bool | Unset):  Default: False.
    """

    change: int
    id: str
    lines: list[SaleLine]
    occurred_at: datetime.datetime
    payments: list[Payment]
    receipt_no: str
    register: str
    store: str
    total: int
    cashier: None | str | Unset = UNSET
    coupons: list[str] | Unset = UNSET
    customer_id: None | str | Unset = UNSET
    discount: ManualDiscount | None | Unset = UNSET
    loyalty: Loyalty | None | Unset = UNSET
    member: bool | Unset = False
    vat: list[VatSummary] | Unset = UNSET
    voided: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.loyalty import Loyalty  # noqa: PLC0415
        from ..models.manual_discount import ManualDiscount  # noqa: PLC0415

        change = self.change

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        occurred_at = self.occurred_at.isoformat()

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        receipt_no = self.receipt_no

        register = self.register

        store = self.store

        total = self.total

        cashier: None | str | Unset
        if isinstance(self.cashier, Unset):
            cashier = UNSET
        else:
            cashier = self.cashier

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

        loyalty: dict[str, Any] | None | Unset
        if isinstance(self.loyalty, Unset):
            loyalty = UNSET
        elif isinstance(self.loyalty, Loyalty):
            loyalty = self.loyalty.to_dict()
        else:
            loyalty = self.loyalty

        member = self.member

        vat: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vat, Unset):
            vat = []
            for vat_item_data in self.vat:
                vat_item = vat_item_data.to_dict()
                vat.append(vat_item)

        voided = self.voided

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "change": change,
                "id": id,
                "lines": lines,
                "occurred_at": occurred_at,
                "payments": payments,
                "receipt_no": receipt_no,
                "register": register,
                "store": store,
                "total": total,
            }
        )
        if cashier is not UNSET:
            field_dict["cashier"] = cashier
        if coupons is not UNSET:
            field_dict["coupons"] = coupons
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if discount is not UNSET:
            field_dict["discount"] = discount
        if loyalty is not UNSET:
            field_dict["loyalty"] = loyalty
        if member is not UNSET:
            field_dict["member"] = member
        if vat is not UNSET:
            field_dict["vat"] = vat
        if voided is not UNSET:
            field_dict["voided"] = voided

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.loyalty import Loyalty  # noqa: PLC0415
        from ..models.manual_discount import ManualDiscount  # noqa: PLC0415
        from ..models.payment import Payment  # noqa: PLC0415
        from ..models.sale_line import SaleLine  # noqa: PLC0415
        from ..models.vat_summary import VatSummary  # noqa: PLC0415

        d = dict(src_dict)
        change = d.pop("change")

        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = SaleLine.from_dict(lines_item_data)

            lines.append(lines_item)

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = Payment.from_dict(payments_item_data)

            payments.append(payments_item)

        receipt_no = d.pop("receipt_no")

        register = d.pop("register")

        store = d.pop("store")

        total = d.pop("total")

        def _parse_cashier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cashier = _parse_cashier(d.pop("cashier", UNSET))

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

        def _parse_loyalty(data: object) -> Loyalty | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                loyalty_type_0 = Loyalty.from_dict(data)

                return loyalty_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Loyalty | None | Unset, data)

        loyalty = _parse_loyalty(d.pop("loyalty", UNSET))

        member = d.pop("member", UNSET)

        _vat = d.pop("vat", UNSET)
        vat: list[VatSummary] | Unset = UNSET
        if _vat is not UNSET:
            vat = []
            for vat_item_data in _vat:
                vat_item = VatSummary.from_dict(vat_item_data)

                vat.append(vat_item)

        voided = d.pop("voided", UNSET)

        sale = cls(
            change=change,
            id=id,
            lines=lines,
            occurred_at=occurred_at,
            payments=payments,
            receipt_no=receipt_no,
            register=register,
            store=store,
            total=total,
            cashier=cashier,
            coupons=coupons,
            customer_id=customer_id,
            discount=discount,
            loyalty=loyalty,
            member=member,
            vat=vat,
            voided=voided,
        )

        sale.additional_properties = d
        return sale

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
