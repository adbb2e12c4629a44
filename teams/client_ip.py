"""The visitor's address, as django-axes counts login failures by it."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or behind ``MEMHISTO_TRUSTED_PROXY_COUNT`` proxies the address the
    outermost of them saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so
    only the last N entries can be trusted; anything to their left may be forged by the
    client and is ignored.
    """
    proxies = settings.MEMHISTO_TRUSTED_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
