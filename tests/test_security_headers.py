"""Security headers: every public page type is locked down and scores A+ on the Observatory;
the admin has its own policy, which lets Wagtail, previews and the map widget work."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from home.models import NetworkHomePage, StandardPage
from museum_pages.models import EventPage, ExhibitPage, MuseumPage, VirtualVisitPage
from network.models import THEME_COLOURS
from tests.observatory import observatory_score, parse_csp

PAGE_TYPES = [NetworkHomePage, StandardPage, MuseumPage, ExhibitPage, VirtualVisitPage, EventPage]
TWO_LANGUAGES = ["fr", "de"]
OTHER_PAGES = {
    "search": "/{code}/search/?q=guerre",
    "search-suggestions": "/{code}/search/suggest/?q=guer",
    "not-found": "/{code}/cette-page-n-existe-pas/",
}


def public_url(page_type, code, locales):
    if isinstance(page_type, str):
        return OTHER_PAGES[page_type].format(code=code)
    return page_type.objects.live().filter(locale=locales[code]).first().url


def page_type_id(page_type):
    return page_type if isinstance(page_type, str) else page_type.__name__


PUBLIC_PAGES = [
    pytest.param(page_type, code, id=f"{page_type_id(page_type)}-{code}")
    for page_type in [*PAGE_TYPES, *OTHER_PAGES]
    for code in TWO_LANGUAGES
]


@pytest.mark.parametrize(("page_type", "code"), PUBLIC_PAGES)
def test_public_page_scores_a_plus_on_the_observatory(client, locales, page_type, code):
    response = client.get(public_url(page_type, code, locales), secure=True)
    assert response.status_code in (200, 404)
    score = observatory_score(response)
    assert score.total >= 110, str(score)


@pytest.mark.parametrize(("page_type", "code"), PUBLIC_PAGES)
def test_public_page_sends_the_strict_policy_and_headers(client, locales, page_type, code):
    response = client.get(public_url(page_type, code, locales), secure=True)
    csp = parse_csp(response["Content-Security-Policy"])
    assert csp["default-src"] == {"'none'"}
    assert csp["script-src"] == {"'self'"}
    assert csp["style-src"] == {"'self'"}
    assert csp["frame-ancestors"] == {"'none'"}
    assert csp["object-src"] == {"'none'"}
    assert csp["base-uri"] == {"'self'"}
    assert csp["form-action"] == {"'self'"}
    assert "https://tile.openstreetmap.org" in csp["img-src"]
    assert csp["frame-src"] == {"https://www.youtube.com", "https://player.vimeo.com"}
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for denied in ["camera=()", "microphone=()", "payment=()", "usb=()"]:
        assert denied in permissions
    kept_by_the_site = ["gyroscope=(self)", "accelerometer=(self)", "magnetometer=(self)"]
    for kept in [*kept_by_the_site, "geolocation=(self)"]:  # "near me" (issue 21)
        assert kept in permissions
    assert "fullscreen=(self " in permissions


def test_a_cached_page_is_sent_with_the_headers_it_was_stored_with(db, client):
    first = client.get("/fr/", secure=True)
    second = client.get("/fr/", secure=True)
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    for header in [
        "Content-Security-Policy",
        "Permissions-Policy",
        "Strict-Transport-Security",
        "Referrer-Policy",
        "X-Content-Type-Options",
        "X-Frame-Options",
    ]:
        assert second[header] == first[header], header
    assert observatory_score(second).total >= 110


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")")


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=page_type_id)
def test_public_pages_carry_no_inline_script_or_style(client, locales, page_type):
    """What the strict policy would block: inline scripts, <style> and style attributes."""
    for code in TWO_LANGUAGES:
        html = client.get(public_url(page_type, code, locales)).content.decode()
        assert not INLINE_SCRIPT.search(html)
        assert "<style" not in html
        assert " style=" not in html
        assert not re.search(r"<[^>]*\son[a-z]+\s*=", html)  # onclick= and the like


def test_home_page_theme_filters_keep_their_colours_without_inline_styles(db, client):
    html = client.get("/fr/").content.decode()
    used = set(re.findall(r'class="(?:tag|theme-filter__link) theme-colour--([a-z-]+)"', html))
    assert len(used) >= 3  # the demo themes have different colours


def relative_luminance(hex_code):
    channels = [int(hex_code[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("hex_code", "name", "label"), THEME_COLOURS)
def test_each_theme_colour_has_its_class_and_white_text_reads_on_it(hex_code, name, label):
    css = (settings.BASE_DIR / "static" / "css" / "main.css").read_text()
    assert f".theme-colour--{name} {{ --tag-colour: {hex_code}; }}" in css
    contrast = (1 + 0.05) / (relative_luminance(hex_code) + 0.05)
    assert contrast >= 7, f"{label}: {contrast:.2f}:1"


def test_plain_http_pages_carry_no_hsts(db, client):
    """Browsers ignore HSTS over HTTP; Django sends it over HTTPS only (production.py redirects)."""
    response = client.get("/fr/")
    assert "Strict-Transport-Security" not in response
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize("url", ["/sitemap.xml", "/api/museums.geojson"])
def test_feeds_carry_the_headers_too(db, client, url):
    response = client.get(url, secure=True)
    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


# The admin -----------------------------------------------------------------------------


def test_admin_has_its_own_policy_for_wagtail_and_the_map_widget(admin_client, museum):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[museum.pk]), secure=True)
    assert response.status_code == 200
    csp = parse_csp(response["Content-Security-Policy"])
    assert csp["default-src"] == {"'none'"}
    assert csp["script-src"] == {"'self'", "'unsafe-inline'"}
    assert csp["frame-ancestors"] == {"'self'"}  # previews are iframes of the admin
    assert "'self'" in csp["frame-src"]
    assert csp["object-src"] == {"'none'"}
    assert "https://tile.openstreetmap.org" in csp["img-src"]
    assert "https://nominatim.openstreetmap.org" in csp["connect-src"]
    # The map widget uses our own Leaflet, not a public CDN's.
    html = response.content.decode()
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "unpkg.com" not in html
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_admin_page_preview_may_be_framed_by_the_admin_only(admin_client, museum):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[museum.pk])
    response = admin_client.get(url, secure=True)
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert parse_csp(response["Content-Security-Policy"])["frame-ancestors"] == {"'self'"}


def test_page_preview_rendering_gets_the_admin_policy(museum):
    """Wagtail renders previews through the middleware with the page's public path."""
    response = museum.make_preview_request()
    assert response.status_code == 200
    assert parse_csp(response["Content-Security-Policy"])["frame-ancestors"] == {"'self'"}


