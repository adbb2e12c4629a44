"""Keep the museum teams in step with the museum pages (created, renamed, translated, deleted)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home.models import NetworkHomePage
from museum_pages.models import MuseumPage
from teams import permissions


@receiver(post_save, sender=MuseumPage)
def museum_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    permissions.sync_museum_team(instance, full=created)


@receiver(post_delete, sender=MuseumPage)
def museum_deleted(sender, instance, **kwargs):
    permissions.remove_museum_team(instance)


@receiver(post_save, sender=NetworkHomePage)
def network_home_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        permissions.ensure_network_team()
