"""Reads: queues, registries, the public view of articles. No writes here."""

from articles.selectors.entities import entity_labels, entity_matcher, ignored_names

__all__ = ["entity_labels", "entity_matcher", "ignored_names"]
