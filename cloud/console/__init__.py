"""The HQ console at `/hq/`: server-rendered pages for the people who run the chain, with
their own sign-in (console users, not API tokens), a strict CSP, and every asset served
here. Pages live in `views.py`, who may see what in `access.py`."""

from cloud.console import (  # noqa: F401  (their pages join the blueprint)
    customer_views,
    pricing_views,
    transfer_views,
)
from cloud.console.views import bp

__all__ = ["bp"]
