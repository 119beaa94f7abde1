// The map of events by place, offline: country outlines shipped with Chronicle
// (data/world-110m.json, Natural Earth via world-atlas, pre-projected by
// tools/build_world_shapes.py) shaded by events placed in each country, and a circle per place of
// /v1/stats/places sized by its events. No tiles, nothing fetched from elsewhere.

import { getJSON } from "./api.js";
import { h, replace, setStatus, svg } from "./dom.js";
import { filterParams, hashFor, withParam } from "./query.js";

let shapesPromise = null;

/** The shipped country shapes (fetched once, relative to the page). */
export function loadShapes() {
  if (!shapesPromise) shapesPromise = getJSON(new URL("data/world-110m.json", document.baseURI).pathname);
  return shapesPromise;
}

/** Map units of a position: equirectangular, as tools/build_world_shapes.py projects the shapes. */
export function project(lon, lat, unitsPerDegree) {
  return [lon * unitsPerDegree, -lat * unitsPerDegree];
}

const STEPS = [
  { min: 1, fill: "#bcd7ee", label: "1" },
  { min: 2, fill: "#8dbbe0", label: "2–5" },
  { min: 6, fill: "#5a9bd0", label: "6–20" },
  { min: 21, fill: "#2f6fae", label: "21–100" },
  { min: 101, fill: "#1c4e80", label: "over 100" },
];

function stepOf(count) {
  let found = null;
  for (const step of STEPS) if (count >= step.min) found = step;
  return found;
}

function countryShape(country, count, params) {
  const step = count ? stepOf(count) : null;
  const label = `${country.name}: ${count || 0} event${count === 1 ? "" : "s"} placed here`;
  const path = svg("path", { d: country.d, class: ["country", step ? "has-events" : null], style: step ? `fill:${step.fill}` : null, dataset: { country: country.id || "" } },
    svg("title", {}, label));
  if (!count || !country.id) return path;
  return svg("a", { href: hashFor("events", withParam(filterParams(params), "location_country", country.id)), "aria-label": label }, path);
}

function placeMark(place, maxCount, shapes, params) {
  const [x, y] = project(place.lon, place.lat, shapes.units_per_degree);
  const r = 8 + 30 * Math.sqrt(place.count / maxCount); // map units at zoom 1; zoom() rescales
  const d = 0.05;
  const bbox = [place.lon - d, place.lat - d, place.lon + d, place.lat + d].map((v) => v.toFixed(3)).join(",");
  const label = `${place.name}${place.country ? ", " + place.country : ""}: ${place.count} event${place.count === 1 ? "" : "s"}`;
  return svg("a", { href: hashFor("events", withParam(filterParams(params), "bbox", bbox)), "aria-label": label, class: "place-link" },
    svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), class: "place", dataset: { r: r.toFixed(1) } }, svg("title", {}, label)));
}

function legend() {
  return h("ul", { class: "chart-legend" },
    h("li", {}, "Events placed in a country: "),
    STEPS.map((s) => h("li", {}, h("span", { class: "swatch", style: `background:${s.fill}` }), s.label)),
    h("li", {}, h("span", { class: "swatch dot" }), "a place (area by events; select it to list them)"));
}

