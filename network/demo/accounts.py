"""Demo accounts so that a newcomer can try the moderation workflow in the browser.

Development only (settings.MEMHISTO_DEMO_ACCOUNTS): an editor and a moderator for two
museums. Each password is printed once, when the account is created.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page

from network.permissions import museum_team, sync_all_museum_teams

# username prefix for each demo museum
DEMO_TEAMS = {"carriere-wellington": "wellington", "historial-peronne": "peronne"}


def ensure_teams_and_demo_accounts(stdout):
    """Groups and workflows of every museum, then (in development) the demo accounts."""
    sync_all_museum_teams()
    if not settings.MEMHISTO_DEMO_ACCOUNTS:
        return
    user_model = get_user_model()
    for slug, prefix in DEMO_TEAMS.items():
        museum = Page.objects.filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE)
        team = museum_team(museum.first()) if museum.exists() else None
        if team is None:
            continue
        for role, group in (("editor", team.editors), ("moderator", team.moderators)):
            username = f"{prefix}-{role}"
            if user_model.objects.filter(username=username).exists():
                stdout.write(f"{group.name}: {username} (password printed when it was created)")
                continue
            password = os.environ.get("DEMO_TEAM_PASSWORD") or secrets.token_urlsafe(12)
            user = user_model.objects.create_user(
                username, f"{username}@memhisto.example", password
            )
            user.groups.add(group)
            stdout.write(f"{group.name}: {username} / {password}")
