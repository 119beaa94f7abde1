"""The web explorer in headless Chromium: search, event page with evidence, review, timeline, map,
network, keyboard use, contrast and a laptop-sized screen, against the real app on real articles.

What the page shows is checked against what the API answers for the same query (the API's own
correctness is tested in tests/test_api.py), and the evidence marks against the stored offsets.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

import pytest

pytestmark = [pytest.mark.model, pytest.mark.shared]

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

VIEWS = ("#/events", "#/timeline", "#/map", "#/network")


# -- helpers --------------------------------------------------------------------------------------
def api(server, path: str, **params) -> dict:
    """GET a JSON answer of the API (lists become repeated parameters)."""
    query = urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(f"{server.url}{path}{'?' + query if query else ''}", timeout=30) as response:
        return json.load(response)


def rendered(browser) -> int:
    return int(browser.execute_script("return Number(document.body.dataset.rendered || 0)"))


def wait_render(browser, after: int, timeout: float = 20) -> None:
    """Wait until a view drawn after render number ``after`` is ready (or failed: then fail)."""
    WebDriverWait(browser, timeout).until(
        lambda b: rendered(b) > after and b.execute_script("return document.body.dataset.state") != "loading")
    state = browser.execute_script("return document.body.dataset.state")
    assert state == "ready", browser.find_element(By.ID, "status").get_attribute("textContent")


def open_view(browser, server, fragment: str) -> None:
    """Load the explorer at ``fragment`` (a fresh page: going from one fragment to another of the
    same page would only change the hash) and wait for the view."""
    browser.get("about:blank")
    browser.get(f"{server.url}/{fragment}")
    wait_render(browser, 0)


def go(browser, act) -> None:
    """Do something that changes the view in the same page (submit, click a link) and wait for it."""
    before = rendered(browser)
    act()
    wait_render(browser, before)


def shoot(browser, artifacts, name: str) -> None:
    assert browser.save_screenshot(str(artifacts / f"{name}.png")), name


def row_ids(browser) -> list[str]:
    return [a.get_attribute("href").rsplit("/", 1)[1] for a in browser.find_elements(By.CSS_SELECTOR, "#results a.event-link")]


def mark_texts(browser, field: str) -> list[str]:
    """Texts of the marks of one field, a span cut in pieces joined again, labels left out."""
    return browser.execute_script("""
        const out = [];
        for (const mark of document.querySelectorAll(`#article-text mark[data-field="${arguments[0]}"]`)) {
          const clone = mark.cloneNode(true);
          clone.querySelectorAll('.hl-tag').forEach((t) => t.remove());
          if (mark.classList.contains('hl-cont') && out.length) out[out.length - 1] += clone.textContent;
          else out.push(clone.textContent);
        }
        return out;""", field)


def severe_logs(browser) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def all_events(server, **params) -> list[dict]:
    return api(server, "/v1/events", limit=500, **params)["events"]


def evidence_event(server) -> dict:
    """A stored event with a source, a target, a date and a place, each with offsets."""
    for event in all_events(server):
        if (event["source"] and event["target"] and event.get("date") and event["date"].get("start") is not None
                and event.get("location") and event["location"].get("start") is not None):
            return event
    pytest.fail("no stored event has source, target, date and place evidence: pick other articles")


# -- search ---------------------------------------------------------------------------------------
def test_events_are_filtered_and_the_url_holds_the_query(browser, server, artifacts):
    open_view(browser, server, "#/events")
    total = api(server, "/v1/events")["total"]
    assert total and total > 10, "the test store holds too few events"
    assert len(row_ids(browser)) == min(total, 50)
    common = Counter(e["event_type"] for e in all_events(server)).most_common(1)[0][0]

    browser.find_element(By.CSS_SELECTOR, "#more-filters summary").click()
    browser.find_element(By.CSS_SELECTOR, f'#event-type-choices input[value="{common}"]').click()
    text = browser.find_element(By.NAME, "q")
    go(browser, lambda: text.send_keys(Keys.ENTER))  # Enter in a field submits the filters

    assert f"event_type={common}" in browser.current_url
    expected = [e["id"] for e in api(server, "/v1/events", event_type=common)["events"]]
    assert row_ids(browser) == expected
    types = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#results a.event-link")]
    assert types and all(t.split(" /")[0] == common for t in types), types
    shoot(browser, artifacts, "events-filtered")

    url = browser.current_url
    open_view(browser, server, url.split("/", 3)[3])  # a shared link shows the same view
    assert row_ids(browser) == expected
    assert browser.find_element(By.CSS_SELECTOR, f'#event-type-choices input[value="{common}"]').is_selected()
    assert browser.find_element(By.ID, "more-filters").get_attribute("open") is not None


def test_pages_follow_the_cursor(browser, server):
    open_view(browser, server, "#/events?limit=5")
    first = api(server, "/v1/events", limit=5)
    assert row_ids(browser) == [e["id"] for e in first["events"]]
    assert first["next_cursor"], "the test store holds too few events for two pages"
    go(browser, lambda: browser.find_element(By.ID, "next-page").click())
    second = api(server, "/v1/events", limit=5, cursor=first["next_cursor"])
    assert "cursor=" in browser.current_url
    assert row_ids(browser) == [e["id"] for e in second["events"]]
    go(browser, browser.back)
    assert row_ids(browser) == [e["id"] for e in first["events"]]


def test_actor_names_are_suggested_while_typing(browser, server):
    open_view(browser, server, "#/events")
    browser.find_element(By.NAME, "actor").send_keys("Obam")
    expected = [a["name"] for a in api(server, "/v1/actors", q="Obam", limit=10)["actors"]]
    assert expected, "the knowledge base knows no Obama"
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#actor-suggestions option"))
    shown = [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "#actor-suggestions option")]
    assert shown == expected


def test_download_links_carry_the_filters(browser, server):
    open_view(browser, server, "#/events?actor_side=source&country=USA")
    links = {a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".downloads a")}
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(links["CSV"]).query)
    assert query == {"actor_side": ["source"], "country": ["USA"], "format": ["csv"]}
    with urllib.request.urlopen(links["JSON lines"], timeout=30) as response:
        lines = response.read().decode("utf-8").splitlines()
    assert len(lines) == api(server, "/v1/events", actor_side="source", country="USA")["total"] > 0


# -- one event ------------------------------------------------------------------------------------
def test_event_page_marks_every_field_in_the_article(browser, server, artifacts):
    event = evidence_event(server)
    open_view(browser, server, f"#/event/{event['id']}")
    detail = api(server, f"/v1/events/{event['id']}")

    assert mark_texts(browser, "trigger") == [event["trigger"]["text"]]
    assert sorted(mark_texts(browser, "source")) == sorted(a["text"] for a in event["source"] if a["end"] > a["start"])
    assert sorted(mark_texts(browser, "target")) == sorted(a["text"] for a in event["target"] if a["end"] > a["start"])
    assert mark_texts(browser, "date") == [event["date"]["text"]]
    assert mark_texts(browser, "location") == [event["location"]["text"]]
    if event.get("attribution"):
        assert mark_texts(browser, "attribution") == [event["attribution"]["text"]]
    # The marks only wrap the article: its text is unchanged, label tags aside.
    shown = browser.execute_script("""
        const clone = document.getElementById('article-text').cloneNode(true);
        clone.querySelectorAll('.hl-tag').forEach((t) => t.remove());
        return clone.textContent;""")
    assert shown == detail["article_text"]
    # Not colour alone: every mark of a field starts with a visible label, and the legend names it.
    tags = [t.text.lower() for t in browser.find_elements(By.CSS_SELECTOR, "#article-text .hl-tag")]
    assert {"trigger", "source", "target", "date", "place"} <= set(tags)
    legend = browser.find_element(By.CSS_SELECTOR, ".hl-legend").text
    assert "trigger" in legend and "place" in legend
    fields = browser.find_element(By.CSS_SELECTOR, "dl.fields").text
    assert event["event_type"] in fields and event["date"]["value"] in fields
    assert ("the learned model" if event["proposed_by"] == "model" else "the rules") in fields
    shoot(browser, artifacts, "event")


def test_event_page_marks_each_repeated_report_of_the_event(browser, server):
    """An event the article reports twice is one record; its later reports (``repeats``) are marked
    in the article too, each with its own label, so every mention is checked against its words. The
    stored events may hold no repeat (that depends on the coder), so the highlighter is given one."""
    open_view(browser, server, "#/events")
    result = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import('/js/highlight.js').then(({evidenceSpans, markedText, FIELDS}) => {
          const text = 'Fatah and Hamas signed a deal in Cairo. The deal was signed on Thursday.';
          const event = {event_type: 'AGREE', trigger: {text: 'signed', start: 16, end: 22},
                         repeats: [{text: 'signed', start: 53, end: 59}], source: [], target: []};
          const box = document.createElement('div');
          box.append(markedText(text, evidenceSpans(event)));
          const marks = (f) => [...box.querySelectorAll(`mark[data-field="${f}"]`)].map((m) => {
            const c = m.cloneNode(true); c.querySelectorAll('.hl-tag').forEach((t) => t.remove()); return [c.textContent, m.title]; });
          done({trigger: marks('trigger'), repeat: marks('repeat'),
                label: FIELDS.find((f) => f.field === 'repeat').label});
        }).catch((e) => done({error: String(e)}));""")
    assert "error" not in result, result
    assert [t for t, _ in result["trigger"]] == ["signed"]
    assert result["repeat"] == [["signed", "reported again: AGREE again: signed"]]
    assert result["label"] == "reported again"


