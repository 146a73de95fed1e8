"""Extraction stages as spaCy components; importing this package registers their factories."""

from communique.extract import statements  # noqa: F401
