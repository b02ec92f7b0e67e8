"""articles/text stays plain Python: fast to test, reusable from the CLI, no ORM."""

import ast
from pathlib import Path

import articles.text

TEXT_PACKAGE = Path(articles.text.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_text_modules_import_nothing_from_django():
    modules = sorted(TEXT_PACKAGE.rglob("*.py"))
    assert modules, "articles/text has no modules"
    offenders = {
        str(path.relative_to(TEXT_PACKAGE)): sorted(
            name
            for name in _imported_modules(path)
            if name.split(".")[0] in {"django", "rest_framework"}
        )
        for path in modules
    }
    assert {path: names for path, names in offenders.items() if names} == {}
