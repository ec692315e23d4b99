"""Loading against a known market: names where objects are expected, and clashes found.

With ``known=market``, :func:`~dronemarket.load_records`,
:func:`~dronemarket.load_market` and :func:`~dronemarket.structure` accept a
platform or an organization given by its name or alias, and a source by its
id in the known market's document or its title, wherever the object itself is
expected. An object given in full that shares a name or alias with one the
known market holds (or one an earlier record of the same load gave) must be
equal to it; otherwise the error says which fields differ.
"""

# Plain data is dynamically typed, and every hook takes (value, ctx) whether it uses ctx or not:
# ruff: noqa: ANN401

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from dronemarket.market import Market, name_key
from dronemarket.market._differ import differing
from dronemarket.market._names import not_found
from dronemarket.parties import Organization
from dronemarket.platforms import Platform
from dronemarket.serialization._codecs import Codec, Schemas
from dronemarket.serialization._paths import invalid_here, short_repr
from dronemarket.serialization._shapes import lineage_codec
from dronemarket.serialization._walk import Builder
from dronemarket.sources import Source

_SUGGEST_AMONG: Final = 10_000  # names an error searches for close matches (bounded time)
_NOUNS: Final = {Platform: "platform", Organization: "organization", Source: "source"}


def _keys(item: Platform | Organization) -> set[str]:
    return {key for key in map(name_key, (item.name, *item.aliases)) if key}


class Known:
    """The context of structuring against a known market.

    Its tables map each name and alias (as :func:`~dronemarket.market.name_key`
    gives it) to the object; records loaded earlier in the same load add
    theirs once they have loaded (:meth:`commit`).
    """

    def __init__(self, market: Market, builder: Builder) -> None:
        self.market = market
        self.builder = builder
        self.held: dict[type, dict[str, Any]] = {Platform: {}, Organization: {}}
        for kind, items in ((Platform, market.platforms), (Organization, market.organizations)):
            table = self.held[kind]
            for item in items:
                for key in _keys(item):
                    table[key] = item
        self.added: dict[type, dict[str, Any]] = {Platform: {}, Organization: {}}
        self.pending: list[tuple[type, Any]] = []
        self.used: dict[Any, None] = {}  # the known objects resolved, in order
        self._sources: tuple[dict[str, Source], dict[str, list[tuple[str, Source]]]] | None = None

    # -- names --

    def resolve(self, kind: type, text: str) -> Any:
        """Return the object `text` names; raise Invalid, with close names, if none."""
        if kind is Source:
            return self._source(text)
        key = name_key(text)
        found = self.held[kind].get(key)
        if found is not None:
            self.used[found] = None
            return found
        found = self.added[kind].get(key) or self._pending(kind, key)
        if found is not None:
            return found
        names = {**self.held[kind], **self.added[kind]}
        shown = {k: item.name for k, item in names.items()} if len(names) <= _SUGGEST_AMONG else {}
        error = not_found(_NOUNS[kind], text, shown, "the known market")
        raise invalid_here(str(error))

    def _pending(self, kind: type, key: str) -> Any:
        for pending_kind, item in self.pending:
            if pending_kind is kind and key in _keys(item):
                return item
        return None

    def _source(self, text: str) -> Source:
        by_id, by_title = self._source_tables()
        found = by_id.get(text)
        if found is None:
            titled = by_title.get(name_key(text), [])
            if len(titled) > 1:
                ids = ", ".join(repr(ident) for ident, _ in titled)
                message = f"{short_repr(text)} is the title of {len(titled)} sources; give an id: "
                raise invalid_here(message + ids)
            if not titled:
                shown: dict[str, str] = {}
                if len(by_id) <= _SUGGEST_AMONG:
                    shown = {name_key(ident): ident for ident in by_id}
                    shown.update({key: titled[0][1].title for key, titled in by_title.items()})
                error = not_found("source", text, shown, "the known market")
                raise invalid_here(str(error))
            found = titled[0][1]
        return found

    def _source_tables(self) -> tuple[dict[str, Source], dict[str, list[tuple[str, Source]]]]:
        """Return the known market's sources by their document id and by their title's key."""
        if self._sources is None:
            document = self.builder.codec(Market).unstructure(self.market, None)
            read = self.builder.sibling(document=False).codec(Source).structure
            by_id = {ident: read(data, None) for ident, data in document["sources"].items()}
            by_title: dict[str, list[tuple[str, Source]]] = {}
            for ident, source in by_id.items():
                by_title.setdefault(name_key(source.title), []).append((ident, source))
            self._sources = (by_id, by_title)
        return self._sources

    # -- clashes --

    def clash(self, kind: type, made: Any, *, known_only: bool = False) -> str | None:
        """Return why `made` clashes with an object under one of its names, or None."""
        if kind is Source:
            return None
        tables: Iterable[Mapping[str, Any]] = (self.held[kind],)
        if not known_only:
            tables = (self.held[kind], self.added[kind])
        for table in tables:
            for key in _keys(made):
                other = table.get(key)
                if other is None or other is made or other == made:
                    continue
                return self._clash_message(kind, made, other, table is self.held[kind])
        if not known_only:
            for pending_kind, other in self.pending:
                if pending_kind is kind and _keys(made) & _keys(other) and other != made:
                    return self._clash_message(kind, made, other, held=False)
        return None

    @staticmethod
    def _clash_message(kind: type, made: Any, other: Any, held: bool) -> str:
        where = "the known market" if held else "an earlier record"
        fields = ", ".join(differing(made, other))
        noun = _NOUNS[kind]
        if name_key(made.name) == name_key(other.name):
            head = f"{short_repr(made.name)} differs from the {noun} of that name in {where}"
        else:
            head = (
                f"{short_repr(made.name)} shares a name or alias with the {noun} "
                f"{short_repr(other.name)} in {where}, and differs from it"
            )
        return f"{head} in: {fields} (give its name alone to use that one)"

    def check(self, kind: type, made: Any) -> None:
        """Raise Invalid if `made` clashes; otherwise remember it until the record loads."""
        message = self.clash(kind, made)
        if message is not None:
            raise invalid_here(message)
        if kind is not Source and self.held[kind].get(name_key(made.name)) is None:
            self.pending.append((kind, made))

    def commit(self) -> None:
        """Keep what the record just loaded gave: later records may name it."""
        for kind, item in self.pending:
            for key in _keys(item):
                self.added[kind].setdefault(key, item)
        self.pending.clear()

    def discard(self) -> None:
        """Forget what a rejected record gave."""
        self.pending.clear()

    def closure(self) -> tuple[list[Platform], list[Organization]]:
        """Return the known platforms and organizations resolved, with all they refer to."""
        used = [item for item in self.used if isinstance(item, Platform | Organization)]
        if not used:
            return [], []
        whole = Market.of(*used)
        return list(whole.platforms), list(whole.organizations)


