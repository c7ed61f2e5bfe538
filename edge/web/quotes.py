"""`POST /api/v1/baskets/quote`: a basket priced as the sale will be, for a till on another
machine to show each promotion and discount as it is scanned (the till on the node's own
machine asks `edge.sales.quote` directly)."""

from __future__ import annotations

from flask import Blueprint

from edge import sales
from edge.web.context import config, db
from edge.web.registry import SELL, route
from shared.tills import BasketQuoteIn, BasketQuoteOut

bp = Blueprint("quotes", __name__)


@route(
    bp,
    "POST",
    "/baskets/quote",
    "Price a basket as the sale will be priced, recording nothing",
    roles=SELL,
    body=BasketQuoteIn,
    response=BasketQuoteOut,
    errors=(422,),
)
def quote_basket(body: BasketQuoteIn) -> BasketQuoteOut:
    return sales.quote_basket(db(), config(), body)
