// An event's page: its article with the evidence of every coded field marked, its fields, the
// other reports of the same event, and the reviews (with the form to add one).

import { getJSON } from "./api.js";
import { fmt, h, replace, setStatus } from "./dom.js";
import { actorsText, outletText, placeText, QUAD_NAMES } from "./format.js";
import { evidenceSpans, legend, markedText, sentenceSpan } from "./highlight.js";
import { hashFor } from "./query.js";
import { renderReviews } from "./review.js";

function field(name, ...value) {
  return [h("dt", {}, name), h("dd", {}, ...value)];
}

function actorList(actors) {
  if (!actors || !actors.length) return "–";
  return h("ul", { class: "plain" }, actors.map((a) => h("li", {},
    actorsText([a]),
    a.role ? `, ${a.role}` : "",
    h("span", { class: "muted" }, ` — “${a.text}”, ${a.method || "?"}, confidence ${fmt(a.confidence)}`))));
}

function confidences(event) {
  const parts = Object.entries(event.confidences || {}).map(([k, v]) => `${k.replace("_", " ")} ${fmt(v)}`);
  return `${fmt(event.confidence)}${parts.length ? ` (${parts.join(", ")})` : ""}`;
}

function fields(event) {
  const date = event.date;
  const loc = event.location;
  const article = event.article || {};
  return h("dl", { class: "fields" },
    field("Type", `${event.event_type}${event.mode ? " / " + event.mode : ""}`,
      event.contexts && event.contexts.length ? h("span", { class: "muted" }, ` (${event.contexts.join(", ")})`) : ""),
    field("CAMEO", event.cameo || "–", ` · quad class ${event.quad_class} (${QUAD_NAMES[event.quad_class]}) · Goldstein ${fmt(event.goldstein, 1)}`),
    field("Factuality", event.factuality, event.factuality_cue ? ` (cue “${event.factuality_cue.text}”)` : ""),
    field("Source", actorList(event.source)),
    field("Target", event.reciprocal ? h("span", {}, "reciprocal: ", actorList(event.target)) : actorList(event.target)),
    field("Date", date ? `${date.value} (${date.precision}, ${date.method || "?"}${date.text ? `, “${date.text}”` : ""})` : "–"),
    field("Place", loc ? `${placeText(loc)} (${loc.precision}${loc.lat !== null && loc.lat !== undefined ? `, ${fmt(loc.lat, 3)}, ${fmt(loc.lon, 3)}` : ""})` : "–"),
    field("Said by", event.attribution ? `${event.attribution.speaker ? actorsText([event.attribution.speaker]) : "–"}${event.attribution.channel ? " via " + event.attribution.channel : ""}` : "–"),
    field("Size", event.size ? `${event.size.count}${event.size.unit ? " " + event.size.unit : ""}` : "–"),
    field("Casualties", event.casualties ? ["killed", "injured", "arrested"].filter((k) => event.casualties[k] !== null && event.casualties[k] !== undefined).map((k) => `${event.casualties[k]} ${k}`).join(", ") || "–" : "–"),
    field("Confidence", confidences(event)),
    field("Proposed by", event.proposed_by === "model"
      ? "the learned model (its sentence head saw this type where the rules coded none; trigger and actors by the rules' patterns)"
      : "the rules (a trigger word of the lexicon)"),
    field("Mentions", `${event.mentions ?? 1} in this article`,
      event.merged ? `; the event: ${event.merged.num_mentions} in ${event.merged.num_articles} article(s) from ${event.merged.num_sources} outlet(s)` : ""),
    field("Article", article.url ? h("a", { href: article.url, rel: "noopener noreferrer" }, article.title || article.id) : (article.title || article.id || event.doc_id),
      ` — ${outletText(event)}, ${article.published || "no date"}${article.published_assumed ? " (assumed)" : ""}`),
    field("Coder", event.coder ? `${event.coder.version} (data ${event.coder.data_version})` : "–"));
}

function article(text, event) {
  const codePoints = Array.from(text);
  const spans = evidenceSpans(event);
  const sentence = sentenceSpan(text, codePoints, event);
  const all = sentence ? [sentence, ...spans] : spans;
  return h("section", { class: "article", "aria-labelledby": "article-heading" },
    h("h2", { id: "article-heading" }, "Evidence in the article"),
    legend(all),
    h("div", { class: "article-text", id: "article-text", tabindex: "0", role: "region", "aria-label": "Article text with the evidence marked" },
      markedText(text, all)));
}

function reports(list, selfId) {
  const others = (list || []).filter((r) => r.id !== selfId);
  if (!others.length) return h("section", { class: "reports" }, h("h2", {}, "Other reports"), h("p", { class: "muted" }, "No other article reports this event."));
  return h("section", { class: "reports" },
    h("h2", {}, `Other reports (${others.length})`),
    h("ol", { class: "report-list" }, others.map((r) => h("li", {},
      h("a", { href: hashFor("event", null, r.id) }, (r.article && r.article.title) || r.doc_id),
      h("span", { class: "muted" }, ` — ${outletText(r)}, ${(r.article && r.article.published) || "no date"}; ${r.event_type}, trigger “${r.trigger.text}”`),
      h("blockquote", {}, r.sentence)))));
}

/** Draw the page of event `id` into `container`; returns the heading to focus. */
export async function renderEvent(container, id, meta) {
  setStatus("Loading the event…");
  const data = await getJSON(`/v1/events/${encodeURIComponent(id)}`);
  const event = data.event;
  const type = `${event.event_type}${event.mode ? " / " + event.mode : ""}`;
  const heading = h("h1", { tabindex: "-1" }, `${type} `, h("span", { class: "muted id" }, `event ${event.id}`));
  const back = sessionStorage.getItem("chronicle.lastList") || "#/events";
  replace(container,
    h("p", { class: "back" }, h("a", { href: back }, "← Back to the results")),
    heading,
    h("blockquote", { class: "sentence" }, event.sentence),
    h("div", { class: "event-layout" },
      article(data.article_text || "", event),
      h("div", { class: "event-side" },
        h("section", { "aria-labelledby": "fields-heading" }, h("h2", { id: "fields-heading" }, "Coded fields"), fields(event),
          h("p", { class: "downloads" }, h("a", { href: `/v1/events/${encodeURIComponent(event.id)}` }, "This event and its reports as JSON"))),
        renderReviews(event, data.reviews || [], meta),
        reports(data.reports, event.id))));
  setStatus(`Event ${event.id}: ${event.event_type}, ${(data.reports || []).length} report(s), ${(data.reviews || []).length} review(s).`, "done");
  const box = container.querySelector("#article-text");
  const trigger = box && box.querySelector("mark.hl-trigger");
  if (trigger) box.scrollTop = Math.max(0, trigger.offsetTop - box.offsetTop - box.clientHeight / 3);
  return heading;
}
