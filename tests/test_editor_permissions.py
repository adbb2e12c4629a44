"""Each museum team runs its own subtree, through the real admin views."""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    WorkflowPage,
)

from demo.data import museums as demo_museums
from museum_pages.models import ExhibitPage, MuseumPage
from teams.models import MuseumTeam
from teams.permissions import museum_team
from tests.helpers import (
    editor_of,
    exhibit_form,
    moderator_of,
    network_member,
    png_bytes,
    sign_in,
)


def add_exhibit_url(museum):
    return reverse("wagtailadmin_pages:add", args=["museum_pages", "exhibitpage", museum.pk])


def test_every_demo_museum_has_its_editors_and_moderators_groups(locales):
    museums = MuseumPage.objects.filter(locale=locales["fr"])
    assert MuseumTeam.objects.count() == museums.count() == len(demo_museums())
    for museum in museums:
        assert Group.objects.filter(name=f"{museum.title} — rédacteurs").exists()
        assert Group.objects.filter(name=f"{museum.title} — modérateurs").exists()


def test_museum_groups_have_rights_on_the_museum_in_every_language(museum_a):
    team = museum_team(museum_a)
    pages = set(MuseumPage.objects.filter(translation_key=museum_a.translation_key))
    assert len(pages) == 4
    editor_rights = GroupPagePermission.objects.filter(group=team.editors)
    assert {p.page.specific for p in editor_rights} == pages
    assert {p.permission.codename for p in editor_rights} == {"add_page", "change_page"}
    moderator_codes = set(
        GroupPagePermission.objects.filter(group=team.moderators).values_list(
            "permission__codename", flat=True
        )
    )
    assert "publish_page" in moderator_codes
    assert (
        GroupCollectionPermission.objects.filter(group=team.editors)
        .get(permission__codename="choose_image")
        .collection
        == team.collection
    )
    assert team.collection.name == museum_a.title
    assert WorkflowPage.objects.get(page=museum_a).workflow == team.workflow


def test_editor_creates_an_exhibit_in_their_museum_and_submits_it(client, museum_a):
    sign_in(client, editor_of(museum_a))
    response = client.post(add_exhibit_url(museum_a), exhibit_form("Nouvelle salle", "salle"))
    assert response.status_code == 302
    exhibit = ExhibitPage.objects.get(slug="salle")
    assert exhibit.get_parent().pk == museum_a.pk
    assert not exhibit.live
    state = exhibit.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.workflow == museum_team(museum_a).workflow


def test_editor_cannot_publish(client, museum_a):
    sign_in(client, editor_of(museum_a))
    client.post(add_exhibit_url(museum_a), exhibit_form("Salle", "salle", "action-publish"))
    exhibit = ExhibitPage.objects.get(slug="salle")
    assert not exhibit.live
    edit = reverse("wagtailadmin_pages:edit", args=[exhibit.pk])
    client.post(edit, exhibit_form("Salle publiée", "salle", "action-publish"))
    exhibit.refresh_from_db()
    assert not exhibit.live
    assert not PageLogEntry.objects.filter(page=exhibit, action="wagtail.publish").exists()
    unpublish = client.post(reverse("wagtailadmin_pages:unpublish", args=[museum_a.pk]))
    assert unpublish.status_code in (302, 403)
    museum_a.refresh_from_db()
    assert museum_a.live


def test_editor_cannot_open_any_page_of_another_museum(client, museum_a, museum_b):
    sign_in(client, editor_of(museum_a))
    pages_of_b = Page.objects.filter(path__startswith=museum_b.path)
    assert pages_of_b.count() >= 4  # the museum, its exhibitions, visit and event
    for page in pages_of_b:
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code in (302, 403), page
    response = client.post(add_exhibit_url(museum_b), exhibit_form("Intrus", "intrus"))
    assert response.status_code in (302, 403)
    assert not ExhibitPage.objects.filter(slug="intrus").exists()


def test_editor_can_open_the_pages_of_their_museum_in_every_language(client, museum_a):
    sign_in(client, editor_of(museum_a))
    for page in MuseumPage.objects.filter(translation_key=museum_a.translation_key):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200


def test_editor_sees_and_chooses_only_their_museums_images(client, museum_a, museum_b):
    sign_in(client, editor_of(museum_a))
    image_b = museum_b.hero_image
    image_a = museum_a.hero_image
    listing = client.get(reverse("wagtailimages_chooser:choose"))
    assert listing.status_code == 200
    content = listing.json()["html"]
    assert reverse("wagtailimages_chooser:chosen", args=[image_a.pk]) in content
    assert reverse("wagtailimages_chooser:chosen", args=[image_b.pk]) not in content
    chosen = client.get(reverse("wagtailimages_chooser:chosen", args=[image_b.pk]))
    assert chosen.status_code in (302, 403, 404)
    assert client.get(reverse("wagtailimages:edit", args=[image_b.pk])).status_code in (302, 403)
    images = client.get(reverse("wagtailimages:index")).content.decode()
    assert reverse("wagtailimages:edit", args=[image_a.pk]) in images
    assert reverse("wagtailimages:edit", args=[image_b.pk]) not in images


