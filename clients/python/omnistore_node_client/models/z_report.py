from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tender_total import TenderTotal
    from ..models.vat_summary import VatSummary


T = TypeVar("T", bound="ZReport")


@_attrs_define
class ZReport:
    """The end-of-shift report: what was sold, refunded and voided, and whether the
    cash in the drawer matches what should be there.

        Attributes:
            cashier (str):
            expected_cash (int):
            float_amount (int):
            net_total (int):
            opened_at (datetime.datetime):
            register (str):
            returns_count (int):
            returns_total (int):
            sales_count (int):
            sales_total (int):
            shift_id (str):
            store (str):
            tenders (list[TenderTotal]):
            vat (list[VatSummary]):
            voids_count (int):
            voids_total (int):
            closed_at (datetime.datetime | None | Unset):
            counted_cash (int | None | Unset):
            difference (int | None | Unset):
    """

    cashier: str
    expected_cash: int
    float_amount: int
    net_total: int
    opened_at: datetime.datetime
    register: str
    returns_count: int
    returns_total: int
    sales_count: int
    sales_total: int
    shift_id: str
    store: str
    tenders: list[TenderTotal]
    vat: list[VatSummary]
    voids_count: int
    voids_total: int
    closed_at: datetime.datetime | None | Unset = UNSET
    counted_cash: int | None | Unset = UNSET
    difference: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cashier = self.cashier

        expected_cash = self.expected_cash

        float_amount = self.float_amount

        net_total = self.net_total

        opened_at = self.opened_at.isoformat()

        register = self.register

        returns_count = self.returns_count

        returns_total = self.returns_total

        sales_count = self.sales_count

        sales_total = self.sales_total

        shift_id = self.shift_id

        store = self.store

        tenders = []
        for tenders_item_data in self.tenders:
            tenders_item = tenders_item_data.to_dict()
            tenders.append(tenders_item)

        vat = []
        for vat_item_data in self.vat:
            vat_item = vat_item_data.to_dict()
            vat.append(vat_item)

        voids_count = self.voids_count

        voids_total = self.voids_total

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        counted_cash: int | None | Unset
        if isinstance(self.counted_cash, Unset):
            counted_cash = UNSET
        else:
            counted_cash = self.counted_cash

        difference: int | None | Unset
        if isinstance(self.difference, Unset):
            difference = UNSET
        else:
            difference = self.difference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cashier": cashier,
                "expected_cash": expected_cash,
                "float_amount": float_amount,
                "net_total": net_total,
                "opened_at": opened_at,
                "register": register,
                "returns_count": returns_count,
                "returns_total": returns_total,
                "sales_count": sales_count,
                "sales_total": sales_total,
                "shift_id": shift_id,
                "store": store,
                "tenders": tenders,
                "vat": vat,
                "voids_count": voids_count,
                "voids_total": voids_total,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if counted_cash is not UNSET:
            field_dict["counted_cash"] = counted_cash
        if difference is not UNSET:
            field_dict["difference"] = difference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tender_total import TenderTotal  # noqa: PLC0415
        from ..models.vat_summary import VatSummary  # noqa: PLC0415

        d = dict(src_dict)
        cashier = d.pop("cashier")

        expected_cash = d.pop("expected_cash")

        float_amount = d.pop("float_amount")

        net_total = d.pop("net_total")

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        register = d.pop("register")

        returns_count = d.pop("returns_count")

        returns_total = d.pop("returns_total")

        sales_count = d.pop("sales_count")

        sales_total = d.pop("sales_total")

        shift_id = d.pop("shift_id")

        store = d.pop("store")

        tenders = []
        _tenders = d.pop("tenders")
        for tenders_item_data in _tenders:
            tenders_item = TenderTotal.from_dict(tenders_item_data)

            tenders.append(tenders_item)

        vat = []
        _vat = d.pop("vat")
        for vat_item_data in _vat:
            vat_item = VatSummary.from_dict(vat_item_data)

            vat.append(vat_item)

        voids_count = d.pop("voids_count")

        voids_total = d.pop("voids_total")

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        def _parse_counted_cash(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        counted_cash = _parse_counted_cash(d.pop("counted_cash", UNSET))

        def _parse_difference(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        difference = _parse_difference(d.pop("difference", UNSET))

        z_report = cls(
            cashier=cashier,
            expected_cash=expected_cash,
            float_amount=float_amount,
            net_total=net_total,
            opened_at=opened_at,
            register=register,
            returns_count=returns_count,
            returns_total=returns_total,
            sales_count=sales_count,
            sales_total=sales_total,
            shift_id=shift_id,
            store=store,
            tenders=tenders,
            vat=vat,
            voids_count=voids_count,
            voids_total=voids_total,
            closed_at=closed_at,
            counted_cash=counted_cash,
            difference=difference,
        )

        z_report.additional_properties = d
        return z_report

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