def test_admin_login_page_is_not_framable(db, client):
    response = client.get("/admin/login/", secure=True)
    assert response["X-Frame-Options"] == "DENY"


# The scorer itself ---------------------------------------------------------------------


def test_scorer_penalises_a_response_without_security_headers(db, client, settings):
    settings.CONTENT_SECURITY_POLICY = None
    settings.SECURE_HSTS_SECONDS = 0
    settings.SECURE_REFERRER_POLICY = None
    settings.SECURE_CONTENT_TYPE_NOSNIFF = False
    response = client.get("/fr/", secure=True)
    assert "Content-Security-Policy" not in response
    score = observatory_score(response)
    # -25 CSP, -20 HSTS, -5 nosniff; X-Frame-Options DENY still counts 0.
    assert score.total == 50, str(score)


def test_scorer_penalises_unsafe_inline_scripts_and_insecure_cookies(db, client, settings):
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"default-src": ["'self'"], "script-src": ["'self'", "'unsafe-inline'"]}
    }
    response = client.get("/fr/", secure=True)
    response.cookies["sessionid"] = "x"
    score = observatory_score(response)
    assert score.modifiers["content-security-policy"][0] == -20
    assert score.modifiers["cookies"][0] == -10  # protected by HSTS, still without Secure
    assert score.total < 90, str(score)


def test_scorer_gives_no_bonus_below_ninety(db, client, settings):
    settings.SECURE_HSTS_SECONDS = 0
    response = client.get("/fr/", secure=True)
    score = observatory_score(response)
    # -20 for HSTS leaves 80: the CSP, referrer and frame-ancestors bonuses do not count.
    assert score.total == 80, str(score)


# Embeds ---------------------------------------------------------------------------------


def test_embed_block_accepts_only_the_players_the_policy_lets_in(db):
    """frame-src lists YouTube and Vimeo: the embed block refuses other providers."""
    from wagtail.embeds.blocks import EmbedBlock
    from wagtail.embeds.finders import get_finders

    def accepted(url):
        return any(finder.accept(url) for finder in get_finders())

    assert accepted("https://www.youtube.com/watch?v=abc123")
    assert accepted("https://vimeo.com/123456")
    outsider = "https://www.dailymotion.com/video/x7tgad0"
    assert not accepted(outsider)
    block = EmbedBlock()
    with pytest.raises(ValidationError, match="Impossible de trouver une intégration"):
        block.clean(block.to_python(outsider))
