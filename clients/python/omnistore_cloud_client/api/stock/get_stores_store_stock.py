import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.stock_availability_page import StockAvailabilityPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    store: str,
    *,
    updated_since: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/stores/{store}/stock".format(
            store=quote(str(store), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | StockAvailabilityPage | None:
    if response.status_code == 200:
        response_200 = StockAvailabilityPage.from_dict(response.json())

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
) -> Response[ErrorBody | StockAvailabilityPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    store: str,
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[ErrorBody | StockAvailabilityPage]:
    """Availability feed: the store's SKUs in the order their stock last changed

     Each SKU whose on_hand or reserved changed (a sale, return, void, count, HQ movement, or an order
    reserving or releasing units) appears once, at its latest change, with its level now. Keep `cursor`
    and ask again with it to get only what changed since: changes commit in feed order, so none is ever
    skipped.

    Args:
        store (str):
        updated_since (datetime.datetime | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | StockAvailabilityPage]
    """

    kwargs = _get_kwargs(
        store=store,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    store: str,
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> ErrorBody | StockAvailabilityPage | None:
    """Availability feed: the store's SKUs in the order their stock last changed

     Each SKU whose on_hand or reserved changed (a sale, return, void, count, HQ movement, or an order
    reserving or releasing units) appears once, at its latest change, with its level now. Keep `cursor`
    and ask again with it to get only what changed since: changes commit in feed order, so none is ever
    skipped.

    Args:
        store (str):
        updated_since (datetime.datetime | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | StockAvailabilityPage
    """

    return sync_detailed(
        store=store,
        client=client,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    store: str,
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[ErrorBody | StockAvailabilityPage]:
    """Availability feed: the store's SKUs in the order their stock last changed

     Each SKU whose on_hand or reserved changed (a sale, return, void, count, HQ movement, or an order
    reserving or releasing units) appears once, at its latest change, with its level now. Keep `cursor`
    and ask again with it to get only what changed since: changes commit in feed order, so none is ever
    skipped.

    Args:
        store (str):
        updated_since (datetime.datetime | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | StockAvailabilityPage]
    """

    kwargs = _get_kwargs(
        store=store,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    store: str,
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> ErrorBody | StockAvailabilityPage | None:
    """Availability feed: the store's SKUs in the order their stock last changed

     Each SKU whose on_hand or reserved changed (a sale, return, void, count, HQ movement, or an order
    reserving or releasing units) appears once, at its latest change, with its level now. Keep `cursor`
    and ask again with it to get only what changed since: changes commit in feed order, so none is ever
    skipped.

    Args:
        store (str):
        updated_since (datetime.datetime | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | StockAvailabilityPage
    """

    return (
        await asyncio_detailed(
            store=store,
            client=client,
            updated_since=updated_since,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
