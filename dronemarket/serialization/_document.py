"""The market document, its sources, organizations and platforms by reference; its schema."""

# Plain data is dynamically typed, and every hook takes (value, ctx) whether it uses ctx or not:
# ruff: noqa: ANN401, ARG001

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Iterable, Mapping
from typing import Any, Final

from dronemarket.deals import slug
from dronemarket.errors import DroneMarketError
from dronemarket.market import Market
from dronemarket.parties import (
    Organization,
)
from dronemarket.platforms import Platform
from dronemarket.serialization._codecs import Codec, Schemas, Structurer, summary
from dronemarket.serialization._generate import unknown_keys
from dronemarket.serialization._known import Known
from dronemarket.serialization._limits import LINEAGE_KEYS, MAX_LENGTH
from dronemarket.serialization._paths import (
    Errors,
    Invalid,
    Path,
    errors_at,
    expected_message,
    from_validation,
    invalid_here,
    path_text,
    short_repr,
)
from dronemarket.serialization._walk import Builder
from dronemarket.sources import Source

DOCUMENT_FORMAT: Final = "dronemarket.market"
"""The value of the ``format`` key of a market document."""
DOCUMENT_VERSION: Final = 1
"""The version of the market document this library writes and reads."""
MAX_ID: Final = 500
"""The longest id of a source in a market document, in characters."""


class _Writing:
    """What unstructuring a market needs: the id given to each source."""

    def __init__(self, source: Structurer) -> None:
        self.unstructure_source = source
        self.ids: dict[Source, str] = {}
        self.sources: dict[str, Any] = {}

    def name_of(self, kind: type, value: Any) -> str:
        if kind is not Source:
            return value.name  # type: ignore[no-any-return]
        found = self.ids.get(value)
        if found is None:
            base = slug(f"{value.publisher} {value.title}")[:48].strip("-") or "source"
            found = base
            number = 1
            while found in self.sources:
                number += 1
                found = f"{base}-{number}"
            self.ids[value] = found
            self.sources[found] = self.unstructure_source(value, None)
        return found


