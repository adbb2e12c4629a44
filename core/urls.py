"""The public pages' URLs: Wagtail's own, its serve view swapped for core.views.serve."""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from core import views

urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    # Same pattern, same name: reverse("wagtail_serve") and Wagtail's URL methods still work.
    re_path(wagtail_urls.serve_pattern, views.serve, name="wagtail_serve"),
]
