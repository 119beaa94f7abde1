// How event fields read in tables and lists.

/** "Hamas (PSE PTY)" for each actor, joined; an en dash for none. */
export function actorsText(actors) {
  if (!actors || !actors.length) return "–";
  return actors.map((a) => {
    const codes = [a.country, a.sector].filter(Boolean).join(" ");
    return codes ? `${a.name || a.text} (${codes})` : (a.name || a.text);
  }).join("; ");
}

/** The event's date value, or the article's publication date marked as such. */
export function dateText(event) {
  if (event.date && event.date.value) return event.date.value;
  if (event.article && event.article.published) return `${event.article.published} (published)`;
  return "–";
}

/** "Cairo, EGY". */
export function placeText(location) {
  if (!location) return "–";
  return [location.name, location.country].filter(Boolean).join(", ");
}

/**
 * Mentions of an event. A merged row (one per real event) counts its mentions in all articles;
 * a report counts those in its own article, and says how many articles tell the same event.
 */
export function mentionsText(event, mergedRow = false) {
  const m = event.merged;
  const articles = (n) => `${n} article${n === 1 ? "" : "s"}`;
  if (m && mergedRow) return `${m.num_mentions} in ${articles(m.num_articles)}`;
  const own = String(event.mentions ?? 1);
  return m && m.num_articles > 1 ? `${own} (event in ${articles(m.num_articles)})` : own;
}

/** The outlet of the event's article. */
export function outletText(event) {
  const article = event.article || {};
  return article.source || (article.url ? new URL(article.url, window.location.href).host : "–");
}

export const QUAD_NAMES = {
  1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
};
