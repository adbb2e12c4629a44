"""The network's agenda: /<lang>/agenda/, every coming event and exhibition, with filters."""

from django.utils.translation import gettext_lazy as _

from core.pages import ContentPage


class AgendaPage(ContentPage):
    """Every coming occurrence of the network's live events and every current or coming
    temporary exhibition, by day in Paris time, filtered by GET parameters (network.agenda),
    with links to the calendar feeds (network.calendar)."""

    parent_page_types = ["home.NetworkHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # The page cache keys the page by these (core.page_cache): each filter is its own answer.
    query_parameters = ("museum", "theme", "audience", "free", "when", "month", "page")

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def get_context(self, request, *args, **kwargs):
        from network.agenda import agenda_context

        context = super().get_context(request, *args, **kwargs)
        context.update(agenda_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        from network.agenda import limit_lifetime

        return limit_lifetime(super().serve(request, *args, **kwargs))
