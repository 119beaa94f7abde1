// The actor network: who acts on whom (/v1/stats/dyads: countries of source and target actors),
// edges weighted by events and coloured by mean Goldstein, laid out by a small force simulation.
// The layout is deterministic (nodes start on a circle), so the same query draws the same picture.

import { getJSON } from "./api.js";
import { fmt, h, replace, setStatus, svg } from "./dom.js";
import { loadShapes } from "./map.js";
import { filterParams, hashFor, withParam } from "./query.js";

const SIZE = 640;
const MARGIN = 60; // room for the largest circle and a self-loop above it
const GRAVITY = 0.012;

/** Positions {id: [x, y]} for the nodes, by Fruchterman–Reingold with cooling. */
export function layout(nodes, edges, iterations = 300) {
  const n = nodes.length;
  const pos = new Map(nodes.map((node, i) => [node.id, [SIZE / 2 + (SIZE / 3) * Math.cos((2 * Math.PI * i) / n), SIZE / 2 + (SIZE / 3) * Math.sin((2 * Math.PI * i) / n)]]));
  if (n < 2) return pos;
  const k = Math.sqrt((SIZE * SIZE) / n) * 0.6;
  const maxWeight = Math.max(1, ...edges.map((e) => e.count));
  let temperature = SIZE / 8;
  for (let step = 0; step < iterations; step++) {
    const move = new Map(nodes.map((node) => [node.id, [0, 0]]));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const [a, b] = [pos.get(nodes[i].id), pos.get(nodes[j].id)];
        const dx = a[0] - b[0], dy = a[1] - b[1];
        const dist = Math.max(Math.hypot(dx, dy), 0.01);
        const force = (k * k) / dist;
        const [ma, mb] = [move.get(nodes[i].id), move.get(nodes[j].id)];
        ma[0] += (dx / dist) * force; ma[1] += (dy / dist) * force;
        mb[0] -= (dx / dist) * force; mb[1] -= (dy / dist) * force;
      }
    }
    for (const edge of edges) {
      if (edge.source === edge.target || !pos.has(edge.source) || !pos.has(edge.target)) continue;
      const [a, b] = [pos.get(edge.source), pos.get(edge.target)];
      const dx = a[0] - b[0], dy = a[1] - b[1];
      const dist = Math.max(Math.hypot(dx, dy), 0.01);
      const force = ((dist * dist) / k) * (0.5 + edge.count / maxWeight);
      const [ma, mb] = [move.get(edge.source), move.get(edge.target)];
      ma[0] -= (dx / dist) * force; ma[1] -= (dy / dist) * force;
      mb[0] += (dx / dist) * force; mb[1] += (dy / dist) * force;
    }
    for (const node of nodes) {
      const p = pos.get(node.id), m = move.get(node.id);
      // Gravity keeps parts of the graph that share no edge near the middle.
      m[0] += (SIZE / 2 - p[0]) * GRAVITY * k; m[1] += (SIZE / 2 - p[1]) * GRAVITY * k;
      const len = Math.max(Math.hypot(m[0], m[1]), 0.01);
      p[0] = Math.min(SIZE - MARGIN, Math.max(MARGIN, p[0] + (m[0] / len) * Math.min(len, temperature)));
      p[1] = Math.min(SIZE - MARGIN, Math.max(MARGIN, p[1] + (m[1] / len) * Math.min(len, temperature)));
    }
    temperature = Math.max(0.5, temperature * 0.97);
  }
  return pos;
}

/** Edge colour: blue for cooperation, red-brown for conflict, grey when unscored or neutral. */
export function edgeColour(goldstein) {
  if (goldstein === null || goldstein === undefined || Math.abs(goldstein) < 1) return "#6b6b6b";
  return goldstein > 0 ? "#1f5fa8" : "#b3361b";
}

function radius(count, maxCount) {
  return 14 + 22 * Math.sqrt(count / maxCount);
}

function edgePath(a, b, ra, rb, bend) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const dist = Math.max(Math.hypot(dx, dy), 0.01);
  const [ux, uy] = [dx / dist, dy / dist];
  const start = [a[0] + ux * ra, a[1] + uy * ra];
  const end = [b[0] - ux * (rb + 4), b[1] - uy * (rb + 4)];
  const mid = [(start[0] + end[0]) / 2 - uy * bend, (start[1] + end[1]) / 2 + ux * bend];
  return `M${start[0].toFixed(1)},${start[1].toFixed(1)} Q${mid[0].toFixed(1)},${mid[1].toFixed(1)} ${end[0].toFixed(1)},${end[1].toFixed(1)}`;
}

function loopPath(p, r) {
  const [x, y] = [p[0], p[1] - r];
  return `M${(x - 6).toFixed(1)},${(y + 2).toFixed(1)} C${(x - 30).toFixed(1)},${(y - 40).toFixed(1)} ${(x + 30).toFixed(1)},${(y - 40).toFixed(1)} ${(x + 6).toFixed(1)},${(y + 2).toFixed(1)}`;
}

