// Building DOM and SVG from data without innerHTML: every value from the store is set as text,
// so an article's words can never become markup.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

function setAttributes(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, String(value));
  }
  return node;
}

/** An HTML element: h("a", {href: "#/x", class: "link"}, "text", child, ...). */
export function h(tag, attrs = {}, ...children) {
  return append(setAttributes(document.createElement(tag), attrs), children);
}

/** An SVG element, as h() builds HTML ones. */
export function svg(tag, attrs = {}, ...children) {
  return append(setAttributes(document.createElementNS(SVG_NS, tag), attrs), children);
}

/** Replace all children of a node. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** A number with at most `digits` decimals, or an en dash for nothing. */
export function fmt(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return Number(value).toLocaleString("en", { maximumFractionDigits: digits });
}

/** The screen reader and sighted status line under the filters. */
export function setStatus(message, kind = "info") {
  // kinds: "info" (loading, shown), "error" (shown), "done" (announced, hidden: the view shows it)
  const status = document.getElementById("status");
  status.textContent = message || "";
  status.dataset.kind = kind;
}
