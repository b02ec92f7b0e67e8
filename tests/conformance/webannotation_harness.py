"""Run the W3C Web Annotation WG model test suite (JSONtest format) from Python.

The suite (web-platform-tests `annotation-model/`, copied to
`tests/conformance/data/web-annotation/`) is a set of `.test` files, each listing
assertions: JSON Schema (draft-04) files extended with a few JSONtest keys. The
suite's own runner is `scripts/JSONtest.js` on top of Ajv; neither it nor the
upstream README / CONTRIBUTING that document the format are in the copy (its
README only links to them). This module does what that runner does:

* An entry of `assertions` is a path to an assertion file, an inline assertion
  object, a nested list (a group whose skips stay inside it), or a condition
  object (it has `assertions` of its own, combined with `compareWith` "and"/"or").
  A path with a slash is relative to the suite root, one without a slash to the
  `.test` file's folder; an object with `assertionFile` loads that file and
  overrides its keys.
* `expectedResult` ("valid" by default) says whether the instance should validate;
  an assertion passes when the outcome is the expected one, so an "invalid"
  assertion passes when the schema does NOT validate.
* `onUnexpectedResult` ("failAndContinue" by default): "fail..." records the
  unexpected result as a failure, "pass..." only as a note (used by optional
  assertions); "...Skip" skips the rest of the current list, "...Abort" the rest
  of the test.
* `assertionType` is "must" (the default), "should" or "may"; a test's
  `skipFailures` lists types whose failures are notes rather than failures.
* `$ref`s such as `id.json#/definitions/stringUri` name the schemas in
  `definitions/` by their `id`: the JS runner registers every definitions file
  under its `id` and Ajv resolves each `$ref` against the assertion's own
  (relative) `id`, so both end up as the bare file name. A `referencing.Registry`
  keyed the same way reproduces that.
* Formats are checked, as Ajv does by default: `uri` (an absolute URI/IRI) and
  `date-time` (RFC 3339). Without this, jsonschema ignores `format` and the
  suite's own "bad id" / "bad created" samples would pass.
* Input that is not JSON fails, as in the JS runner ("Parse of JSON failed").

Quirks of the copy: assertion files are found by path, never by their `id`, which
is as well: `4.3.3-refinedByValidated.json` declares the id
"4.3-stateValidated.json", `4.2-TextDataPositionSelectorValid.json` a lower-case
one, and two files under `bodiesTargets/` and `specificResource/` share ids.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT4

# The suite, copied into the project with its licence (`license.md` there).
SUITE_ROOT = Path(__file__).resolve().parent / "data" / "web-annotation"
MUSTS_TEST = "annotations/annotationMusts.test"
OPTIONALS_TEST = "annotations/annotationOptionals.test"
AGENT_OPTIONALS_TEST = "annotations/annotationsAgentOptionals.test"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"

_ASSERTION_TYPES = frozenset({"must", "should", "may"})
_EXPECTED_RESULTS = frozenset({"valid", "invalid"})
_ACTIONS = {
    "failAndContinue": "continue",
    "failAndSkip": "skip",
    "failAndAbort": "abort",
    "passAndContinue": "continue",
    "passAndSkip": "skip",
    "passAndAbort": "abort",
}


class SuiteError(Exception):
    """The suite cannot be read: a missing file, bad JSON or an unknown keyword."""


# --- formats --------------------------------------------------------------------

# RFC 3986 scheme, then anything but whitespace, controls and the characters
# RFC 3986/3987 exclude; `%` only as an escape. Non-ASCII is allowed because
# JSON-LD identifiers are IRIs.
_URI = re.compile(
    r"[A-Za-z][A-Za-z0-9+.\-]*:"
    r"(?:[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff<>\"{}|\\^`%]|%[0-9A-Fa-f]{2})*"
)
# RFC 3339 section 5.6; the zone is required. "T" as in xsd:dateTime.
_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?"
    r"(?:[Zz]|[+-](\d{2}):(\d{2}))"
)


def is_uri(value: object) -> bool:
    """Return whether `value` passes the suite's `uri` format (non-strings do)."""
    return not isinstance(value, str) or _URI.fullmatch(value) is not None


