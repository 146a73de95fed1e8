"""Evaluation against annotated corpora (PolNeAR) and the scoring rules of issue 3."""
