// The search view: a page of events for the query in the URL, with cursor pagination and
// downloads of the whole query as CSV or JSONL.

import { apiUrl, getJSON } from "./api.js";
import { fmt, h, replace, setStatus } from "./dom.js";
import { actorsText, dateText, mentionsText, outletText, placeText } from "./format.js";
import { filterParams, hashFor, pick, withParam } from "./query.js";

function row(event, mergedRows) {
  const type = event.mode ? `${event.event_type} / ${event.mode}` : event.event_type;
  return h("tr", {},
    h("th", { scope: "row" }, h("a", { href: hashFor("event", null, event.id), class: "event-link" }, type),
      event.cameo ? h("span", { class: "muted" }, ` ${event.cameo}`) : null),
    h("td", {}, actorsText(event.source)),
    h("td", {}, actorsText(event.target)),
    h("td", { class: "nowrap" }, dateText(event)),
    h("td", {}, placeText(event.location)),
    h("td", {}, h("span", { class: ["fact", `fact-${event.factuality}`] }, event.factuality)),
    h("td", { class: "num" }, fmt(event.confidence)),
    h("td", { class: "num" }, mentionsText(event, mergedRows)),
    h("td", {}, outletText(event)));
}

function table(events, mergedRows) {
  const headers = ["Type", "Source", "Target", "Date", "Place", "Factuality", "Confidence", "Mentions", "Outlet"];
  return h("div", { class: "table-wrap" },
    h("table", { class: "results", id: "results" },
      h("caption", { class: "visually-hidden" }, "Events matching the filters"),
      h("thead", {}, h("tr", {}, headers.map((name) => h("th", { scope: "col" }, name)))),
      h("tbody", {}, events.map((event) => row(event, mergedRows)))));
}

function pager(params, nextCursor) {
  const links = [];
  if (params.get("cursor")) links.push(h("a", { href: hashFor("events", withParam(params, "cursor", null)), rel: "first" }, "« First page"));
  if (nextCursor) links.push(h("a", { href: hashFor("events", withParam(params, "cursor", nextCursor)), rel: "next", id: "next-page" }, "Next page »"));
  return h("nav", { class: "pager", "aria-label": "Pages of results" }, links);
}

function downloads(params) {
  const query = pick(params, ["sort"]);
  for (const [key, value] of filterParams(params)) query.append(key, value);
  const link = (format, label) => h("a", { href: apiUrl("/v1/events", withParam(query, "format", format)), download: `events.${format}` }, label);
  return h("p", { class: "downloads" }, "Download every event of this query: ", link("csv", "CSV"), " · ", link("jsonl", "JSON lines"));
}

/** Draw the events view for the query `params` into `container`. */
export async function renderEvents(container, params) {
  const request = filterParams(params);
  for (const [key, value] of pick(params, ["sort", "limit", "cursor"])) request.append(key, value);
  setStatus("Loading events…");
  const heading = h("h1", { tabindex: "-1" }, "Events");
  replace(container, heading);
  const data = await getJSON("/v1/events", request);
  const count = data.total === null || data.total === undefined
    ? `${data.events.length} events on this page`
    : `${data.total.toLocaleString("en")} event${data.total === 1 ? "" : "s"} match`;
  setStatus(data.events.length ? count : "No event matches these filters.", "done");
  replace(container, heading,
    h("p", { class: "summary" }, count, params.get("cursor") ? " (a later page)" : ""),
    data.events.length ? table(data.events, params.get("merged") === "true") : h("p", { class: "empty" }, "No event matches these filters. Remove a filter or widen the dates."),
    pager(params, data.next_cursor),
    downloads(params));
  return heading;
}
