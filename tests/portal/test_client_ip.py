import pytest
from django.test import RequestFactory

from core.client_ip import client_ip

rf = RequestFactory()


def request(remote="203.0.113.9", forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/", **meta)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(forwarded="1.2.3.4")) == "203.0.113.9"


@pytest.mark.parametrize(
    "count, forwarded, expected",
    [
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # client forged the left part
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (2, "198.51.100.7", "203.0.113.9"),  # fewer hops than proxies: do not trust
        (1, "not-an-ip", "203.0.113.9"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_behind_trusted_proxies_the_nth_address_from_the_right_is_the_client(
    settings, count, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request(forwarded=forwarded)) == expected


@pytest.mark.parametrize("trusted", [0, 1])
def test_an_ipv4_mapped_address_is_its_ipv4_address(settings, trusted):
    settings.TRUSTED_PROXY_COUNT = trusted
    req = (
        request(forwarded="::ffff:203.0.113.7", remote="10.0.0.2")
        if trusted
        else request(remote="::ffff:203.0.113.7")
    )
    assert client_ip(req) == "203.0.113.7"


def test_ipv4_mapped_clients_get_a_rate_limit_bucket_each(settings):
    """The /64 mask once turned every ::ffff:a.b.c.d into '::': one bucket for all."""
    from django_ratelimit.core import _get_ip

    settings.TRUSTED_PROXY_COUNT = 0
    buckets = {_get_ip(request(remote=f"::ffff:203.0.113.{n}")) for n in range(1, 6)}
    assert buckets == {f"203.0.113.{n}" for n in range(1, 6)}
    # A real IPv6 client is still one bucket per /64.
    assert _get_ip(request(remote="2001:db8:1:2::5")) == _get_ip(request(remote="2001:db8:1:2::9"))
