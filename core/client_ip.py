"""The client's network address, as rate limiting and abuse control see it.

Every part of the portal asks this one function. ``X-Forwarded-For`` is
trusted only as far as ``TRUSTED_PROXY_COUNT`` reverse proxies that append to
it: with N proxies the client is the N-th address from the right. Anything a
client writes further left is ignored, and with no trusted proxies (the
default) the header is ignored entirely, so a forged header changes nothing.
"""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    # An IPv4 client seen through a dual-stack socket (::ffff:203.0.113.9) is that IPv4
    # address: as IPv6 the rate limits' /64 mask would fold every such client into one.
    mapped = getattr(ip, "ipv4_mapped", None)
    return str(mapped or ip)


def client_ip(request) -> str:
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [a for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if len(forwarded) < proxies:
        return remote
    return _valid(forwarded[-proxies]) or remote
