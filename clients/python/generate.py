"""Regenerate the typed Python clients of the cloud HQ API and the node's lane API from the
apps' own OpenAPI documents, with openapi-python-client (pinned in pyproject's dev extra:
another version writes other code) and ruff's default formatting:

    .venv/bin/python clients/python/generate.py            # into clients/python/
    .venv/bin/python clients/python/generate.py OUT_DIR    # elsewhere (the test compares)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent


def _cloud() -> dict[str, object]:
    import cloud.app  # noqa: F401  (registers every route)
    from cloud.api.openapi import document

    return document()


def _node() -> dict[str, object]:
    import edge.web.app  # noqa: F401  (registers every route)
    from edge.web.openapi import document

    return document()


CLIENTS: dict[str, Callable[[], dict[str, object]]] = {
    "omnistore_cloud_client": _cloud,
    "omnistore_node_client": _node,
}


def generate(out: Path) -> None:
    """Write both client packages under `out` (replacing what is there)."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.json"
        config.write_text(json.dumps({"post_hooks": []}))
        for package, document in CLIENTS.items():
            spec = Path(tmp) / f"{package}.json"
            spec.write_text(json.dumps(document(), indent=1, sort_keys=True))
            subprocess.run(
                [
                    str(BIN / "openapi-python-client"),
                    "generate",
                    "--path",
                    str(spec),
                    "--meta",
                    "none",
                    "--config",
                    str(config),
                    "--output-path",
                    str(out / package),
                    "--overwrite",
                ],
                check=True,
                capture_output=True,
                cwd=tmp,
            )
            for args in (["check", "--fix", "--select", "I,F401", "--quiet"], ["format", "-q"]):
                subprocess.run(
                    [str(BIN / "ruff"), *args, "--isolated", str(out / package)],
                    check=False,
                    capture_output=True,
                    cwd=tmp,
                )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
