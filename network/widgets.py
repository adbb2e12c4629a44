"""Admin widgets for the network team's pages."""

from django import forms


class MuseumSelect(forms.Select):
    """A route stop's museum as a plain list: "Name (town)", in alphabetical order.

    The field's queryset (French museum pages, see RouteStop.museum) gives the choices; the
    list reads the way the network team looks a museum up, by its name, with its town to
    tell apart two names that look alike.
    """

    def optgroups(self, name, value, attrs=None):
        choices = list(self.choices)
        empty = [choice for choice in choices if choice[0] in ("", None)]
        museums = []
        for option_value, label in choices:
            if option_value in ("", None):
                continue
            page = getattr(option_value, "instance", None)
            town = getattr(page, "town", "")
            museums.append((option_value, f"{label} ({town})" if town else label))
        museums.sort(key=lambda choice: str(choice[1]).casefold())
        self.choices = empty + museums
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = choices