def test_event_page_links_the_other_reports(browser, server):
    merged = [e for e in all_events(server, merged="true") if e.get("merged") and e["merged"]["num_articles"] > 1]
    if not merged:
        pytest.fail("no merged event with reports in two articles: pick other BASIL stories")
    event = merged[0]
    open_view(browser, server, f"#/event/{event['id']}")
    reports = [r for r in api(server, f"/v1/events/{event['id']}")["reports"] if r["id"] != event["id"]]
    links = browser.find_elements(By.CSS_SELECTOR, ".report-list a")
    assert [a.get_attribute("href").rsplit("/", 1)[1] for a in links] == [r["id"] for r in reports]
    go(browser, links[0].click)
    assert browser.current_url.endswith(f"#/event/{reports[0]['id']}")
    assert mark_texts(browser, "trigger") == [reports[0]["trigger"]["text"]]


# -- reviews --------------------------------------------------------------------------------------
def fill_review(browser, verdict: str, event_type: str, reviewer: str) -> None:
    browser.find_element(By.CSS_SELECTOR, f'#review-form input[name="verdict"][value="{verdict}"]').click()
    Select(browser.find_element(By.CSS_SELECTOR, '#review-form select[name="event_type"]')).select_by_value(event_type)
    browser.find_element(By.ID, "review-source-name-0").send_keys("Barack Obama")
    browser.find_element(By.ID, "review-source-country-0").send_keys("usa")
    name = browser.find_element(By.CSS_SELECTOR, '#review-form input[name="reviewer"]')
    name.clear()
    name.send_keys(reviewer)
    browser.find_element(By.CSS_SELECTOR, '#review-form textarea[name="note"]').send_keys("checked in the browser test")


