from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.void import Void
from ...models.void_in import VoidIn
from ...types import Response


def _get_kwargs(
    sale_id: str,
    *,
    body: VoidIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sales/{sale_id}/void".format(
            sale_id=quote(str(sale_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | Void | None:
    if response.status_code == 200:
        response_200 = Void.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Void.from_dict(response.json())

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
) -> Response[ErrorBody | Void]:
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
    body: VoidIn,
) -> Response[ErrorBody | Void]:
    """Void a whole sale (a manager, or a manager's PIN)

     422 `wrong_manager_pin` or `idempotency_conflict` (the `id` used before with another body); 409 when
    the sale is already voided; 429 while approvals are locked.

    Args:
        sale_id (str):
        body (VoidIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Void]
    """

    kwargs = _get_kwargs(
        sale_id=sale_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sale_id: str,
    *,
    client: AuthenticatedClient,
    body: VoidIn,
) -> ErrorBody | Void | None:
    """Void a whole sale (a manager, or a manager's PIN)

     422 `wrong_manager_pin` or `idempotency_conflict` (the `id` used before with another body); 409 when
    the sale is already voided; 429 while approvals are locked.

    Args:
        sale_id (str):
        body (VoidIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Void
    """

    return sync_detailed(
        sale_id=sale_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    sale_id: str,
    *,
    client: AuthenticatedClient,
    body: VoidIn,
) -> Response[ErrorBody | Void]:
    """Void a whole sale (a manager, or a manager's PIN)

     422 `wrong_manager_pin` or `idempotency_conflict` (the `id` used before with another body); 409 when
    the sale is already voided; 429 while approvals are locked.

    Args:
        sale_id (str):
        body (VoidIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Void]
    """

    kwargs = _get_kwargs(
        sale_id=sale_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sale_id: str,
    *,
    client: AuthenticatedClient,
    body: VoidIn,
) -> ErrorBody | Void | None:
    """Void a whole sale (a manager, or a manager's PIN)

     422 `wrong_manager_pin` or `idempotency_conflict` (the `id` used before with another body); 409 when
    the sale is already voided; 429 while approvals are locked.

    Args:
        sale_id (str):
        body (VoidIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Void
    """

    return (
        await asyncio_detailed(
            sale_id=sale_id,
            client=client,
            body=body,
        )
    ).parsed
