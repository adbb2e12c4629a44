"""Demo accounts, created only where settings.MEMHISTO_DEMO_ACCOUNTS is true (never in
production). A password is printed once, when the account is created; DEMO_PASSWORD sets
it for every demo account (DEMO_ADMIN_PASSWORD for the superuser alone)."""

import os
import secrets

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile


def ensure_demo_user(stdout, username, *, groups=(), superuser=False, language=""):
    """Create the account if it is missing and print its login; returns the user."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is not None:
        stdout.write(f"  {username} (password printed when it was created)")
        return user
    password = (
        (os.environ.get("DEMO_ADMIN_PASSWORD") if superuser else None)
        or os.environ.get("DEMO_PASSWORD")
        or secrets.token_urlsafe(12)
    )
    email = f"{username}@memhisto.example"
    if superuser:
        user = user_model.objects.create_superuser(username, email, password)
    else:
        user = user_model.objects.create_user(username, email, password)
        user.groups.add(*groups)
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    stdout.write(f"  {username} / {password}")
    return user
