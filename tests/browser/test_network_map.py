"""The network map in a real browser: every museum reachable through its marker or a cluster,
targets that Lighthouse finds large and apart, a theme filter, a museum from a popup."""

import re

import pytest

from tests.browser.helpers import (
    DESKTOP,
    PHONE,
    load_axe,
    screenshot,
    serious_accessibility_violations,
)

pytestmark = pytest.mark.browser

# The map's interactive targets that are shown: markers, clusters and the zoom buttons
# (the attribution links are inline text, which SC 2.5.8 exempts). A marker that is fading
# out of a cluster animation (opacity 0) or outside the map's box is not a target.
VISIBLE_TARGETS = """() => {
    const map = document.getElementById("network-map").getBoundingClientRect();
    const nodes = document.querySelectorAll(
        "#network-map .leaflet-marker-icon, #network-map .leaflet-control-zoom a"
    );
    return [...nodes].flatMap((node) => {
        const box = node.getBoundingClientRect();
        const style = getComputedStyle(node);
        const inside = box.left >= map.left && box.right <= map.right
            && box.top >= map.top && box.bottom <= map.bottom;
        if (!inside || style.visibility === "hidden" || Number(style.opacity) === 0) {
            return [];
        }
        return [{
            kind: node.classList.contains("map-cluster") ? "cluster"
                : node.classList.contains("map-marker") ? "marker" : "control",
            label: node.getAttribute("aria-label") || node.getAttribute("title"),
            count: node.classList.contains("map-cluster") ? Number(node.textContent) : 1,
            focusable: node.tabIndex >= 0,
            left: box.left, top: box.top, width: box.width, height: box.height,
        }];
    });
}"""
# Cluster animations over: no element is moving or fading any more.
SETTLED = "() => !document.querySelector('#network-map .leaflet-cluster-anim')"


def map_targets(page):
    page.locator("#network-map .leaflet-marker-icon").first.wait_for()
    page.wait_for_function(SETTLED)
    return page.evaluate(VISIBLE_TARGETS)


def museums_shown(targets):
    return sum(target["count"] for target in targets if target["kind"] != "control")


def overlap(a, b):
    return (
        a["left"] < b["left"] + b["width"]
        and b["left"] < a["left"] + a["width"]
        and a["top"] < b["top"] + b["height"]
        and b["top"] < a["top"] + a["height"]
    )


def assert_large_and_apart(targets):
    for target in targets:
        assert target["width"] >= 24 and target["height"] >= 24, target
    for i, first in enumerate(targets):
        for second in targets[i + 1 :]:
            assert not overlap(first, second), (first["label"], second["label"])


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_museum_is_on_the_map_as_a_marker_or_in_a_named_cluster(page_at, viewport):
    size = f"{viewport['width']}x{viewport['height']}"
    page = page_at("/en/", viewport=viewport, locale="en-GB")
    assert page.get_by_role("region", name="Map of the museums").is_visible()
    targets = map_targets(page)
    clusters = [target for target in targets if target["kind"] == "cluster"]
    markers = [target for target in targets if target["kind"] == "marker"]
    assert clusters, "at the regional zoom, the museums of the Somme share a cluster"
    assert museums_shown(targets) == 14
    for cluster in clusters:
        assert cluster["count"] >= 2
        assert cluster["label"] == f"{cluster['count']} museums — zoom in"
        assert cluster["focusable"]
    for marker in markers:
        assert ", " in marker["label"] and marker["focusable"]
    assert page.locator(".leaflet-control-attribution").inner_text().count("OpenStreetMap")
    screenshot(page, f"map-en-{size}")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_map_targets_are_at_least_24_px_and_never_overlap(page_at, viewport):
    """What Lighthouse's target-size audit checks (WCAG 2.2, SC 2.5.8), at the first view."""
    page = page_at("/fr/", viewport=viewport)
    targets = map_targets(page)
    assert len([target for target in targets if target["kind"] != "control"]) >= 3
    assert_large_and_apart(targets)
    sizes = {(t["kind"], t["width"], t["height"]) for t in targets}
    assert ("cluster", 44, 44) in sizes
    assert sizes <= {("cluster", 44, 44), ("marker", 28, 28), ("control", 30, 30)}
    # axe-core's own rule, the one Lighthouse runs, on the map alone.
    load_axe(page)
    result = page.evaluate(
        """async () => {
            const result = await axe.run(document.getElementById("network-map"),
                                         { runOnly: ["target-size"] });
            return { violations: result.violations.length, incomplete: result.incomplete.length,
                     passes: result.passes.map((rule) => rule.nodes.length) };
        }"""
    )
    assert result["violations"] == 0 and result["incomplete"] == 0, result
    assert sum(result["passes"]) >= 3