def known_codec(kind: type, inner: Codec) -> Codec:
    """Return `inner` accepting a name (or a source's id or title) resolved by the Known context."""
    s = inner.structure

    def structure_(value: Any, ctx: Any) -> Any:
        if type(value) is str:
            return ctx.resolve(kind, value)
        made = s(value, ctx)
        ctx.check(kind, made)
        return made

    def schema(schemas: Schemas) -> dict[str, Any]:
        return inner.schema(schemas)

    return Codec(structure_, inner.unstructure, schema)


def known_builder(base: Builder) -> Builder:
    """Return a builder whose sources, organizations and platforms may be given by name."""
    made = base.sibling(document=False)
    cells: dict[object, Codec] = {}

    def forwarder(kind: object) -> Codec:
        return Codec(
            # The target is made after the forwarder: it is looked up at each call.
            lambda value, ctx: cells[kind].structure(value, ctx),  # noqa: PLW0108
            lambda value, ctx: cells[kind].unstructure(value, ctx),  # noqa: PLW0108
            lambda schemas: cells[kind].schema(schemas),  # noqa: PLW0108
        )

    for kind in (Source, Organization, Platform):
        made.codecs[kind] = forwarder(kind)
    cells[Source] = known_codec(Source, made.record(Source))
    cells[Organization] = known_codec(Organization, made.record(Organization))
    cells[Platform] = known_codec(Platform, lineage_codec(made.record(Platform)))
    made.codecs.update(cells)
    return made