def is_date_time(value: object) -> bool:
    """Return whether `value` passes the `date-time` format (non-strings do)."""
    if not isinstance(value, str):
        return True
    match = _DATE_TIME.fullmatch(value)
    if match is None:
        return False
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    if not 1 <= month <= 12:
        return False
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return False
    # Second 60 is a leap second, which RFC 3339 allows.
    if hour > 23 or minute > 59 or second > 60:
        return False
    zone_hour, zone_minute = match.group(7), match.group(8)
    return zone_hour is None or (int(zone_hour) <= 23 and int(zone_minute) <= 59)


FORMAT_CHECKER = FormatChecker(formats=())
FORMAT_CHECKER.checks("uri")(is_uri)
FORMAT_CHECKER.checks("date-time")(is_date_time)


# --- the suite's structure ------------------------------------------------------


@dataclass(frozen=True)
class _Common:
    title: str
    assertion_type: str
    expected_result: str
    on_unexpected_result: str
    error_message: str


@dataclass(frozen=True)
class Assertion(_Common):
    """One schema assertion; `ref` is how the `.test` named it."""

    ref: str
    schema: Mapping[str, Any] = field(repr=False, compare=False)
    validator: Draft4Validator = field(repr=False, compare=False)

    @property
    def name(self) -> str:
        """Return the assertion file's name (or the inline label)."""
        return self.ref.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Condition(_Common):
    """A condition object: its children's results combined with and / or."""

    compare_with: str
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Group:
    """A nested assertion list; a skip inside it ends the list, not the test."""

    children: tuple[Node, ...]


Node = Assertion | Condition | Group


@dataclass(frozen=True)
class TestCase:
    """One `.test` file, loaded."""

    __test__ = False  # not a pytest test class, despite the name

    path: str
    name: str
    skip_failures: frozenset[str]
    assertions: tuple[Node, ...]

    def flat(self) -> list[Assertion]:
        """Return every schema assertion, depth first, in document order."""
        return list(_flatten(self.assertions))


def _flatten(nodes: Sequence[Node]) -> Iterator[Assertion]:
    for node in nodes:
        if isinstance(node, Assertion):
            yield node
        else:
            yield from _flatten(node.children)


class Outcome(StrEnum):
    PASSED = "passed"  # the result was the expected one
    FAILED = "failed"  # unexpected, and the assertion says that is a failure
    NOTED = "noted"  # unexpected, but "passAnd..." or a type in skipFailures
    SKIPPED = "skipped"  # not run: an earlier assertion asked to skip or abort


@dataclass(frozen=True)
class Result:
    """What one assertion (or condition) gave for one instance."""

    node: Assertion | Condition
    outcome: Outcome
    as_expected: bool | None  # None when skipped
    errors: tuple[str, ...] = ()
    children: tuple[Result, ...] = ()

    @property
    def title(self) -> str:
        return self.node.title

    def describe(self) -> str:
        """Return a one-line account for assertion messages."""
        label = self.node.name if isinstance(self.node, Assertion) else "condition"
        detail = "; ".join(self.errors[:3])
        return f"{self.outcome}: {label}: {self.node.error_message} [{detail}]"


# --- loading --------------------------------------------------------------------


