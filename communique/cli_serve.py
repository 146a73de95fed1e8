"""`communique serve`: the web dashboard and the HTTP API over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from communique import options as defaults
from communique.cli import Settings, _check_model
from communique.cli_engines import open_store


@click.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="The store, a file or postgresql:// URL (same as the global --db, which it overrides).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the store to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="COMMUNIQUE_TOKEN", default=None,
              help="Bearer token that enables POST /api/articles (env COMMUNIQUE_TOKEN); without one, writes are off.")
@click.option("--max-chars", type=click.IntRange(min=1), default=defaults.DEFAULT_MAX_CHARS, show_default=True,
              help="Refuse (413) posted articles longer than this many characters.")
@click.option("--max-body", type=click.IntRange(min=1), default=16 * 1024 * 1024, show_default=True,
              help="Refuse (413) request bodies larger than this many bytes.")
@click.pass_obj
def serve(settings: Settings, db_path: Optional[str], host: str, port: int, token: Optional[str], max_chars: int,
          max_body: int) -> None:
    """Serve the web dashboard (/) and the HTTP API (/api, documented at /docs) over the store."""
    import uvicorn

    from communique.serve import ServeConfig, create_app

    db = db_path or settings.db
    from communique.store.backend import is_postgres

    if not token and not is_postgres(db) and not Path(db).exists():
        raise click.ClickException(f"no store at {db}: run `communique ingest PATH...` first")
    if token:
        _check_model(settings.model)  # posted articles need it; fail now rather than on the first POST
    open_store(db).close()  # a store that cannot be opened is one line now, not an error on every request
    config = ServeConfig(db=db, token=token, options=settings.options(max_chars=max_chars), max_body=max_body)
    app = create_app(config)
    click.echo(f"Communiqué: dashboard at http://{host}:{port}/ , API docs at http://{host}:{port}/docs ; "
               f"writes {'on (bearer token)' if token else 'off (no --token)'}; Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning" if settings.quiet else "info")
