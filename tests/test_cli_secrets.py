"""Secrets need not be on the command line (where `ps` shows them): `edge enroll` reads
the token and `edge add-staff` the PIN from a file, from standard input (`-`), or from a
hidden prompt (the PIN twice); `--token` and `--pin` still work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import edge.enroll
from cli.edge_cmds import edge as edge_group
from edge import node, staff
from edge.storage.db import open_db
from shared.signing import generate_private_key
from tests.harness import Cloud, omnistore

TOKEN = "en_s3cretTokenValue"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An enrolled node's data dir (no cloud needed to add staff)."""
    path = tmp_path / "node"
    node.save_key(path, generate_private_key())
    node.save(path, node.NodeConfig("S1", "Store 1", "http://127.0.0.1:9", "S1.test"))
    return path


def signs_in(data_dir: Path, name: str, pin: str) -> bool:
    db = open_db(node.db_path(data_dir))
    try:
        staff.sign_in(db, name, pin, "1")
    except Exception:
        return False
    finally:
        db.close()
    return True


def add_staff(data_dir: Path, *args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(
        edge_group,
        ["add-staff", "--data-dir", str(data_dir), "eve", "--role", "cashier", *args],
        input=stdin,
    )


def test_pin_from_a_file(data_dir: Path, tmp_path: Path) -> None:
    pin_file = tmp_path / "pin"
    pin_file.write_text("2468\n")
    result = add_staff(data_dir, "--pin-file", str(pin_file))
    assert result.exit_code == 0, result.output
    assert signs_in(data_dir, "eve", "2468")


def test_pin_from_standard_input(data_dir: Path) -> None:
    result = add_staff(data_dir, "--pin-file", "-", stdin="97531\n")
    assert result.exit_code == 0, result.output
    assert "97531" not in result.output
    assert signs_in(data_dir, "eve", "97531")


def test_pin_prompted_twice_hidden_and_must_match(data_dir: Path) -> None:
    result = add_staff(data_dir, stdin="1357\n7531\n8642\n8642\n")
    assert result.exit_code == 0, result.output
    # asked twice, and once more (twice) after the mismatch
    assert result.output.count("PIN:") == 2, result.output
    assert result.output.count("Repeat for confirmation") == 2, result.output
    assert "do not match" in result.output
    for pin in ("1357", "7531", "8642"):
        assert pin not in result.output, "hidden input is never echoed"
    assert signs_in(data_dir, "eve", "8642") and not signs_in(data_dir, "eve", "1357")


def test_pin_option_still_works_but_not_with_a_file(data_dir: Path, tmp_path: Path) -> None:
    assert add_staff(data_dir, "--pin", "4321").exit_code == 0
    assert signs_in(data_dir, "eve", "4321")
    (tmp_path / "pin").write_text("1111\n")
    both = add_staff(data_dir, "--pin", "2222", "--pin-file", str(tmp_path / "pin"))
    assert both.exit_code == 2 and "not both" in both.output
    empty = add_staff(data_dir, "--pin-file", "-", stdin="\n")
    assert empty.exit_code == 2 and "empty" in empty.output
    assert signs_in(data_dir, "eve", "4321")


def test_no_prompt_for_a_node_that_is_not_enrolled(tmp_path: Path) -> None:
    result = add_staff(tmp_path / "nothing", stdin="")
    assert result.exit_code == 1 and "not_enrolled" in result.output
    assert "PIN" not in result.output


@pytest.mark.parametrize("how", ["option", "file", "stdin", "prompt"])
def test_enrolment_token_sources(how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def fake_enroll(data_dir: Path, cloud_url: str, store: str, token: str) -> Any:
        seen.append(token)
        return node.NodeConfig(store, "Store 1", cloud_url, "S1.key")

    monkeypatch.setattr(edge.enroll, "enroll", fake_enroll)
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    extra, stdin = {
        "option": (["--token", TOKEN], None),
        "file": (["--token-file", str(token_file)], None),
        "stdin": (["--token-file", "-"], TOKEN + "\n"),
        "prompt": ([], TOKEN + "\n"),
    }[how]
    base = ["enroll", "--data-dir", str(tmp_path / "n"), "--cloud", "http://c", "--store", "S1"]
    result = CliRunner().invoke(edge_group, [*base, *extra], input=stdin)
    assert result.exit_code == 0, result.output
    assert seen == [TOKEN]
    if how == "prompt":
        assert "Enrolment token" in result.output and TOKEN not in result.output


@pytest.mark.integration
def test_enrol_and_add_staff_without_secrets_in_argv(tmp_path: Path) -> None:
    """Real processes: the token from a file, the PIN through standard input; the node
    then signs the cashier in."""
    cloud = Cloud(tmp_path).start()
    try:
        token_file = tmp_path / "token"
        token_file.write_text(cloud.add_store("S1") + "\n")
        data_dir = tmp_path / "node"
        omnistore(
            "edge", "enroll", "--data-dir", str(data_dir), "--cloud", cloud.url,
            "--store", "S1", "--token-file", str(token_file),
        )  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-m", "cli", "edge", "add-staff", "--data-dir", str(data_dir),
             "ana", "--role", "cashier", "--pin-file", "-"],
            input="1234\n", capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert signs_in(data_dir, "ana", "1234")
    finally:
        cloud.stop()
