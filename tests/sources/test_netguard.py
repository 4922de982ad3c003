"""Private, loopback, link-local and metadata addresses are refused before connecting."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence

import httpx
import pytest

from flows.site_server import SiteServer
from sources.errors import BlockedAddress, ConnectFailed
from sources.fetch import FetchSettings, fetch
from sources.netguard import ALLOW_PRIVATE_ENV, AddressPolicy, check_host, is_restricted

URL = "http://example.test/"


def resolver_to(*addresses: str) -> Callable[[str, int], Sequence[str]]:
    def resolve(host: str, port: int) -> Sequence[str]:
        return addresses

    return resolve


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "::1", "fe80::1",
     "0.0.0.0", "100.100.100.200", "::ffff:127.0.0.1", "fd00:ec2::254", "224.0.0.1"],
)  # fmt: skip
def test_restricted_addresses(address: str) -> None:
    assert is_restricted(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
def test_public_addresses_pass(address: str) -> None:
    assert not is_restricted(ipaddress.ip_address(address))
    check_host(address, 80, URL, policy=AddressPolicy())


def test_a_name_resolving_to_a_private_address_is_refused() -> None:
    resolver = resolver_to("93.184.215.14", "10.1.2.3")
    with pytest.raises(BlockedAddress, match=r"10\.1\.2\.3"):
        check_host("news.example", 80, URL, policy=AddressPolicy(), resolver=resolver)


def test_metadata_host_name_is_refused_without_resolving() -> None:
    def never(host: str, port: int) -> Sequence[str]:
        raise AssertionError("resolved")

    with pytest.raises(BlockedAddress, match="metadata"):
        check_host("metadata.google.internal", 80, URL, policy=AddressPolicy(), resolver=never)


def test_unresolvable_name_is_transient() -> None:
    def fail(host: str, port: int) -> Sequence[str]:
        raise OSError("Name or service not known")

    with pytest.raises(ConnectFailed):
        check_host("nowhere.example", 80, URL, policy=AddressPolicy(), resolver=fail)


def test_allow_list_hosts_and_ranges() -> None:
    policy = AddressPolicy.parse(" 127.0.0.1, 10.0.0.0/8 ,intranet.example,, ")
    check_host("127.0.0.1", 80, URL, policy=policy)
    check_host("10.9.9.9", 80, URL, policy=policy)
    check_host("intranet.example", 80, URL, policy=policy, resolver=resolver_to("192.168.0.9"))
    with pytest.raises(BlockedAddress):
        check_host("192.168.0.9", 80, URL, policy=policy)


def test_fetch_refuses_loopback_unless_allowed(
    http_server: SiteServer, fetch_settings: FetchSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "")
    with pytest.raises(BlockedAddress, match=ALLOW_PRIVATE_ENV):
        fetch(http_server.url("/text.txt"), settings=fetch_settings)
    # A name is checked after resolution: localhost is loopback too.
    local = http_server.url("/text.txt").replace("127.0.0.1", "localhost")
    with pytest.raises(BlockedAddress):
        fetch(local, settings=fetch_settings)


def test_redirect_to_a_private_address_is_refused_before_connecting(
    http_server: SiteServer, fetch_settings: FetchSettings
) -> None:
    sent: list[str] = []
    with httpx.Client(event_hooks={"request": [lambda request: sent.append(str(request.url))]}) as client:
        with pytest.raises(BlockedAddress, match=r"10\.0\.0\.1"):
            fetch(http_server.url("/redirect-private"), client=client, settings=fetch_settings)
    assert sent == [http_server.url("/redirect-private")]
