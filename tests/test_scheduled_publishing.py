"""Exhibits and events published at a set time by the publish_scheduled command."""

import datetime
from unittest import mock

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from museum_pages.models import EventPage, ExhibitPage
from tests.helpers import exhibit_form, moderator_of, sign_in


def admin_time(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def run_publish_scheduled_at(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled")


def test_exhibit_goes_live_when_publish_scheduled_runs_at_the_right_time(client, museum):
    go_live = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=2)
    sign_in(client, moderator_of(museum))
    add = reverse("wagtailadmin_pages:add", args=["museum_pages", "exhibitpage", museum.pk])
    form = exhibit_form("Salle du 9 avril", "salle-9-avril", "action-publish")
    form["go_live_at"] = admin_time(go_live)
    response = client.post(add, form)
    assert response.status_code == 302
    exhibit = ExhibitPage.objects.get(slug="salle-9-avril")
    assert not exhibit.live
    assert exhibit.get_latest_revision().approved_go_live_at == go_live

    run_publish_scheduled_at(go_live - datetime.timedelta(minutes=1))
    exhibit.refresh_from_db()
    assert not exhibit.live

    run_publish_scheduled_at(go_live + datetime.timedelta(minutes=1))
    exhibit.refresh_from_db()
    assert exhibit.live
    response = client.get(exhibit.url)
    assert response.status_code == 200


def test_event_expires_when_publish_scheduled_runs_after_expire_at(client, museum):
    event = museum.get_children().type(EventPage).first().specific
    expire = event.end_at.replace(second=0, microsecond=0) + datetime.timedelta(hours=1)
    event.expire_at = expire
    event.save_revision().publish()
    assert event.live

    run_publish_scheduled_at(expire - datetime.timedelta(minutes=1))
    event.refresh_from_db()
    assert event.live

    run_publish_scheduled_at(expire + datetime.timedelta(minutes=1))
    event.refresh_from_db()
    assert not event.live and event.expired


def test_event_edit_form_offers_the_publishing_schedule(client, museum):
    event = museum.get_children().type(EventPage).first()
    sign_in(client, moderator_of(museum))
    content = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert 'name="go_live_at"' in content and 'name="expire_at"' in content