function markers() {
  return svg("defs", {}, ["#6b6b6b", "#1f5fa8", "#b3361b"].map((colour) =>
    svg("marker", { id: `arrow-${colour.slice(1)}`, viewBox: "0 0 10 10", refX: "8", refY: "5", markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
      svg("path", { d: "M0,0 L10,5 L0,10 z", fill: colour }))));
}

function edgeElement(edge, pos, radii, maxEdge, names) {
  const colour = edgeColour(edge.mean_goldstein);
  const width = 1.5 + 7 * Math.sqrt(edge.count / maxEdge);
  const label = `${names(edge.source)} → ${names(edge.target)}: ${edge.count} event${edge.count === 1 ? "" : "s"}, mean Goldstein ${fmt(edge.mean_goldstein, 1)}`;
  const d = edge.source === edge.target
    ? loopPath(pos.get(edge.source), radii.get(edge.source))
    : edgePath(pos.get(edge.source), pos.get(edge.target), radii.get(edge.source), radii.get(edge.target), 18);
  return svg("path", { d, class: "edge", stroke: colour, "stroke-width": width.toFixed(1), "marker-end": `url(#arrow-${colour.slice(1)})` },
    svg("title", {}, label));
}

function nodeElement(node, pos, radii, params, names) {
  const [x, y] = pos.get(node.id);
  const label = `${names(node.id)} (${node.id}): ${node.count} events`;
  return svg("a", { href: hashFor("events", withParam(filterParams(params), "country", node.id)), class: "node", "aria-label": label },
    svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: radii.get(node.id).toFixed(1) }, svg("title", {}, label)),
    svg("text", { x: x.toFixed(1), y: (y + 4).toFixed(1), "text-anchor": "middle" }, node.id));
}

/** The network as an SVG element. */
export function networkSvg(data, params, names) {
  const nodes = data.nodes || [];
  const ids = new Set(nodes.map((n) => n.id));
  const edges = (data.edges || []).filter((e) => ids.has(e.source) && ids.has(e.target));
  const pos = layout(nodes, edges);
  const maxNode = Math.max(1, ...nodes.map((n) => n.count));
  const maxEdge = Math.max(1, ...edges.map((e) => e.count));
  const radii = new Map(nodes.map((n) => [n.id, radius(n.count, maxNode)]));
  return svg("svg", { viewBox: `0 0 ${SIZE} ${SIZE}`, class: "chart network", id: "network", role: "group", "aria-labelledby": "network-title" },
    svg("title", { id: "network-title" }, "Who acts on whom: countries of source and target actors"),
    markers(),
    svg("g", { class: "edges" }, edges.map((e) => edgeElement(e, pos, radii, maxEdge, names))),
    svg("g", { class: "nodes" }, nodes.map((n) => nodeElement(n, pos, radii, params, names))));
}

function edgeTable(edges, names) {
  const sorted = [...edges].sort((a, b) => b.count - a.count);
  return h("details", { class: "data-table" }, h("summary", {}, `Edges as a table (${sorted.length})`),
    h("table", {}, h("thead", {}, h("tr", {}, ["Source", "Target", "Events", "Mean Goldstein"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, sorted.map((e) => h("tr", {}, h("td", {}, `${names(e.source)} (${e.source})`), h("td", {}, `${names(e.target)} (${e.target})`),
        h("td", { class: "num" }, String(e.count)), h("td", { class: "num" }, fmt(e.mean_goldstein, 1)))))));
}

function legend() {
  return h("ul", { class: "chart-legend" },
    h("li", {}, h("span", { class: "swatch line", style: "border-color:#1f5fa8" }), "cooperation (mean Goldstein ≥ 1)"),
    h("li", {}, h("span", { class: "swatch line", style: "border-color:#b3361b" }), "conflict (≤ −1)"),
    h("li", {}, h("span", { class: "swatch line", style: "border-color:#6b6b6b" }), "neutral or unscored"),
    h("li", {}, "line width: events; arrow: from source to target; circle: events involving the country"));
}

function controls(params) {
  const chosen = params.get("edges") || "60";
  const select = h("select", { name: "edges", id: "network-edges" },
    ["30", "60", "120", "250"].map((v) => h("option", { value: v, selected: v === chosen }, v)));
  const form = h("form", { class: "view-controls" },
    h("label", { for: "network-edges" }, "Show the strongest"), select, h("span", {}, "dyads"),
    h("button", { type: "submit" }, "Draw"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    window.location.hash = hashFor("network", withParam(params, "edges", select.value === "60" ? null : select.value));
  });
  return form;
}

/** Draw the network view for the query `params` into `container`. */
export async function renderNetwork(container, params) {
  const heading = h("h1", { tabindex: "-1" }, "Actor network: who acts on whom");
  replace(container, heading, controls(params));
  setStatus("Loading the network…");
  const request = filterParams(params);
  request.set("limit", params.get("edges") || "60");
  const [data, shapes] = await Promise.all([getJSON("/v1/stats/dyads", request), loadShapes().catch(() => ({ countries: [] }))]);
  const nameOf = Object.fromEntries(shapes.countries.filter((c) => c.id).map((c) => [c.id, c.name]));
  const names = (id) => nameOf[id] || id;
  if (!(data.nodes || []).length) {
    setStatus("No actor with a known country matches these filters.", "done");
    container.append(h("p", { class: "empty" }, "No event of this filter has source and target actors with known countries."));
    return heading;
  }
  setStatus(`${data.nodes.length} countries, ${(data.edges || []).length} dyads.`, "done");
  container.append(h("div", { class: "network-layout" },
    h("figure", { class: "chart-figure network-figure" }, networkSvg(data, params, names)),
    h("div", {}, legend(), edgeTable(data.edges || [], names))));
  return heading;
}
