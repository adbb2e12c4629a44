"""Demo accounts, created only where settings.MEMHISTO_DEMO_ACCOUNTS is true (never in
production): the superuser, a translator a language, and an editor and a moderator for two
museums, so that a newcomer can try every workflow in the browser. A password is printed
once, when the account is created; DEMO_PASSWORD sets it for every demo account
(DEMO_ADMIN_PASSWORD for the superuser alone)."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.users.models import UserProfile

from core import languages
from demo.data import museums
from teams.permissions import NETWORK_TEAM, museum_team, sync_all_museum_teams

NETWORK_TEAM_USERNAME = "network-team"


def demo_teams():
    """The museums that have demo team accounts: slug → username prefix (their `demo_team`)."""
    return {museum["slug"]: museum["demo_team"] for museum in museums() if museum["demo_team"]}


def ensure_demo_user(stdout, username, *, groups=(), superuser=False, language="", label=""):
    """Create the account if it is missing and print its login; returns the user."""
    user_model = get_user_model()
    prefix = f"  {label}: " if label else "  "
    user = user_model.objects.filter(username=username).first()
    if user is not None:
        stdout.write(f"{prefix}{username} (password printed when it was created)")
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
    stdout.write(f"{prefix}{username} / {password}")
    return user


def ensure_teams_and_demo_accounts(stdout):
    """Groups and workflows of every museum, then (in development) the demo team accounts."""
    sync_all_museum_teams()
    if not settings.MEMHISTO_DEMO_ACCOUNTS:
        return
    for slug, prefix in demo_teams().items():
        museum = Page.objects.filter(slug=slug, locale__language_code=languages.SOURCE)
        team = museum_team(museum.first()) if museum.exists() else None
        if team is None:
            continue
        for role, group in (("editor", team.editors), ("moderator", team.moderators)):
            ensure_demo_user(stdout, f"{prefix}-{role}", groups=[group], label=group.name)
    # The role that builds the routes between museums and the network's own pages.
    network_team = Group.objects.get(name=NETWORK_TEAM)  # made by sync_all_museum_teams()
    ensure_demo_user(stdout, NETWORK_TEAM_USERNAME, groups=[network_team], label=network_team.name)