def review_message(browser, starts: str) -> str:
    WebDriverWait(browser, 15).until(lambda b: b.find_element(By.ID, "review-message").text.startswith(starts)
                                      or b.find_element(By.ID, "review-message").get_attribute("data-kind") == "error")
    return browser.find_element(By.ID, "review-message").text


def test_a_review_with_the_token_is_saved_and_shown(browser, server, artifacts, token):
    event = all_events(server)[0]
    other = "ASSAULT" if event["event_type"] != "ASSAULT" else "PROTEST"
    open_view(browser, server, f"#/event/{event['id']}")
    browser.execute_script("sessionStorage.clear()")
    open_view(browser, server, f"#/event/{event['id']}")
    browser.find_element(By.ID, "review-token").send_keys(token)
    fill_review(browser, "wrong", other, "Browser Tester")
    browser.find_element(By.CSS_SELECTOR, '#review-form input[name="reviewer"]').send_keys(Keys.ENTER)
    assert review_message(browser, "Review saved").startswith("Review saved"), "the review was not saved"

    stored = api(server, f"/v1/events/{event['id']}/reviews")["reviews"]
    assert len(stored) == 1
    review = stored[0]
    assert (review["verdict"], review["reviewer"], review["note"]) == ("wrong", "Browser Tester", "checked in the browser test")
    assert review["corrections"]["event_type"] == other
    assert review["corrections"]["source"][0]["name"] == "Barack Obama"
    assert review["corrections"]["source"][0]["country"] == "USA"
    assert "Browser Tester" in browser.find_element(By.ID, "review-list").text
    shoot(browser, artifacts, "review")

    # The token is asked once per tab; the saved review comes back from the server on reload.
    browser.refresh()
    wait_render(browser, 0)
    assert not browser.find_elements(By.ID, "review-token")
    assert "Token entered" in browser.find_element(By.CSS_SELECTOR, ".token-block").text
    assert "Browser Tester" in browser.find_element(By.ID, "review-list").text


