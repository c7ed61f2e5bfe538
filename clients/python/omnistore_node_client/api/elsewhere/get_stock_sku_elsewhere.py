from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.stock_elsewhere import StockElsewhere
from ...types import Response


def _get_kwargs(
    sku: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/stock/{sku}/elsewhere".format(
            sku=quote(str(sku), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | StockElsewhere | None:
    if response.status_code == 200:
        response_200 = StockElsewhere.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = ErrorBody.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | StockElsewhere]:
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
) -> Response[ErrorBody | StockElsewhere]:
    """The SKU in the chain's other stores, nearest first (`live: false`: the last copy)

     With the cloud away, the last copy this node kept, with `live: false` and its `as_of`; 503
    `cloud_unavailable` when there is none. 404 `unknown_product`.

    Args:
        sku (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | StockElsewhere]
    """

    kwargs = _get_kwargs(
        sku=sku,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sku: str,
    *,
    client: AuthenticatedClient,
) -> ErrorBody | StockElsewhere | None:
    """The SKU in the chain's other stores, nearest first (`live: false`: the last copy)

     With the cloud away, the last copy this node kept, with `live: false` and its `as_of`; 503
    `cloud_unavailable` when there is none. 404 `unknown_product`.

    Args:
        sku (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | StockElsewhere
    """

    return sync_detailed(
        sku=sku,
        client=client,
    ).parsed


async def asyncio_detailed(
    sku: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | StockElsewhere]:
    """The SKU in the chain's other stores, nearest first (`live: false`: the last copy)

     With the cloud away, the last copy this node kept, with `live: false` and its `as_of`; 503
    `cloud_unavailable` when there is none. 404 `unknown_product`.

    Args:
        sku (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | StockElsewhere]
    """

    kwargs = _get_kwargs(
        sku=sku,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sku: str,
    *,
    client: AuthenticatedClient,
) -> ErrorBody | StockElsewhere | None:
    """The SKU in the chain's other stores, nearest first (`live: false`: the last copy)

     With the cloud away, the last copy this node kept, with `live: false` and its `as_of`; 503
    `cloud_unavailable` when there is none. 404 `unknown_product`.

    Args:
        sku (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | StockElsewhere
    """

    return (
        await asyncio_detailed(
            sku=sku,
            client=client,
        )
    ).parsed
