"""A virtual visit in a real browser: the viewer starts, hotspots are reached with the keyboard."""

import pytest

from tests.browser.helpers import (
    DESKTOP,
    PHONE,
    screenshot,
    serious_accessibility_violations,
    wait_for_viewer,
)

pytestmark = pytest.mark.browser

VISIT = "/fr/carriere-wellington/visite-virtuelle/"
NEXT_SCENE = "Aller à la scène : Les galeries des tunneliers"


def test_the_viewer_is_loaded_only_when_the_visitor_asks(page_at):
    loaded_viewer = (
        "performance.getEntriesByType('resource').some(r => r.name.includes('pannellum.js'))"
    )
    page = page_at(VISIT, viewport=PHONE)
    page.wait_for_load_state("networkidle")
    assert page.evaluate(loaded_viewer) is False
    assert page.locator("[data-visit-poster]").is_visible()
    screenshot(page, "visit-before-start-390x844")
    wait_for_viewer(page)
    assert page.evaluate(loaded_viewer) is True
    assert page.evaluate("document.activeElement.id") == "visit-panorama"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_tab_to_a_hotspot_and_enter_goes_to_the_linked_scene(page_at, viewport):
    size = f"{viewport['width']}x{viewport['height']}"
    page = page_at(VISIT, viewport=viewport)
    # The poster (first scene) is in the page before the viewer has started.
    assert page.locator("[data-visit-poster]").get_attribute("fetchpriority") == "high"
    wait_for_viewer(page)
    assert page.locator("[data-visit-poster]").is_hidden()
    assert page.locator(".visit-viewer__badge").inner_text() == "360°"
    assert page.locator("#visit-panorama canvas").count() == 1
    screenshot(page, f"visit-start-{size}")

    hotspot = page.locator(".visit-hs__control", has_text=NEXT_SCENE)
    for _press in range(30):
        page.keyboard.press("Tab")
        if hotspot.evaluate("node => node === document.activeElement"):
            break
    else:
        pytest.fail("the scene hotspot cannot be reached with Tab")
    box = hotspot.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    outline = hotspot.evaluate("node => getComputedStyle(node).outlineStyle")
    assert outline != "none"  # visible focus
    screenshot(page, f"visit-hotspot-focused-{size}")

    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('[data-visit-viewer]').dataset.scene !== undefined"
        " && document.querySelector('[data-visit-scene-title]').textContent"
        " === 'Les galeries des tunneliers'"
    )
    page.wait_for_selector(".visit-hs__control >> text=Aller à la scène : Les inscriptions")
    # The hotspot back to the first scene is behind the visitor: Tab still reaches it.
    back = page.locator(".visit-hs__control", has_text="Aller à la scène : L’accueil")
    for _press in range(10):
        page.keyboard.press("Tab")
        if back.evaluate("node => node === document.activeElement"):
            break
    else:
        pytest.fail("the hotspot behind the visitor cannot be reached with Tab")
    page.wait_for_timeout(600)  # the view turns towards it
    assert back.evaluate("node => getComputedStyle(node).opacity") == "1"
    assert page.locator("[data-visit-status]").inner_text().endswith("Les galeries des tunneliers")
    screenshot(page, f"visit-second-scene-{size}")


def test_information_hotspot_opens_with_space(page_at):
    page = page_at(VISIT, viewport=DESKTOP)
    wait_for_viewer(page)
    info = page.locator(".visit-hs--info .visit-hs__control").first
    info.focus()
    page.keyboard.press("Space")
    assert info.get_attribute("aria-expanded") == "true"
    assert page.locator(".visit-hs--info .visit-hs__text").first.is_visible()