def test_a_wrong_token_is_refused_with_the_servers_message(browser, server):
    event = all_events(server)[1]
    open_view(browser, server, f"#/event/{event['id']}")
    browser.execute_script("sessionStorage.setItem('chronicle.token', 'not-the-token')")
    open_view(browser, server, f"#/event/{event['id']}")
    browser.find_element(By.CSS_SELECTOR, '#review-form input[name="verdict"][value="right"]').click()
    name = browser.find_element(By.CSS_SELECTOR, '#review-form input[name="reviewer"]')
    name.clear()
    name.send_keys("Intruder", Keys.ENTER)
    message = review_message(browser, "Review saved")
    assert "token" in message.lower() and not message.startswith("Review saved"), message
    assert api(server, f"/v1/events/{event['id']}/reviews")["reviews"] == []
    assert browser.find_elements(By.ID, "review-token"), "a refused token must be asked again"


def test_a_review_needs_a_verdict_or_a_correction_and_the_token(browser, server, token):
    event = all_events(server)[2]
    open_view(browser, server, f"#/event/{event['id']}")
    browser.execute_script("sessionStorage.clear()")
    name = browser.find_element(By.CSS_SELECTOR, '#review-form input[name="reviewer"]')
    name.clear()
    name.send_keys("Someone", Keys.ENTER)
    message = browser.find_element(By.ID, "review-message")
    assert message.text == "Mark the event right or wrong, or correct a field."
    browser.find_element(By.CSS_SELECTOR, '#review-form input[name="verdict"][value="right"]').click()
    name.send_keys(Keys.ENTER)
    assert message.text == "Enter the access token of the server to save a review."
    assert api(server, f"/v1/events/{event['id']}/reviews")["reviews"] == []


def test_an_unknown_event_says_so_in_the_servers_words(browser, server):
    browser.get("about:blank")
    browser.get(f"{server.url}/#/event/no-such-event")
    WebDriverWait(browser, 20).until(lambda b: b.execute_script("return document.body.dataset.state") == "error")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Not found"
    with pytest.raises(urllib.error.HTTPError) as refused:
        api(server, "/v1/events/no-such-event")
    message = json.load(refused.value)["error"]["message"]
    assert browser.find_element(By.CSS_SELECTOR, ".error-text").text == message


