"""Where the cloud may POST webhooks: public http(s) addresses only, so a subscription cannot
make the cloud call into its own network (loopback, private, link-local, unspecified,
multicast, reserved; in any spelling a resolver accepts, such as `0x7f000001`,
`2130706433` or `0177.0.0.1`). A deployment that delivers inside its own network lists
those networks or host names in `OMNISTORE_WEBHOOK_ALLOW` (comma or space separated CIDRs,
addresses or host names; empty by default).

Checked twice: at registration on the URL as written (no DNS lookup in a request), and
before every send on every address the host resolves to; the send then goes to the
address that was checked, so a name cannot resolve to another one in between."""

from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from cloud.settings import CloudSettings
from shared.errors import Unprocessable

ALLOW_ENV = "OMNISTORE_WEBHOOK_ALLOW"
SCHEMES = ("http", "https")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class ForbiddenTarget(Unprocessable):
    """The URL points somewhere the cloud does not send to."""

    def __init__(self, message: str) -> None:
        super().__init__("forbidden_webhook_target", message)


@dataclass(frozen=True)
class Allowed:
    """The deployment's exceptions to the rule."""

    networks: tuple[IPNetwork, ...] = ()
    hosts: frozenset[str] = frozenset()

    def covers(self, address: IPAddress) -> bool:
        return any(address.version == net.version and address in net for net in self.networks)


@dataclass(frozen=True)
class Target:
    """A checked destination: the URL to connect to (the checked address in place of the
    host name), the `Host` header and the TLS server name of the original URL."""

    url: str
    host_header: str
    server_name: str


def allow_list(raw: str | None = None) -> Allowed:
    """`OMNISTORE_WEBHOOK_ALLOW` (read on every call, so a test or an operator can change it)."""
    text = CloudSettings.load().webhook_allow if raw is None else raw
    networks: list[IPNetwork] = []
    hosts: set[str] = set()
    for entry in re.split(r"[,\s]+", text.strip()):
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            hosts.add(entry.lower().rstrip("."))
    return Allowed(tuple(networks), frozenset(hosts))


def literal_address(host: str) -> IPAddress | None:
    """`host` as an IP address when it is one, in any spelling: dotted quad, IPv6, and the
    old forms the C resolver still accepts (hex, decimal, octal, `127.1`)."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return None


def forbidden(address: IPAddress) -> bool:
    """Not a public unicast address (IPv4-mapped and 6to4 IPv6 judged by their IPv4 part)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None and forbidden(embedded):
            return True
    return (
        not address.is_global
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or address.is_multicast
        or address.is_reserved
    )


def check_url(url: str, allowed: Allowed | None = None) -> SplitResult:
    """Refuse a URL that is not http(s), has no host, or names a forbidden address or
    `localhost` (unless allowed). Host names are not resolved here: see `resolve`."""
    allowed = allow_list() if allowed is None else allowed
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:  # e.g. an unbalanced `[` (an IPv6 literal that is not one)
        raise ForbiddenTarget(f"webhook URL cannot be parsed: {exc}") from exc
    if parts.scheme.lower() not in SCHEMES:
        raise ForbiddenTarget(f"webhook URLs must be http or https, not {parts.scheme!r}")
    host = _host(parts)
    if host in allowed.hosts:
        return parts
    address = literal_address(host)
    if address is None and (host == "localhost" or host.endswith(".localhost")):
        address = ipaddress.IPv4Address("127.0.0.1")  # what such names always mean
    if address is None:
        return parts
    if forbidden(address) and not allowed.covers(address):
        raise ForbiddenTarget(
            f"{host} ({address}) is not a public address; a deployment may allow it in {ALLOW_ENV}"
        )
    return parts


def resolve(url: str, allowed: Allowed | None = None) -> Target:
    """Check the URL, resolve its host and check every address it resolves to; the target
    connects to the first of them. Raises ForbiddenTarget (also when the name does not
    resolve)."""
    allowed = allow_list() if allowed is None else allowed
    parts = check_url(url, allowed)
    host = _host(parts)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise ForbiddenTarget(f"{host} does not resolve: {exc}") from exc
    addresses = list(dict.fromkeys(ipaddress.ip_address(str(i[4][0]).split("%")[0]) for i in infos))
    if not addresses:
        raise ForbiddenTarget(f"{host} does not resolve")
    if host not in allowed.hosts:
        bad = [a for a in addresses if forbidden(a) and not allowed.covers(a)]
        if bad:
            raise ForbiddenTarget(
                f"{host} resolves to {', '.join(map(str, bad))}: not a public address"
            )
    first = addresses[0]
    pinned = f"[{first}]" if first.version == 6 else str(first)
    netloc = pinned if parts.port is None else f"{pinned}:{parts.port}"
    userinfo, _, host_header = parts.netloc.rpartition("@")
    netloc = f"{userinfo}@{netloc}" if userinfo else netloc
    return Target(parts._replace(netloc=netloc).geturl(), host_header, host)


def _host(parts: SplitResult) -> str:
    try:
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError as exc:
        raise ForbiddenTarget(f"bad port in webhook URL: {exc}") from exc
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise ForbiddenTarget("webhook URL has no host")
    return host
