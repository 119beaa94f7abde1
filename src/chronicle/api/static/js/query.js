// The view and its query live in the URL hash (#/events?actor=Hamas&event_type=ASSAULT), so a
// view can be bookmarked, shared and reloaded as it was.

/** The event filters of the API (GET /v1/events and the /v1/stats endpoints). */
export const FILTER_KEYS = [
  "q", "actor", "actor_side", "country", "sector", "event_type", "mode", "cameo", "quad_class",
  "factuality", "min_confidence", "date_from", "date_to", "location_country", "bbox", "outlet", "merged",
];

/** Filters that may be given several times (checkbox groups). */
export const MULTI_KEYS = new Set(["event_type", "quad_class", "factuality"]);

/** Parameters of the events list that are not filters but belong to the shared query. */
export const LIST_KEYS = ["sort", "limit", "cursor"];

const DEFAULTS = { actor_side: "any", sort: "-date", limit: "50" };

/** The current route: {view, id, params} from the hash. */
export function currentRoute(hash = window.location.hash) {
  const raw = hash.replace(/^#\/?/, "");
  const [path, query = ""] = splitOnce(raw, "?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const view = parts[0] || "events";
  return { view, id: parts.slice(1).join("/") || null, params: new URLSearchParams(query) };
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + 1)];
}

/** Only the parameters named in `keys`, without empty values and defaults. */
export function pick(params, keys) {
  const result = new URLSearchParams();
  for (const key of keys) {
    for (const value of params.getAll(key)) {
      if (value === "" || DEFAULTS[key] === value) continue;
      result.append(key, value);
    }
  }
  return result;
}

/** The event filters of a query. */
export function filterParams(params) {
  return pick(params, FILTER_KEYS);
}

/** A hash link to a view with a query. */
export function hashFor(view, params, id = null) {
  const path = id ? `#/${view}/${encodeURIComponent(id)}` : `#/${view}`;
  const query = params ? params.toString() : "";
  return query ? `${path}?${query}` : path;
}

/** A copy of `params` with `key` set (or removed when value is null). */
export function withParam(params, key, value) {
  const copy = new URLSearchParams(params);
  copy.delete(key);
  if (value !== null && value !== undefined && value !== "") copy.set(key, value);
  return copy;
}

/** Fill the filter form from a query. */
export function fillForm(form, params) {
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type === "checkbox") {
      element.checked = params.getAll(element.name).includes(element.value);
    } else if (element.tagName === "SELECT") {
      element.value = params.get(element.name) || DEFAULTS[element.name] || element.options[0].value;
    } else {
      element.value = params.get(element.name) || "";
    }
  }
}

/** The query a filter form holds (the list parameters it has, such as sort, included). */
export function readForm(form) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form).entries()) {
    const text = String(value).trim();
    if (!text || DEFAULTS[key] === text) continue;
    const upper = ["country", "location_country", "sector"].includes(key);
    params.append(key, upper ? text.toUpperCase() : text);
  }
  return params;
}
