// Talking to the Chronicle HTTP API (/v1/...). Every failure becomes an ApiError whose message is
// the server's own sentence ({"error": {"status", "message"}}) or one that says what went wrong.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function parse(response, what) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.ok) return body;
  const message = body && body.error && body.error.message
    ? body.error.message
    : `The server answered ${response.status} ${response.statusText} to ${what}.`;
  throw new ApiError(response.status, message);
}

async function send(url, options, what) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (error) {
    throw new ApiError(0, `Cannot reach the Chronicle server for ${what} (${error.message}).`);
  }
  return parse(response, what);
}

/** The URL of an API path with query parameters (URLSearchParams or a plain object). */
export function apiUrl(path, params) {
  const query = params ? new URLSearchParams(params).toString() : "";
  return query ? `${path}?${query}` : path;
}

/** GET a JSON resource. */
export function getJSON(path, params) {
  return send(apiUrl(path, params), { headers: { Accept: "application/json" } }, path);
}

/** POST a JSON body, with the bearer token when one is given. */
export function postJSON(path, body, token) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  return send(path, { method: "POST", headers, body: JSON.stringify(body) }, path);
}

let metaPromise = null;

/** The server's vocabulary and counts (/v1/meta), fetched once per page load. */
export function getMeta() {
  if (!metaPromise) {
    metaPromise = getJSON("/v1/meta").catch((error) => {
      metaPromise = null;
      throw error;
    });
  }
  return metaPromise;
}
