// Chronicle's web explorer: plain ES modules, no build step. The view and its query live in the
// URL hash (#/events?..., #/event/ID, #/timeline?..., #/map?..., #/network?...), so every view
// can be bookmarked, shared and reloaded; the filter form above the views writes that query.

import { getJSON, getMeta } from "./js/api.js";
import { h, setStatus } from "./js/dom.js";
import { renderEvent } from "./js/event.js";
import { renderEvents } from "./js/events.js";
import { QUAD_NAMES } from "./js/format.js";
import { renderMap } from "./js/map.js";
import { renderNetwork } from "./js/network.js";
import { currentRoute, fillForm, hashFor, pick, readForm } from "./js/query.js";
import { renderTimeline } from "./js/timeline.js";

const VIEWS = {
  events: (container, route) => renderEvents(container, route.params),
  timeline: (container, route) => renderTimeline(container, route.params),
  map: (container, route) => renderMap(container, route.params),
  network: (container, route) => renderNetwork(container, route.params),
  event: (container, route, meta) => renderEvent(container, route.id, meta),
};

/** Keys of a view's query that the filter form has no field for, kept when the filters change
 * (sort and rows per page are fields of the form, so choosing the default removes them). */
const VIEW_KEYS = { events: [], timeline: ["interval", "dyad"], map: [], network: ["edges"] };

/** Filters under "More filters": that part opens when a shared link uses one of them. */
const MORE_KEYS = ["event_type", "quad_class", "factuality", "sector", "mode", "cameo", "min_confidence",
  "location_country", "bbox", "outlet", "sort", "limit", "merged"];

const form = document.getElementById("filters");
const view = document.getElementById("view");
let renderCount = 0;

function checkboxes(fieldsetId, name, values, labelOf = (v) => v) {
  const fieldset = document.getElementById(fieldsetId);
  fieldset.append(...values.map((value) => h("label", { class: "inline-check" },
    h("input", { type: "checkbox", name, value: String(value) }), ` ${labelOf(value)}`)));
}

function setUpForm(meta) {
  checkboxes("event-type-choices", "event_type", meta.event_types || []);
  checkboxes("quad-class-choices", "quad_class", Object.keys(meta.quad_classes || QUAD_NAMES), (q) => `${q} ${(meta.quad_classes || QUAD_NAMES)[q]}`);
  checkboxes("factuality-choices", "factuality", meta.factualities || []);
  const counts = meta.counts || {};
  document.getElementById("store-counts").textContent = Object.entries(counts)
    .map(([key, value]) => `${Number(value).toLocaleString("en")} ${key.replace("_", " ")}`).join(" · ")
    + (meta.writable ? " · reviews open (token)" : " · read-only");
}

function onFilterSubmit(event) {
  event.preventDefault();
  const route = currentRoute();
  const target = route.view === "event" ? "events" : route.view;
  const params = readForm(form);
  for (const [key, value] of pick(route.params, VIEW_KEYS[target] || [])) if (!params.has(key)) params.append(key, value);
  if (target !== "events") ["sort", "limit"].forEach((key) => params.delete(key));
  window.location.hash = hashFor(target, params);
}

function updateNav(route) {
  const query = readForm(form);
  query.delete("sort");
  query.delete("limit");
  for (const link of document.querySelectorAll("nav .tabs a")) {
    const name = link.dataset.view;
    const params = new URLSearchParams(query);
    if (name === "events" && route.params.get("sort")) params.set("sort", route.params.get("sort"));
    link.href = hashFor(name, params);
    if (name === route.view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

async function render() {
  const route = currentRoute();
  const draw = VIEWS[route.view] || VIEWS.events;
  const mine = ++renderCount;
  form.hidden = route.view === "event";
  if (route.view !== "event") {
    fillForm(form, route.params);
    sessionStorage.setItem("chronicle.lastList", window.location.hash || "#/events");
  }
  updateNav(route);
  document.body.dataset.view = route.view;
  document.body.dataset.state = "loading";
  try {
    const meta = await getMeta();
    const heading = await draw(view, route, meta);
    if (mine !== renderCount) return;
    // After a navigation inside the page, focus moves to the new view's heading (a screen reader
    // reads it); on the first load it stays at the top, where Tab reaches the skip link first.
    if (mine > 1 && heading && (document.activeElement === document.body || !document.activeElement)) heading.focus({ preventScroll: true });
    finish(mine, "ready");
  } catch (error) {
    if (mine !== renderCount) return;
    setStatus(error.message, "error");
    const title = error.status === 404 ? "Not found" : "Something went wrong";
    view.replaceChildren(h("h1", { tabindex: "-1" }, title), h("p", { class: "error-text" }, error.message),
      h("p", {}, h("a", { href: "#/events" }, "Back to the events")));
    finish(mine, "error");
  }
}

// The state of the last render, for scripts and tests: data-state (loading, ready, error),
// data-rendered (how many views were drawn since the page loaded) and data-ready-at (when, in
// milliseconds since the page started loading).
function finish(count, state) {
  document.body.dataset.readyAt = String(Math.round(performance.now()));
  document.body.dataset.state = state;
  document.body.dataset.rendered = String(count);
}

// Names of known actors as the user types (GET /v1/actors?q=), offered by the browser's own
// suggestion list, which works with the keyboard.
function suggestActors() {
  const input = form.elements.actor;
  const list = document.getElementById("actor-suggestions");
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) return;
    timer = setTimeout(async () => {
      try {
        const data = await getJSON("/v1/actors", { q: text, limit: "10" });
        list.replaceChildren(...(data.actors || []).map((a) => h("option", { value: a.name || a.actor_id },
          [a.country, a.sector].filter(Boolean).join(" ") + (a.event_count ? ` · ${a.event_count} events` : ""))));
      } catch {
        list.replaceChildren();
      }
    }, 250);
  });
}

async function start() {
  suggestActors();
  form.addEventListener("submit", onFilterSubmit);
  document.getElementById("clear-filters").addEventListener("click", () => {
    const route = currentRoute();
    window.location.hash = hashFor(route.view === "event" ? "events" : route.view, null);
  });
  window.addEventListener("hashchange", render);
  try {
    setUpForm(await getMeta());
  } catch (error) {
    setStatus(error.message, "error");
  }
  const params = currentRoute().params;
  if (MORE_KEYS.some((key) => params.get(key))) document.getElementById("more-filters").open = true;
  await render();
}

start();
