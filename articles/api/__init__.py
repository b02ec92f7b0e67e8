"""The read-only public API for downstream sites."""
