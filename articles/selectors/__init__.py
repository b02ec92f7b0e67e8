"""Reads: queues, registries, the public view of articles. No writes here."""
