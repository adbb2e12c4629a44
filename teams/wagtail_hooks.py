"""Admin hooks: the "my museum" dashboard panel of museum teams."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from teams.dashboard import museum_summary, user_museums


class MyMuseumPanel(Component):
    """Dashboard panel of a museum team: waiting pages, stale translations, events to illustrate."""

    name = "my_museum"
    order = 50
    template_name = "teams/admin/my_museum_panel.html"

    def __init__(self, museums):
        self.museums = museums

    def get_context_data(self, parent_context):
        return {"summaries": [museum_summary(museum) for museum in self.museums]}


@hooks.register("construct_homepage_panels")
def add_my_museum_panel(request, panels):
    museums = user_museums(request.user)
    if museums:
        panels.insert(0, MyMuseumPanel(museums))