class Suite:
    """The suite on disk, with its definitions registered for `$ref`s."""

    def __init__(self, root: Path = SUITE_ROOT) -> None:
        if not root.is_dir():
            raise SuiteError(f"No Web Annotation test suite at {root}.")
        self.root = root
        self.registry = self._definitions_registry()
        self._files: dict[Path, Any] = {}

    def _definitions_registry(self) -> Registry:
        resources = []
        for path in sorted((self.root / "definitions").glob("*.json")):
            contents = _read_json(path)
            resource = Resource.from_contents(contents, default_specification=DRAFT4)
            # Registered under the `id` the assertions' `$ref`s resolve to, and
            # under the file name in case a definition ever lacks an `id`.
            for uri in {contents.get("id") or path.name, path.name}:
                resources.append((uri, resource))
        if not resources:
            raise SuiteError(f"No definitions in {self.root / 'definitions'}.")
        return Registry().with_resources(resources)

    def load_test(self, relative_path: str) -> TestCase:
        """Return the `.test` file at `relative_path` (from the suite root), loaded."""
        path = self.root / relative_path
        data = self._json(path)
        entries = data.get("assertions")
        if not isinstance(entries, list) or not entries:
            raise SuiteError(f"{relative_path} has no list of assertions.")
        skip = data.get("skipFailures", [])
        return TestCase(
            path=relative_path,
            name=data.get("name", relative_path),
            skip_failures=frozenset(str(kind).lower() for kind in skip),
            assertions=tuple(self._node(entry, path.parent) for entry in entries),
        )

    def _node(self, entry: Any, test_dir: Path) -> Node:
        if isinstance(entry, list):
            if not entry:
                raise SuiteError("A nested assertion list must not be empty.")
            return Group(tuple(self._node(child, test_dir) for child in entry))
        if isinstance(entry, str):
            schema = dict(self._json(self._resolve(entry, test_dir)))
            return self._assertion(schema, entry)
        if isinstance(entry, dict):
            if "assertions" in entry:
                return self._condition(entry, test_dir)
            if "assertionFile" in entry:
                ref = entry["assertionFile"]
                schema = dict(self._json(self._resolve(ref, test_dir)))
                schema.update({k: v for k, v in entry.items() if k != "assertionFile"})
                return self._assertion(schema, ref)
            return self._assertion(dict(entry), f"inline:{entry.get('title', '')}")
        raise SuiteError(f"Cannot read assertion entry {entry!r}.")

    def _condition(self, entry: Mapping[str, Any], test_dir: Path) -> Condition:
        children = entry["assertions"]
        if not isinstance(children, list) or not children:
            raise SuiteError("A condition object needs a non-empty assertions list.")
        compare_with = entry.get("compareWith", "and")
        if compare_with not in {"and", "or"}:
            raise SuiteError(f"Unknown compareWith {compare_with!r}.")
        return Condition(
            **_common(entry),
            compare_with=compare_with,
            children=tuple(self._node(child, test_dir) for child in children),
        )

    def _assertion(self, schema: dict[str, Any], ref: str) -> Assertion:
        return Assertion(
            **_common(schema), ref=ref, schema=schema, validator=self.validator(schema)
        )

    def validator(self, schema: Mapping[str, Any]) -> Draft4Validator:
        """Return a draft-04 validator for `schema` that knows the definitions."""
        return Draft4Validator(
            schema, registry=self.registry, format_checker=FORMAT_CHECKER
        )

    def unresolvable_refs(self, assertion: Assertion) -> list[str]:
        """Return every `$ref` reachable from `assertion` that does not resolve.

        Validation only follows the `$ref`s an instance leads it to; this follows
        all of them, into the definitions and on from there.
        """
        base = str(assertion.schema.get("id") or "assertion.json")
        resource = Resource.from_contents(
            assertion.schema, default_specification=DRAFT4
        )
        resolver = self.registry.with_resource(base, resource).resolver(base)
        broken: list[str] = []
        seen: set[int] = set()
        pending = [(assertion.schema, resolver)]
        while pending:
            schema, resolver = pending.pop()
            for ref in _refs(schema):
                try:
                    resolved = resolver.lookup(ref)
                except Unresolvable:
                    broken.append(ref)
                    continue
                if id(resolved.contents) not in seen:
                    seen.add(id(resolved.contents))
                    pending.append((resolved.contents, resolved.resolver))
        return broken

    def _resolve(self, ref: str, test_dir: Path) -> Path:
        # Upstream README: "If the URI is relative but contains no slashes, then it is
        # considered to be in the current directory. If [it] contains slashes, but
        # does not start with a slash then it is considered relative to the top of
        # the tree of the current test collection".
        if ref.startswith(("/", "http:", "https:")):
            raise SuiteError(f"Absolute assertion references are not supported: {ref}")
        return (test_dir / ref) if "/" not in ref else (self.root / ref)

    def _json(self, path: Path) -> Any:
        if path not in self._files:
            self._files[path] = _read_json(path)
        return self._files[path]


def _refs(schema: Any) -> list[str]:
    if isinstance(schema, dict):
        own = [schema["$ref"]] if isinstance(schema.get("$ref"), str) else []
        return own + [ref for value in schema.values() for ref in _refs(value)]
    if isinstance(schema, list):
        return [ref for value in schema for ref in _refs(value)]
    return []


def _common(entry: Mapping[str, Any]) -> dict[str, str]:
    assertion_type = str(entry.get("assertionType", "must")).lower()
    if assertion_type not in _ASSERTION_TYPES:
        # JSONtest.js falls back to "must" for an unknown type; so do we.
        assertion_type = "must"
    expected = entry.get("expectedResult", "valid")
    if expected not in _EXPECTED_RESULTS:
        raise SuiteError(f"Unknown expectedResult {expected!r}.")
    on_unexpected = entry.get("onUnexpectedResult", "failAndContinue")
    if on_unexpected not in _ACTIONS:
        raise SuiteError(f"Unknown onUnexpectedResult {on_unexpected!r}.")
    return {
        "title": str(entry.get("title", "")),
        "assertion_type": assertion_type,
        "expected_result": expected,
        "on_unexpected_result": on_unexpected,
        "error_message": str(entry.get("errorMessage", f"Result was not {expected}")),
    }


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SuiteError(f"Missing suite file {path}.") from None
    except json.JSONDecodeError as error:
        raise SuiteError(f"{path} is not JSON: {error}") from None


