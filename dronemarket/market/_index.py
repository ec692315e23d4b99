"""The index engine: per-dimension positions and codes, built on first use and kept.

A :class:`Table` holds the records of one kind. Each index (by supplier,
recipient, platform, ...) is built the first time a query needs it, under a
lock, once; positions are kept in compact ``array`` objects.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from itertools import chain, compress
from operator import attrgetter, itemgetter
from typing import Any, Final, Generic, TypeVar, cast

from dronemarket.cooperation import Cooperation
from dronemarket.deals import Deal
from dronemarket.parties import Country, Party, Supplier, party_kind
from dronemarket.platforms import Platform
from dronemarket.production import LicensedProduction

__all__ = [
    "COOPERATION_ALIASES",
    "COOPERATION_KEYS",
    "COOPERATION_MULTI",
    "DEAL_KEYS",
    "PRODUCTION_KEYS",
    "Index",
    "Key",
    "Table",
    "party_key",
    "pick",
]

R = TypeVar("R", Deal, LicensedProduction, Cooperation)
Key = Hashable
"""A key of one dimension of an index."""
T = TypeVar("T")


class Index:
    """Where each key of one dimension occurs: positions per key, and a code per record.

    In a multi-valued index (a cooperation record's countries), each record
    holds a tuple of keys and is listed under each; it has no code column.
    """

    __slots__ = ("codes", "column", "keys", "multi", "positions")

    def __init__(self, keys_by_record: Sequence[Key], *, multi: bool = False) -> None:
        grouped: dict[Key, list[int]] = {}
        pairs: Iterable[tuple[int, Key]] = (
            (
                (position, key)
                for position, keys in enumerate(keys_by_record)
                for key in dict.fromkeys(cast("Iterable[Key]", keys))
            )
            if multi
            else enumerate(keys_by_record)
        )
        for position, key in pairs:
            bucket = grouped.get(key)
            if bucket is None:
                grouped[key] = [position]
            else:
                bucket.append(position)
        self.multi = multi
        self.keys: tuple[Key, ...] = tuple(grouped)
        self.codes: dict[Key, int] = {key: code for code, key in enumerate(self.keys)}
        self.positions: dict[Key, array[int]] = {
            key: array("I", found) for key, found in grouped.items()
        }
        typecode = "B" if len(self.keys) <= 0xFF else "H" if len(self.keys) <= 0xFFFF else "I"
        codes = () if multi else map(self.codes.__getitem__, keys_by_record)
        self.column: array[int] = array(typecode, codes)

    def holding(self, keys: Iterable[Key]) -> Sequence[int]:
        """Return the positions, ascending and each once, of records having one of `keys`."""
        found = [self.positions[key] for key in keys if key in self.positions]
        if len(found) == 1:
            return found[0]
        merged = chain.from_iterable(found)
        return sorted(set(merged) if self.multi else merged)

    def count(self, keys: Iterable[Key]) -> int:
        """Return how many records have one of `keys`."""
        return sum(len(self.positions.get(key, ())) for key in keys)


def _keys(
    records: Sequence[Any], fast: Callable[[Any], Key], slow: Callable[[Any], Key]
) -> list[Key]:
    """Return each record's key, by `fast` (C-level) when no link in its chain is None."""
    try:
        return list(map(fast, records))
    except AttributeError:
        return list(map(slow, records))


def party_key(party: Party | None) -> Key:
    """Return a party's index key: a country's code, any other party itself, None if unknown."""
    if party is None:
        return None
    if type(party) is Country:
        return party.code
    return party


def _kind(party: Party | None) -> Key:
    return None if party is None else party_kind(party)


def _maker(supplier: Supplier, platform: Platform) -> str | None:
    maker = supplier.manufacturer or platform.manufacturer
    return None if maker is None else maker.name


def _both(key: Callable[[Any], Key]) -> tuple[Callable[[Any], Key], Callable[[Any], Key]]:
    return key, key


_SHARED_KEYS: Final = {
    name: _both(attrgetter(path))
    for name, path in (
        ("platform", "platform.name"),
        ("category", "platform.category"),
        ("status", "status"),
        ("confidence", "confidence"),
        ("year", "year"),
    )
}
"""The key functions of the dimensions deals and production records share."""

DEAL_KEYS: Final[dict[str, tuple[Callable[[Deal], Key], Callable[[Deal], Key]]]] = {
    "supplier": (attrgetter("supplier.party.code"), lambda d: party_key(d.supplier.party)),
    "recipient": (attrgetter("recipient.party.code"), lambda d: party_key(d.recipient.party)),
    "supplier_kind": _both(lambda d: _kind(d.supplier.party)),
    "recipient_kind": _both(lambda d: _kind(d.recipient.party)),
    "manufacturer": _both(lambda d: _maker(d.supplier, d.platform)),
    **_SHARED_KEYS,
}
"""Each deal dimension's key functions: a fast one, and one for chains with a None link."""


def _country_codes(record: Cooperation) -> Key:
    return tuple(country.code for country in record.countries)


def _platform_names(record: Cooperation) -> Key:
    return tuple(platform.name for platform in record.platforms)


COOPERATION_KEYS: Final[
    dict[str, tuple[Callable[[Cooperation], Key], Callable[[Cooperation], Key]]]
] = {
    "country": (_country_codes, _country_codes),
    "platform": (_platform_names, _platform_names),
    "kind": (attrgetter("kind"), attrgetter("kind")),
    "confidence": (attrgetter("confidence"), attrgetter("confidence")),
    "year": (attrgetter("year"), attrgetter("year")),
}
"""Each cooperation dimension's key functions."""
COOPERATION_MULTI: Final = frozenset({"country", "platform"})
"""The cooperation dimensions whose key is a tuple of keys."""
COOPERATION_ALIASES: Final = {"region": "country"}  # a region filter reads the country index
"""Filter name -> the cooperation index it reads."""

PRODUCTION_KEYS: Final[
    dict[str, tuple[Callable[[LicensedProduction], Key], Callable[[LicensedProduction], Key]]]
] = {
    "supplier": (attrgetter("licensor.party.code"), lambda p: party_key(p.licensor.party)),
    "recipient": _both(attrgetter("host.code")),
    "supplier_kind": _both(lambda p: _kind(p.licensor.party)),
    "recipient_kind": _both(lambda p: party_kind(p.host)),
    "manufacturer": _both(lambda p: _maker(p.licensor, p.platform)),
    **_SHARED_KEYS,
}
"""Each production dimension's key functions."""


class Table(Generic[R]):
    """Records of one kind, with indices built on first use and kept."""

    __slots__ = ("_aliases", "_built", "_keyfuncs", "_lock", "_multi", "records")

    def __init__(
        self,
        records: tuple[R, ...],
        keyfuncs: Mapping[str, tuple[Callable[[R], Key], Callable[[R], Key]]],
        *,
        multi: frozenset[str] = frozenset(),
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        self.records: tuple[R, ...] = records
        self._keyfuncs: Mapping[str, tuple[Callable[[R], Key], Callable[[R], Key]]] = keyfuncs
        self._multi = multi  # dimensions whose key is a tuple of keys
        self._aliases: Mapping[str, str] = aliases or {}  # filter name -> the index it reads
        self._built: dict[str, Any] = {}
        self._lock = threading.Lock()

    def index(self, dimension: str) -> Index:
        """Return the index of `dimension`, building it once."""
        dimension = self._aliases.get(dimension, dimension)
        built = self._built.get(dimension)
        if built is None:
            with self._lock:
                built = self._built.get(dimension)
                if built is None:
                    fast, slow = self._keyfuncs[dimension]
                    keys = _keys(self.records, fast, slow)
                    built = Index(keys, multi=dimension in self._multi)
                    self._built[dimension] = built
        return cast("Index", built)

    def cached(self, name: str, build: Callable[[], T]) -> T:
        """Return the derived data `name`, building it once with `build`."""
        built = self._built.get(name)
        if built is None:
            with self._lock:
                built = self._built.get(name)
                if built is None:
                    built = build()
                    self._built[name] = built
        return cast("T", built)

    def select(self, wanted: Mapping[str, frozenset[Key]]) -> Sequence[int]:
        """Return the positions, ascending, of records whose keys are all wanted."""
        if not wanted:
            return range(len(self.records))
        if any(not keys for keys in wanted.values()):
            return ()
        indices = {dimension: self.index(dimension) for dimension in wanted}
        first = min(wanted, key=lambda dimension: indices[dimension].count(wanted[dimension]))
        candidates: Sequence[int] = indices[first].holding(wanted[first])
        for dimension, keys in wanted.items():
            if dimension == first or not candidates:
                continue
            index = indices[dimension]
            if index.multi:
                held = frozenset(index.holding(keys))
                candidates = [position for position in candidates if position in held]
                continue
            allowed = frozenset(index.codes[key] for key in keys if key in index.codes)
            column = index.column
            candidates = list(
                compress(candidates, map(allowed.__contains__, map(column.__getitem__, candidates)))
            )
        return candidates


def pick(records: tuple[R, ...], positions: Sequence[int]) -> tuple[R, ...]:
    """Return the records at `positions`, as a tuple (one C call for many)."""
    if isinstance(positions, range) and len(positions) == len(records):
        return tuple(records)
    if len(positions) < 2:  # itemgetter of one position gives the record, not a tuple
        return tuple(records[position] for position in positions)
    return cast("tuple[R, ...]", itemgetter(*positions)(records))