def test_an_image_uploaded_by_an_editor_goes_to_their_museum_collection(client, museum_a):
    sign_in(client, editor_of(museum_a))
    upload = SimpleUploadedFile("plan.png", png_bytes(), content_type="image/png")
    response = client.post(reverse("wagtailimages:add"), {"title": "Plan", "file": upload})
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Plan")
    assert image.collection == museum_team(museum_a).collection


def test_moderator_approves_and_the_exhibit_goes_live(client, museum_a):
    sign_in(client, editor_of(museum_a))
    client.post(add_exhibit_url(museum_a), exhibit_form("Salle", "salle"))
    exhibit = ExhibitPage.objects.get(slug="salle")
    task_state = exhibit.current_workflow_state.current_task_state

    sign_in(client, moderator_of(museum_a))
    url = reverse("wagtailadmin_pages:workflow_action", args=[exhibit.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": "Parfait."})
    assert response.status_code in (200, 302)
    exhibit.refresh_from_db()
    assert exhibit.live
    assert PageLogEntry.objects.filter(page=exhibit, action="wagtail.publish").exists()


def test_moderator_rejects_with_a_comment(client, museum_a):
    sign_in(client, editor_of(museum_a))
    client.post(add_exhibit_url(museum_a), exhibit_form("Salle", "salle"))
    exhibit = ExhibitPage.objects.get(slug="salle")
    task_state = exhibit.current_workflow_state.current_task_state

    sign_in(client, moderator_of(museum_a))
    url = reverse("wagtailadmin_pages:workflow_action", args=[exhibit.pk, "reject", task_state.pk])
    client.post(url, {"comment": "Ajoutez une image."})
    exhibit.refresh_from_db()
    assert not exhibit.live
    task_state.refresh_from_db()
    assert task_state.status == "rejected"
    assert task_state.get_comment() == "Ajoutez une image."


def test_moderator_of_a_cannot_publish_in_b(client, museum_a, museum_b):
    exhibit_b = museum_b.get_children().type(ExhibitPage).first().specific
    sign_in(client, moderator_of(museum_a))
    edit = reverse("wagtailadmin_pages:edit", args=[exhibit_b.pk])
    assert client.get(edit).status_code in (302, 403)
    client.post(edit, exhibit_form("Piraté", exhibit_b.slug, "action-publish"))
    exhibit_b.refresh_from_db()
    assert exhibit_b.title != "Piraté"
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[exhibit_b.pk]))
    assert response.status_code in (302, 403)
    exhibit_b.refresh_from_db()
    assert exhibit_b.live


def test_moderator_publishes_directly_in_their_museum(client, museum_a):
    sign_in(client, moderator_of(museum_a))
    client.post(add_exhibit_url(museum_a), exhibit_form("Salle", "salle", "action-publish"))
    assert ExhibitPage.objects.get(slug="salle").live


def test_network_team_can_edit_everything(client, home, museum_a, museum_b):
    sign_in(client, network_member())
    standard = home.get_children().exclude(depth__gt=3).not_type(MuseumPage).first()
    for page in [home, standard, museum_a, museum_b, *museum_b.get_children()]:
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
    client.post(add_exhibit_url(museum_b), exhibit_form("Salle réseau", "reseau", "action-publish"))
    assert ExhibitPage.objects.get(slug="reseau").live
    for image in (museum_a.hero_image, museum_b.hero_image):
        assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200


def test_home_page_goes_through_the_network_team(client, home, museum_a):
    sign_in(client, network_member())
    assert home.get_workflow().name == "Équipe du réseau — modération"
    task = home.get_workflow().tasks.first().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Équipe du réseau"]
    standard = home.get_children().not_type(MuseumPage).first()
    assert standard.get_workflow() == home.get_workflow()
    assert museum_a.get_workflow() == museum_team(museum_a).workflow


def test_bad_page_ids_give_404_not_500(client, museum_a):
    sign_in(client, editor_of(museum_a))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[999999]), follow=True)
    assert response.status_code == 404
    response = client.get(reverse("wagtailimages_chooser:chosen", args=[999999]), follow=True)
    assert response.status_code == 404


def test_editor_cannot_set_an_image_of_another_museum_on_a_page(client, museum_a, museum_b):
    sign_in(client, editor_of(museum_a))
    form = exhibit_form("Salle", "salle", hero_image=str(museum_b.hero_image.pk))
    response = client.post(add_exhibit_url(museum_a), form)
    assert response.status_code == 200  # the form comes back with an error
    assert "hero_image" in response.context["form"].errors
    assert not ExhibitPage.objects.filter(slug="salle").exists()
    form = exhibit_form("Salle", "salle", hero_image=str(museum_a.hero_image.pk))
    assert client.post(add_exhibit_url(museum_a), form).status_code == 302