class _Reading:
    """What structuring a market document needs: its sources, organizations and platforms."""

    def __init__(self, platform: Structurer, known: Known | None = None) -> None:
        self.structure_platform = platform
        self.known = known  # the market names fall back to, when given
        self.tables: dict[type, dict[str, Any]] = {Source: {}, Organization: {}, Platform: {}}
        self.failed: dict[type, dict[str, str]] = {Source: {}, Organization: {}, Platform: {}}
        self.raw_platforms: dict[str, tuple[int, Any]] = {}
        self.errors: Errors = []
        self.cited: set[str] = set()  # the ids of the sources something cites

    def read_sources(self, sources: object, structure: Structurer) -> None:
        """Structure the document's sources, by id."""
        if not isinstance(sources, dict):
            self.errors.append(
                (("sources",), expected_message("an object of sources by id", sources))
            )
            return
        for key, item in sources.items():
            if not key or len(key) > MAX_ID:
                message = f"{short_repr(key)} is not a source id (1 to {MAX_ID} characters)"
                self.errors.append((("sources", key), message))
                continue
            try:
                self.tables[Source][key] = structure(item, None)
            except Invalid as error:
                self.errors.extend(errors_at(("sources", key), error))
                self.failed[Source][key] = path_text(("sources", key))

    def unused_sources(self) -> None:
        """Refuse a source nothing cites: a market holds only the sources its records cite."""
        for key in self.tables[Source]:
            if key not in self.cited:
                message = "is cited by nothing (a market keeps only the sources its records cite)"
                self.errors.append((("sources", key), message))

    def read_organizations(self, items: object, structure: Structurer) -> None:
        """Structure the document's organizations, each named once."""
        seen = self.tables[Organization]
        for index, item, name in self._named("organizations", items, seen):
            try:
                made = structure(item, None)
            except Invalid as error:
                self.errors.extend(errors_at(("organizations", index), error))
                if name is not None:
                    self.failed[Organization][name] = f"organizations[{index}]"
            else:
                seen[made.name] = made
                self._clash(Organization, made, ("organizations", index))

    def _clash(self, kind: type, made: Any, path: Path) -> None:
        """Report a definition that differs from the known one under the same name."""
        if self.known is not None:
            message = self.known.clash(kind, made, known_only=True)
            if message is not None:
                self.errors.append((path, message))

    def read_platforms(self, items: object) -> None:
        """Structure the document's platforms, each once, parents before variants.

        The order is worked out first, without recursion, so a lineage chain
        of any length, listed in any order, is read.
        """
        unnamed = []
        for index, item, name in self._named("platforms", items, self.raw_platforms):
            if name is None:
                unnamed.append((index, item))
            else:
                self.raw_platforms[name] = (index, item)
        for name in self._parents_first():
            self.build_platform(name)
        for index, item in unnamed:
            try:
                self.structure_platform(item, self)
            except Invalid as error:
                self.errors.extend(errors_at(("platforms", index), error))

    def _parents_first(self) -> list[str]:
        """Return the names of the platforms, each after its parents (a depth-first walk)."""
        order: list[str] = []
        seen: set[str] = set()
        for root in self.raw_platforms:
            stack = [(root, False)]
            while stack:
                name, expanded = stack.pop()
                if expanded:
                    order.append(name)
                    continue
                if name in seen:
                    continue
                seen.add(name)
                stack.append((name, True))
                raw = self.raw_platforms[name][1]
                for key in LINEAGE_KEYS:
                    parent = raw.get(key)
                    if type(parent) is str and parent in self.raw_platforms and parent not in seen:
                        stack.append((parent, False))
        return order

    def _named(
        self, table: str, items: object, seen: Mapping[str, object]
    ) -> Iterable[tuple[int, Any, str | None]]:
        """Yield each definition of a table with its name, reporting names given twice."""
        if not isinstance(items, list | tuple):
            self.errors.append(((table,), expected_message("a list", items)))
            return
        for index, item in enumerate(items):
            if type(item) is str and self.known is not None:
                self._known_item(self.known, table, index, item)
                continue
            name = item.get("name") if isinstance(item, dict) else None
            if type(name) is not str:
                yield index, item, None
            elif name in seen:
                self.errors.append(((table, index, "name"), f"{short_repr(name)} is named twice"))
            else:
                yield index, item, name

    def _known_item(self, known: Known, table: str, index: int, name: str) -> None:
        """Hold the known platform or organization a table gives by name (or alias)."""
        kind = Platform if table == "platforms" else Organization
        try:
            made = known.resolve(kind, name)
        except Invalid as error:
            self.errors.extend(errors_at((table, index), error))
        else:
            self.tables[kind].setdefault(made.name, made)

    def resolve(self, kind: type, key: str) -> Any:
        found = self.tables[kind].get(key)
        if found is not None:
            if kind is Source:
                self.cited.add(key)
            return found
        where = self.failed[kind].get(key)
        if where is not None:
            raise invalid_here(f"names {short_repr(key)}, which is invalid (see {where})")
        if kind is Platform and key in self.raw_platforms:
            # Parents are read first: one not read yet is a descendant of its own.
            raise invalid_here(f"names {short_repr(key)}, which descends from itself")
        table = {Source: "sources", Organization: "organizations", Platform: "platforms"}[kind]
        if self.known is None:
            raise invalid_here(f"{short_repr(key)} is not in {table}")
        try:
            return self.known.resolve(kind, key)
        except Invalid as error:
            (_, message), *_ = error.errors
            raise invalid_here(f"{short_repr(key)} is not in {table}; {message}") from None

    def held(self) -> tuple[list[Platform], list[Organization]]:
        """Return the platforms and organizations read, with the known ones named."""
        platforms = [self.tables[Platform][name] for name in self.raw_platforms]
        organizations = list(self.tables[Organization].values())
        if self.known is not None:  # what the document named from the known market
            more_platforms, more_organizations = self.known.closure()
            platforms = list(dict.fromkeys([*platforms, *more_platforms]))
            organizations = list(dict.fromkeys([*organizations, *more_organizations]))
        return platforms, organizations

    def build_platform(self, name: str) -> None:
        """Structure one named platform, its parents being read already."""
        index, raw = self.raw_platforms[name]
        try:
            made = self.structure_platform(raw, self)
        except Invalid as error:
            self.errors.extend(errors_at(("platforms", index), error))
            self.failed[Platform][name] = f"platforms[{index}]"
            return
        self.tables[Platform][name] = made
        self._clash(Platform, made, ("platforms", index))


_DEFINED: Final = ("format", "version", "sources", "organizations", "platforms")


@functools.cache
def record_tables() -> tuple[tuple[str, Any], ...]:
    """Return the record tables of a market, from its constructor: ``(("deals", Deal), ...)``.

    Every keyword of :class:`Market` other than its platforms and
    organizations takes an iterable of records; each is a list of the document.
    """
    hints = typing.get_type_hints(Market.__init__)
    tables = []
    for name in inspect.signature(Market.__init__).parameters:
        if name in _DEFINED or name not in hints:
            continue
        (kind,) = typing.get_args(hints[name])
        tables.append((name, kind))
    return tuple(tables)


def _rank(order: tuple[str, ...], path: Path) -> int:
    """Return where an error's table comes in the document, to report errors in its order."""
    return order.index(path[0]) if path and path[0] in order else -1


