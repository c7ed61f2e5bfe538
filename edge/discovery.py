"""Finding store nodes on the LAN: each node advertises `_omnistore._tcp.local.` (zeroconf)
with its store, name and picker-page URL; `omnistore edge discover` lists them."""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass

from zeroconf import ServiceBrowser, ServiceInfo, ServiceListener, Zeroconf

SERVICE = "_omnistore._tcp.local."


@dataclass(frozen=True)
class NodeAd:
    """What a node says about itself on the LAN."""

    store: str
    name: str
    url: str
    picker_url: str


def _interfaces(host: str) -> list[str] | None:
    """Advertise on loopback only when the node listens on loopback; otherwise everywhere."""
    return ["127.0.0.1"] if host.startswith("127.") else None


def advertise(ad: NodeAd, host: str, port: int) -> Zeroconf:
    """Register the service; the caller keeps the Zeroconf and closes it on shutdown."""
    address = host if host not in ("0.0.0.0", "") else socket.gethostbyname(socket.gethostname())
    if address != host:  # listening everywhere: tills need an address they can reach
        ad = NodeAd(
            ad.store,
            ad.name,
            ad.url.replace(f"//{host}:", f"//{address}:"),
            ad.picker_url.replace(f"//{host}:", f"//{address}:"),
        )
    interfaces = _interfaces(host)
    zc = Zeroconf(interfaces=interfaces) if interfaces else Zeroconf()
    info = ServiceInfo(
        SERVICE,
        f"omnistore-{ad.store}-{port}.{SERVICE}",
        addresses=[socket.inet_aton(address)],
        port=port,
        properties={"store": ad.store, "name": ad.name, "url": ad.url, "picker": ad.picker_url},
        server=f"omnistore-{ad.store}-{port}.local.",
    )
    zc.register_service(info, allow_name_change=True)
    return zc


class _Collector(ServiceListener):
    def __init__(self) -> None:
        self.found: dict[str, NodeAd] = {}

    def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        info = zc.get_service_info(type_, name, timeout=2000)
        if info is None:
            return
        props = {k.decode(): (v or b"").decode() for k, v in info.properties.items()}
        self.found[name] = NodeAd(
            props.get("store", "?"),
            props.get("name", ""),
            props.get("url", ""),
            props.get("picker", ""),
        )

    def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self.add_service(zc, type_, name)

    def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self.found.pop(name, None)


def discover(timeout_s: float = 3.0, interface: str | None = None) -> list[NodeAd]:
    """Browse for `timeout_s` seconds and return the nodes seen, by store."""
    zc = Zeroconf(interfaces=[interface]) if interface else Zeroconf()
    collector = _Collector()
    browser = ServiceBrowser(zc, SERVICE, collector)
    try:
        time.sleep(timeout_s)
    finally:
        browser.cancel()
        zc.close()
    return sorted(collector.found.values(), key=lambda ad: (ad.store, ad.url))
