"""API keys for partner sites (issued and revoked here)."""
