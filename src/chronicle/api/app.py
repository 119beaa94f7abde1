"""The ASGI app of ``chronicle serve``: the ``/v1`` API, its errors, its limits and the explorer.

Every error is ``{"error": {"status": int, "message": str}}`` with a message a person understands;
an unexpected failure is logged on the server and answered with a plain 500 message, never a
stack trace or the text of the exception.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from chronicle import __version__
from chronicle.api.queries import QueryError
from chronicle.api.routes import router
from chronicle.api.security import BodyTooLarge, LimitsMiddleware, RateLimiter
from chronicle.api.service import CoderFactory, Service, default_coder_factory
from chronicle.errors import ChronicleError

STATIC = Path(__file__).resolve().parent / "static"
LOG = logging.getLogger("chronicle.api")


@dataclass
class ApiSettings:
    """How a server runs; the defaults are the safe ones (read-only, no CORS, rate-limited)."""

    db: str
    token: str | None = None              # None: read-only, writes refused
    max_body: int = 2 * 1024 * 1024       # bytes of a request body
    max_query: int = 8 * 1024             # bytes of a query string
    rate: float = 20.0                    # requests a second per client IP (0: no limit)
    burst: int = 100                      # requests a client may make at once
    cors_origins: tuple[str, ...] = ()    # none: no cross-origin access
    lock_timeout: float = 0.0
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    static_dir: Path | None = field(default=STATIC)


def error_response(status: int, message: str, headers: dict | None = None) -> JSONResponse:
    """The one error shape of every route."""
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status,
                        headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    first = exc.errors()[0] if exc.errors() else {}
    where = [str(p) for p in first.get("loc", ())]
    kind = {"query": "query parameter", "path": "path parameter", "body": "request body field",
            "header": "header"}.get(where[0] if where else "", "input")
    name = ".".join(where[1:]) or "(the whole body)"
    return f"{kind} {name!r}: {first.get('msg', 'is not valid')}"


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "the request cannot be answered"
        if exc.status_code == 404 and message == "Not Found":
            message = f"there is nothing at {request.url.path}: see /docs for the API's routes"
        if exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return error_response(422, _validation_message(exc))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError):
        return error_response(400, str(exc))

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge):
        return error_response(413, f"the request body is larger than the server's limit of "
                                   f"{request.app.state.settings.max_body} bytes")

    @app.exception_handler(ChronicleError)
    async def chronicle_error(request: Request, exc: ChronicleError):
        LOG.warning("%s %s: %s", request.method, request.url.path, exc.message)
        return error_response(503, exc.message)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        LOG.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error_response(500, "the server could not answer this request because of an "
                                   "internal error; it has been logged")


def create_app(settings: ApiSettings, *, coder_factory: CoderFactory | None = None,
               service: Service | None = None) -> FastAPI:
    """The app over the database ``settings.db``, opened now: read-write with a token, read-only
    without (a missing or locked database is a StoreError here, before anything is served)."""
    svc = service or Service(settings.db, writable=settings.token is not None,
                             lock_timeout=settings.lock_timeout,
                             coder_factory=coder_factory or default_coder_factory(
                                 settings.actor_files, settings.lexicon_files))
    app = FastAPI(title="Chronicle", version=__version__, docs_url=None,
                  description="Political events coded from news, each field tied to the words of its "
                              "article: query, download, review and code.",
                  )
    app.state.settings, app.state.service, app.state.token = settings, svc, settings.token
    app.state.actor_kb = _kb_loader(settings.actor_files)
    _install_errors(app)
    app.include_router(router)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(LimitsMiddleware, max_body=settings.max_body, max_query=settings.max_query,
                       limiter=RateLimiter(settings.rate, settings.burst))
    _mount_docs(app)
    _mount_explorer(app, settings.static_dir)
    return app


SWAGGER_DIR = Path(__file__).with_name("swagger")
"""Swagger UI's script and style, vendored (see its README): /docs works with no network."""


def _mount_docs(app: FastAPI) -> None:
    """The OpenAPI page at ``/docs`` from the vendored Swagger UI (FastAPI's default loads it from a
    CDN, which an air-gapped machine cannot reach)."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles

    app.mount("/docs-assets", StaticFiles(directory=str(SWAGGER_DIR)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="Chronicle API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="data:,",
                                   swagger_ui_parameters={"validatorUrl": None})  # no badge fetched online


def _kb_loader(actor_files: tuple[str, ...]):
    @lru_cache(maxsize=1)
    def load():
        from chronicle.knowledge.actors import load_actor_kb

        return load_actor_kb(actor_files)
    return load


def _mount_explorer(app: FastAPI, static_dir: Path | None) -> None:
    """The web explorer's files at ``/`` when they are there; else ``/`` says where the API is."""
    if static_dir is not None and (static_dir / "index.html").is_file():
        from fastapi.staticfiles import StaticFiles

        app.mount("/", StaticFiles(directory=str(static_dir), html=True), name="explorer")
        return

    @app.get("/", include_in_schema=False)
    def root():
        return {"name": "Chronicle API", "version": __version__, "docs": "/docs", "api": "/v1/meta"}