def test_a_read_only_server_shows_the_form_disabled(browser, read_only_server):
    event = all_events(read_only_server)[0]
    open_view(browser, read_only_server, f"#/event/{event['id']}")
    fieldset = browser.find_element(By.CSS_SELECTOR, "#review-form > fieldset")
    assert fieldset.get_attribute("disabled") is not None
    assert "read-only" in fieldset.text


# -- timeline, map, network -----------------------------------------------------------------------
def top_country(server) -> str:
    return max(api(server, "/v1/stats/dyads")["nodes"], key=lambda n: n["count"])["id"]


def test_timeline_draws_events_by_quad_class_for_a_country(browser, server, artifacts):
    country = top_country(server)
    open_view(browser, server, f"#/timeline?country={country}&interval=month")
    series = api(server, "/v1/stats/timeseries", country=country, interval="month")["series"]
    bars = browser.find_elements(By.CSS_SELECTOR, "svg#timeline-chart rect.qc")
    assert len(bars) == len([s for s in series if s["count"]]) > 0
    shown = browser.execute_script("""
        return [...document.querySelectorAll('.data-table tbody tr')].map((tr) =>
          [...tr.querySelectorAll('td')].slice(0, 4).reduce((n, td) => n + Number(td.textContent), 0));""")
    assert sum(shown) == sum(s["count"] for s in series)
    periods = {s["period"] for s in series if s["mean_goldstein"] is not None}
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg#timeline-chart .goldstein circle")) == len(periods)
    shoot(browser, artifacts, "timeline")


def test_timeline_of_a_dyad_comes_from_the_dyad_form(browser, server):
    edge = max((e for e in api(server, "/v1/stats/dyads")["edges"] if e["source"] != e["target"]),
               key=lambda e: e["count"])
    open_view(browser, server, "#/timeline")
    browser.find_element(By.NAME, "dyad_source").send_keys(edge["source"])
    target = browser.find_element(By.NAME, "dyad_target")
    target.send_keys(edge["target"])
    go(browser, lambda: target.send_keys(Keys.ENTER))
    assert f"dyad={edge['source']}%3A{edge['target']}" in browser.current_url
    series = api(server, "/v1/stats/timeseries", dyad=f"{edge['source']}:{edge['target']}", interval="month")["series"]
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg#timeline-chart rect.qc")) == len([s for s in series if s["count"]]) > 0


