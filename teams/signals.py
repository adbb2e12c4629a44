"""Keep the museum teams in step with the museum pages (created, renamed, translated,
deleted), and a translated slug in the form it is published in."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationContext

from core.translation import SLUG_PATH, slug_of
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


@receiver(pre_save, sender=StringTranslation)
def slug_as_published(sender, instance, raw=False, **kwargs):
    """A page's slug as a translator or a machine types it ("Virtueller Rundgang") is stored
    as the slug it becomes ("virtueller-rundgang", "Dünkirchen" as "duenkirchen" in German),
    so the translation editor shows the address the page will have. Text that makes no slug
    is kept as typed: wagtail-localize then makes one from the title when it publishes."""
    if raw or not instance.data:
        return
    if StringTranslation.context.is_cached(instance):  # core.translation.translate()
        path = instance.context.path
    else:  # wagtail-localize's editor and machine translation name the context by its id
        path = TranslationContext.objects.filter(pk=instance.context_id).values("path").first()
        path = path and path["path"]
    if path != SLUG_PATH:
        return
    code = Locale.objects.filter(pk=instance.locale_id).values_list("language_code", flat=True)
    slug = slug_of(instance.data, code.first() or "")
    if slug:
        instance.data = slug
