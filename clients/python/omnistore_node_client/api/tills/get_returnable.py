from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.returnable_out import ReturnableOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    sale_id: str | Unset = UNSET,
    receipt_no: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["sale_id"] = sale_id

    params["receipt_no"] = receipt_no

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/returnable",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ReturnableOut | None:
    if response.status_code == 200:
        response_200 = ReturnableOut.from_dict(response.json())

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
) -> Response[ErrorBody | ReturnableOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    sale_id: str | Unset = UNSET,
    receipt_no: str | Unset = UNSET,
) -> Response[ErrorBody | ReturnableOut]:
    """A sale to return against, what was returned of it and what may still come back

     Give `sale_id` or `receipt_no` (neither: 404 `unknown_sale`). A sale of another store is asked of
    the cloud (404 `unknown_sale` when it is away or does not know it).

    Args:
        sale_id (str | Unset):
        receipt_no (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ReturnableOut]
    """

    kwargs = _get_kwargs(
        sale_id=sale_id,
        receipt_no=receipt_no,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    sale_id: str | Unset = UNSET,
    receipt_no: str | Unset = UNSET,
) -> ErrorBody | ReturnableOut | None:
    """A sale to return against, what was returned of it and what may still come back

     Give `sale_id` or `receipt_no` (neither: 404 `unknown_sale`). A sale of another store is asked of
    the cloud (404 `unknown_sale` when it is away or does not know it).

    Args:
        sale_id (str | Unset):
        receipt_no (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ReturnableOut
    """

    return sync_detailed(
        client=client,
        sale_id=sale_id,
        receipt_no=receipt_no,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    sale_id: str | Unset = UNSET,
    receipt_no: str | Unset = UNSET,
) -> Response[ErrorBody | ReturnableOut]:
    """A sale to return against, what was returned of it and what may still come back

     Give `sale_id` or `receipt_no` (neither: 404 `unknown_sale`). A sale of another store is asked of
    the cloud (404 `unknown_sale` when it is away or does not know it).

    Args:
        sale_id (str | Unset):
        receipt_no (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ReturnableOut]
    """

    kwargs = _get_kwargs(
        sale_id=sale_id,
        receipt_no=receipt_no,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    sale_id: str | Unset = UNSET,
    receipt_no: str | Unset = UNSET,
) -> ErrorBody | ReturnableOut | None:
    """A sale to return against, what was returned of it and what may still come back

     Give `sale_id` or `receipt_no` (neither: 404 `unknown_sale`). A sale of another store is asked of
    the cloud (404 `unknown_sale` when it is away or does not know it).

    Args:
        sale_id (str | Unset):
        receipt_no (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ReturnableOut
    """

    return (
        await asyncio_detailed(
            client=client,
            sale_id=sale_id,
            receipt_no=receipt_no,
        )
    ).parsed
