"""The FastAPI application: API routers, dashboard pages, static files and the offline API docs."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique import __version__
from communique.serve import api, links_api, links_web, web, write
from communique.serve.state import ServeConfig, Stores

STATIC = Path(__file__).parent / "static"
# Pages may load only what this server serves: a hostile article cannot pull in scripts or images.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def create_app(config: ServeConfig) -> FastAPI:
    """The application over the store at `config.db`."""
    stores = Stores(config.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(title="Communiqué", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Who said and did what, to whom, and when: statements and PLOVER events with "
                              "character offsets into each article. Records follow the JSON Lines contract.")
    app.state.config = config
    app.state.stores = stores
    app.include_router(api.router)
    app.include_router(links_api.router)
    app.include_router(write.router)
    app.include_router(web.router)
    app.include_router(links_web.router)
    _swagger(app)  # before /static, which would otherwise take /static/swagger/...
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _errors(app)
    app.middleware("http")(_security_headers)
    return app


def _swagger(app: FastAPI) -> None:
    """Swagger UI at /docs from the fastapi-offline package's copy of its files (no CDN)."""
    import fastapi_offline

    app.mount("/static/swagger", StaticFiles(directory=Path(fastapi_offline.__file__).parent / "static"),
              name="swagger")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Communiqué API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger/favicon.png")


def _errors(app: FastAPI) -> None:
    """Errors as one-line reasons: JSON for the API, a page for the dashboard."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Any:
        reason = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
                           for e in exc.errors())
        return await _error(request, 422, reason)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        return await _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))


async def _error(request: Request, status: int, reason: str, headers: Any = None) -> Any:
    """A JSON error under /api, an HTML page elsewhere."""
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": reason}, status_code=status, headers=headers)
    return web.error_page(request, status, reason)


async def _security_headers(request: Request, call_next: Any) -> Any:
    """No sniffing, no framing, and a strict content policy on dashboard pages."""
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if request.url.path != "/docs":  # Swagger UI starts itself with an inline script
        response.headers.setdefault("Content-Security-Policy", CSP)
    return response
