"""Issuing and revoking partner sites' API keys (audited; only hashes are stored)."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from articles.models import ApiKey
from articles.services.audit import audit_record


class ApiKeyRefused(Exception):
    """The key cannot be issued or revoked; the message says why."""


def api_key_hash(raw: str) -> str:
    """The SHA-256 hex digest under which a key is stored and looked up."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def api_key_issue(*, name: str, by: AbstractBaseUser) -> tuple[ApiKey, str]:
    """Create a key for the partner site `name`; return it and the raw key.

    The raw key is returned once and never stored: show it to the administrator now.
    Raises ApiKeyRefused unless `by` is a superuser and `name` is given.
    """
    _require_superuser(by)
    name = name.strip()
    if not name:
        raise ApiKeyRefused("Name the partner site the key is for.")
    with transaction.atomic():
        prefix = _unused_prefix()
        raw = f"{prefix}.{secrets.token_urlsafe(32)}"
        key = ApiKey.objects.create(
            name=name[:100], prefix=prefix, key_hash=api_key_hash(raw), created_by=by
        )
        audit_record(actor=by, action="issue_api_key", obj=key, data={"prefix": prefix})
    return key, raw


def api_key_revoke(*, key: ApiKey, by: AbstractBaseUser) -> ApiKey:
    """Revoke `key` at once (its requests answer 401 from now on); return it.

    Raises ApiKeyRefused unless `by` is a superuser, or if the key is already revoked.
    """
    _require_superuser(by)
    with transaction.atomic():
        locked = ApiKey.objects.select_for_update().get(pk=key.pk)
        if locked.revoked_at is not None:
            raise ApiKeyRefused(
                f"{locked} was already revoked on {locked.revoked_at:%Y-%m-%d %H:%M}."
            )
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at"])
        audit_record(
            actor=by,
            action="revoke_api_key",
            obj=locked,
            data={"prefix": locked.prefix},
        )
    return locked


def _require_superuser(user: AbstractBaseUser) -> None:
    if not getattr(user, "is_superuser", False):
        raise ApiKeyRefused("Only an administrator can issue or revoke API keys.")


def _unused_prefix() -> str:
    while True:
        prefix = secrets.token_hex(4)
        if not ApiKey.objects.filter(prefix=prefix).exists():
            return prefix
