"""The splitter's suggestion for a source document, computed once per document.

A document's bytes never change (it is keyed by their SHA-256), so its suggestion
changes only with the splitter's code: the cache key holds the content hash and a
fingerprint of `articles/text/`, and the split page reads the cache instead of
running the splitter on every GET and every click.
"""

import functools
import hashlib
from pathlib import Path

from django.core.cache import cache

from articles.models import SourceDocument
from articles.text.splitting import ProposedStory, suggest_split

TEXT_PACKAGE = Path(__file__).resolve().parent.parent / "text"
TIMEOUT = 7 * 24 * 3600  # a week; recomputing is only slow, never wrong


@functools.lru_cache(maxsize=1)
def splitter_fingerprint() -> str:
    """A digest of the text-processing code, read once per process."""
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(TEXT_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(TEXT_PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def split_suggestion(document: SourceDocument) -> tuple[ProposedStory, ...]:
    """`suggest_split(document.text)`, from the shared cache when it is there."""
    key = f"split-suggestion:{document.sha256}:{splitter_fingerprint()}"
    proposals = cache.get(key)
    if proposals is None:
        proposals = suggest_split(document.text)
        cache.set(key, proposals, TIMEOUT)
    return proposals
