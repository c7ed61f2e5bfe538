"""`python -m cli` runs the `omnistore` command (tests use it with the venv's interpreter)."""

from cli import main

main()
