"""Word overlap between windows of paragraphs (TextTiling-like lexical cohesion)."""

from __future__ import annotations

import math
from collections import Counter
from itertools import chain
from operator import mul

from articles.text.splitting.features import _Paragraph


class _Windows:
    """Sums of the term vectors of consecutive paragraphs, with their norms, cached:
    neighbouring gaps compare the same windows, so each is summed once.
    """

    def __init__(self, vectors: list[dict[str, float]]) -> None:
        self._vectors = vectors
        self._cache: dict[tuple[int, int], tuple[dict[str, float], float]] = {}

    def forget_before(self, index: int) -> None:
        """Drop cached windows starting before `index`: gaps are scored in order, so
        they will not be asked for again, and memory stays small on long copy.
        """
        cache = self._cache
        while cache:
            oldest = next(iter(cache))
            if oldest[0] >= index:
                break
            del cache[oldest]

    def get(self, start: int, stop: int) -> tuple[dict[str, float], float]:
        """The window of paragraphs [start, stop) (neither negative), and its norm."""
        key = (start, stop)
        found = self._cache.get(key)
        if found is None:
            vectors = self._vectors[start:stop]
            if not vectors:
                found = ({}, 0.0)
            else:
                # One paragraph's window is its vector, which is never changed.
                total = vectors[0] if len(vectors) == 1 else dict(vectors[0])
                for vector in vectors[1:]:
                    for term, weight in vector.items():
                        total[term] = total.get(term, 0.0) + weight
                weights = total.values()
                found = (total, math.sqrt(sum(map(mul, weights, weights))))
            self._cache[key] = found
        return found

    def cosine(self, a: tuple[int, int], b: tuple[int, int]) -> float:
        """Cosine similarity of the windows [a[0], a[1]) and [b[0], b[1])."""
        (va, na), (vb, nb) = self.get(*a), self.get(*b)
        if not na or not nb:
            return 0.0
        if len(va) > len(vb):
            va, vb = vb, va
        dot = sum([weight * vb[term] for term, weight in va.items() if term in vb])
        return dot / (na * nb)


def _term_vectors(paragraphs: list[_Paragraph]) -> list[dict[str, float]]:
    """Each paragraph's content words weighted by tf-idf over the copy's paragraphs.

    Words found in one paragraph only cannot link two paragraphs and are left out;
    words found everywhere (the country all the stories are about) weigh little.
    """
    count = len(paragraphs)
    df = Counter(chain.from_iterable(p.stems.keys() for p in paragraphs))
    idf = {term: math.log((count + 1) / n) for term, n in df.items() if n > 1}
    vectors = []
    for p in paragraphs:
        vectors.append(
            {
                term: (weight if tf == 1 else (1.0 + math.log(tf)) * weight)
                for term, tf in p.stems.items()
                if (weight := idf.get(term)) is not None
            }
        )
    return vectors
