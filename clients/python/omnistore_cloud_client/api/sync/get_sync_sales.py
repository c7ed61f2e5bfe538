from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.sale_lookup import SaleLookup
from ...types import UNSET, Response


def _get_kwargs(
    *,
    receipt_no: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["receipt_no"] = receipt_no

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sync/sales",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | SaleLookup | None:
    if response.status_code == 200:
        response_200 = SaleLookup.from_dict(response.json())

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
) -> Response[ErrorBody | SaleLookup]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    receipt_no: str,
) -> Response[ErrorBody | SaleLookup]:
    """Any store's sale by receipt number with the quantities already returned

    Args:
        receipt_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SaleLookup]
    """

    kwargs = _get_kwargs(
        receipt_no=receipt_no,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    receipt_no: str,
) -> ErrorBody | SaleLookup | None:
    """Any store's sale by receipt number with the quantities already returned

    Args:
        receipt_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SaleLookup
    """

    return sync_detailed(
        client=client,
        receipt_no=receipt_no,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    receipt_no: str,
) -> Response[ErrorBody | SaleLookup]:
    """Any store's sale by receipt number with the quantities already returned

    Args:
        receipt_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SaleLookup]
    """

    kwargs = _get_kwargs(
        receipt_no=receipt_no,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    receipt_no: str,
) -> ErrorBody | SaleLookup | None:
    """Any store's sale by receipt number with the quantities already returned

    Args:
        receipt_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SaleLookup
    """

    return (
        await asyncio_detailed(
            client=client,
            receipt_no=receipt_no,
        )
    ).parsed
