"""Renditions made before anyone asks.

A page's first view after a publication would otherwise wait while its pictures are
encoded (AVIF, WebP and JPEG at two or three widths; panoramas at 4096 and 8192 px):
seconds for a virtual visit. When a page is published, or the file of an image that live
pages show is replaced, a background task (django-tasks: the database backend and its
`db_worker` in production, at once in development and tests) makes the renditions that the
page's templates and the listings showing it use — `ContentPage.pictures_used()`, which
reads the same filter specs as the templates (core.pictures). `manage.py make_renditions`
makes them for every live page, after a restore or a change of the specs.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_tasks import task
from wagtail.models import Page, ReferenceIndex


def make_for_page(page):
    """Every rendition `page` shows, made now; the number of (image, filter) pairs."""
    count = 0
    for image, filters in page.specific.pictures_used():
        image.get_renditions(*filters)
        count += len(filters)
    return count


@task()
def make_page_renditions(page_ids):
    """The renditions of these pages (ids; pages deleted since are skipped)."""
    for page in Page.objects.filter(pk__in=page_ids).specific():
        if hasattr(page, "pictures_used"):
            make_for_page(page)


def make_later(page_ids):
    """Enqueued once the transaction that published or saved commits (at once outside one)."""
    page_ids = sorted(set(page_ids))
    if page_ids:
        transaction.on_commit(lambda: make_page_renditions.enqueue(page_ids))


def page_published(sender, instance, **kwargs):
    make_later([instance.pk])


def image_replaced(image):
    """The live pages that show `image` get their renditions again (core.uploads calls this
    once Wagtail has deleted the old file's). A new upload is shown by no page yet: the
    publication of its page makes its renditions."""
    references = ReferenceIndex.get_references_to(image).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    live = Page.objects.live().filter(
        pk__in=[int(pk) for pk in references.values_list("object_id", flat=True)]
    )
    make_later(live.values_list("pk", flat=True))