def test_enter_on_a_cluster_zooms_in_and_reveals_its_museums(page_at):
    page = page_at("/en/", viewport=PHONE, locale="en-GB")
    before = map_targets(page)
    largest = max((t for t in before if t["kind"] == "cluster"), key=lambda t: t["count"])
    cluster = page.get_by_role("button", name=largest["label"])
    cluster.first.focus()
    assert cluster.first.evaluate("node => getComputedStyle(node).outlineStyle") == "solid"
    screenshot(page, "map-cluster-focused-en-390x844")
    page.keyboard.press("Enter")
    # The focus moves on to the first museum of the cluster, shown once the zoom is over.
    page.wait_for_function(
        "() => document.activeElement.matches('#network-map .leaflet-marker-icon')"
    )
    after = map_targets(page)
    focused = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert focused in {target["label"] for target in after}
    revealed = [
        t for t in after if t["kind"] == "marker" and t["label"] not in {b["label"] for b in before}
    ]
    assert revealed, "zooming in on a cluster shows museums of it by name"
    # The cluster's bounds fill the map: all its museums are in view, nearer apart.
    assert museums_shown(after) >= largest["count"]
    assert_large_and_apart(after)
    screenshot(page, "map-cluster-opened-en-390x844")
    # Tab goes on to another target of the map, then Enter opens a popup or zooms again.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('#network-map') !== null")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_map_filter_and_popup_lead_to_a_museum(page_at, viewport):
    size = f"{viewport['width']}x{viewport['height']}"
    page = page_at("/en/", viewport=viewport, locale="en-GB")
    map_targets(page)
    page.get_by_role("navigation", name="Filter by theme").get_by_role(
        "link", name="Port and maritime history"
    ).click()
    page.wait_for_url("**/en/?theme=port*")
    targets = map_targets(page)
    assert [target["kind"] for target in targets if target["kind"] != "control"] == ["marker"]
    assert page.locator("#network-map .map-cluster").count() == 0
    assert page.locator(".card").count() == 1

    page.locator(".leaflet-marker-icon").first.click()
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    assert "Dunkirk" in popup.inner_text()
    assert any(word in popup.inner_text() for word in ("Open now", "Closed"))
    screenshot(page, f"map-popup-en-{size}")
    popup.get_by_role("link").filter(has_text="See the museum").click()
    page.wait_for_url("**/en/musee-portuaire-dunkerque/")
    assert page.get_by_role("heading", name="Practical information").is_visible()
    screenshot(page, f"museum-practical-en-{size}")


def test_a_filter_with_museums_close_together_still_shows_each_of_them(page_at):
    page = page_at("/de/?theme=ww1", viewport=PHONE, locale="de-DE")
    targets = map_targets(page)
    cards = page.locator(".card").count()
    assert museums_shown(targets) == cards >= 4
    assert_large_and_apart(targets)
    for target in targets:
        if target["kind"] == "cluster":
            assert re.fullmatch(rf"{target['count']} Museen — hineinzoomen", target["label"])


def test_keyboard_opens_a_popup(page_at):
    page = page_at("/fr/?theme=port", viewport=DESKTOP)
    marker = page.locator(".leaflet-marker-icon").first
    marker.wait_for()
    marker.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup").wait_for()
    assert "Voir le musée" in page.locator(".leaflet-popup").inner_text()


def test_home_with_map_has_no_serious_accessibility_violation(page_at):
    page = page_at("/fr/", viewport=PHONE)
    map_targets(page)
    assert serious_accessibility_violations(page) == []


@pytest.mark.parametrize(
    ("code", "zoom_in", "zoom_out", "close", "link"),
    [
        ("de", "Vergrößern", "Verkleinern", "Schließen", "Zum Museum: "),
        ("en", "Zoom in", "Zoom out", "Close", "See the museum: "),
        ("nl", "Inzoomen", "Uitzoomen", "Sluiten", "Naar het museum: "),
    ],
)
def test_the_maps_controls_speak_the_pages_language(page_at, code, zoom_in, zoom_out, close, link):
    """Issue 21: Leaflet's own control names ("Zoom in", "Close popup") in the page's
    language, and no French " : " in what a screen reader hears."""
    page = page_at(f"/{code}/?theme=port", viewport=PHONE)
    map_targets(page)
    controls = page.locator("#network-map .leaflet-control-zoom a")
    assert [controls.nth(i).get_attribute("aria-label") for i in range(2)] == [zoom_in, zoom_out]
    page.locator(".leaflet-marker-icon").first.click()
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    assert popup.locator(".leaflet-popup-close-button").get_attribute("aria-label") == close
    label = popup.locator(".map-popup__link").get_attribute("aria-label")
    assert label.startswith(link) and " : " not in label
    popup.locator(".leaflet-popup-close-button").click()
    popup.wait_for(state="detached")
