"""The command line: every command has help text and is documented in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cli import main

README = (Path(__file__).parent.parent / "docs" / "cli.md").read_text()


def commands(group: click.Group, prefix: str = "omnistore") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found += commands(command, path)
    return found


@pytest.mark.parametrize(("path", "command"), commands(main), ids=lambda v: str(v))
def test_every_command_has_help_and_is_in_the_readme(path: str, command: click.Command) -> None:
    assert command.help and command.help.strip(), f"{path} has no help text"
    assert f"`{path}" in README, f"{path} is not documented in docs/cli.md"
    result = CliRunner().invoke(main, [*path.split()[1:], "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_edge_commands_refuse_a_data_dir_that_was_never_enrolled(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["edge", "status", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "not_enrolled" in result.output
