"""The admin login: a museum editor starts in their museum's pages."""

from django.urls import reverse
from wagtail.admin.views.account import LoginView

from teams.dashboard import museum_start_url


class MuseumLoginView(LoginView):
    """Wagtail's login, except that a museum editor starts in their museum's pages."""

    def get_success_url(self):
        url = self.get_redirect_url()
        if url and url != reverse("wagtailadmin_home"):
            return url
        return museum_start_url(self.request.user) or reverse("wagtailadmin_home")
