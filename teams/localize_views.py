"""wagtail-localize's submit and sync views, asking teams/rights.py who may do what.

wagtail-localize checks one model permission (`submit_translation`: any object into any
language). These views serve the same addresses (registered first, teams/wagtail_hooks.py)
and ask instead which languages this user may request for this page or snippet, and
whether they may bring its translations up to date. A refusal is Wagtail's own
permission-denied answer: back to the dashboard with "Sorry, you do not have permission…".
"""

from django import forms
from django.urls import path
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail_localize.components import TranslationComponentManager
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from teams.rights import may_publish_every_language, may_sync, translation_locales


class TeamSubmitMixin:
    """Only the locales the user may request are offered, and only they are accepted."""

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.allowed_locale_ids = set(
            translation_locales(request.user, self.object).values_list("pk", flat=True)
        )
        if not self.allowed_locale_ids:
            return permission_denied(request)
        if request.method == "POST":
            allowed = {str(pk) for pk in self.allowed_locale_ids}
            if not set(request.POST.getlist("locales")) <= allowed:
                return permission_denied(request)
        self.components = TranslationComponentManager.from_request(
            request, source_object_instance=self.object
        )
        # wagtail-localize's dispatch would ask its global permission again: skip it.
        return TemplateView.dispatch(self, request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=self.allowed_locale_ids)
        return form


class TeamSubmitPageTranslationView(TeamSubmitMixin, SubmitPageTranslationView):
    pass


class TeamSubmitSnippetTranslationView(TeamSubmitMixin, SubmitSnippetTranslationView):
    pass


class TeamUpdateTranslationsView(UpdateTranslationsView):
    """Sync: the network team, or the team of the page's museum; *Publish immediately*
    (every language at once, French where untranslated) stays the network team's."""

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not may_sync(request.user, self.object.get_source_instance()):
            return permission_denied(request)
        if "publish_translations" in request.POST and not may_publish_every_language(request.user):
            return permission_denied(request)
        self.components = TranslationComponentManager.from_request(
            request, source_object_instance=self.object
        )
        return TemplateView.dispatch(self, request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        if not may_publish_every_language(self.request.user):
            field = form.fields["publish_translations"]
            field.disabled = True  # always False, whatever is posted
            field.widget = forms.HiddenInput()
        return form


def urlpatterns():
    """The addresses of wagtail-localize's views that these replace."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            TeamSubmitPageTranslationView.as_view(),
            name="team_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            TeamSubmitSnippetTranslationView.as_view(),
            name="team_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            TeamUpdateTranslationsView.as_view(),
            name="team_update_translations",
        ),
    ]
