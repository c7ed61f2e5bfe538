from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.basket_quote_in import BasketQuoteIn
from ...models.basket_quote_out import BasketQuoteOut
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: BasketQuoteIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/baskets/quote",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BasketQuoteOut | ErrorBody | None:
    if response.status_code == 200:
        response_200 = BasketQuoteOut.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = ErrorBody.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BasketQuoteOut | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BasketQuoteIn,
) -> Response[BasketQuoteOut | ErrorBody]:
    """Price a basket as the sale will be priced, recording nothing

    Args:
        body (BasketQuoteIn): A basket as it stands at a till, to be priced as the sale will be
            (nothing is
            recorded): its lines with what the cashier did to them, coupons, the basket discount,
            and the customer attached (member prices).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BasketQuoteOut | ErrorBody]
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
    body: BasketQuoteIn,
) -> BasketQuoteOut | ErrorBody | None:
    """Price a basket as the sale will be priced, recording nothing

    Args:
        body (BasketQuoteIn): A basket as it stands at a till, to be priced as the sale will be
            (nothing is
            recorded): its lines with what the cashier did to them, coupons, the basket discount,
            and the customer attached (member prices).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BasketQuoteOut | ErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BasketQuoteIn,
) -> Response[BasketQuoteOut | ErrorBody]:
    """Price a basket as the sale will be priced, recording nothing

    Args:
        body (BasketQuoteIn): A basket as it stands at a till, to be priced as the sale will be
            (nothing is
            recorded): its lines with what the cashier did to them, coupons, the basket discount,
            and the customer attached (member prices).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BasketQuoteOut | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BasketQuoteIn,
) -> BasketQuoteOut | ErrorBody | None:
    """Price a basket as the sale will be priced, recording nothing

    Args:
        body (BasketQuoteIn): A basket as it stands at a till, to be priced as the sale will be
            (nothing is
            recorded): its lines with what the cashier did to them, coupons, the basket discount,
            and the customer attached (member prices).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BasketQuoteOut | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
