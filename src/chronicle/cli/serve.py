"""``chronicle serve``: the HTTP API and the web explorer over a corpus database."""

from __future__ import annotations

import asyncio
import json
import sys
from urllib.parse import urlsplit

import click

from chronicle.cli.options import actors_option, db_option, fail, lexicon_option, lock_timeout_option
from chronicle.errors import ChronicleError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback lets other machines read the database.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token-file", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="File holding the token that write requests (reviews, ingest) must send as "
                   "'Authorization: Bearer TOKEN'. Without it the server is read-only.")
@lock_timeout_option
@click.option("--rate-limit", type=click.FloatRange(min=0), default=20.0, show_default=True,
              metavar="N", help="Requests a second per client IP on average (0: no limit).")
@click.option("--burst", type=click.IntRange(min=1), default=100, show_default=True, metavar="N",
              help="Requests a client may make at once before the rate limit applies.")
@click.option("--max-body", type=click.IntRange(min=1024), default=2 * 1024 * 1024, show_default=True,
              metavar="BYTES", help="Largest request body accepted.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Let pages from ORIGIN (https://example.org) call the API; may repeat. None by default.")
@actors_option
@lexicon_option
@click.option("--get", "get_path", default=None, metavar="PATH",
              help="Make one request in process (GET /v1/meta), print the response body and exit "
                   "(non-zero when the status is not 200); serves nothing.")
def serve(db, host, port, token_file, lock_timeout, rate_limit, burst, max_body, cors_origins,
          actor_files, lexicon_files, get_path):
    """Serve the API (/v1, documented at /docs) and the web explorer (/) over the database.

    Without --token-file the database is opened read-only and every write is refused. With it, the
    server opens the database for writing, stores reviews, and runs ingests (POST /v1/ingest) itself
    in a background thread while it keeps answering; a 'chronicle ingest' on the same file meanwhile
    waits up to its --lock-timeout and stops naming the server.
    """
    from chronicle.api.app import ApiSettings, create_app
    from chronicle.api.security import read_token

    try:
        token = read_token(token_file) if token_file else None
        settings = ApiSettings(db=db, token=token, max_body=max_body, rate=rate_limit, burst=burst,
                               cors_origins=tuple(cors_origins), lock_timeout=lock_timeout,
                               actor_files=tuple(actor_files), lexicon_files=tuple(lexicon_files))
        app = create_app(settings)
    except ChronicleError as exc:
        raise fail(exc) from None
    try:
        if get_path is not None:
            status, body = asyncio.run(request_in_process(app, get_path))
            click.echo(body)
            sys.exit(0 if status == 200 else 1)
        _run(app, host, port, writable=token is not None, db=db)
    finally:
        app.state.service.close()


def _run(app, host: str, port: int, *, writable: bool, db: str) -> None:
    import uvicorn

    if host not in LOOPBACK:
        click.echo(f"chronicle: listening on {host}: anyone who can reach this machine can read {db}",
                   err=True)
    mode = "read-write (writes need the token)" if writable else "read-only"
    click.echo(f"chronicle: serving {db} {mode} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                proxy_headers=False)


async def request_in_process(app, target: str) -> tuple[int, str]:
    """GET ``target`` (path and query) from the ASGI ``app`` without a network: (status, body)."""
    parts = urlsplit(target)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": parts.path or "/", "raw_path": (parts.path or "/").encode(),
             "query_string": parts.query.encode(), "root_path": "", "headers": [(b"host", b"localhost")],
             "client": ("127.0.0.1", 0), "server": ("localhost", 80)}
    status, chunks = 500, []
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    body = b"".join(chunks).decode("utf-8", errors="replace")
    if status == 200 and body.startswith("{"):
        body = json.dumps(json.loads(body), indent=2, ensure_ascii=False)
    return status, body