def test_turn_buttons_replace_dragging(page_at):
    page = page_at(VISIT, viewport=PHONE)
    wait_for_viewer(page)
    page.get_by_role("button", name="Rotation automatique").click()
    page.get_by_role("button", name="Tourner à droite").click()
    page.wait_for_timeout(600)
    yaw = page.evaluate(
        "() => { const t = document.querySelector('.visit-hs__control');"
        " return t.getBoundingClientRect().x; }"
    )
    page.get_by_role("button", name="Tourner à gauche").click()
    page.wait_for_timeout(600)
    after = page.evaluate(
        "() => document.querySelector('.visit-hs__control').getBoundingClientRect().x"
    )
    assert after != yaw


def test_without_javascript_the_linear_visit_is_shown(browser, live_site):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_site.url + VISIT)
    assert page.locator("[data-visit-viewer]").is_hidden()
    assert page.locator(".visit-scene").count() == 3
    assert page.locator(".visit-scene img").first.is_visible()
    screenshot(page, "visit-no-js-390x844")
    context.close()


def test_visit_has_no_serious_accessibility_violation(page_at):
    page = page_at(VISIT, viewport=DESKTOP)
    wait_for_viewer(page)
    assert serious_accessibility_violations(page) == []


def test_status_says_the_scene_once_loaded_and_full_screen_has_a_visible_exit(page_at):
    """Issue 21: the status line kept saying "Loading…" after the view had loaded, and a
    phone in full screen had no visible way out."""
    page = page_at(VISIT, viewport=PHONE)
    wait_for_viewer(page)
    status = page.locator("[data-visit-status]")
    title = page.locator("[data-visit-scene-title]").inner_text()
    assert status.inner_text() == f"Scène affichée : {title}"
    page.get_by_role("button", name="Plein écran").click()
    leave = page.get_by_role("button", name="Quitter le plein écran")
    leave.wait_for()
    box = leave.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    stage = page.locator("[data-visit-stage]").bounding_box()
    assert stage["width"] == PHONE["width"] and stage["height"] == PHONE["height"]
    assert page.evaluate("document.activeElement.dataset.visitExitFullscreen") == ""
    screenshot(page, "visit-fullscreen-390x844")
    leave.click()
    assert leave.is_hidden()
    assert page.locator("[data-visit-stage]").bounding_box()["height"] < PHONE["height"]
    # Escape leaves too.
    page.get_by_role("button", name="Plein écran").click()
    leave.wait_for()
    page.keyboard.press("Escape")
    leave.wait_for(state="hidden")


# Each hotspot label (and open text) a visitor sees, with its box and the stage's.
LABELS_SEEN = """() => {
    const stage = document.getElementById("visit-panorama").getBoundingClientRect();
    return [...document.querySelectorAll(".visit-hs__control, .visit-hs__text:not([hidden])")]
        .filter(node => getComputedStyle(node).opacity !== "0")
        .filter(node => getComputedStyle(node).visibility === "visible")
        .map(node => {
            const box = node.getBoundingClientRect();
            return {label: node.textContent.slice(0, 40), left: box.left, right: box.right,
                    stageLeft: stage.left, stageRight: stage.right};
        });
}"""


def test_hotspot_labels_stay_whole_on_a_phone_screen_all_the_way_round(page_at):
    """Issue 21: a label was cut at the edge of a phone's screen. Turning round 30° at a
    time, every label a visitor sees, and the open information text, is whole."""
    page = page_at(VISIT, viewport=PHONE)
    wait_for_viewer(page)
    page.get_by_role("button", name="Tourner à gauche").click()  # the automatic turn stops
    page.wait_for_timeout(600)
    page.locator(".visit-hs--info .visit-hs__control").first.click()  # its text opens
    seen = set()
    for turn in range(12):
        page.get_by_role("button", name="Tourner à droite").click()
        page.wait_for_timeout(600)  # the turn takes 300 ms
        for label in page.evaluate(LABELS_SEEN):
            seen.add(label["label"])
            assert label["left"] >= max(label["stageLeft"], 0), (turn, label)
            assert label["right"] <= min(label["stageRight"], PHONE["width"]), (turn, label)
        if turn == 1:
            screenshot(page, "visit-labels-near-the-edge-390x844")
    assert len(seen) >= 3  # the information, its text and the scene links were checked
