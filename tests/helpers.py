"""What the test modules share: the languages, the production settings run in a subprocess,
users in a role and signed-in clients, the admin forms they post, image files as bytes, SQL
query counting, and opening hours set to change at a chosen moment. Test modules import from
here (and take fixtures from conftest.py by name), never from one another."""

import datetime
import io
import json
import os
import re
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import polib
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core import languages
from core.page_cache import clear_page_cache
from demo.accounts import demo_teams
from museum_pages.models.practical import Closure, OpeningPeriod
from museum_pages.practical.opening_hours import PARIS
from teams.permissions import NETWORK_TEAM, museum_team

LANGUAGES = languages.CODES
ROOT = Path(__file__).resolve().parent.parent


# French on another language's page (issue 21). The proper names of the network keep their
# French ("La Coupole", "Caverne du Dragon", "Chemin des Dames"): the words looked for are
# ones that no name of the demo holds. French spacing: a space before : ; ? ! », or «.
FRENCH_WORDS = re.compile(
    r"(?<![\w-])(le|les|et|une|pour|avec|dans|sur|provisoire|musée|bataille|visite|accueil|"
    r"fermer|voir|zoom avant|zoom arrière)(?![\w-])|\b(?:[ldj]|qu)['’]\w",
    re.IGNORECASE,
)
FRENCH_SPACING = re.compile(r"[ \u00a0\u202f][:;?!»]|«")


def html_lang(response):
    """The language a page declares on its <html> element."""
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


# Our interface strings ---------------------------------------------------------------------


def french_interface_strings(code):
    """The French msgids whose translation differs: phrases, or words too long to be shared
    with the other language's running text (a single "position" may be English too)."""
    catalogue = polib.pofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.po"))
    strings = set()
    for entry in catalogue:
        translations = list(entry.msgstr_plural.values()) or [entry.msgstr]
        for msgid in [entry.msgid, entry.msgid_plural]:
            is_phrase = " " in msgid.strip() or len(msgid) >= 12
            if msgid and "%(" not in msgid and is_phrase and msgid not in translations:
                strings.add(msgid)
    return strings


# The production settings, in a subprocess as a deployment runs them ---------------------------

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "memhisto.settings.production",
    "SECRET_KEY": "x7!k2#production-like-secret-key-with-enough-entropy-0123456789abcdef",
    "ALLOWED_HOSTS": "memhisto.example",
    "DATABASE_URL": "sqlite:////tmp/memhisto-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_manage(*args, env):
    """`manage.py *args` in a subprocess with `env` instead of the test settings."""
    clean_env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# Users and signed-in clients --------------------------------------------------------------

# The two museums of the demo that have team accounts (the Carrière Wellington, the
# Historial de Péronne): a museum team, and a museum outside it.
MUSEUM_A, MUSEUM_B = list(demo_teams())[:2]


def member(username, *groups):
    """A new user in `groups`."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(*groups)
    return user


def editor_of(museum, username="editor-a"):
    return member(username, museum_team(museum).editors)


def moderator_of(museum, username="moderator-a"):
    return member(username, museum_team(museum).moderators)


def network_member(username="network"):
    return member(username, Group.objects.get(name=NETWORK_TEAM))


def superuser(username="boss"):
    """A new superuser (pytest-django's `admin_user` is the demo network's `admin`)."""
    return get_user_model().objects.create_superuser(username, f"{username}@example.org", "x")


def demo_user(username):
    """A user of the demo network (demo/accounts.py): `admin`, `translator-de`…"""
    return get_user_model().objects.get(username=username)


def sign_in(client, user):
    """`client`, signed in as `user` (a test client keeps one session: this replaces it)."""
    client.force_login(user)
    return client


def exhibit_form(title, slug, action="action-submit", **fields):
    """The admin's exhibit form as an editor posts it; `action` is the button pressed."""
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


# Image files --------------------------------------------------------------------------------


def image_bytes(size=(40, 30), image_format="PNG", mode="RGB", colour="navy", **options):
    """An image file made with Pillow, as the bytes an upload sends."""
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, image_format, **options)
    return buffer.getvalue()


def png_bytes(size=(40, 30), mode="RGB"):
    return image_bytes(size, "PNG", mode)


def phone_photo_jpeg():
    """A JPEG as a phone takes it: 4032 × 3024 pixels, camera make and model in its EXIF, and
    an orientation tag saying it was held upright (turn 90° to show it)."""
    exif = Image.Exif()
    exif[0x010F] = "Fairphone"  # Make
    exif[0x0110] = "FP5"  # Model
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    return image_bytes((4032, 3024), "JPEG", colour=(90, 110, 70), quality=85, exif=exif)


# SQL queries --------------------------------------------------------------------------------


@contextmanager
def captured_queries():
    """The SQL queries run inside the block: `with captured_queries() as queries: …`, then
    `len(queries)`, or each query's text in `query["sql"]`."""
    with CaptureQueriesContext(connection) as captured:
        yield captured


def counted_get(client, url, **params):
    """(response, number of SQL queries) of a GET of `url`."""
    with captured_queries() as queries:
        response = client.get(url, params)
    return response, len(queries)


def queries_for(client, url, **params):
    """The SQL queries of a GET of `url`, which must answer 200, as the first visitor after a
    publication gets it: a first request makes the image renditions, then the page cache and
    the remembered data (core.remembered) are dropped, as a publication drops them."""
    client.get(url, params)
    clear_page_cache()
    response, count = counted_get(client, url, **params)
    assert response.status_code == 200, url
    return count


# Opening hours that change at a chosen moment ----------------------------------------------


def max_age(response):
    """The response's Cache-Control max-age, in seconds."""
    directives = dict(
        directive.strip().partition("=")[::2] for directive in response["Cache-Control"].split(",")
    )
    return int(directives["max-age"])


def status_changes_in(seconds, museums):
    """Replace the opening rules of `museums` (no closures, open every day from 00:00) so that
    each one's status changes `seconds` from now: it closes then, or at midnight when that
    comes first. The rows are changed in place and the remembered ones dropped, as a
    publication does. Returns the moment of the change, an aware datetime in Paris."""
    now = datetime.datetime.now(tz=PARIS)
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(0, 0), tzinfo=PARIS
    )
    change = min((now + datetime.timedelta(seconds=seconds)).replace(microsecond=0), midnight)
    closes = datetime.time(0, 0) if change == midnight else change.time()
    museums = list(museums)
    OpeningPeriod.objects.filter(page__in=museums).delete()
    Closure.objects.filter(page__in=museums).delete()
    every_day = dict.fromkeys(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], True
    )
    OpeningPeriod.objects.bulk_create(
        OpeningPeriod(page=museum, opens=datetime.time(0, 0), closes=closes, **every_day)
        for museum in museums
    )
    clear_page_cache()
    return change


def lifetime_bounds(change, started, finished):
    """(least, most) whole seconds left until `change` for a page computed between the
    timestamps `started` and `finished` (time.time()): the bounds of its max-age."""
    return int(change.timestamp() - finished), int(change.timestamp() - started)


def json_ld(html):
    """The one JSON-LD block of a page, parsed."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])
