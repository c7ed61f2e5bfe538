"""Fixtures shared by the suite live in small modules, registered here as plugins."""

from __future__ import annotations

import pytest

pytest_plugins = [
    "tests.edge_fixtures",
    "tests.system",
    "tests.cloud_fixtures",
    "tests.till_fixtures",
]

# The modules that take longest (minutes, on 2 cores), started first: `pytest -n N --dist
# loadfile` hands whole modules to the workers in collection order, and a long module
# handed out last would keep one worker busy after the others are done.
LONGEST_FIRST = [
    "test_api_contract.py",
    "test_e2e_security.py",
    "test_pos_snapshots.py",
    "test_install.py",
    "test_e2e_instances.py",
    "test_cloud_fuzz.py",
    "test_bench_smoke.py",
    "test_pos_full_shift.py",
    "test_node_fuzz.py",
    "test_cloud_hq.py",
    "test_cloud_feed.py",
    "test_e2e_offline.py",
    "test_pos_desk.py",
    "test_e2e_failures.py",
    "test_hq_browser.py",
    "test_e2e_remote_tills.py",
    "test_e2e_customers.py",
    "test_e2e_transfers.py",
    "test_e2e_orders.py",
    "test_e2e_stores.py",
    "test_e2e_pricing.py",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest modules first; every other module, and the tests within a module, keep
    their order."""
    rank = {name: n for n, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
