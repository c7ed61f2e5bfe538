"""Placeholder: replaced by the cloud commands."""

import click


@click.group()
def cloud() -> None:
    """Run and administer the cloud service."""
