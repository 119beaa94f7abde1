// The evidence of an event marked in its article: each coded field's words (trigger, source,
// target, date, place, size, attribution) become a <mark> with its own colour, border style and
// a visible label, so a reader checks the coding at a glance without relying on colour alone.
// Offsets count Unicode code points (as Python does), not the UTF-16 units of JavaScript strings.

import { h } from "./dom.js";

/** The marked fields, outermost first when spans nest; `label` is what the reader sees. */
export const FIELDS = [
  { field: "sentence", label: "sentence", describe: "the event's sentence" },
  { field: "attribution", label: "said by", describe: "who reports it (attribution)" },
  { field: "source", label: "source", describe: "who acts (source actor)" },
  { field: "target", label: "target", describe: "on whom (target actor)" },
  { field: "trigger", label: "trigger", describe: "the words that name the event" },
  { field: "repeat", label: "reported again", describe: "a later report of the same event in this article" },
  { field: "date", label: "date", describe: "when" },
  { field: "location", label: "place", describe: "where" },
  { field: "size", label: "size", describe: "how many (crowd or force size)" },
  { field: "cue", label: "factuality cue", describe: "the word that makes it negated, hypothetical or future" },
];

const ORDER = Object.fromEntries(FIELDS.map((f, i) => [f.field, i]));
const LABEL = Object.fromEntries(FIELDS.map((f) => [f.field, f.label]));

function span(field, part, detail) {
  if (!part || part.start === null || part.start === undefined || part.end === null || part.end === undefined) return null;
  return { field, start: part.start, end: part.end, detail: detail || part.text || "" };
}

function actorDetail(actor) {
  const codes = [actor.country, actor.sector].filter(Boolean).join(" ");
  return [actor.name || actor.text, codes && `(${codes})`].filter(Boolean).join(" ");
}

/**
 * A later report of the event: its trigger, and the words naming the record's actors there (marked
 * as the first report's source and target are, so a reader sees who that mention names; their
 * codes are the record's actor of the same position).
 */
function repeatSpans(event, repeat) {
  const words = (role) => (repeat[role] || []).map((part, i) => {
    const actor = (event[role] || [])[i];
    return span(role, part, actor ? `${actorDetail(actor)}, reported again as "${part.text}"` : part.text);
  });
  return [span("repeat", repeat, `${event.event_type} again: ${repeat.text}`), ...words("source"), ...words("target")];
}

/** The evidence spans of an event: {field, start, end, detail}. */
export function evidenceSpans(event) {
  const spans = [
    span("trigger", event.trigger, `${event.event_type}: ${event.trigger && event.trigger.text}`),
    ...(event.repeats || []).flatMap((repeat) => repeatSpans(event, repeat)),
    ...(event.source || []).map((actor) => span("source", actor, actorDetail(actor))),
    ...(event.target || []).map((actor) => span("target", actor, actorDetail(actor))),
    span("date", event.date, event.date && event.date.value),
    span("location", event.location, event.location && [event.location.name, event.location.country].filter(Boolean).join(", ")),
    span("size", event.size, event.size && String(event.size.count)),
    span("attribution", event.attribution, event.attribution && event.attribution.text),
    span("cue", event.factuality_cue, event.factuality),
  ];
  return spans.filter(Boolean);
}

/** Code point offset -> UTF-16 index in `text`. */
export function utf16Index(codePoints, offset) {
  return codePoints.slice(0, offset).join("").length;
}

/** The span of the event's sentence in the article (code points), found around the trigger. */
export function sentenceSpan(text, codePoints, event) {
  if (!event.sentence || !event.trigger) return null;
  const trigger = utf16Index(codePoints, event.trigger.start);
  let at = text.lastIndexOf(event.sentence, trigger);
  if (at < 0) at = text.indexOf(event.sentence);
  if (at < 0) return null;
  const start = Array.from(text.slice(0, at)).length;
  return { field: "sentence", start, end: start + Array.from(event.sentence).length, detail: "" };
}

function openMark(item, first) {
  const mark = h("mark", {
    class: ["hl", `hl-${item.field}`, first ? null : "hl-cont"],
    dataset: { field: item.field },
    title: item.detail ? `${LABEL[item.field]}: ${item.detail}` : LABEL[item.field],
  });
  if (first && item.field !== "sentence") mark.append(h("span", { class: "hl-tag", text: LABEL[item.field] }));
  return mark;
}

/**
 * The article text with the spans marked, as a fragment. Spans may nest or cross: the text is cut
 * at every span boundary and each piece sits inside the marks of all spans that cover it (outer
 * ones first); a span cut by a crossing one continues in a second mark without a second label.
 */
export function markedText(text, spans) {
  const codePoints = Array.from(text);
  const valid = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= codePoints.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || ORDER[a.field] - ORDER[b.field]);
  const cuts = [...new Set([0, codePoints.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const root = document.createDocumentFragment();
  const stack = [];
  const opened = new Set();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const active = valid.filter((s) => s.start <= from && s.end >= to);
    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep].item === active[keep]) keep++;
    stack.length = keep;
    for (const item of active.slice(keep)) {
      const mark = openMark(item, !opened.has(item));
      opened.add(item);
      (stack.length ? stack[stack.length - 1].node : root).append(mark);
      stack.push({ item, node: mark });
    }
    (stack.length ? stack[stack.length - 1].node : root).append(codePoints.slice(from, to).join(""));
  }
  return root;
}

/** The legend of the fields present in `spans`: a sample mark and what it means. */
export function legend(spans) {
  const present = new Set(spans.map((s) => s.field));
  return h("ul", { class: "hl-legend", "aria-label": "Legend of the marks" },
    FIELDS.filter((f) => present.has(f.field)).map((f) =>
      h("li", {}, h("mark", { class: ["hl", `hl-${f.field}`] }, f.label), ` ${f.describe}`)));
}
