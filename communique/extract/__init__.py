"""Extraction stages as spaCy components (statements, events) and the helpers they share."""
