"""Who may do what: one team per museum, the network team, and their moderation workflows.

Each museum has two groups, "<museum> — rédacteurs" (add, edit, submit for moderation) and
"<museum> — modérateurs" (the same, plus publish and unpublish), with rights on that
museum's pages in every language and on its own collection of images, documents, audio
and video. The "Équipe du réseau" group has rights on the whole tree and on every
collection. Their names are French, as the rest of the data of the French admin (the
groups and workflows of databases made before, in English, are renamed by the next
`setup_network` or `load_network`).

Every museum has its workflow (its moderators approve); the network home pages, and so the
common pages under them, go through the network team's workflow.

The helpers (`ensure_group`, `grant_page_permissions`, `grant_collection_permissions`,
`ensure_workflow`) are reusable for other groups, e.g. translators.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from core import languages
from home.models import NetworkHomePage
from museum_pages.models import MuseumPage
from teams.models import MuseumTeam

NETWORK_TEAM = "Équipe du réseau"
NETWORK_WORKFLOW = "Équipe du réseau — modération"
NETWORK_TASK = "Équipe du réseau — validation"
EDITORS_SUFFIX = " — rédacteurs"
MODERATORS_SUFFIX = " — modérateurs"
WORKFLOW_SUFFIX = " — modération"
TASK_SUFFIX = " — validation des modérateurs"
# The network team's English names until December 2026 (the museum teams' names follow
# their museum and are brought in step by sync_museum_team).
FORMER_NETWORK_NAMES = {
    NETWORK_TEAM: "Network team",
    NETWORK_WORKFLOW: "Network team — moderation",
    NETWORK_TASK: "Network team — approval",
}

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page", "lock_page", "unlock_page"]
NETWORK_PAGE_PERMISSIONS = [*MODERATOR_PAGE_PERMISSIONS, "bulk_delete_page"]
# wagtailmedia (audio, video) has no "choose" permission: its chooser offers the media a
# user may change, so "change_media" on the museum's collection is what lets its team
# choose them, and nobody else.
MUSEUM_MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
    "wagtailmedia": ["add_media", "change_media"],
}
NETWORK_MEDIA_PERMISSIONS = {
    "wagtailimages": [*MUSEUM_MEDIA_PERMISSIONS["wagtailimages"], "delete_image"],
    "wagtaildocs": [*MUSEUM_MEDIA_PERMISSIONS["wagtaildocs"], "delete_document"],
    "wagtailmedia": [*MUSEUM_MEDIA_PERMISSIONS["wagtailmedia"], "delete_media"],
}
# The network team reads the groups (and so their history in the site history report), and
# requests translations of any page into any language (teams/rights.py).
NETWORK_MODEL_PERMISSIONS = [
    *ADMIN_ACCESS,
    "auth.view_group",
    "wagtail_localize.submit_translation",
]

GROUP_NAME_LENGTH = Group._meta.get_field("name").max_length


# Reusable helpers ---------------------------------------------------------------------


def permissions(app_label, codenames):
    return list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def model_permissions(dotted_names):
    """Permissions from "app_label.codename" strings."""
    found = []
    for dotted in dotted_names:
        app_label, codename = dotted.split(".")
        found += permissions(app_label, [codename])
    return found


def group_name(base, suffix="", exclude_pk=None):
    """`base + suffix`, shortened to fit, and made unique if another group has the name."""
    name = base[: GROUP_NAME_LENGTH - len(suffix)] + suffix
    taken = Group.objects.filter(name=name).exclude(pk=exclude_pk)
    counter = 2
    while taken.exists():
        tail = f" ({counter}){suffix}"
        name = base[: GROUP_NAME_LENGTH - len(tail)] + tail
        taken = Group.objects.filter(name=name).exclude(pk=exclude_pk)
        counter += 1
    return name


def ensure_group(name, model_perms=ADMIN_ACCESS, group=None):
    """The group called `name` (renamed if `group` is given), with `model_perms`."""
    if group is None:
        group, created = Group.objects.get_or_create(name=name)
        if created:
            log(instance=group, action="wagtail.create")
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])
        log(instance=group, action="wagtail.rename")
    missing = [p for p in model_permissions(model_perms) if p not in set(group.permissions.all())]
    if missing:
        group.permissions.add(*missing)
        log(instance=group, action="wagtail.edit")
    return group


def grant_page_permissions(group, pages, codenames):
    """Give `group` the page permissions `codenames` on each of `pages` (and below)."""
    perms = permissions("wagtailcore", codenames)
    existing = set(
        GroupPagePermission.objects.filter(group=group, page__in=pages).values_list(
            "page_id", "permission_id"
        )
    )
    new = [
        GroupPagePermission(group=group, page=page, permission=perm)
        for page in pages
        for perm in perms
        if (page.pk, perm.pk) not in existing
    ]
    if new:
        GroupPagePermission.objects.bulk_create(new)
        log(instance=group, action="wagtail.edit")
    return len(new)


def grant_collection_permissions(group, collection, codenames_by_app):
    """Give `group` the image/document/media permissions on `collection` (and below)."""
    perms = [p for app, codes in codenames_by_app.items() for p in permissions(app, codes)]
    existing = set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission_id", flat=True
        )
    )
    new = [
        GroupCollectionPermission(group=group, collection=collection, permission=perm)
        for perm in perms
        if perm.pk not in existing
    ]
    if new:
        GroupCollectionPermission.objects.bulk_create(new)
        log(instance=group, action="wagtail.edit")
    return len(new)


def ensure_workflow(name, task_name, groups, pages, workflow=None):
    """A workflow with one group-approval task, assigned to `pages` (and what is below)."""
    if workflow is None:
        workflow = Workflow.objects.filter(name=name).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name)
        log(instance=workflow, action="wagtail.create")
    elif workflow.name != name:
        workflow.name = name
        workflow.save(update_fields=["name"])
    link = WorkflowTask.objects.filter(workflow=workflow).select_related("task").first()
    task = link.task.specific if link else None
    if not isinstance(task, GroupApprovalTask):
        task = GroupApprovalTask.objects.create(name=task_name)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    elif task.name != task_name:
        task.name = task_name
        task.save(update_fields=["name"])
    task.groups.add(*groups)
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


# The network team ---------------------------------------------------------------------


def named(model, name):
    """The `model` object called `name`, or else the one with its former English name."""
    found = model.objects.filter(name=name).first()
    if found is None and name in FORMER_NETWORK_NAMES:
        found = model.objects.filter(name=FORMER_NETWORK_NAMES[name]).first()
    return found


def ensure_network_team():
    """The "Équipe du réseau" group (whole tree, every collection) and its workflow on the
    network home pages in every language."""

    team = ensure_group(NETWORK_TEAM, NETWORK_MODEL_PERMISSIONS, group=named(Group, NETWORK_TEAM))
    grant_page_permissions(team, [Page.get_first_root_node()], NETWORK_PAGE_PERMISSIONS)
    grant_collection_permissions(team, Collection.get_first_root_node(), NETWORK_MEDIA_PERMISSIONS)
    homes = list(NetworkHomePage.objects.all())
    if homes:
        workflow = named(Workflow, NETWORK_WORKFLOW)
        ensure_workflow(NETWORK_WORKFLOW, NETWORK_TASK, [team], homes, workflow=workflow)
    return team


# Museum teams -------------------------------------------------------------------------


def museum_name(page):
    """The museum's name in the source language (French), whatever page was saved."""
    if page.locale.language_code == languages.SOURCE:
        return page.title
    source = (
        Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=languages.SOURCE
        )
        .values_list("title", flat=True)
        .first()
    )
    return source or page.title


