// The timeline of conflict and cooperation: events per period stacked by quad class, with the
// mean Goldstein score as a line, for a country (the filters' actor country) or a dyad.

import { getJSON } from "./api.js";
import { fmt, h, replace, setStatus, svg } from "./dom.js";
import { QUAD_NAMES } from "./format.js";
import { filterParams, hashFor, withParam } from "./query.js";

// Non-text contrast against white at least 3:1 (WCAG 1.4.11), and lightness differs between neighbours.
export const QUAD_COLOURS = { 1: "#3C8DC4", 2: "#0B4F8A", 3: "#C77C00", 4: "#7A2A06" };
const WIDTH = 1000;
const HEIGHT = 340;
const PAD = { left: 52, right: 52, top: 16, bottom: 46 };

/** Rows of the series pivoted by period: {period, counts: {1..4}, total, goldstein}. */
export function byPeriod(series) {
  const periods = new Map();
  for (const item of series) {
    const row = periods.get(item.period) || { period: item.period, counts: { 1: 0, 2: 0, 3: 0, 4: 0 }, total: 0, sum: 0, scored: 0 };
    row.counts[item.quad_class] += item.count;
    row.total += item.count;
    if (item.mean_goldstein !== null && item.mean_goldstein !== undefined) {
      row.sum += item.mean_goldstein * item.count;
      row.scored += item.count;
    }
    periods.set(item.period, row);
  }
  return [...periods.values()]
    .map((r) => ({ ...r, goldstein: r.scored ? r.sum / r.scored : null }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

function niceMax(value) {
  if (value <= 4) return Math.max(1, value);
  const power = 10 ** Math.floor(Math.log10(value));
  const factor = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((f) => f * power >= value);
  return Math.round(factor * power);
}

const MAX_FILLED = 1500;

function nextPeriod(period, interval) {
  const d = new Date(`${period}T00:00:00Z`);
  if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (interval === "week" ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

/**
 * The rows with the periods between them that have no event added as empty rows, so the axis is
 * time (two bars a year apart do not stand side by side). Left as they are past MAX_FILLED periods.
 */
export function fillPeriods(rows, interval) {
  if (rows.length < 2 || !["day", "week", "month"].includes(interval)) return rows;
  const known = new Map(rows.map((r) => [r.period, r]));
  const filled = [];
  for (let p = rows[0].period; p <= rows[rows.length - 1].period; p = nextPeriod(p, interval)) {
    filled.push(known.get(p) || { period: p, counts: { 1: 0, 2: 0, 3: 0, 4: 0 }, total: 0, goldstein: null });
    if (filled.length > MAX_FILLED) return rows;
  }
  return filled.length >= rows.length ? filled : rows;
}

function axes(maxCount, x0, x1, y) {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(maxCount * f)).filter((v, i, a) => a.indexOf(v) === i);
  return svg("g", { class: "axes" },
    ticks.map((v) => svg("g", {},
      svg("line", { x1: x0, x2: x1, y1: y(v), y2: y(v), class: "grid" }),
      svg("text", { x: x0 - 6, y: y(v) + 4, "text-anchor": "end" }, String(v)))),
    svg("text", { x: 14, y: PAD.top + 120, transform: `rotate(-90 14 ${PAD.top + 120})`, "text-anchor": "middle" }, "events"),
    [-10, -5, 0, 5, 10].map((g) => svg("text", { x: x1 + 6, y: PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (10 - g) / 20 + 4 }, String(g))),
    svg("text", { x: WIDTH - 12, y: PAD.top + 120, transform: `rotate(90 ${WIDTH - 12} ${PAD.top + 120})`, "text-anchor": "middle" }, "mean Goldstein"));
}

function bars(rows, x, band, y) {
  return rows.map((row, i) => {
    let base = 0;
    return svg("g", { class: "period" }, [1, 2, 3, 4].filter((q) => row.counts[q]).map((q) => {
      const rect = svg("rect", { x: x(i) + band * 0.1, width: Math.max(1, band * 0.8), y: y(base + row.counts[q]), height: y(base) - y(base + row.counts[q]), fill: QUAD_COLOURS[q], class: `qc qc-${q}` },
        svg("title", {}, `${row.period}: ${row.counts[q]} ${QUAD_NAMES[q]}`));
      base += row.counts[q];
      return rect;
    }));
  });
}

function goldsteinLine(rows, x, band) {
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const gy = (g) => PAD.top + plotHeight * (10 - g) / 20;
  const points = rows.map((r, i) => (r.goldstein === null ? null : [x(i) + band / 2, gy(r.goldstein), r])).filter(Boolean);
  // The line joins neighbouring periods only: a period without events breaks it.
  const runs = [];
  rows.forEach((r, i) => {
    if (r.goldstein === null) return;
    const point = `${(x(i) + band / 2).toFixed(1)},${gy(r.goldstein).toFixed(1)}`;
    if (i > 0 && rows[i - 1].goldstein !== null) runs[runs.length - 1].push(point);
    else runs.push([point]);
  });
  return svg("g", { class: "goldstein" },
    svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: gy(0), y2: gy(0), class: "zero" }),
    runs.filter((run) => run.length > 1).map((run) => svg("polyline", { points: run.join(" ") })),
    points.map(([px, py, r]) => svg("circle", { cx: px, cy: py, r: 3.5 }, svg("title", {}, `${r.period}: mean Goldstein ${fmt(r.goldstein, 1)}`))));
}

function periodLabels(rows, x, band, interval) {
  const every = Math.max(1, Math.ceil(rows.length / 12));
  return svg("g", { class: "period-labels" }, rows.map((r, i) => (i % every ? null
    : svg("text", { x: x(i) + band / 2, y: HEIGHT - PAD.bottom + 16, "text-anchor": "middle" }, shortPeriod(r.period, interval)))));
}

function shortPeriod(period, interval) {
  return interval === "month" ? period.slice(0, 7) : period;
}

/** The chart as an SVG element. */
export function chart(rows, title, interval = "month") {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const band = plotWidth / Math.max(rows.length, 1);
  const maxCount = niceMax(Math.max(...rows.map((r) => r.total), 1));
  const x = (i) => PAD.left + i * band;
  const y = (v) => HEIGHT - PAD.bottom - (HEIGHT - PAD.top - PAD.bottom) * v / maxCount;
  return svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "chart timeline-chart", id: "timeline-chart", role: "img", "aria-labelledby": "timeline-title" },
    svg("title", { id: "timeline-title" }, title),
    axes(maxCount, PAD.left, WIDTH - PAD.right, y),
    bars(rows, x, band, y),
    goldsteinLine(rows, x, band),
    periodLabels(rows, x, band, interval));
}

