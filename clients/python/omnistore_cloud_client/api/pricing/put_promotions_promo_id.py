from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.promotion import Promotion
from ...models.promotion_in import PromotionIn
from ...types import Response


def _get_kwargs(
    promo_id: str,
    *,
    body: PromotionIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/promotions/{promo_id}".format(
            promo_id=quote(str(promo_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | Promotion | None:
    if response.status_code == 200:
        response_200 = Promotion.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Promotion.from_dict(response.json())

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
) -> Response[ErrorBody | Promotion]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    promo_id: str,
    *,
    client: AuthenticatedClient,
    body: PromotionIn,
) -> Response[ErrorBody | Promotion]:
    """Create or replace a promotion (201 new, 200 replaced)

     `params` depends on `kind`: percent_off `{percent_bp}`, amount_off `{amount}`, multibuy `{buy,
    pay}`, bundle `{skus, price}`, member_price `{price}`, basket_percent_off `{min_total, percent_bp}`;
    anything else is 422.

    Args:
        promo_id (str):
        body (PromotionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Promotion]
    """

    kwargs = _get_kwargs(
        promo_id=promo_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    promo_id: str,
    *,
    client: AuthenticatedClient,
    body: PromotionIn,
) -> ErrorBody | Promotion | None:
    """Create or replace a promotion (201 new, 200 replaced)

     `params` depends on `kind`: percent_off `{percent_bp}`, amount_off `{amount}`, multibuy `{buy,
    pay}`, bundle `{skus, price}`, member_price `{price}`, basket_percent_off `{min_total, percent_bp}`;
    anything else is 422.

    Args:
        promo_id (str):
        body (PromotionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Promotion
    """

    return sync_detailed(
        promo_id=promo_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    promo_id: str,
    *,
    client: AuthenticatedClient,
    body: PromotionIn,
) -> Response[ErrorBody | Promotion]:
    """Create or replace a promotion (201 new, 200 replaced)

     `params` depends on `kind`: percent_off `{percent_bp}`, amount_off `{amount}`, multibuy `{buy,
    pay}`, bundle `{skus, price}`, member_price `{price}`, basket_percent_off `{min_total, percent_bp}`;
    anything else is 422.

    Args:
        promo_id (str):
        body (PromotionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Promotion]
    """

    kwargs = _get_kwargs(
        promo_id=promo_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    promo_id: str,
    *,
    client: AuthenticatedClient,
    body: PromotionIn,
) -> ErrorBody | Promotion | None:
    """Create or replace a promotion (201 new, 200 replaced)

     `params` depends on `kind`: percent_off `{percent_bp}`, amount_off `{amount}`, multibuy `{buy,
    pay}`, bundle `{skus, price}`, member_price `{price}`, basket_percent_off `{min_total, percent_bp}`;
    anything else is 422.

    Args:
        promo_id (str):
        body (PromotionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Promotion
    """

    return (
        await asyncio_detailed(
            promo_id=promo_id,
            client=client,
            body=body,
        )
    ).parsed
