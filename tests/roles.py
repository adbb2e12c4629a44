"""Users in the editors' groups, and the admin forms they post (shared by the editor tests)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data, streamfield

from demo.accounts import demo_teams
from teams.permissions import NETWORK_TEAM, museum_team

# The two museums of the demo that have team accounts (the Carrière Wellington, the
# Historial de Péronne): a museum team, and a museum outside it.
MUSEUM_A, MUSEUM_B = list(demo_teams())[:2]


def member(username, *groups):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(*groups)
    return user


def editor_of(museum, username="editor-a"):
    return member(username, museum_team(museum).editors)


def moderator_of(museum, username="moderator-a"):
    return member(username, museum_team(museum).moderators)


def network_member(username="network"):
    return member(username, Group.objects.get(name=NETWORK_TEAM))


def exhibit_form(title, slug, action="action-submit", **fields):
    data = {
        "title": title,
        "slug": slug,
        "intro": "Une exposition de test.",
        "hero_image": "",
        "hero_image_alt": "",
        "body": streamfield([]),
        "kind": "permanent",
        "start_date": "",
        "end_date": "",
        "go_live_at": "",
        "expire_at": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        **fields,
    }
    form = nested_form_data(data)
    if action:
        form[action] = "1"
    return form
