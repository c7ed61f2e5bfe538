"""Fixtures shared by the suite live in small modules, registered here as plugins."""

pytest_plugins = [
    "tests.edge_fixtures",
    "tests.system",
    "tests.cloud_fixtures",
    "tests.till_fixtures",
]
