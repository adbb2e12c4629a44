"""The page a locked-out login gets (django-axes), in the visitor's language."""

from axes.helpers import get_cool_off
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: a page in the visitor's language saying
    when to retry, with status 429 and Retry-After, instead of axes' bare English text."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60))
    response = render(request, "account/lockout.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
