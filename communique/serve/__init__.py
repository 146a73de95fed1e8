"""`communique serve`: the HTTP API and the web dashboard, a thin layer over the store."""

from communique.serve.app import create_app
from communique.serve.state import ServeConfig

__all__ = ["create_app", "ServeConfig"]
