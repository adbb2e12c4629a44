"""Uploads through the admin: formats a browser could run are refused, broken files get a
message rather than an error page, and documents are always downloaded, never displayed.

Image size and pixel limits are tested with the panoramas (tests/test_virtual_visits.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.helpers import phone_photo_jpeg, png_bytes

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def upload(url, client, name, data, content_type, **fields):
    file = SimpleUploadedFile(name, data, content_type=content_type)
    collection = Collection.get_first_root_node()
    return client.post(url, {"title": name, "file": file, "collection": collection.pk, **fields})


def refusal(response):
    """The form's message for the file, which must also be shown on the page."""
    assert response.status_code == 200
    message = " ".join(response.context["form"].errors["file"])
    assert message
    assert escape(message) in response.content.decode()
    return message


def test_an_svg_image_is_refused_with_the_allowed_formats(superuser_client):
    response = upload(
        reverse("wagtailimages:add"), superuser_client, "logo.svg", SVG, "image/svg+xml"
    )
    message = refusal(response)
    assert "AVIF" in message.upper() and "SVG" not in message.upper()
    assert not get_image_model().objects.filter(title="logo.svg").exists()


def test_an_svg_image_is_refused_by_the_multiple_upload_too(superuser_client):
    response = superuser_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml")},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert answer["error_message"].startswith("Format d'image non supporté")
    assert not get_image_model().objects.filter(title="logo.svg").exists()


def test_an_svg_renamed_as_png_is_refused(superuser_client):
    response = upload(reverse("wagtailimages:add"), superuser_client, "logo.png", SVG, "image/png")
    refusal(response)
    assert not get_image_model().objects.filter(title="logo.png").exists()


def test_a_truncated_image_is_refused_with_a_message(superuser_client):
    broken = png_bytes()[:60]
    response = upload(
        reverse("wagtailimages:add"), superuser_client, "cut.png", broken, "image/png"
    )
    refusal(response)
    assert not get_image_model().objects.filter(title="cut.png").exists()


@pytest.mark.parametrize(
    ("name", "content_type", "data"),
    [("poster.png", "image/png", png_bytes), ("photo.jpg", "image/jpeg", phone_photo_jpeg)],
    ids=["png", "phone-photo"],
)
def test_a_sound_image_is_accepted(superuser_client, name, content_type, data):
    response = upload(reverse("wagtailimages:add"), superuser_client, name, data(), content_type)
    assert response.status_code == 302
    assert get_image_model().objects.filter(title=name).exists()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("page.html", "text/html"),
        ("drawing.svg", "image/svg+xml"),
        ("setup.exe", "application/octet-stream"),
        ("tracker.js", "text/javascript"),
    ],
)
def test_a_document_of_a_dangerous_type_is_refused_with_a_message(
    superuser_client, name, content_type
):
    response = upload(
        reverse("wagtaildocs:add"),
        superuser_client,
        name,
        b"<script>alert(1)</script>",
        content_type,
    )
    message = refusal(response)
    assert "pdf" in message
    assert not get_document_model().objects.filter(title=name).exists()


def test_a_document_over_20_mb_is_refused_with_a_message(superuser_client):
    data = b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024)
    response = upload(
        reverse("wagtaildocs:add"), superuser_client, "big.pdf", data, "application/pdf"
    )
    message = refusal(response)
    assert "20" in message
    assert not get_document_model().objects.filter(title="big.pdf").exists()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("programme.pdf", "application/pdf"), ("horaires.txt", "text/plain")],
)
def test_an_uploaded_document_is_downloaded_never_displayed(superuser_client, name, content_type):
    data = b"%PDF-1.4\n%%EOF\n" if name.endswith(".pdf") else b"Ouvert du mardi au dimanche"
    response = upload(reverse("wagtaildocs:add"), superuser_client, name, data, content_type)
    assert response.status_code == 302
    document = get_document_model().objects.get(title=name)
    superuser_client.logout()

    download = superuser_client.get(document.url)
    assert document.url.startswith("/documents/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert name in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == data