def collection_named(name):
    """The root collection's child called `name`, created if missing: (collection, created).

    A museum keeps its images and documents there; its team's rights follow it.
    """
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is not None:
        return collection, False
    return root.add_child(name=name), True


def museum_collection(name, team=None):
    """The museum's collection: the team's, or the root collection's child called `name`."""
    collection = team.collection if team else None
    if collection is None:
        collection, _created = collection_named(name)
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    return collection


def adopt_images(page, collection):
    """A new museum's hero image, uploaded while its collection did not exist yet (so into
    the root collection), moves to the museum's collection, where its team can use it."""
    if page.hero_image_id is None:
        return
    image = get_image_model().objects.filter(pk=page.hero_image_id).first()
    if image is not None and image.collection.is_root():
        image.collection = collection
        image.save(update_fields=["collection"])  # through save(): the search index follows


def museum_team(page):

    return (
        MuseumTeam.objects.select_related("editors", "moderators", "collection", "workflow")
        .filter(museum_key=page.translation_key)
        .first()
    )


@transaction.atomic
def sync_museum_team(page, full=True):
    """Create or update the groups, collection and workflow of the museum of `page`.

    With full=False (an ordinary save of an existing museum) only the names are brought in
    step; the rights are granted on creation, on a new translation and by `full` runs.
    """

    team = museum_team(page)
    name = museum_name(page)
    if (
        team is not None
        and not full
        and team.editors.name == group_name(name, EDITORS_SUFFIX, team.editors_id)
    ):
        return team
    editors = ensure_group(
        group_name(name, EDITORS_SUFFIX, team and team.editors_id),
        group=team.editors if team else None,
    )
    moderators = ensure_group(
        group_name(name, MODERATORS_SUFFIX, team and team.moderators_id),
        group=team.moderators if team else None,
    )
    collection = museum_collection(name, team)
    museums = list(Page.objects.filter(translation_key=page.translation_key, depth=page.depth))
    grant_page_permissions(editors, museums, EDITOR_PAGE_PERMISSIONS)
    grant_page_permissions(moderators, museums, MODERATOR_PAGE_PERMISSIONS)
    grant_collection_permissions(editors, collection, MUSEUM_MEDIA_PERMISSIONS)
    grant_collection_permissions(moderators, collection, MUSEUM_MEDIA_PERMISSIONS)
    workflow = ensure_workflow(
        name + WORKFLOW_SUFFIX,
        (name + TASK_SUFFIX)[:255],
        [moderators],
        museums,
        workflow=team.workflow if team else None,
    )
    if team is None:
        adopt_images(page, collection)
        team = MuseumTeam.objects.create(
            museum_key=page.translation_key,
            editors=editors,
            moderators=moderators,
            collection=collection,
            workflow=workflow,
        )
    elif (team.collection_id, team.workflow_id) != (collection.pk, workflow.pk):
        team.collection, team.workflow = collection, workflow
        team.save(update_fields=["collection", "workflow"])
    return team


