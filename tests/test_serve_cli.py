"""`communique serve`: its options reach the app; no store and no token is a clean error."""

from __future__ import annotations

from click.testing import CliRunner

from communique.cli import main
from communique.store import Store


def test_serve_without_a_store_or_token_says_how_to_make_one(tmp_path):
    r = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "serve"])
    assert r.exit_code == 1
    assert f"no store at {tmp_path / 'none.db'}: run `communique ingest PATH...` first" in r.output
    assert not (tmp_path / "none.db").exists()


def test_serve_passes_its_options_to_uvicorn_and_reads_the_token_from_the_environment(tmp_path, monkeypatch):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, log_level: seen.update(app=app, host=host, port=port))
    monkeypatch.setenv("COMMUNIQUE_TOKEN", "from-env")
    db = tmp_path / "new.db"
    r = CliRunner().invoke(main, ["--db", "ignored.db", "serve", "--db", str(db), "--max-chars", "500",
                                  "--max-body", "9000"])
    assert r.exit_code == 0, r.output
    config = seen["app"].state.config
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8000)
    assert (config.db, config.token, config.options.max_chars, config.max_body) == (str(db), "from-env", 500, 9000)
    assert "writes on (bearer token)" in r.output
    monkeypatch.delenv("COMMUNIQUE_TOKEN")
    Store(db).close()  # read-only serving needs an existing store
    r = CliRunner().invoke(main, ["--db", str(db), "serve", "--host", "0.0.0.0", "--port", "9001"])
    assert (r.exit_code, seen["host"], seen["port"], seen["app"].state.config.token) == (0, "0.0.0.0", 9001, None)
    assert "writes off (no --token)" in r.output
