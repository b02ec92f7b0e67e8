"""Every write with side effects, one function each, for admin, views, API and CLI."""