@transaction.atomic
def remove_museum_team(page):
    """After the last page of a museum is deleted: its groups, their rights and its
    workflow go. The collection stays, with its media, for the network team to sort."""

    if MuseumPage.objects.filter(translation_key=page.translation_key).exists():
        return
    team = museum_team(page)
    if team is None:
        return
    workflow = team.workflow
    for group in (team.editors, team.moderators):
        log(instance=group, action="wagtail.delete")
        group.delete()  # cascades to the team, its page and collection permissions
    if workflow is not None:
        tasks = [link.task for link in WorkflowTask.objects.filter(workflow=workflow)]
        log(instance=workflow, action="wagtail.delete")
        workflow.delete()
        for task in tasks:
            task.delete()


def sync_all_museum_teams():
    """Bring every museum's team and the network team in step (idempotent)."""

    ensure_network_team()
    seen = set()
    for page in MuseumPage.objects.filter(locale__language_code=languages.SOURCE):
        seen.add(page.translation_key)
        sync_museum_team(page)
    for page in MuseumPage.objects.exclude(translation_key__in=seen):
        seen.add(page.translation_key)
        sync_museum_team(page)


def user_museum_teams(user):
    """The museum teams `user` belongs to, as editor or moderator."""

    groups = user.groups.all()
    return MuseumTeam.objects.filter(Q(editors__in=groups) | Q(moderators__in=groups)).distinct()
