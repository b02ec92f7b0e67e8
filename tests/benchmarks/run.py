"""`make bench`: run every tests/benchmarks/bench_*.py, print one table of figures."""

import importlib
import pkgutil
import sys

from tests.benchmarks import __path__ as BENCH_PATH
from tests.benchmarks.common import BenchRow


def _format(rows: list[BenchRow]) -> str:
    header = ("area", "figure", "value", "target", "ok")
    table = [header] + [
        (
            row.area,
            row.figure,
            f"{row.value:.4g} {row.unit}".strip(),
            row.target,
            {True: "yes", False: "NO", None: ""}[row.ok],
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    lines = [
        " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True))
        for line in table
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main(selected: list[str]) -> int:
    rows: list[BenchRow] = []
    modules = pkgutil.iter_modules(BENCH_PATH)
    names = sorted(m.name for m in modules if m.name.startswith("bench_"))
    for name in names:
        if selected and name.removeprefix("bench_") not in selected:
            continue
        module = importlib.import_module(f"tests.benchmarks.{name}")
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(module.run())
    print(_format(rows))
    return 0 if all(row.ok is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