def test_map_draws_shipped_countries_and_the_places(browser, server, artifacts):
    open_view(browser, server, "#/map")
    data = api(server, "/v1/stats/places")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg#world-map path.country")) >= 170
    placed = [p for p in data["places"] if p["lat"] is not None and p["lon"] is not None]
    assert placed, "no stored event has a geocoded place"
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg#world-map circle.place")) == len(placed)
    shaded = {p.get_attribute("data-country") for p in browser.find_elements(By.CSS_SELECTOR, "svg#world-map path.has-events")}
    assert shaded == {c["country"] for c in data["countries"]} & shaded and shaded
    shoot(browser, artifacts, "map")
    view_box = "return document.getElementById('world-map').getAttribute('viewBox').split(' ').map(Number)"
    whole = browser.execute_script(view_box)
    browser.find_element(By.CSS_SELECTOR, '.map-tools [aria-label="Zoom in"]').send_keys(Keys.ENTER)
    assert browser.execute_script(view_box)[2:] == [whole[2] / 2, whole[3] / 2]
    browser.find_element(By.CSS_SELECTOR, '.map-tools [aria-label="Show the whole map"]').click()
    assert browser.execute_script(view_box) == whole
    # Selecting a shaded country lists its events.
    country = sorted(shaded)[0]
    link = browser.find_element(By.CSS_SELECTOR, f'svg#world-map a path[data-country="{country}"]').find_element(By.XPATH, "..")
    go(browser, lambda: browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", link))
    assert f"location_country={country}" in browser.current_url
    assert row_ids(browser) == [e["id"] for e in api(server, "/v1/events", location_country=country)["events"]]


def test_network_draws_who_acts_on_whom_for_the_filter(browser, server, artifacts):
    open_view(browser, server, "#/network")
    data = api(server, "/v1/stats/dyads", limit=60)
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg#network a.node")) == len(data["nodes"]) > 1
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg#network path.edge")) == len(data["edges"]) > 0
    shoot(browser, artifacts, "network")
    common = Counter(e["event_type"] for e in all_events(server)).most_common(1)[0][0]
    open_view(browser, server, f"#/network?event_type={common}")
    filtered = api(server, "/v1/stats/dyads", limit=60, event_type=common)
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg#network a.node")) == len(filtered["nodes"])


# -- keyboard, contrast, screen size --------------------------------------------------------------
def test_the_explorer_is_usable_with_the_keyboard(browser, server):
    open_view(browser, server, "#/events")
    ActionChains(browser).send_keys(Keys.TAB).perform()  # keys to the page, no click first
    first = browser.switch_to.active_element
    assert first.get_attribute("class") == "skip-link" and first.is_displayed()
    assert browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle") != "none"
    for _ in range(80):  # tab on until the first event link, then Enter opens it
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if "event-link" in (browser.switch_to.active_element.get_attribute("class") or ""):
            break
    else:
        pytest.fail("tabbing never reached an event link")
    focused = browser.switch_to.active_element
    assert browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", focused) != "none"
    event_id = focused.get_attribute("href").rsplit("/", 1)[1]
    go(browser, lambda: focused.send_keys(Keys.ENTER))
    assert browser.current_url.endswith(f"#/event/{event_id}")
    # Only links, buttons and fields take clicks; the one focusable box is the article, a named
    # scrolling region (so keyboard users can scroll it).
    clickable = browser.execute_script(
        "return [...document.querySelectorAll('[onclick], div[tabindex], span[tabindex], td[tabindex], tr[tabindex]')]"
        ".filter((e) => e.getAttribute('role') !== 'region').length")
    assert clickable == 0, "something clickable is not a link or a button"


CONTRAST = """
function lum(rgb) {
  const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function parse(colour) { const m = colour.match(/[\\d.]+/g).map(Number); return {rgb: m.slice(0, 3), a: m.length > 3 ? m[3] : 1}; }
function background(node) {
  for (let n = node; n; n = n.parentElement) {
    const c = parse(getComputedStyle(n).backgroundColor);
    if (c.a > 0.5) return c.rgb;
  }
  return [255, 255, 255];
}
const failures = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const text = walker.currentNode;
  const el = text.parentElement;
  if (!text.textContent.trim() || !el || el.closest('svg') || !el.getClientRects().length) continue;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || el.closest('[hidden]') || el.closest('.visually-hidden, .skip-link, [data-kind="done"]')) continue;
  const [a, b] = [lum(parse(style.color).rgb), lum(background(el))];
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
  const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
  if (ratio < needed && !el.closest('fieldset:disabled')) failures.push(`${ratio.toFixed(2)} ${el.tagName}.${el.className}: ${text.textContent.trim().slice(0, 40)}`);
}
return failures;
"""


@pytest.mark.parametrize("fragment", VIEWS + ("event",))
def test_text_contrast_meets_wcag_aa(browser, server, fragment):
    if fragment == "event":
        fragment = f"#/event/{evidence_event(server)['id']}"
    open_view(browser, server, fragment)
    browser.execute_script("document.querySelectorAll('details').forEach((d) => d.open = true)")
    assert browser.execute_script(CONTRAST) == []


@pytest.mark.parametrize("fragment", VIEWS + ("event",))
def test_views_fit_a_laptop_screen_without_errors(browser, server, fragment):
    if fragment == "event":
        fragment = f"#/event/{evidence_event(server)['id']}"
    browser.get_log("browser")  # forget earlier messages
    open_view(browser, server, fragment)
    width = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{fragment} scrolls sideways at 1366x768: {width}"
    assert severe_logs(browser) == []


def test_marks_nest_cross_and_count_code_points(browser, server):
    """The highlighter alone: spans that nest or cross, and offsets in code points (an emoji is
    one code point but two JavaScript characters)."""
    open_view(browser, server, "#/events")
    result = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import('/js/highlight.js').then(({markedText}) => {
          const text = '\U0001F600 Hamas said Israel struck Gaza.';
          const spans = [
            {field: 'attribution', start: 2, end: 12, detail: ''},
            {field: 'source', start: 2, end: 7, detail: ''},
            {field: 'trigger', start: 20, end: 26, detail: ''},
            {field: 'target', start: 13, end: 26, detail: ''},
            {field: 'location', start: 24, end: 31, detail: ''},
          ];
          const box = document.createElement('div');
          box.append(markedText(text, spans));
          const plain = box.cloneNode(true);
          plain.querySelectorAll('.hl-tag').forEach((t) => t.remove());
          const marks = [...box.querySelectorAll('mark')].map((m) => [m.dataset.field, m.classList.contains('hl-cont')]);
          const pieces = (f) => [...plain.querySelectorAll(`mark[data-field="${f}"]`)].map((m) => m.textContent).join('');
          done({plain: plain.textContent, tags: box.querySelectorAll('.hl-tag').length, marks,
                source: pieces('source'), trigger: pieces('trigger'), target: pieces('target'), place: pieces('location'),
                nested: !!box.querySelector('mark[data-field="attribution"] mark[data-field="source"]')});
        }).catch((e) => done({error: String(e)}));""")
    assert "error" not in result, result
    assert result["plain"] == "\U0001F600 Hamas said Israel struck Gaza."
    assert result["tags"] == 5  # one label per span, also when a span is cut in two
    assert (result["source"], result["trigger"], result["target"]) == ("Hamas", "struck", "Israel struck")
    assert result["place"] == "ck Gaza"
    assert result["nested"]
    assert ["location", True] in result["marks"]  # the place crosses the target: cut, continued


def test_event_page_marks_who_each_repeated_report_names(browser, server):
    """A repeat's words for the record's actors (``repeats[].source``/``target``) are marked as the
    first report's source and target are, their title giving the record actor they name."""
    open_view(browser, server, "#/events")
    result = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import('/js/highlight.js').then(({evidenceSpans, markedText}) => {
          const text = 'Chile accused Peru on Monday. Later Santiago again accused Lima.';
          const event = {event_type: 'ACCUSE', trigger: {text: 'accused', start: 6, end: 13},
                         source: [{text: 'Chile', start: 0, end: 5, name: 'Chile', country: 'CHL'}],
                         target: [{text: 'Peru', start: 14, end: 18, name: 'Peru', country: 'PER'}],
                         repeats: [{text: 'accused', start: 51, end: 58,
                                    source: [{text: 'Santiago', start: 36, end: 44}],
                                    target: [{text: 'Lima', start: 59, end: 63}]}]};
          const box = document.createElement('div');
          box.append(markedText(text, evidenceSpans(event)));
          const marks = (f) => [...box.querySelectorAll(`mark[data-field="${f}"]`)].map((m) => {
            const c = m.cloneNode(true); c.querySelectorAll('.hl-tag').forEach((t) => t.remove()); return [c.textContent, m.title]; });
          done({source: marks('source'), target: marks('target'), repeat: marks('repeat')});
        }).catch((e) => done({error: String(e)}));""")
    assert "error" not in result, result
    assert [t for t, _ in result["source"]] == ["Chile", "Santiago"]
    assert [t for t, _ in result["target"]] == ["Peru", "Lima"]
    assert 'Chile (CHL), reported again as "Santiago"' in result["source"][1][1]
    assert [t for t, _ in result["repeat"]] == ["accused"]
