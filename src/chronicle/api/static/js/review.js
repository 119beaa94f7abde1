// Reviews of an event: the ones stored, and the form with which a user holding the server's
// token marks the event right or wrong or corrects its type, actors or factuality. The token is
// asked once and kept in sessionStorage (this tab only, gone when it closes).

import { ApiError, postJSON } from "./api.js";
import { h, replace } from "./dom.js";

const TOKEN_KEY = "chronicle.token";
const REVIEWER_KEY = "chronicle.reviewer";

function correctionsText(corrections) {
  const parts = [];
  for (const [key, value] of Object.entries(corrections || {})) {
    if (value === null || value === undefined) continue;
    const text = Array.isArray(value)
      ? value.map((a) => [a.name, [a.country, a.sector].filter(Boolean).join(" ")].filter(Boolean).join(" ")).join("; ")
      : String(value);
    parts.push(`${key.replace("_", " ")} → ${text}`);
  }
  return parts.join(", ");
}

function reviewItem(review) {
  const verdict = review.verdict ? `marked ${review.verdict}` : "no verdict";
  const corrections = correctionsText(review.corrections);
  return h("li", { class: ["review", review.verdict ? `verdict-${review.verdict}` : null] },
    h("strong", {}, review.reviewer || "someone"), ` ${verdict}`,
    corrections ? `; corrected ${corrections}` : "",
    h("span", { class: "muted" }, ` — ${(review.created_at || "").replace("T", " ").slice(0, 19)}`),
    review.note ? h("p", { class: "review-note" }, review.note) : null);
}

function options(values, blank) {
  return [h("option", { value: "" }, blank), ...values.map((v) => h("option", { value: v }, v))];
}

function actorRow(side, index) {
  const id = (name) => `review-${side}-${name}-${index}`;
  return h("div", { class: "actor-row" },
    h("label", { for: id("name") }, "Name"), h("input", { id: id("name"), name: `${side}_name`, type: "text", size: "18" }),
    h("label", { for: id("country") }, "Country"), h("input", { id: id("country"), name: `${side}_country`, type: "text", size: "4", maxlength: "3", placeholder: "USA" }),
    h("label", { for: id("sector") }, "Sector"), h("input", { id: id("sector"), name: `${side}_sector`, type: "text", size: "5", placeholder: "GOV" }));
}

function actorFieldset(side) {
  const rows = h("div", { class: "actor-rows" }, actorRow(side, 0));
  const add = h("button", { type: "button", class: "secondary small", onclick: () => rows.append(actorRow(side, rows.children.length)) },
    `Add another ${side} actor`);
  return h("fieldset", { class: "actors-fix" }, h("legend", {}, `Correct ${side} (leave empty to keep)`), rows, add);
}

function tokenBlock(writable) {
  // Checked in submit() rather than by the browser's "required", so every problem of the form is
  // said the same way, in the message under it.
  const block = h("div", { class: "token-block" });
  const draw = () => {
    if (sessionStorage.getItem(TOKEN_KEY)) {
      replace(block, h("span", {}, "Token entered for this tab. "),
        h("button", { type: "button", class: "secondary small", onclick: () => { sessionStorage.removeItem(TOKEN_KEY); draw(); } }, "Forget token"));
    } else {
      replace(block, h("label", { for: "review-token" }, "Access token"),
        h("input", { id: "review-token", name: "token", type: "password", autocomplete: "off", "aria-required": writable ? "true" : null }),
        h("span", { class: "hint" }, "Asked once; kept for this browser tab only."));
    }
  };
  draw();
  block.redraw = draw;
  return block;
}

function readActors(form, side) {
  const names = form.querySelectorAll(`[name="${side}_name"]`);
  const countries = form.querySelectorAll(`[name="${side}_country"]`);
  const sectors = form.querySelectorAll(`[name="${side}_sector"]`);
  const actors = [];
  names.forEach((input, i) => {
    const name = input.value.trim();
    const country = countries[i].value.trim().toUpperCase();
    const sector = sectors[i].value.trim().toUpperCase();
    if (name || country || sector) actors.push({ name: name || null, country: country || null, sector: sector || null });
  });
  return actors;
}

