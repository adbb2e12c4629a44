"""Login throttling: five wrong passwords lock one user name from one address out for
30 minutes, with a clear answer in the visitor's language; a success clears the count."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from tests.helpers import network_member

LOGIN = "/admin/login/"
HOME_IP = "203.0.113.10"


def log_in(client, username, password, ip=HOME_IP, language="fr"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def fail(client, username, times, ip=HOME_IP):
    for _ in range(times):
        response = log_in(client, username, "wrong-password", ip=ip)
        assert response.status_code in (200, 429)


def is_logged_in(response):
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_five_wrong_passwords_lock_the_right_one_out_with_a_message(client, db):
    user = network_member()
    fail(client, user.username, 5)
    response = log_in(client, user.username, "x")
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in response.content.decode()
    assert "Vous pourrez réessayer dans 30 minutes" in response.content.decode()
    assert response["Retry-After"] == "1800"
    assert "_auth_user_id" not in client.session


def test_the_lockout_message_speaks_the_visitor_language(client, db):
    user = network_member()
    fail(client, user.username, 5)
    response = log_in(client, user.username, "x", language="de")
    assert response.status_code == 429
    assert "Sie können es in 30 Minuten erneut versuchen" in response.content.decode()


def test_four_wrong_passwords_do_not_lock(client, db):
    user = network_member()
    fail(client, user.username, 4)
    assert is_logged_in(log_in(client, user.username, "x"))


def test_the_same_user_from_another_address_can_still_log_in(client, db):
    user = network_member()
    fail(client, user.username, 5)
    assert is_logged_in(log_in(client, user.username, "x", ip="198.51.100.7"))


def test_another_user_from_the_same_address_can_still_log_in(client, db):
    attacked = network_member("attacked")
    colleague = network_member("colleague")
    fail(client, attacked.username, 5)
    assert is_logged_in(log_in(client, colleague.username, "x"))


def test_the_right_password_works_again_after_the_cool_off(client, db):
    user = network_member()
    fail(client, user.username, 5)
    assert log_in(client, user.username, "x").status_code == 429
    # Thirty minutes and a second pass: the attempts are now older than the cool-off.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=30, seconds=1))
    assert is_logged_in(log_in(client, user.username, "x"))


def test_a_success_resets_the_count(client, db):
    user = network_member()
    fail(client, user.username, 4)
    assert is_logged_in(log_in(client, user.username, "x"))
    client.logout()
    fail(client, user.username, 4)
    assert is_logged_in(log_in(client, user.username, "x"))


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(client, db, settings):
    settings.MEMHISTO_TRUSTED_PROXY_COUNT = 1
    user = network_member()
    for _ in range(5):
        client.post(
            LOGIN,
            {"username": user.username, "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="forged, 203.0.113.10",
        )
    # The same visitor through another load-balancer node is still locked out...
    locked = client.post(
        LOGIN,
        {"username": user.username, "password": "x"},
        REMOTE_ADDR="10.0.0.3",
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert locked.status_code == 429
    # ...while another visitor behind the same load balancer is not.
    other = client.post(
        LOGIN,
        {"username": user.username, "password": "x"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert is_logged_in(other)