# --- running --------------------------------------------------------------------


class _Run:
    def __init__(self, test: TestCase, instance: Any) -> None:
        self.test = test
        self.instance = instance
        self.aborted = False

    def nodes(self, nodes: Sequence[Node]) -> list[Result]:
        results: list[Result] = []
        skipping = False
        for node in nodes:
            if skipping or self.aborted:
                results.extend(_skipped(node))
                continue
            if isinstance(node, Group):
                results.extend(self.nodes(node.children))
                continue
            result = self.node(node)
            results.append(result)
            if not result.as_expected:
                action = _ACTIONS[node.on_unexpected_result]
                skipping = action == "skip"
                self.aborted = self.aborted or action == "abort"
        return results

    def node(self, node: Assertion | Condition) -> Result:
        if isinstance(node, Condition):
            children = tuple(self.nodes(node.children))
            ran = [
                child.as_expected for child in children if child.as_expected is not None
            ]
            combined = any(ran) if node.compare_with == "or" else all(ran)
            as_expected = combined == (node.expected_result == "valid")
            return _result(node, as_expected, (), children, self.test)
        errors = tuple(
            f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
            for error in node.validator.iter_errors(self.instance)
        )
        valid = not errors
        as_expected = valid == (node.expected_result == "valid")
        return _result(node, as_expected, errors, (), self.test)


def _result(
    node: Assertion | Condition,
    as_expected: bool,
    errors: tuple[str, ...],
    children: tuple[Result, ...],
    test: TestCase,
) -> Result:
    if as_expected:
        outcome = Outcome.PASSED
    elif node.on_unexpected_result.startswith("fail") and (
        node.assertion_type not in test.skip_failures
    ):
        outcome = Outcome.FAILED
    else:
        outcome = Outcome.NOTED
    return Result(node, outcome, as_expected, errors, children)


def _skipped(node: Node) -> list[Result]:
    if isinstance(node, Group):
        return [result for child in node.children for result in _skipped(child)]
    return [Result(node, Outcome.SKIPPED, None)]


def run(test: TestCase, instance: Any) -> list[Result]:
    """Return one result per top-level-or-grouped assertion, in document order."""
    return _Run(test, instance).nodes(test.assertions)


def run_text(test: TestCase, text: str) -> list[Result] | None:
    """Return `run`'s results for JSON text, or None when the text is not JSON."""
    try:
        instance = json.loads(text, parse_constant=_reject_constant)
    except ValueError:
        return None
    return run(test, instance)


def _reject_constant(name: str) -> Any:
    # Python accepts NaN and Infinity; JSON (and the JS runner) does not.
    raise ValueError(f"{name} is not JSON")


def failures(results: Sequence[Result]) -> list[Result]:
    """Return the results that count as failures."""
    return [result for result in results if result.outcome is Outcome.FAILED]


# --- containers -----------------------------------------------------------------


def embedded_annotations(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Return the annotations a document holds, each with its `@context`.

    An Annotation is returned as is. An AnnotationPage gives its `items`, an
    AnnotationCollection the items of its embedded `first` page (a page given
    only by IRI holds nothing here). Embedded annotations usually omit
    `@context` and inherit the container's, as JSON-LD intends, so it is copied
    onto them before the single-annotation assertions are run.
    """
    kinds = _types(document)
    if "AnnotationCollection" in kinds:
        first = document.get("first")
        if not isinstance(first, dict):
            return []
        return embedded_annotations(_with_context(first, document))
    if "AnnotationPage" in kinds:
        items = document.get("items", [])
        return [
            _with_context(item, document) for item in items if isinstance(item, dict)
        ]
    return [dict(document)]


def _types(document: Mapping[str, Any]) -> set[str]:
    value = document.get("type", [])
    return {value} if isinstance(value, str) else set(value)


def _with_context(item: Mapping[str, Any], container: Mapping[str, Any]) -> dict:
    if "@context" in item or "@context" not in container:
        return dict(item)
    return {"@context": container["@context"], **item}
