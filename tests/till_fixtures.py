"""A test node served over real HTTP on loopback (werkzeug in a thread) that a test can take
away and bring back on the same port, and remote tills against it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from werkzeug.serving import BaseWSGIServer, make_server

from edge.web.app import create_app
from pos_tui.remote import RemoteSession
from tests.edge_fixtures import Node
from tests.harness import free_port
from tests.pos_fixtures import FIXED, SharedDummy


@dataclass
class ServedNode:
    """`lane_node`'s app on http://127.0.0.1:<port>; `stop()` loses it, `start()` is back."""

    node: Node
    port: int = field(default_factory=free_port)
    server: BaseWSGIServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        app = create_app(self.node.data_dir)
        self.server = make_server("127.0.0.1", self.port, app, threaded=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def till(self, register: str = "2", **kwargs: Any) -> tuple[RemoteSession, SharedDummy]:
        printer = SharedDummy()
        session = RemoteSession(
            self.url, register=register, printer=printer, clock=lambda: FIXED, **kwargs
        )
        return session, printer


@pytest.fixture
def served(lane_node: Node) -> Iterator[ServedNode]:
    served = ServedNode(lane_node)
    served.start()
    try:
        yield served
    finally:
        served.stop()