/** The review body of the form, or an error sentence. */
export function reviewBody(form) {
  const data = new FormData(form);
  const verdict = data.get("verdict") || null;
  const corrections = {};
  if (data.get("event_type")) corrections.event_type = data.get("event_type");
  if (data.get("factuality")) corrections.factuality = data.get("factuality");
  for (const side of ["source", "target"]) {
    const actors = readActors(form, side);
    if (actors.length) corrections[side] = actors;
  }
  const reviewer = String(data.get("reviewer") || "").trim();
  if (!reviewer) return { error: "Give your name as the reviewer." };
  if (!verdict && !Object.keys(corrections).length) return { error: "Mark the event right or wrong, or correct a field." };
  const note = String(data.get("note") || "").trim();
  return { body: { verdict, corrections, reviewer, note: note || null } };
}

function reviewForm(event, meta, list) {
  const writable = meta.writable !== false;
  const message = h("p", { class: "form-message", id: "review-message", role: "alert" });
  const token = tokenBlock(writable);
  const form = h("form", { class: "review-form", id: "review-form", "aria-describedby": "review-message" },
    h("fieldset", { disabled: !writable },
      h("legend", {}, "Review this event"),
      writable ? null : h("p", { class: "notice" }, "This server is read-only: it was started without a token, so reviews cannot be saved here."),
      token,
      h("fieldset", { class: "verdict" }, h("legend", {}, "Is the coding right?"),
        ["right", "wrong", ""].map((v) => h("label", { class: "inline-check" },
          h("input", { type: "radio", name: "verdict", value: v, checked: v === "" }), v || "no verdict, corrections only"))),
      h("div", { class: "fix-grid" },
        h("label", {}, "Correct the type ", h("select", { name: "event_type" }, options(meta.event_types || [], `(keep ${event.event_type})`))),
        h("label", {}, "Correct the factuality ", h("select", { name: "factuality" }, options(meta.factualities || [], `(keep ${event.factuality})`)))),
      actorFieldset("source"), actorFieldset("target"),
      h("label", {}, "Reviewer ", h("input", { name: "reviewer", type: "text", "aria-required": "true", autocomplete: "name", value: localStorage.getItem(REVIEWER_KEY) || "" })),
      h("label", { class: "block" }, "Note ", h("textarea", { name: "note", rows: "2", cols: "40" })),
      h("button", { type: "submit" }, "Save review")),
    message);
  form.addEventListener("submit", (e) => submit(e, form, event, token, message, list));
  return form;
}

async function submit(e, form, event, token, message, list) {
  e.preventDefault();
  const entered = form.querySelector("#review-token");
  if (entered && entered.value.trim()) sessionStorage.setItem(TOKEN_KEY, entered.value.trim());
  const { body, error } = reviewBody(form);
  const problem = error || (sessionStorage.getItem(TOKEN_KEY) ? null : "Enter the access token of the server to save a review.");
  if (problem) { message.textContent = problem; message.dataset.kind = "error"; return; }
  localStorage.setItem(REVIEWER_KEY, body.reviewer);
  message.textContent = "Saving…";
  message.dataset.kind = "info";
  try {
    const review = await postJSON(`/v1/events/${encodeURIComponent(event.id)}/reviews`, body, sessionStorage.getItem(TOKEN_KEY));
    list.querySelector(".empty")?.remove();
    list.append(reviewItem(review));
    message.textContent = `Review saved (${review.id}).`;
    message.dataset.kind = "ok";
    form.querySelector('[name="note"]').value = "";
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) sessionStorage.removeItem(TOKEN_KEY);
    token.redraw();
    message.textContent = err.message;
    message.dataset.kind = "error";
  }
}

/** The reviews section of an event's page. */
export function renderReviews(event, reviews, meta) {
  const list = h("ul", { class: "review-list", id: "review-list" },
    reviews.length ? reviews.map(reviewItem) : h("li", { class: "empty muted" }, "No review yet."));
  return h("section", { class: "reviews", "aria-labelledby": "reviews-heading" },
    h("h2", { id: "reviews-heading" }, "Reviews"), list, reviewForm(event, meta, list));
}
