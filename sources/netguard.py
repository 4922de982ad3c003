"""Which hosts the pipeline may connect to: public addresses only, by default.

A source list, a feed item or a redirect can name any host. Without a guard a
hostile feed could point the monitor at the cloud metadata service
(169.254.169.254), at the machine's own services (127.0.0.1) or at the
newsroom's intranet (10.0.0.0/8). So every hop is checked before it is sent:
the host as written, and every address its name resolves to (a public-looking
name may resolve to a private address).

``NEWSFACTS_ALLOW_PRIVATE`` lets chosen hosts or ranges through, as a
comma-separated list of host names, addresses and CIDR ranges, e.g.
``127.0.0.1`` for the tests and the loopback demo.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sources.errors import BlockedAddress, ConnectFailed

ALLOW_PRIVATE_ENV = "NEWSFACTS_ALLOW_PRIVATE"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Sequence[str]]

# Metadata endpoints that are not covered by the private/link-local tests:
# Alibaba's 100.100.100.200 sits in the shared (CGNAT) range, AWS's IPv6 one
# in fd00::/8, which is private anyway; both named so the intent is explicit.
_METADATA = (ipaddress.ip_network("100.100.100.200/32"), ipaddress.ip_network("fd00:ec2::254/128"))
_METADATA_NAMES = frozenset({"metadata.google.internal", "metadata", "instance-data"})


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, through the system resolver."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class AddressPolicy:
    """Hosts and ranges allowed although private, loopback or link-local."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def parse(cls, value: str) -> AddressPolicy:
        """From ``"127.0.0.1, 10.0.0.0/8, intranet.example"``; blanks ignored."""
        hosts: set[str] = set()
        networks: list[IPNetwork] = []
        for raw in value.split(","):
            item = raw.strip().lower()
            if not item:
                continue
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                hosts.add(item.strip("[]"))
        return cls(frozenset(hosts), tuple(networks))

    @classmethod
    def from_env(cls) -> AddressPolicy:
        """The policy ``NEWSFACTS_ALLOW_PRIVATE`` sets (empty: public hosts only).

        Read per call, not cached at import, so a test or a served flow sees
        the environment it runs in.
        """
        return cls.parse(os.environ.get(ALLOW_PRIVATE_ENV, ""))

    def allows_host(self, host: str) -> bool:
        """The host is named in the allow list as written."""
        return host.lower().strip("[]") in self.hosts

    def allows_address(self, address: IPAddress) -> bool:
        """The address is public, or inside an allowed range."""
        if any(address in network for network in self.networks):
            return True
        return not is_restricted(address)


def is_restricted(address: IPAddress) -> bool:
    """Private, loopback, link-local, reserved, multicast, unspecified or metadata."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_restricted(address.ipv4_mapped)
    if any(address in network for network in _METADATA):
        return True
    return not address.is_global or address.is_multicast


def check_host(
    host: str,
    port: int,
    url: str,
    *,
    policy: AddressPolicy,
    resolver: Resolver = system_resolver,
    where: str | None = None,
) -> None:
    """Raise :class:`BlockedAddress` unless ``host`` may be connected to.

    A literal address is checked as it is. A name is resolved and every
    address checked, so nothing is ever sent to a refused address.
    """
    if policy.allows_host(host):
        return
    where = where or url
    name = host.lower().strip("[]").rstrip(".")
    if name in _METADATA_NAMES:
        raise BlockedAddress(f"refused: {host} is a cloud metadata host ({where})", url=url)
    literal = _literal(name)
    addresses = [literal] if literal is not None else _resolve(name, port, where, url, resolver)
    for address in addresses:
        if not policy.allows_address(address):
            raise BlockedAddress(
                f"refused: {host} is a private, loopback, link-local or metadata address "
                f"({address}) at {where}; set {ALLOW_PRIVATE_ENV} to allow it",
                url=url,
            )


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _resolve(host: str, port: int, where: str, url: str, resolver: Resolver) -> list[IPAddress]:
    try:
        found = resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise ConnectFailed(f"cannot resolve {host} for {where}: {exc}", url=url) from exc
    addresses = [_literal(value.split("%", 1)[0]) for value in found]
    if not addresses or any(address is None for address in addresses):
        raise ConnectFailed(f"cannot resolve {host} for {where}: no usable address", url=url)
    return [address for address in addresses if address is not None]
