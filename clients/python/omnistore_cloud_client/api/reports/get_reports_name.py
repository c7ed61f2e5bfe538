import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.get_reports_name_format import GetReportsNameFormat
from ...models.get_reports_name_name import GetReportsNameName
from ...models.get_reports_name_response_200 import GetReportsNameResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    name: GetReportsNameName,
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    store: str | Unset = UNSET,
    limit: int | Unset = 20,
    format_: GetReportsNameFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["store"] = store

    params["limit"] = limit

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/reports/{name}".format(
            name=quote(str(name), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | GetReportsNameResponse200 | None:
    if response.status_code == 200:
        response_200 = GetReportsNameResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ErrorBody.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | GetReportsNameResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: GetReportsNameName,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    store: str | Unset = UNSET,
    limit: int | Unset = 20,
    format_: GetReportsNameFormat | Unset = UNSET,
) -> Response[ErrorBody | GetReportsNameResponse200]:
    """A report over local days [from, to), for one store or all, as JSON or CSV

     400 `bad_range` when `to` is not after `from` or the range is over 366 days; 404 `unknown_store` for
    a store not registered. Amounts are in minor units and include VAT. Days are the store's local days;
    a range is [from, to): `from` included, `to` excluded. Voided sales count nowhere; returns count on
    the day and in the store they were taken back. Reports: `sales_by_store_day` (store, day, receipts,
    units, total): receipts: sales not voided; units: units sold minus units returned; total: sales
    minus returns. `sales_by_hour` (hour, receipts, units, total): The same figures per local hour of
    the day (0–23), over every selected store and day. `top_products` (sku, name, units, total):
    Products by total (sales minus returns), then units; `limit` rows (default 20). `basket_size`
    (store, receipts, items, value, items_per_receipt, value_per_receipt): Per store: items and value
    rung up on receipts (returns not subtracted), and their average per receipt (value half-up to the
    minor unit, items to 2 decimals). `tender_mix` (method, payments, amount, share_bp): Per tender:
    payments taken, amount kept (cash net of change, refunds subtracted) and its share of all tenders in
    basis points (10000 = 100 %). `discounts` (store, day, discount, sold_total): Per store and day:
    discounts given on sale lines (VAT included), and the sales they were given on. `promotions`
    (promotion, name, sales, units, discount, sold_total): Per promotion (and `manual` for manual
    discounts): sales with a line it discounted, the units on those lines, the discount it gave (VAT
    included) and what those lines sold for after every discount. Highest discount first; `limit` rows
    (default 20). Returns are not netted per promotion (they count in the other reports). `stock_cover`
    (store, sku, name, on_hand, units_per_day, cover_days): Per store and SKU: on hand now divided by
    the average net units sold per day over the range; empty when nothing sold. Lowest cover first.
    `sell_through` (store, sku, name, units, on_hand, sell_through_bp): Per store and SKU: net units
    sold over the range divided by those units plus on hand now, in basis points. Highest first.

    Args:
        name (GetReportsNameName):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        store (str | Unset):
        limit (int | Unset):  Default: 20.
        format_ (GetReportsNameFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | GetReportsNameResponse200]
    """

    kwargs = _get_kwargs(
        name=name,
        from_=from_,
        to=to,
        store=store,
        limit=limit,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: GetReportsNameName,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    store: str | Unset = UNSET,
    limit: int | Unset = 20,
    format_: GetReportsNameFormat | Unset = UNSET,
) -> ErrorBody | GetReportsNameResponse200 | None:
    """A report over local days [from, to), for one store or all, as JSON or CSV

     400 `bad_range` when `to` is not after `from` or the range is over 366 days; 404 `unknown_store` for
    a store not registered. Amounts are in minor units and include VAT. Days are the store's local days;
    a range is [from, to): `from` included, `to` excluded. Voided sales count nowhere; returns count on
    the day and in the store they were taken back. Reports: `sales_by_store_day` (store, day, receipts,
    units, total): receipts: sales not voided; units: units sold minus units returned; total: sales
    minus returns. `sales_by_hour` (hour, receipts, units, total): The same figures per local hour of
    the day (0–23), over every selected store and day. `top_products` (sku, name, units, total):
    Products by total (sales minus returns), then units; `limit` rows (default 20). `basket_size`
    (store, receipts, items, value, items_per_receipt, value_per_receipt): Per store: items and value
    rung up on receipts (returns not subtracted), and their average per receipt (value half-up to the
    minor unit, items to 2 decimals). `tender_mix` (method, payments, amount, share_bp): Per tender:
    payments taken, amount kept (cash net of change, refunds subtracted) and its share of all tenders in
    basis points (10000 = 100 %). `discounts` (store, day, discount, sold_total): Per store and day:
    discounts given on sale lines (VAT included), and the sales they were given on. `promotions`
    (promotion, name, sales, units, discount, sold_total): Per promotion (and `manual` for manual
    discounts): sales with a line it discounted, the units on those lines, the discount it gave (VAT
    included) and what those lines sold for after every discount. Highest discount first; `limit` rows
    (default 20). Returns are not netted per promotion (they count in the other reports). `stock_cover`
    (store, sku, name, on_hand, units_per_day, cover_days): Per store and SKU: on hand now divided by
    the average net units sold per day over the range; empty when nothing sold. Lowest cover first.
    `sell_through` (store, sku, name, units, on_hand, sell_through_bp): Per store and SKU: net units
    sold over the range divided by those units plus on hand now, in basis points. Highest first.

    Args:
        name (GetReportsNameName):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        store (str | Unset):
        limit (int | Unset):  Default: 20.
        format_ (GetReportsNameFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | GetReportsNameResponse200
    """

    return sync_detailed(
        name=name,
        client=client,
        from_=from_,
        to=to,
        store=store,
        limit=limit,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    name: GetReportsNameName,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    store: str | Unset = UNSET,
    limit: int | Unset = 20,
    format_: GetReportsNameFormat | Unset = UNSET,
) -> Response[ErrorBody | GetReportsNameResponse200]:
    """A report over local days [from, to), for one store or all, as JSON or CSV

     400 `bad_range` when `to` is not after `from` or the range is over 366 days; 404 `unknown_store` for
    a store not registered. Amounts are in minor units and include VAT. Days are the store's local days;
    a range is [from, to): `from` included, `to` excluded. Voided sales count nowhere; returns count on
    the day and in the store they were taken back. Reports: `sales_by_store_day` (store, day, receipts,
    units, total): receipts: sales not voided; units: units sold minus units returned; total: sales
    minus returns. `sales_by_hour` (hour, receipts, units, total): The same figures per local hour of
    the day (0–23), over every selected store and day. `top_products` (sku, name, units, total):
    Products by total (sales minus returns), then units; `limit` rows (default 20). `basket_size`
    (store, receipts, items, value, items_per_receipt, value_per_receipt): Per store: items and value
    rung up on receipts (returns not subtracted), and their average per receipt (value half-up to the
    minor unit, items to 2 decimals). `tender_mix` (method, payments, amount, share_bp): Per tender:
    payments taken, amount kept (cash net of change, refunds subtracted) and its share of all tenders in
    basis points (10000 = 100 %). `discounts` (store, day, discount, sold_total): Per store and day:
    discounts given on sale lines (VAT included), and the sales they were given on. `promotions`
    (promotion, name, sales, units, discount, sold_total): Per promotion (and `manual` for manual
    discounts): sales with a line it discounted, the units on those lines, the discount it gave (VAT
    included) and what those lines sold for after every discount. Highest discount first; `limit` rows
    (default 20). Returns are not netted per promotion (they count in the other reports). `stock_cover`
    (store, sku, name, on_hand, units_per_day, cover_days): Per store and SKU: on hand now divided by
    the average net units sold per day over the range; empty when nothing sold. Lowest cover first.
    `sell_through` (store, sku, name, units, on_hand, sell_through_bp): Per store and SKU: net units
    sold over the range divided by those units plus on hand now, in basis points. Highest first.

    Args:
        name (GetReportsNameName):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        store (str | Unset):
        limit (int | Unset):  Default: 20.
        format_ (GetReportsNameFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | GetReportsNameResponse200]
    """

    kwargs = _get_kwargs(
        name=name,
        from_=from_,
        to=to,
        store=store,
        limit=limit,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: GetReportsNameName,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    store: str | Unset = UNSET,
    limit: int | Unset = 20,
    format_: GetReportsNameFormat | Unset = UNSET,
) -> ErrorBody | GetReportsNameResponse200 | None:
    """A report over local days [from, to), for one store or all, as JSON or CSV

     400 `bad_range` when `to` is not after `from` or the range is over 366 days; 404 `unknown_store` for
    a store not registered. Amounts are in minor units and include VAT. Days are the store's local days;
    a range is [from, to): `from` included, `to` excluded. Voided sales count nowhere; returns count on
    the day and in the store they were taken back. Reports: `sales_by_store_day` (store, day, receipts,
    units, total): receipts: sales not voided; units: units sold minus units returned; total: sales
    minus returns. `sales_by_hour` (hour, receipts, units, total): The same figures per local hour of
    the day (0–23), over every selected store and day. `top_products` (sku, name, units, total):
    Products by total (sales minus returns), then units; `limit` rows (default 20). `basket_size`
    (store, receipts, items, value, items_per_receipt, value_per_receipt): Per store: items and value
    rung up on receipts (returns not subtracted), and their average per receipt (value half-up to the
    minor unit, items to 2 decimals). `tender_mix` (method, payments, amount, share_bp): Per tender:
    payments taken, amount kept (cash net of change, refunds subtracted) and its share of all tenders in
    basis points (10000 = 100 %). `discounts` (store, day, discount, sold_total): Per store and day:
    discounts given on sale lines (VAT included), and the sales they were given on. `promotions`
    (promotion, name, sales, units, discount, sold_total): Per promotion (and `manual` for manual
    discounts): sales with a line it discounted, the units on those lines, the discount it gave (VAT
    included) and what those lines sold for after every discount. Highest discount first; `limit` rows
    (default 20). Returns are not netted per promotion (they count in the other reports). `stock_cover`
    (store, sku, name, on_hand, units_per_day, cover_days): Per store and SKU: on hand now divided by
    the average net units sold per day over the range; empty when nothing sold. Lowest cover first.
    `sell_through` (store, sku, name, units, on_hand, sell_through_bp): Per store and SKU: net units
    sold over the range divided by those units plus on hand now, in basis points. Highest first.

    Args:
        name (GetReportsNameName):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        store (str | Unset):
        limit (int | Unset):  Default: 20.
        format_ (GetReportsNameFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | GetReportsNameResponse200
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            from_=from_,
            to=to,
            store=store,
            limit=limit,
            format_=format_,
        )
    ).parsed
