"""The desk: where editors and reviewers work (home, review page, workflow steps)."""
