from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.loyalty_program import LoyaltyProgram
from ...types import Response


def _get_kwargs(
    *,
    body: LoyaltyProgram,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/loyalty/program",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | LoyaltyProgram | None:
    if response.status_code == 200:
        response_200 = LoyaltyProgram.from_dict(response.json())

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
) -> Response[ErrorBody | LoyaltyProgram]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: LoyaltyProgram,
) -> Response[ErrorBody | LoyaltyProgram]:
    """Set the loyalty program (earn rate, point value, least redemption, offline cap)

    Args:
        body (LoyaltyProgram): Earn `earn_per_unit` points per whole currency unit paid with
            money; one point is
            worth `point_value` minor units; at least `min_redeem` at once; at most
            `offline_redeem_cap` per customer at a node that cannot reach the cloud. With
            `expire_after_days`, the points of a customer whose points have not moved for that long
            expire (none: points never expire).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | LoyaltyProgram]
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
    body: LoyaltyProgram,
) -> ErrorBody | LoyaltyProgram | None:
    """Set the loyalty program (earn rate, point value, least redemption, offline cap)

    Args:
        body (LoyaltyProgram): Earn `earn_per_unit` points per whole currency unit paid with
            money; one point is
            worth `point_value` minor units; at least `min_redeem` at once; at most
            `offline_redeem_cap` per customer at a node that cannot reach the cloud. With
            `expire_after_days`, the points of a customer whose points have not moved for that long
            expire (none: points never expire).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | LoyaltyProgram
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LoyaltyProgram,
) -> Response[ErrorBody | LoyaltyProgram]:
    """Set the loyalty program (earn rate, point value, least redemption, offline cap)

    Args:
        body (LoyaltyProgram): Earn `earn_per_unit` points per whole currency unit paid with
            money; one point is
            worth `point_value` minor units; at least `min_redeem` at once; at most
            `offline_redeem_cap` per customer at a node that cannot reach the cloud. With
            `expire_after_days`, the points of a customer whose points have not moved for that long
            expire (none: points never expire).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | LoyaltyProgram]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: LoyaltyProgram,
) -> ErrorBody | LoyaltyProgram | None:
    """Set the loyalty program (earn rate, point value, least redemption, offline cap)

    Args:
        body (LoyaltyProgram): Earn `earn_per_unit` points per whole currency unit paid with
            money; one point is
            worth `point_value` minor units; at least `min_redeem` at once; at most
            `offline_redeem_cap` per customer at a node that cannot reach the cloud. With
            `expire_after_days`, the points of a customer whose points have not moved for that long
            expire (none: points never expire).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | LoyaltyProgram
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
