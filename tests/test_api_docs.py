"""`GET /api/docs` on the cloud and the node: Swagger UI rendered from the app's own
document, every file served by the app itself (from the swagger-ui-bundle-v2 package), and
no reference to any other host."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests import contract

REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""")


@pytest.fixture(scope="module", params=["cloud", "node"])
def client(request: pytest.FixtureRequest) -> Iterator[FlaskClient]:
    app, _ = contract.cloud_app() if request.param == "cloud" else contract.node_app()
    yield app.test_client()


def test_the_page_and_its_assets_come_from_the_app(client: FlaskClient) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert "//" not in html.replace("<!DOCTYPE html>", "")  # no scheme-relative or absolute URL
    refs = REFERENCE.findall(html)
    assert {r.rsplit("/", 1)[1] for r in refs} >= {
        "swagger-ui.css",
        "swagger-ui-bundle.js",
        "swagger-ui-standalone-preset.js",
        "init.js",
    }
    for ref in refs:
        assert ref.startswith("/api/docs/"), ref
        asset = client.get(ref)
        assert asset.status_code == 200, ref
        assert len(asset.get_data()) > 0
        if ref.endswith(".js"):
            assert asset.mimetype in ("text/javascript", "application/javascript"), ref
        if ref.endswith(".css"):
            assert asset.mimetype == "text/css"
    csp = page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp


def test_the_start_script_loads_this_apps_document_and_calls_no_validator(
    client: FlaskClient,
) -> None:
    script = client.get("/api/docs/init.js").get_data(as_text=True)
    assert '"/api/v1/openapi.json"' in script
    assert "validatorUrl: null" in script
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_only_the_viewer_files_are_served(client: FlaskClient) -> None:
    assert client.get("/api/docs/assets/index.html").status_code == 404
    assert client.get("/api/docs/assets/..%2Fpyproject.toml").status_code == 404


@pytest.mark.integration
@pytest.mark.parametrize("kind", ["cloud", "node"])
def test_a_browser_renders_every_operation_without_leaving_the_app(kind: str) -> None:
    """Chromium loads the page under its CSP, renders the OpenAPI 3.1 document, and asks
    nothing of any host but the app."""
    from tests.test_picker_browser import CHROMIUM, FLAGS

    if not Path(CHROMIUM).exists():
        pytest.skip("chromium not installed")
    from playwright.sync_api import sync_playwright

    app, _ = contract.cloud_app() if kind == "cloud" else contract.node_app()
    operations = sum(
        len(ops)
        for ops in app.test_client().get("/api/v1/openapi.json").get_json()["paths"].values()
    )
    with contract.serving(app) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            page = browser.new_page()
            requested: list[str] = []
            errors: list[str] = []
            page.on("request", lambda r: requested.append(r.url))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(f"{url}/api/docs")
            page.wait_for_selector(".opblock", timeout=20_000)
            assert page.locator(".opblock").count() == operations
        finally:
            browser.close()
    assert requested and all(r.startswith(url + "/") for r in requested), requested
    assert not errors, errors