function chartLegend() {
  return h("ul", { class: "chart-legend" },
    [1, 2, 3, 4].map((q) => h("li", {}, h("span", { class: "swatch", style: `background:${QUAD_COLOURS[q]}` }), `${q} ${QUAD_NAMES[q]}`)),
    h("li", {}, h("span", { class: "swatch line" }), "mean Goldstein (right axis, −10 conflict to +10 cooperation)"));
}

function dataTable(rows) {
  return h("details", { class: "data-table" }, h("summary", {}, "The figures as a table"),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Period"), [1, 2, 3, 4].map((q) => h("th", { scope: "col" }, QUAD_NAMES[q])), h("th", { scope: "col" }, "Mean Goldstein"))),
      h("tbody", {}, rows.map((r) => h("tr", {}, h("th", { scope: "row" }, r.period), [1, 2, 3, 4].map((q) => h("td", { class: "num" }, String(r.counts[q]))), h("td", { class: "num" }, fmt(r.goldstein, 1)))))));
}

function controls(params) {
  const [source = "", target = ""] = (params.get("dyad") || "").split(":");
  const form = h("form", { class: "view-controls", id: "timeline-form" },
    h("label", {}, "Country ", h("input", { name: "country", size: "4", maxlength: "3", value: params.get("country") || "", placeholder: "USA" })),
    h("span", {}, "or dyad"),
    h("label", {}, "source ", h("input", { name: "dyad_source", size: "4", maxlength: "3", value: source, placeholder: "ISR" })),
    h("label", {}, "target ", h("input", { name: "dyad_target", size: "4", maxlength: "3", value: target, placeholder: "PSE" })),
    h("label", {}, "per ", h("select", { name: "interval" }, ["day", "week", "month"].map((v) => h("option", { value: v, selected: (params.get("interval") || "month") === v }, v)))),
    h("button", { type: "submit" }, "Draw"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const up = (k) => String(data.get(k) || "").trim().toUpperCase();
    let next = withParam(params, "country", up("country"));
    next = withParam(next, "dyad", up("dyad_source") && up("dyad_target") ? `${up("dyad_source")}:${up("dyad_target")}` : null);
    next = withParam(next, "interval", data.get("interval"));
    window.location.hash = hashFor("timeline", next);
  });
  return form;
}

/** Draw the timeline view for the query `params` into `container`. */
export async function renderTimeline(container, params) {
  const heading = h("h1", { tabindex: "-1" }, "Timeline of conflict and cooperation");
  replace(container, heading, controls(params));
  setStatus("Loading the timeline…");
  const request = filterParams(params);
  request.set("interval", params.get("interval") || "month");
  if (params.get("dyad")) request.set("dyad", params.get("dyad"));
  const data = await getJSON("/v1/stats/timeseries", request);
  const interval = data.interval || request.get("interval");
  const rows = fillPeriods(byPeriod(data.series || []), interval);
  const who = params.get("dyad") ? `dyad ${params.get("dyad").replace(":", " → ")}` : params.get("country") ? `country ${params.get("country")}` : "all events of the filter";
  const title = `Events per ${interval} by quad class, ${who}`;
  if (!rows.length) {
    setStatus("No dated event matches these filters.", "done");
    container.append(h("p", { class: "empty" }, `No dated event for ${who}.`));
    return heading;
  }
  setStatus(`${rows.length} periods, ${rows.reduce((n, r) => n + r.total, 0)} events.`, "done");
  container.append(h("figure", { class: "chart-figure" }, chart(rows, title, interval), h("figcaption", {}, title)), chartLegend(),
    dataTable(rows.filter((r) => r.total)));
  return heading;
}
