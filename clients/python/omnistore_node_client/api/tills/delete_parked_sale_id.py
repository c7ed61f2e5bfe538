from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.parked_basket import ParkedBasket
from ...types import Response


def _get_kwargs(
    sale_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/parked/{sale_id}".format(
            sale_id=quote(str(sale_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ParkedBasket | None:
    if response.status_code == 200:
        response_200 = ParkedBasket.from_dict(response.json())

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
) -> Response[ErrorBody | ParkedBasket]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sale_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | ParkedBasket]:
    """Resume: take a parked basket out (once)

    Args:
        sale_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ParkedBasket]
    """

    kwargs = _get_kwargs(
        sale_id=sale_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sale_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorBody | ParkedBasket | None:
    """Resume: take a parked basket out (once)

    Args:
        sale_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ParkedBasket
    """

    return sync_detailed(
        sale_id=sale_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    sale_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | ParkedBasket]:
    """Resume: take a parked basket out (once)

    Args:
        sale_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ParkedBasket]
    """

    kwargs = _get_kwargs(
        sale_id=sale_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sale_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorBody | ParkedBasket | None:
    """Resume: take a parked basket out (once)

    Args:
        sale_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ParkedBasket
    """

    return (
        await asyncio_detailed(
            sale_id=sale_id,
            client=client,
        )
    ).parsed
