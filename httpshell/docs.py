"""`GET /api/docs`: a reference page rendered from the app's own OpenAPI document by Swagger
UI, whose files come from the `swagger-ui-bundle-v2` package and are served by the app itself
(no CDN: the page works on a store LAN without internet, and no third party sees who reads
it). No credentials are needed to read it, as for `openapi.json`; "Try it out" sends the
token the reader types in, to this server only."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from flask import Blueprint, Response, abort, send_from_directory
from swagger_ui_bundle import swagger_ui_path

DOCS = "/api/docs"
ASSETS = frozenset(
    {
        "swagger-ui.css",
        "swagger-ui-bundle.js",
        "swagger-ui-standalone-preset.js",
        "favicon-32x32.png",
        "favicon-16x16.png",
    }
)
ASSET_DIR = Path(str(swagger_ui_path))
# Swagger UI sets inline styles; everything else comes from this server.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)
PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{docs}/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="{docs}/assets/favicon-32x32.png" sizes="32x32">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{docs}/assets/swagger-ui-bundle.js"></script>
<script src="{docs}/assets/swagger-ui-standalone-preset.js"></script>
<script src="{docs}/init.js"></script>
</body>
</html>
"""
INIT = """window.onload = function () {{
  window.ui = SwaggerUIBundle({{
    url: {spec},
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  }});
}};
"""


def blueprint(spec_url: str, title: str) -> Blueprint:
    """The page, its start script and the Swagger UI files, all at `/api/docs…`."""
    bp = Blueprint("docs", __name__)

    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "no-cache"
        return response

    @bp.get(DOCS)
    def page() -> Response:
        html = PAGE.format(title=escape(title), docs=DOCS)
        return headers(Response(html, mimetype="text/html"))

    @bp.get(f"{DOCS}/init.js")
    def init() -> Response:
        script = INIT.format(spec=json.dumps(spec_url))
        return headers(Response(script, mimetype="text/javascript"))

    @bp.get(f"{DOCS}/assets/<name>")
    def asset(name: str) -> Response:
        if name not in ASSETS:
            abort(404)
        return headers(send_from_directory(ASSET_DIR, name, max_age=3600))

    return bp
