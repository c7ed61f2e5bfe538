from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.product import Product
from ...models.product_in import ProductIn
from ...types import Response


def _get_kwargs(
    sku: str,
    *,
    body: ProductIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/products/{sku}".format(
            sku=quote(str(sku), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | Product | None:
    if response.status_code == 200:
        response_200 = Product.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Product.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorBody.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = ErrorBody.from_dict(response.json())

        return response_422

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
) -> Response[ErrorBody | Product]:
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
    body: ProductIn,
) -> Response[ErrorBody | Product]:
    """Create or replace a product (201 new, 200 replaced)

     422 `validation_error` also for a barcode whose GTIN check digit is wrong or that appears twice once
    normalised (a 12-digit UPC-A is stored as EAN-13 with a leading 0): rules a JSON Schema cannot
    state.

    Args:
        sku (str):
        body (ProductIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Product]
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
    body: ProductIn,
) -> ErrorBody | Product | None:
    """Create or replace a product (201 new, 200 replaced)

     422 `validation_error` also for a barcode whose GTIN check digit is wrong or that appears twice once
    normalised (a 12-digit UPC-A is stored as EAN-13 with a leading 0): rules a JSON Schema cannot
    state.

    Args:
        sku (str):
        body (ProductIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Product
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
    body: ProductIn,
) -> Response[ErrorBody | Product]:
    """Create or replace a product (201 new, 200 replaced)

     422 `validation_error` also for a barcode whose GTIN check digit is wrong or that appears twice once
    normalised (a 12-digit UPC-A is stored as EAN-13 with a leading 0): rules a JSON Schema cannot
    state.

    Args:
        sku (str):
        body (ProductIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Product]
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
    body: ProductIn,
) -> ErrorBody | Product | None:
    """Create or replace a product (201 new, 200 replaced)

     422 `validation_error` also for a barcode whose GTIN check digit is wrong or that appears twice once
    normalised (a 12-digit UPC-A is stored as EAN-13 with a leading 0): rules a JSON Schema cannot
    state.

    Args:
        sku (str):
        body (ProductIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Product
    """

    return (
        await asyncio_detailed(
            sku=sku,
            client=client,
            body=body,
        )
    ).parsed
