"""An HTTP proxy that forwards requests to the cloud and, on demand, loses the answer:
the cloud commits, the node never hears back."""

from __future__ import annotations

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

HOP_HEADERS = {
    "connection",
    "keep-alive",
    "transfer-encoding",
    "content-length",
    "host",
    "content-encoding",
}


class LossyProxy:
    """Forwards everything; drops the answers of the first `drop_pushes` push requests, and
    fails every request while `cut` is set (a store whose internet is down)."""

    def __init__(self, upstream: str, drop_pushes: int) -> None:
        self.upstream = upstream
        self.drop_pushes = drop_pushes
        self.pushed_event_ids: list[list[str]] = []
        self.dropped = 0
        self.cut = False  # True: the store's link is down, every request fails
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LossyProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _should_drop(self, path: str, body: bytes, headers: dict[str, str]) -> bool:
        if not path.startswith("/api/v1/sync/push"):
            return False
        raw = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
        ids = [e["id"] for e in json.loads(raw)["events"]]
        with self.lock:
            self.pushed_event_ids.append(ids)
            if self.dropped < self.drop_pushes:
                self.dropped += 1
                return True
        return False

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def _forward(self) -> None:
                if proxy.cut:
                    self.close_connection = True
                    return
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                drop = proxy._should_drop(self.path, body, headers)
                upstream = httpx.request(
                    self.command,
                    proxy.upstream + self.path,
                    content=body,
                    headers={
                        k: v for k, v in headers.items() if k not in {"host", "content-length"}
                    },
                    timeout=30,
                )
                if drop:
                    self.close_connection = True
                    return
                payload = upstream.content
                self.send_response(upstream.status_code)
                for key, value in upstream.headers.items():
                    if key.lower() not in HOP_HEADERS:
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = _forward
            do_POST = _forward
            do_PUT = _forward

        return Handler
