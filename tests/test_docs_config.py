"""The configuration table (docs/configuration.md) is the settings objects, field for
field: a setting added, renamed or given another default without the table fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cloud.settings import CloudSettings
from edge.settings import NodeSettings

DOC = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"
SIDES = (("cloud", CloudSettings), ("node", NodeSettings))


def expected_rows() -> list[str]:
    """One table row per setting: variable, side, default, meaning."""
    rows = []
    for side, model in SIDES:
        for name, field in model.model_fields.items():
            default = "—" if field.default in (None, "") else f"`{_shown(field.default)}`"
            rows.append(
                f"| `OMNISTORE_{name.upper()}` | {side} | {default} | {field.description} |"
            )
    return rows


def _shown(value: object) -> str:
    return "1" if value is True else "0" if value is False else str(value)


def test_the_readme_table_lists_every_setting_as_the_code_has_it() -> None:
    section = DOC.read_text()
    table = [line for line in section.splitlines() if line.startswith("| `OMNISTORE_")]
    documented = [row for row in table if not _is_extra(row)]
    assert documented == expected_rows()


def _is_extra(row: str) -> bool:
    """Rows for variables that are not settings of an app (the file itself)."""
    return bool(re.match(r"\| `OMNISTORE_ENV_FILE`", row))


def test_settings_are_read_from_the_environment_and_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_file = tmp_path / "omnistore.env"
    env_file.write_text("OMNISTORE_ORDER_HOLD_S=3600\nOMNISTORE_PUSH_BATCH=50\n")
    monkeypatch.setenv("OMNISTORE_ENV_FILE", str(env_file))
    monkeypatch.setenv("OMNISTORE_CURRENCY", "GBP")
    cloud = CloudSettings.load()
    assert (cloud.currency, cloud.order_hold_s) == ("GBP", 3600)
    assert NodeSettings.load().push_batch == 50
