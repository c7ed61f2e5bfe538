from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.store_place import StorePlace
from ...models.store_place_in import StorePlaceIn
from ...types import Response


def _get_kwargs(
    store: str,
    *,
    body: StorePlaceIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/stores/{store}".format(
            store=quote(str(store), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | StorePlace | None:
    if response.status_code == 200:
        response_200 = StorePlace.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = StorePlace.from_dict(response.json())

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
) -> Response[ErrorBody | StorePlace]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    store: str,
    *,
    client: AuthenticatedClient,
    body: StorePlaceIn,
) -> Response[ErrorBody | StorePlace]:
    """Name a store and give its coordinates and IANA time zone (default UTC)

     201 for a new store (its node still enrols with `omnistore cloud add-store`'s token), 200 for an
    update. 422 when only one of `lat`/`lon` is given or `tz` is not a time zone name the zone database
    knows.

    Args:
        store (str):
        body (StorePlaceIn): A store's name, where it is (both coordinates or neither) and its
            time zone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | StorePlace]
    """

    kwargs = _get_kwargs(
        store=store,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    store: str,
    *,
    client: AuthenticatedClient,
    body: StorePlaceIn,
) -> ErrorBody | StorePlace | None:
    """Name a store and give its coordinates and IANA time zone (default UTC)

     201 for a new store (its node still enrols with `omnistore cloud add-store`'s token), 200 for an
    update. 422 when only one of `lat`/`lon` is given or `tz` is not a time zone name the zone database
    knows.

    Args:
        store (str):
        body (StorePlaceIn): A store's name, where it is (both coordinates or neither) and its
            time zone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | StorePlace
    """

    return sync_detailed(
        store=store,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    store: str,
    *,
    client: AuthenticatedClient,
    body: StorePlaceIn,
) -> Response[ErrorBody | StorePlace]:
    """Name a store and give its coordinates and IANA time zone (default UTC)

     201 for a new store (its node still enrols with `omnistore cloud add-store`'s token), 200 for an
    update. 422 when only one of `lat`/`lon` is given or `tz` is not a time zone name the zone database
    knows.

    Args:
        store (str):
        body (StorePlaceIn): A store's name, where it is (both coordinates or neither) and its
            time zone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | StorePlace]
    """

    kwargs = _get_kwargs(
        store=store,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    store: str,
    *,
    client: AuthenticatedClient,
    body: StorePlaceIn,
) -> ErrorBody | StorePlace | None:
    """Name a store and give its coordinates and IANA time zone (default UTC)

     201 for a new store (its node still enrols with `omnistore cloud add-store`'s token), 200 for an
    update. 422 when only one of `lat`/`lon` is given or `tz` is not a time zone name the zone database
    knows.

    Args:
        store (str):
        body (StorePlaceIn): A store's name, where it is (both coordinates or neither) and its
            time zone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | StorePlace
    """

    return (
        await asyncio_detailed(
            store=store,
            client=client,
            body=body,
        )
    ).parsed
