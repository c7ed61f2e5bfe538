from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
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
    """

    id: str
    lines: list[SaleLineInType0 | SaleLineInType1]
    payments: list[PaymentIn]

    def to_dict(self) -> dict[str, Any]:
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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "lines": lines,
                "payments": payments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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

        sale_in = cls(
            id=id,
            lines=lines,
            payments=payments,
        )

        return sale_in
