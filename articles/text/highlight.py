"""Cut a text into runs so that overlapping highlights draw as flat, unnested marks."""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Span:
    start: int
    end: int  # exclusive
    key: str  # e.g. "a12" for annotation 12, "m3" for a mention of entity 3


@dataclass(frozen=True)
class Run:
    text: str
    start: int
    keys: tuple[str, ...]  # the spans covering this run, in the order given


def highlight_runs(text: str, spans: Sequence[Span]) -> tuple[Run, ...]:
    """Consecutive runs of `text`, each covered by the same set of spans.

    Joining the runs' text gives `text` back; spans outside the text are clipped.
    """
    cuts = {0, len(text)}
    clipped = []
    for span in spans:
        start, end = max(0, span.start), min(len(text), span.end)
        if start < end:
            clipped.append(Span(start, end, span.key))
            cuts.update((start, end))
    points = sorted(cuts)
    runs = []
    for start, end in pairwise(points):
        keys = tuple(s.key for s in clipped if s.start <= start and end <= s.end)
        runs.append(Run(text[start:end], start, keys))
    return tuple(runs)
