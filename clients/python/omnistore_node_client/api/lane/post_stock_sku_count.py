from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.count_out import CountOut
from ...models.error_body import ErrorBody
from ...models.stock_count_in import StockCountIn
from ...types import Response


def _get_kwargs(
    sku: str,
    *,
    body: StockCountIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/stock/{sku}/count".format(
            sku=quote(str(sku), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CountOut | ErrorBody | None:
    if response.status_code == 200:
        response_200 = CountOut.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CountOut.from_dict(response.json())

        return response_201

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

    if response.status_code == 413:
        response_413 = ErrorBody.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = ErrorBody.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ErrorBody.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CountOut | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sku: str,
    *,
    client: AuthenticatedClient,
    body: StockCountIn,
) -> Response[CountOut | ErrorBody]:
    """A shelf count: the node records the correcting movement

     404 for an unknown SKU; 422 `idempotency_conflict` when the `id` was used before with another body.

    Args:
        sku (str):
        body (StockCountIn): A shelf count at the store: the node turns it into a correcting
            `count` movement
            relative to the movements its ledger holds at that moment, never to a clock.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CountOut | ErrorBody]
    """

    kwargs = _get_kwargs(
        sku=sku,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sku: str,
    *,
    client: AuthenticatedClient,
    body: StockCountIn,
) -> CountOut | ErrorBody | None:
    """A shelf count: the node records the correcting movement

     404 for an unknown SKU; 422 `idempotency_conflict` when the `id` was used before with another body.

    Args:
        sku (str):
        body (StockCountIn): A shelf count at the store: the node turns it into a correcting
            `count` movement
            relative to the movements its ledger holds at that moment, never to a clock.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CountOut | ErrorBody
    """

    return sync_detailed(
        sku=sku,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    sku: str,
    *,
    client: AuthenticatedClient,
    body: StockCountIn,
) -> Response[CountOut | ErrorBody]:
    """A shelf count: the node records the correcting movement

     404 for an unknown SKU; 422 `idempotency_conflict` when the `id` was used before with another body.

    Args:
        sku (str):
        body (StockCountIn): A shelf count at the store: the node turns it into a correcting
            `count` movement
            relative to the movements its ledger holds at that moment, never to a clock.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CountOut | ErrorBody]
    """

    kwargs = _get_kwargs(
        sku=sku,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sku: str,
    *,
    client: AuthenticatedClient,
    body: StockCountIn,
) -> CountOut | ErrorBody | None:
    """A shelf count: the node records the correcting movement

     404 for an unknown SKU; 422 `idempotency_conflict` when the `id` was used before with another body.

    Args:
        sku (str):
        body (StockCountIn): A shelf count at the store: the node turns it into a correcting
            `count` movement
            relative to the movements its ledger holds at that moment, never to a clock.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CountOut | ErrorBody
    """

    return (
        await asyncio_detailed(
            sku=sku,
            client=client,
            body=body,
        )
    ).parsed
