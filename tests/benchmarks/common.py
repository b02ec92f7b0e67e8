"""What every benchmark module returns: rows of one table printed by `make bench`."""

import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class BenchRow:
    area: str  # "split", "entities", "api", ...
    figure: str  # what was measured, e.g. "time for 1 MB"
    value: float
    unit: str  # "s", "ratio", "", ...
    target: str  # human-readable target, e.g. "<= 1.0"; "" if none
    ok: bool | None  # None when there is no target


def best_time(fn: Callable[[], object], *, repeat: int = 3) -> float:
    """The fastest of `repeat` runs of fn in seconds: the least disturbed by load."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def server_stop(server: subprocess.Popen | None) -> None:
    """Stop a benchmark's server process: politely, then by force after 10 s."""
    if server is None:
        return
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
