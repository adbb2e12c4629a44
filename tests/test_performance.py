"""The number of SQL queries per page does not grow with the size of the network."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from museum_pages.models import MuseumPage
from network.factories import ImageFactory, MuseumPageFactory
from network.models import Theme


def queries_for(client, url):
    client.get(url)  # the first request may create image renditions
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_home_page_queries_do_not_grow_with_the_number_of_museums(client, uncached, home, locales):
    assert MuseumPage.objects.filter(locale=locales["fr"]).count() == 14
    with_14 = queries_for(client, "/fr/")

    themes = list(Theme.objects.filter(locale=locales["fr"])[:2])
    for number in range(14):
        image = ImageFactory(title=f"Musée test {number}", size=(800, 450))
        MuseumPageFactory(
            parent=home, title=f"Musée test {number}", hero_image=image, themes=themes
        )
    assert MuseumPage.objects.live().filter(locale=locales["fr"]).count() == 28
    with_28 = queries_for(client, "/fr/")

    assert with_28 == with_14
    # 14 before the opening status: +2 for each museum's opening periods and closures.
    assert with_14 <= 16
