"""The sitemap: every live page in every language, with its alternates."""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core import languages
from core.pages import full_url, public_pages


class MultilingualSitemap(Sitemap):
    """Every live page of every language, each with its live translations as alternates.

    Wagtail's own sitemap lists the default site's tree only, which is the French one:
    the English, German and Dutch trees hang beside it.
    """

    def items(self):
        return (
            public_pages(Page.objects.live().filter(depth__gte=2))
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        locations = {p.pk: full_url(p, self.request) for p in pages}
        translations = defaultdict(list)
        for p in pages:
            translations[p.translation_key].append(p)
        urls = []
        for p in pages:
            alternates = [
                {"lang_code": t.locale.language_code, "location": locations[t.pk]}
                for t in translations[p.translation_key]
            ]
            alternates += [
                {"lang_code": "x-default", "location": a["location"]}
                for a in alternates
                if a["lang_code"] == languages.SOURCE
            ]
            urls.append(
                {
                    "item": p,
                    "location": locations[p.pk],
                    "lastmod": p.last_published_at,
                    "alternates": alternates,
                }
            )
        return urls
