"""Communiqué: who said and did what, to whom, and when — from news articles."""

__version__ = "0.1.0"
