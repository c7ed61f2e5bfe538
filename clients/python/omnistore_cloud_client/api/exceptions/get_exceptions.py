import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.get_exceptions_kind import GetExceptionsKind
from ...models.get_exceptions_response_200 import GetExceptionsResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    store: str | Unset = UNSET,
    kind: GetExceptionsKind | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["store"] = store

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/exceptions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | GetExceptionsResponse200 | None:
    if response.status_code == 200:
        response_200 = GetExceptionsResponse200.from_dict(response.json())

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
) -> Response[ErrorBody | GetExceptionsResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    store: str | Unset = UNSET,
    kind: GetExceptionsKind | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[ErrorBody | GetExceptionsResponse200]:
    """Oversells, short orders, cancels lost to a collect, rejected events, clock skew

    Args:
        store (str | Unset):
        kind (GetExceptionsKind | Unset):
        since (datetime.datetime | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | GetExceptionsResponse200]
    """

    kwargs = _get_kwargs(
        store=store,
        kind=kind,
        since=since,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    store: str | Unset = UNSET,
    kind: GetExceptionsKind | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> ErrorBody | GetExceptionsResponse200 | None:
    """Oversells, short orders, cancels lost to a collect, rejected events, clock skew

    Args:
        store (str | Unset):
        kind (GetExceptionsKind | Unset):
        since (datetime.datetime | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | GetExceptionsResponse200
    """

    return sync_detailed(
        client=client,
        store=store,
        kind=kind,
        since=since,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    store: str | Unset = UNSET,
    kind: GetExceptionsKind | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[ErrorBody | GetExceptionsResponse200]:
    """Oversells, short orders, cancels lost to a collect, rejected events, clock skew

    Args:
        store (str | Unset):
        kind (GetExceptionsKind | Unset):
        since (datetime.datetime | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | GetExceptionsResponse200]
    """

    kwargs = _get_kwargs(
        store=store,
        kind=kind,
        since=since,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    store: str | Unset = UNSET,
    kind: GetExceptionsKind | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> ErrorBody | GetExceptionsResponse200 | None:
    """Oversells, short orders, cancels lost to a collect, rejected events, clock skew

    Args:
        store (str | Unset):
        kind (GetExceptionsKind | Unset):
        since (datetime.datetime | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | GetExceptionsResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            store=store,
            kind=kind,
            since=since,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
