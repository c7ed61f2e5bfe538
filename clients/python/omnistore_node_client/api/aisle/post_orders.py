from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.aisle_order_in import AisleOrderIn
from ...models.error_body import ErrorBody
from ...models.order import Order
from ...types import Response


def _get_kwargs(
    *,
    body: AisleOrderIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/orders",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | Order | None:
    if response.status_code == 200:
        response_200 = Order.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Order.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())

        return response_409

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
) -> Response[ErrorBody | Order]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AisleOrderIn,
) -> Response[ErrorBody | Order]:
    """Place a click-and-collect order at another store for the customer at the till

     Needs the cloud: 503 `cloud_unavailable` when it is away (nothing is kept). The answer carries
    `pickup_code` and `pickup_qr` for the customer's slip (also on an identical retry within 10
    minutes). 422 `own_store` for this store itself, `idempotency_conflict` for a used `id`; 404 unknown
    product or store; 409 `insufficient_stock` when that store cannot cover it.

    Args:
        body (AisleOrderIn): An order for another store; `customer_id` names a known customer (the
            customers
            part links it; the order always carries the name and phone).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Order]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: AisleOrderIn,
) -> ErrorBody | Order | None:
    """Place a click-and-collect order at another store for the customer at the till

     Needs the cloud: 503 `cloud_unavailable` when it is away (nothing is kept). The answer carries
    `pickup_code` and `pickup_qr` for the customer's slip (also on an identical retry within 10
    minutes). 422 `own_store` for this store itself, `idempotency_conflict` for a used `id`; 404 unknown
    product or store; 409 `insufficient_stock` when that store cannot cover it.

    Args:
        body (AisleOrderIn): An order for another store; `customer_id` names a known customer (the
            customers
            part links it; the order always carries the name and phone).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Order
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AisleOrderIn,
) -> Response[ErrorBody | Order]:
    """Place a click-and-collect order at another store for the customer at the till

     Needs the cloud: 503 `cloud_unavailable` when it is away (nothing is kept). The answer carries
    `pickup_code` and `pickup_qr` for the customer's slip (also on an identical retry within 10
    minutes). 422 `own_store` for this store itself, `idempotency_conflict` for a used `id`; 404 unknown
    product or store; 409 `insufficient_stock` when that store cannot cover it.

    Args:
        body (AisleOrderIn): An order for another store; `customer_id` names a known customer (the
            customers
            part links it; the order always carries the name and phone).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Order]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AisleOrderIn,
) -> ErrorBody | Order | None:
    """Place a click-and-collect order at another store for the customer at the till

     Needs the cloud: 503 `cloud_unavailable` when it is away (nothing is kept). The answer carries
    `pickup_code` and `pickup_qr` for the customer's slip (also on an identical retry within 10
    minutes). 422 `own_store` for this store itself, `idempotency_conflict` for a used `id`; 404 unknown
    product or store; 409 `insufficient_stock` when that store cannot cover it.

    Args:
        body (AisleOrderIn): An order for another store; `customer_id` names a known customer (the
            customers
            part links it; the order always carries the name and phone).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Order
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