function placesTable(places) {
  const top = [...places].sort((a, b) => b.count - a.count).slice(0, 30);
  return h("details", { class: "data-table" }, h("summary", {}, `Places as a table (top ${top.length})`),
    h("table", {}, h("thead", {}, h("tr", {}, ["Place", "Country", "Latitude", "Longitude", "Events"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, top.map((p) => h("tr", {}, h("th", { scope: "row" }, p.name), h("td", {}, p.country || "–"),
        h("td", { class: "num" }, p.lat.toFixed(2)), h("td", { class: "num" }, p.lon.toFixed(2)), h("td", { class: "num" }, String(p.count)))))));
}

/** The map as an SVG element. */
export function mapSvg(shapes, data, params) {
  const counts = Object.fromEntries((data.countries || []).map((c) => [c.country, c.count]));
  const places = (data.places || []).filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  const maxCount = Math.max(1, ...places.map((p) => p.count));
  const [x, y, w, hgt] = shapes.viewBox;
  return svg("svg", { viewBox: `${x} ${y} ${w} ${hgt}`, class: "chart world-map", id: "world-map", role: "group", "aria-labelledby": "map-title" },
    svg("title", { id: "map-title" }, "Map of events by place"),
    svg("defs", {}, svg("clipPath", { id: "map-clip" }, svg("rect", { x, y, width: w, height: hgt }))),
    svg("rect", { x, y, width: w, height: hgt, class: "sea" }),
    svg("g", { class: "countries", "clip-path": "url(#map-clip)" }, shapes.countries.map((c) => countryShape(c, counts[c.id], params))),
    svg("g", { class: "places", "clip-path": "url(#map-clip)" }, [...places].sort((a, b) => b.count - a.count).map((p) => placeMark(p, maxCount, shapes, params))));
}

/**
 * Zoom and pan by changing the viewBox: buttons (and their keyboard use) rather than drag
 * gestures only. Circles keep their size on screen; outlines keep their width (CSS
 * vector-effect).
 */
export function zoomControls(map, full) {
  const view = { scale: 1, cx: full[0] + full[2] / 2, cy: full[1] + full[3] / 2 };
  const apply = () => {
    const [w, hgt] = [full[2] / view.scale, full[3] / view.scale];
    view.cx = Math.min(full[0] + full[2] - w / 2, Math.max(full[0] + w / 2, view.cx));
    view.cy = Math.min(full[1] + full[3] - hgt / 2, Math.max(full[1] + hgt / 2, view.cy));
    map.setAttribute("viewBox", `${(view.cx - w / 2).toFixed(1)} ${(view.cy - hgt / 2).toFixed(1)} ${w.toFixed(1)} ${hgt.toFixed(1)}`);
    for (const circle of map.querySelectorAll("circle.place")) circle.setAttribute("r", (circle.dataset.r / Math.sqrt(view.scale)).toFixed(1));
    level.textContent = `zoom ×${view.scale}`;
  };
  const step = (dx, dy) => () => { view.cx += dx * full[2] / view.scale / 4; view.cy += dy * full[3] / view.scale / 4; apply(); };
  const level = h("span", { class: "muted", "aria-live": "polite" }, "zoom ×1");
  const button = (label, text, act) => h("button", { type: "button", class: "secondary small", "aria-label": label, title: label, onclick: act }, text);
  const bar = h("div", { class: "map-tools", role: "toolbar", "aria-label": "Zoom and pan the map" },
    button("Zoom in", "+", () => { view.scale = Math.min(16, view.scale * 2); apply(); }),
    button("Zoom out", "−", () => { view.scale = Math.max(1, view.scale / 2); apply(); }),
    button("Pan west", "←", step(-1, 0)), button("Pan north", "↑", step(0, -1)),
    button("Pan south", "↓", step(0, 1)), button("Pan east", "→", step(1, 0)),
    button("Show the whole map", "Reset", () => { view.scale = 1; apply(); }), level);
  return bar;
}

/** Draw the map view for the query `params` into `container`. */
export async function renderMap(container, params) {
  const heading = h("h1", { tabindex: "-1" }, "Map of events by place");
  replace(container, heading);
  setStatus("Loading the map…");
  const [shapes, data] = await Promise.all([loadShapes(), getJSON("/v1/stats/places", filterParams(params))]);
  const placed = (data.places || []).reduce((n, p) => n + p.count, 0);
  setStatus(`${(data.places || []).length} places, ${placed} events with a place.`, "done");
  const map = mapSvg(shapes, data, params);
  container.append(
    zoomControls(map, shapes.viewBox),
    h("figure", { class: "chart-figure map-figure" }, map,
      h("figcaption", {}, "Country outlines: Natural Earth 1:110m (public domain), via world-atlas (ISC); shipped with Chronicle.")),
    legend(), placesTable(data.places || []));
  return heading;
}
