"""/healthz for load balancers and container orchestrators."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    """200 "ok" when the database and the cache answer, else 503 "unavailable".

    The reason goes to the log, never to the caller. Never cached (no-store), so that
    neither the page cache nor a proxy keeps an answer.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: the database does not answer")
        return HttpResponse("unavailable", status=503, content_type="text/plain")

    probe = uuid.uuid4().hex
    try:
        cache.set("healthz", probe, timeout=10)
        round_trip = cache.get("healthz")
    except Exception:
        logger.exception("Health check: the cache does not answer")
        return HttpResponse("unavailable", status=503, content_type="text/plain")
    if round_trip != probe:
        logger.error("Health check: the cache did not return what was stored")
        return HttpResponse("unavailable", status=503, content_type="text/plain")

    return HttpResponse("ok", content_type="text/plain")
