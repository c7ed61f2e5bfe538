from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.parked_basket import ParkedBasket
from ...models.parked_in import ParkedIn
from ...types import Response


def _get_kwargs(
    *,
    body: ParkedIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/parked",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ParkedBasket | None:
    if response.status_code == 200:
        response_200 = ParkedBasket.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ParkedBasket.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = ErrorBody.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | ParkedBasket]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ParkedIn,
) -> Response[ErrorBody | ParkedBasket]:
    """Park a basket on the register's open shift (its sale id stays its own)

     409 `no_open_shift` when the register has no open shift; parking the same `sale_id` again replaces
    its lines.

    Args:
        body (ParkedIn): A basket to put aside with everything the cashier did to it (a manager's
            PIN is
            never kept: it is asked again when the basket is paid).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ParkedBasket]
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
    body: ParkedIn,
) -> ErrorBody | ParkedBasket | None:
    """Park a basket on the register's open shift (its sale id stays its own)

     409 `no_open_shift` when the register has no open shift; parking the same `sale_id` again replaces
    its lines.

    Args:
        body (ParkedIn): A basket to put aside with everything the cashier did to it (a manager's
            PIN is
            never kept: it is asked again when the basket is paid).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ParkedBasket
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ParkedIn,
) -> Response[ErrorBody | ParkedBasket]:
    """Park a basket on the register's open shift (its sale id stays its own)

     409 `no_open_shift` when the register has no open shift; parking the same `sale_id` again replaces
    its lines.

    Args:
        body (ParkedIn): A basket to put aside with everything the cashier did to it (a manager's
            PIN is
            never kept: it is asked again when the basket is paid).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ParkedBasket]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ParkedIn,
) -> ErrorBody | ParkedBasket | None:
    """Park a basket on the register's open shift (its sale id stays its own)

     409 `no_open_shift` when the register has no open shift; parking the same `sale_id` again replaces
    its lines.

    Args:
        body (ParkedIn): A basket to put aside with everything the cashier did to it (a manager's
            PIN is
            never kept: it is asked again when the basket is paid).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ParkedBasket
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
