"""What keeps the server safe to leave running: the token, request limits and a rate limit.

* The token is read from a file (never from the command line, where ``ps`` shows it) and compared
  with ``hmac.compare_digest``, in constant time.
* ``LimitsMiddleware`` refuses, before any route runs, a query string over ``max_query`` bytes
  (414), a body over ``max_body`` bytes (413; counted as it arrives, so a chunked body without
  Content-Length is cut off too) and a client over its rate (429, token bucket per client IP).
  Each refusal is the API's JSON error.
"""

from __future__ import annotations

import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from chronicle.errors import ChronicleError


class TokenFileError(ChronicleError):
    """The --token-file is missing, unreadable or empty."""

    code = "E010"


def read_token(path: str) -> str:
    """The token in ``path`` (surrounding whitespace removed); the file must exist and hold one."""
    target = Path(path)
    if not target.is_file():
        raise TokenFileError(f"token file {path} does not exist (write a long random token in it, "
                             f"e.g. 'python -c \"import secrets; print(secrets.token_urlsafe(32))\" > {path}')")
    try:
        token = target.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise TokenFileError(f"cannot read token file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if not token:
        raise TokenFileError(f"token file {path} is empty: put the token in it")
    if any(c.isspace() for c in token):
        raise TokenFileError(f"token file {path} holds more than one word: put only the token in it")
    return token


def token_matches(expected: str, authorization: str | None) -> bool:
    """Whether an ``Authorization: Bearer <token>`` header carries ``expected`` (constant time)."""
    if not authorization:
        return False
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8"))


@dataclass
class RateLimiter:
    """A token bucket per client: ``rate`` requests a second on average, bursts of ``burst``.

    ``rate`` 0 turns it off. Buckets of clients idle long enough to be full again are dropped, so
    the table stays small."""

    rate: float
    burst: int
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, client: str, now: float | None = None) -> float:
        """0 when ``client`` may make a request now (and it is counted), else the seconds to wait."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, seen = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - seen) * self.rate)
            if tokens < 1.0:
                self._buckets[client] = (tokens, now)
                return (1.0 - tokens) / self.rate
            self._buckets[client] = (tokens - 1.0, now)
            if len(self._buckets) > 10000:
                self._forget_idle(now)
            return 0.0

    def _forget_idle(self, now: float) -> None:
        full = self.burst / self.rate
        self._buckets = {c: b for c, b in self._buckets.items() if now - b[1] < full}


class BodyTooLarge(Exception):
    """Raised inside ``receive`` when a body passes the limit while it arrives."""


def error_body(status: int, message: str) -> bytes:
    """The API's JSON error shape, as bytes (for middleware that answers before FastAPI does)."""
    return json.dumps({"error": {"status": status, "message": message}}).encode("utf-8")


class LimitsMiddleware:
    """ASGI middleware: query size, body size and rate limits, refused with the JSON error."""

    def __init__(self, app, *, max_body: int, max_query: int, limiter: RateLimiter):
        self.app, self.max_body, self.max_query, self.limiter = app, max_body, max_query, limiter

    async def __call__(self, scope, receive, send):
        """Check the request's limits, then pass it on (or answer the refusal)."""
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        refusal = self._refusal(scope)
        if refusal is not None:
            return await _answer(send, *refusal)
        received, started, too_big = 0, False, False

        async def counted_receive():
            nonlocal received, too_big
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    too_big = True
                    raise BodyTooLarge()
            return message

        async def guarded_send(message):
            # The app may answer a body it could not read with its own error: it is a 413.
            nonlocal started
            if too_big:
                if not started:
                    started = True
                    await _answer(send, 413, self._too_large())
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except BodyTooLarge:
            if not started:
                await _answer(send, 413, self._too_large())

    def _too_large(self) -> str:
        return f"the request body is larger than the server's limit of {self.max_body} bytes"

    def _refusal(self, scope) -> tuple | None:
        if len(scope.get("query_string", b"")) > self.max_query:
            return 414, f"the query string is longer than the server's limit of {self.max_query} bytes"
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return 413, self._too_large()
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self.limiter.allow(client)
        if wait > 0:
            return (429, f"too many requests from {client}: the limit is {self.limiter.rate:g} a "
                         f"second (bursts of {self.limiter.burst}); try again in {wait:.1f} s",
                    {"retry-after": str(max(1, round(wait + 0.5)))})
        return None


async def _answer(send, status: int, message: str, headers: dict | None = None) -> None:
    body = error_body(status, message)
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
