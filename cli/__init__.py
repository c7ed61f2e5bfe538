"""The `omnistore` command: one click group, one subgroup per side."""

from __future__ import annotations

import os

import click

from cli.cloud_cmds import cloud
from cli.demo import demo
from cli.doctor_cmd import doctor
from cli.edge_cmds import edge
from cli.pos_cmd import pos
from shared.files import UMASK


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="omnistore")
def main() -> None:
    """Omnistore: offline-first retail: store edge nodes and the cloud they sync with."""
    # Every file a command creates (databases, keys, node.json, logs, parked baskets) is
    # readable by its own user only; the storage code also sets modes explicitly.
    os.umask(UMASK)


main.add_command(cloud)
main.add_command(edge)
main.add_command(demo)
main.add_command(pos)
main.add_command(doctor)
