"""Admin accounts: passwords of at least 12 characters, and no third-party avatar requests."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import escape


def new_user(password):
    return {
        "username": "new-editor",
        "email": "new-editor@example.org",
        "first_name": "Nouvelle",
        "last_name": "Rédactrice",
        "password1": password,
        "password2": password,
    }


def test_an_admin_cannot_give_a_new_user_an_11_character_password(superuser_client):
    response = superuser_client.post(reverse("wagtailusers_users:add"), new_user("Kq7#vLm2pXz"))
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="new-editor").exists()
    errors = " ".join(response.context["form"].errors.get("password2", []))
    assert "12 caractères" in errors
    assert escape(errors.split(". ")[0]) in response.content.decode()


def test_an_admin_can_give_a_new_user_a_12_character_password(superuser_client):
    response = superuser_client.post(reverse("wagtailusers_users:add"), new_user("Kq7#vLm2pXz9"))
    assert response.status_code == 302
    assert get_user_model().objects.get(username="new-editor").check_password("Kq7#vLm2pXz9")


def test_no_admin_page_requests_a_gravatar(superuser_client):
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailadmin_account"),
    ):
        response = superuser_client.get(url)
        assert response.status_code == 200, url
        assert "gravatar" not in response.content.decode().lower(), url
