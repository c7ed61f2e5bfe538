# Omnistore: `make demo` and `make test` work on a fresh machine (they create .venv).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Debian packages the tests need: faketime (a node whose clock is days off) and chromium
# (the picker-page browser test, driven by Playwright), haproxy and pgbouncer (several cloud
# instances, a connection pooler).
DEBIAN_PACKAGES := faketime chromium haproxy pgbouncer

.PHONY: demo test lint typecheck debian-deps chaos bench contract clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/omnistore demo

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

debian-deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		sudo=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		echo "installing Debian packages:$$missing"; \
		$$sudo apt-get update -qq && $$sudo apt-get install -y -qq $$missing; \
	fi

# Three workers on two cores: most tests wait on the processes they start (two workers left
# the CPUs about half idle); whole modules per worker, so a module's shared chain is one.
# The contract run inside `make test` is the short seeded one (10 examples an operation);
# `make contract` runs the long one.
test: debian-deps lint typecheck
	OMNISTORE_CONTRACT_EXAMPLES=$${OMNISTORE_CONTRACT_EXAMPLES:-10} \
		$(BIN)/pytest -n 3 --dist loadfile -q -p no:cacheprovider

# `st run --checks all` (every phase, stateful included, fixed seed, bounded examples)
# against the cloud and the node on loopback; also part of `make test`.
contract: $(STAMP)
	OMNISTORE_CONTRACT_EXAMPLES=$${OMNISTORE_CONTRACT_EXAMPLES:-50} \
		$(BIN)/pytest -q -p no:cacheprovider -s tests/test_api_contract.py

chaos: $(STAMP)
	OMNISTORE_CHAOS_ROUNDS=$${OMNISTORE_CHAOS_ROUNDS:-30} $(BIN)/pytest -q -p no:cacheprovider tests/test_chaos.py

bench: $(STAMP)
	$(BIN)/python -m tests.bench.run
	$(BIN)/python -m tests.bench.bench_pos_scan
	$(BIN)/python -m tests.bench.bench_pricing
	$(BIN)/python -m tests.bench.bench_remote_till
	$(BIN)/python -m tests.bench.bench_customers

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
