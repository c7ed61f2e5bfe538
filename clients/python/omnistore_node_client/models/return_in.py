from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.refund_in import RefundIn
    from ..models.return_line_in import ReturnLineIn


T = TypeVar("T", bound="ReturnIn")


@_attrs_define
class ReturnIn:
    """
    Attributes:
        id (str):
        lines (list[ReturnLineIn]):
        customer_id (None | str | Unset):
        manager_pin (None | str | Unset):
        reason (None | str | Unset):
        receipt_no (None | str | Unset):
        refunds (list[RefundIn] | None | Unset):
        sale_id (None | str | Unset):
    """

    id: str
    lines: list[ReturnLineIn]
    customer_id: None | str | Unset = UNSET
    manager_pin: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    receipt_no: None | str | Unset = UNSET
    refunds: list[RefundIn] | None | Unset = UNSET
    sale_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        manager_pin: None | str | Unset
        if isinstance(self.manager_pin, Unset):
            manager_pin = UNSET
        else:
            manager_pin = self.manager_pin

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        receipt_no: None | str | Unset
        if isinstance(self.receipt_no, Unset):
            receipt_no = UNSET
        else:
            receipt_no = self.receipt_no

        refunds: list[dict[str, Any]] | None | Unset
        if isinstance(self.refunds, Unset):
            refunds = UNSET
        elif isinstance(self.refunds, list):
            refunds = []
            for refunds_type_0_item_data in self.refunds:
                refunds_type_0_item = refunds_type_0_item_data.to_dict()
                refunds.append(refunds_type_0_item)

        else:
            refunds = self.refunds

        sale_id: None | str | Unset
        if isinstance(self.sale_id, Unset):
            sale_id = UNSET
        else:
            sale_id = self.sale_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "lines": lines,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if manager_pin is not UNSET:
            field_dict["manager_pin"] = manager_pin
        if reason is not UNSET:
            field_dict["reason"] = reason
        if receipt_no is not UNSET:
            field_dict["receipt_no"] = receipt_no
        if refunds is not UNSET:
            field_dict["refunds"] = refunds
        if sale_id is not UNSET:
            field_dict["sale_id"] = sale_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.refund_in import RefundIn  # noqa: PLC0415
        from ..models.return_line_in import ReturnLineIn  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ReturnLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        def _parse_manager_pin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        manager_pin = _parse_manager_pin(d.pop("manager_pin", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_receipt_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        receipt_no = _parse_receipt_no(d.pop("receipt_no", UNSET))

        def _parse_refunds(data: object) -> list[RefundIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                refunds_type_0 = []
                _refunds_type_0 = data
                for refunds_type_0_item_data in _refunds_type_0:
                    refunds_type_0_item = RefundIn.from_dict(refunds_type_0_item_data)

                    refunds_type_0.append(refunds_type_0_item)

                return refunds_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RefundIn] | None | Unset, data)

        refunds = _parse_refunds(d.pop("refunds", UNSET))

        def _parse_sale_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sale_id = _parse_sale_id(d.pop("sale_id", UNSET))

        return_in = cls(
            id=id,
            lines=lines,
            customer_id=customer_id,
            manager_pin=manager_pin,
            reason=reason,
            receipt_no=receipt_no,
            refunds=refunds,
            sale_id=sale_id,
        )

        return return_in