def document_keys() -> tuple[str, ...]:
    return (*_DEFINED, *(name for name, _ in record_tables()))


def document_codec(builder: Builder) -> Codec:
    standalone = builder.sibling(document=False)
    source = standalone.codec(Source)
    organization = standalone.codec(Organization)
    platform = builder.record(Platform)
    records = {
        name: builder.codec(typing.cast("Any", tuple)[kind, ...]) for name, kind in record_tables()
    }
    order = document_keys()
    keys = frozenset(order)
    listed = ", ".join(order)

    def structure_(value: Any, ctx: Any) -> Any:
        _check_header(value, keys, listed)
        reading = _Reading(platform.structure, ctx if isinstance(ctx, Known) else None)
        reading.read_sources(value.get("sources", {}), source.structure)
        reading.read_organizations(value.get("organizations", []), organization.structure)
        reading.read_platforms(value.get("platforms", []))
        built: dict[str, Any] = {}
        complete = True  # whether every record was read, so its citations are known
        for table, codec in records.items():
            try:
                built[table] = codec.structure(value.get(table, []), reading)
            except Invalid as error:
                reading.errors.extend(errors_at((table,), error))
                complete = False
            else:
                reading.errors.extend(_duplicates(table, built[table]))
        if complete:
            reading.unused_sources()
        if reading.errors:
            raise Invalid(sorted(reading.errors, key=lambda error: _rank(order, error[0])))
        platforms, organizations = reading.held()
        try:
            return Market(platforms=platforms, organizations=organizations, **built)
        except DroneMarketError as error:
            raise from_validation(error, keys) from None

    def unstructure_(value: Any, ctx: Any) -> Any:
        writing = _Writing(source.unstructure)
        organizations = [organization.unstructure(org, None) for org in value.organizations]
        platforms = [platform.unstructure(item, writing) for item in value.platforms]
        written = {
            table: codec.unstructure(getattr(value, table), writing)
            for table, codec in records.items()
        }
        return {
            "format": DOCUMENT_FORMAT,
            "version": DOCUMENT_VERSION,
            "sources": writing.sources,
            "organizations": organizations,
            "platforms": platforms,
            **written,
        }

    def schema(schemas: Schemas) -> dict[str, Any]:
        return schemas.ref(
            "Market",
            lambda: _document_schema(schemas, source, organization, platform, records),
        )

    return Codec(structure_, unstructure_, schema)


def _duplicates(table: str, records: Iterable[Any]) -> Errors:
    """Return an error at the id of each record whose id an earlier record of `table` has."""
    first: dict[str, int] = {}
    errors: Errors = []
    for index, record in enumerate(records):
        key = getattr(record, "id", None)
        if type(key) is not str:
            continue
        seen = first.setdefault(key, index)
        if seen != index:
            message = f"{short_repr(key)} is the id of {table}[{seen}] already"
            errors.append(((table, index, "id"), message))
    return errors


def _check_header(value: Any, keys: frozenset[str], listed: str) -> None:
    """Require an object with the document's keys only, its format and its version."""
    if not isinstance(value, dict):
        raise invalid_here(expected_message("a market document (an object)", value))
    errors: Errors = unknown_keys(value, keys, "a market document", listed)
    if value.get("format") != DOCUMENT_FORMAT:
        errors.append((("format",), expected_message(repr(DOCUMENT_FORMAT), value.get("format"))))
    version = value.get("version")
    if type(version) is not int or version != DOCUMENT_VERSION:
        errors.append((("version",), expected_message(str(DOCUMENT_VERSION), version)))
    if errors:
        raise Invalid(errors)


def _document_schema(
    schemas: Schemas,
    source: Codec,
    organization: Codec,
    platform: Codec,
    records: Mapping[str, Codec],
) -> dict[str, Any]:
    """Return the schema of the market document itself."""
    return {
        "description": summary(Market),
        "type": "object",
        "properties": {
            "format": {"const": DOCUMENT_FORMAT},
            "version": {"const": DOCUMENT_VERSION},
            "sources": {
                "type": "object",
                "description": "Every source cited, by id.",
                "propertyNames": {"minLength": 1, "maxLength": MAX_ID},
                "additionalProperties": source.schema(schemas),
            },
            "organizations": {
                "type": "array",
                "items": organization.schema(schemas),
                "maxItems": MAX_LENGTH,
            },
            "platforms": {
                "type": "array",
                "items": platform.schema(schemas),
                "maxItems": MAX_LENGTH,
            },
            **{table: codec.schema(schemas) for table, codec in records.items()},
        },
        "required": ["format", "version"],
        "additionalProperties": False,
    }
