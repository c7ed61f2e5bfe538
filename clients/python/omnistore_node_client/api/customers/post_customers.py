from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.index_entry import IndexEntry
from ...models.signup_in import SignupIn
from ...types import Response


def _get_kwargs(
    *,
    body: SignupIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/customers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | IndexEntry | None:
    if response.status_code == 200:
        response_200 = IndexEntry.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = IndexEntry.from_dict(response.json())

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
) -> Response[ErrorBody | IndexEntry]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SignupIn,
) -> Response[ErrorBody | IndexEntry]:
    """Sign a customer up at the till (works offline; the cloud merges duplicates)

     409 `duplicate_customer` when this node knows a customer with that phone, email or card (its id is
    in the error's detail); 422 `bad_phone`, `bad_email`, `bad_card`, `idempotency_conflict`.

    Args:
        body (SignupIn): A sign-up at a till: the till chooses the id, so it works offline.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | IndexEntry]
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
    body: SignupIn,
) -> ErrorBody | IndexEntry | None:
    """Sign a customer up at the till (works offline; the cloud merges duplicates)

     409 `duplicate_customer` when this node knows a customer with that phone, email or card (its id is
    in the error's detail); 422 `bad_phone`, `bad_email`, `bad_card`, `idempotency_conflict`.

    Args:
        body (SignupIn): A sign-up at a till: the till chooses the id, so it works offline.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | IndexEntry
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SignupIn,
) -> Response[ErrorBody | IndexEntry]:
    """Sign a customer up at the till (works offline; the cloud merges duplicates)

     409 `duplicate_customer` when this node knows a customer with that phone, email or card (its id is
    in the error's detail); 422 `bad_phone`, `bad_email`, `bad_card`, `idempotency_conflict`.

    Args:
        body (SignupIn): A sign-up at a till: the till chooses the id, so it works offline.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | IndexEntry]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SignupIn,
) -> ErrorBody | IndexEntry | None:
    """Sign a customer up at the till (works offline; the cloud merges duplicates)

     409 `duplicate_customer` when this node knows a customer with that phone, email or card (its id is
    in the error's detail); 422 `bad_phone`, `bad_email`, `bad_card`, `idempotency_conflict`.

    Args:
        body (SignupIn): A sign-up at a till: the till chooses the id, so it works offline.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | IndexEntry
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
