"""The converter, structure and unstructure, and batch loading (the JSON Schema: `_schema`)."""

# Plain data is dynamically typed, and every hook takes (value, ctx) whether it uses ctx or not:
# ruff: noqa: ANN401

from __future__ import annotations

import enum
import threading
import types
import typing
from collections import abc
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, Generic, TypeVar, overload

import attrs
import cattrs
import pint
from attrs import frozen
from cattrs.errors import AttributeValidationNote, BaseValidationError, IterableValidationNote

from dronemarket.classification import Classification, Evidence, Verdict
from dronemarket.cooperation import Cooperation
from dronemarket.dates import PartialDate
from dronemarket.deals import Count, Deal, Delivery, DeliverySpan, Money, Tiv
from dronemarket.errors import DroneMarketError, StructureError, ValidationError
from dronemarket.market import Market
from dronemarket.parties import (
    ArmedGroup,
    Country,
    Multinational,
    Organization,
    Party,
    Recipient,
    Sanction,
    Statement,
    Supplier,
    Territory,
)
from dronemarket.platforms import Figure, Platform, Reported, Specs
from dronemarket.production import LicensedProduction
from dronemarket.serialization._codecs import QuantityText, is_annotated
from dronemarket.serialization._document import document_codec
from dronemarket.serialization._known import Known, known_builder
from dronemarket.serialization._limits import limit_errors, within_limits
from dronemarket.serialization._paths import (
    Invalid,
    expected_message,
    join_paths,
    path_text,
    short_repr,
    structure_error,
    unexpected_message,
)
from dronemarket.serialization._walk import Builder
from dronemarket.sources import Source

T = TypeVar("T")

# ----------------------------------------------------------------------------
# The converter.

PUBLIC_TYPES: Final[tuple[type, ...]] = (
    PartialDate,
    Source,
    Country,
    Territory,
    ArmedGroup,
    Multinational,
    Organization,
    Supplier,
    Recipient,
    Sanction,
    Statement,
    Reported,
    Figure,
    Specs,
    Platform,
    Count,
    Delivery,
    DeliverySpan,
    Money,
    Tiv,
    Deal,
    LicensedProduction,
    Cooperation,
    Evidence,
    Classification,
    Market,
)


def entry_hooks(
    builder: Builder, kind: Any
) -> tuple[Callable[[Any, Any], Any], Callable[[Any], Any]]:
    """Wrap the codec of `kind` as cattrs hooks: limits checked first, errors as StructureError.

    The codec is looked up at each call: registering a leaf hook remakes them.
    """
    codecs = builder.codecs

    def structure_hook(value: Any, _: Any) -> Any:
        if not within_limits(value):
            raise structure_error(limit_errors(value))
        codec = codecs.get(kind) or builder.codec(kind)
        try:
            return codec.structure(value, None)
        except Invalid as error:
            raise structure_error(error.errors) from None
        except Exception as error:  # noqa: BLE001 - not dronemarket's: reported, never raised
            raise StructureError([("", unexpected_message(value, error))]) from None

    def unstructure_hook(value: Any) -> Any:
        codec = codecs.get(kind) or builder.codec(kind)
        return codec.unstructure(value, None)

    return structure_hook, unstructure_hook


class _Converter(cattrs.Converter):
    """The converter :func:`make_converter` makes: a hook registered for a leaf type is composed.

    A hook registered for `PartialDate`, `Country`, `Count` or a pint
    Quantity is used wherever that type appears inside a record, not only
    at the top level.
    """

    def __init__(self, builder: Builder) -> None:
        super().__init__(forbid_extra_keys=True, detailed_validation=True)
        self.dronemarket_builder = builder
        self.composing = False  # set once dronemarket's own hooks are registered
        # The builder of loading with known=, made on first use, for the hooks registered then.
        self.dronemarket_known: dict[object, Builder] = {}

    def known_builder(self) -> Builder:
        """Return the builder that reads names where objects are expected (``known=``)."""
        base = self.dronemarket_builder
        key = (tuple(base.user_structure.items()), tuple(base.user_unstructure.items()))
        made = self.dronemarket_known.get(key)
        if made is None:
            self.dronemarket_known.clear()
            made = self.dronemarket_known[key] = known_builder(base)
        return made

    def register_structure_hook(self, cl: Any, func: Any = None) -> Any:
        """Register a structure hook, as cattrs does; a leaf type's is used inside records too."""
        made = super().register_structure_hook(cl, func)
        if func is not None and self.composing:
            self.dronemarket_builder.use_hook(cl, structure=func)
        return made

    def register_unstructure_hook(self, cls: Any = None, func: Any = None) -> Any:
        """Register an unstructure hook, as cattrs does; a leaf type's is used in records too."""
        made = super().register_unstructure_hook(cls, func)
        if func is not None and self.composing:
            self.dronemarket_builder.use_hook(cls, unstructure=func)
        return made


def make_converter() -> cattrs.Converter:
    """Return a new cattrs converter that structures and unstructures every public type.

    It is strict (unknown keys and wrong types are errors, nothing is
    coerced), reports every error at once as a
    :class:`~dronemarket.StructureError`, and checks the size limits before
    structuring. :func:`structure` and :func:`unstructure` use one made once,
    on first use; make your own to register hooks of your own on it. A hook
    registered for `PartialDate`, `Country`, `Count` or a pint Quantity is
    used wherever that type appears inside a record.

    >>> converter = make_converter()
    >>> converter.unstructure(PartialDate(2022, 5))
    '2022-05'
    >>> converter.structure("2022-05", PartialDate)
    PartialDate(2022, 5)
    """
    builder = Builder(document=False, text=QuantityText(), market=document_codec)
    converter = _Converter(builder)
    for kind in PUBLIC_TYPES:
        structure_hook, unstructure_hook = entry_hooks(builder, kind)
        converter.register_structure_hook(kind, structure_hook)
        converter.register_unstructure_hook(kind, unstructure_hook)
    party_structure, party_unstructure = entry_hooks(builder, Party)
    converter.register_structure_hook(Party, party_structure)
    converter.register_unstructure_hook(Party, party_unstructure)

    def is_union(kind: Any) -> bool:  # Party | None, Delivery | DeliverySpan: dronemarket's own
        if typing.get_origin(kind) not in {typing.Union, types.UnionType}:
            return False
        try:
            builder.codec(kind)
        except TypeError:
            return False
        return True

    converter.register_structure_hook_factory(is_union, lambda kind: entry_hooks(builder, kind)[0])
    converter.register_unstructure_hook_factory(
        is_union, lambda kind: entry_hooks(builder, kind)[1]
    )
    for kind in (str, bool, int, float, Decimal):
        structure_hook, unstructure_hook = entry_hooks(builder, kind)
        converter.register_structure_hook(kind, structure_hook)
        if kind is Decimal:
            converter.register_unstructure_hook(kind, unstructure_hook)

    def is_quantity(kind: Any) -> bool:
        return isinstance(kind, type) and issubclass(kind, pint.Quantity)

    def is_enum(kind: Any) -> bool:
        return isinstance(kind, type) and issubclass(kind, enum.Enum)

    quantity_structure, quantity_unstructure = entry_hooks(builder, pint.Quantity)
    converter.register_structure_hook_func(is_quantity, quantity_structure)
    converter.register_unstructure_hook_func(is_quantity, quantity_unstructure)
    converter.register_structure_hook_factory(is_enum, lambda kind: entry_hooks(builder, kind)[0])
    converter.register_unstructure_hook_factory(is_enum, lambda kind: entry_hooks(builder, kind)[1])

    def is_generic(kind: Any) -> bool:
        origin: object = typing.get_origin(kind)
        return isinstance(origin, type) and attrs.has(origin)

    verdict_structure, verdict_unstructure = entry_hooks(builder, Verdict)
    converter.register_structure_hook(Verdict, verdict_structure)  # raises: needs its parameter
    converter.register_unstructure_hook(Verdict, verdict_unstructure)
    converter.register_structure_hook_func(
        is_generic, lambda value, kind: entry_hooks(builder, kind)[0](value, kind)
    )
    converter.register_structure_hook_func(
        is_annotated,
        lambda value, kind: entry_hooks(builder, kind)[0](value, kind),
    )
    converter.register_structure_hook_factory(
        lambda kind: _origin(kind) in _SEQUENCES,
        lambda kind: _sequence_hook(converter, kind),
    )
    converter.register_structure_hook_factory(
        lambda kind: _origin(kind) in _MAPPINGS,
        lambda kind: _mapping_hook(converter, kind),
    )
    converter.composing = True
    return converter


_DEFAULT_LOCK: Final = threading.Lock()
_DEFAULT: Final[list[cattrs.Converter]] = []  # the lazy memo: empty until first use


def default_converter() -> cattrs.Converter:
    """Return the converter :func:`structure` and :func:`unstructure` use, made once.

    Safe under concurrent first use: one thread makes it, the others wait.
    """
    if _DEFAULT:
        return _DEFAULT[0]
    with _DEFAULT_LOCK:
        if not _DEFAULT:
            _DEFAULT.append(make_converter())
    return _DEFAULT[0]


def unstructure(value: object, *, converter: cattrs.Converter | None = None) -> Any:
    """Return `value` as JSON-ready primitives: dicts, lists, strings, numbers, bools, None.

    A :class:`~dronemarket.Market` becomes the normalized market document.

    >>> import dronemarket as dm
    >>> unstructure(dm.Money("69000000", "USD"))
    {'amount': '69000000', 'currency': 'USD'}
    """
    return (converter or default_converter()).unstructure(value)


@overload
def structure(
    data: object,
    cls: type[T],
    *,
    converter: cattrs.Converter | None = None,
    known: Market | None = None,
) -> T: ...
@overload
def structure(
    data: object,
    cls: Any,
    *,
    converter: cattrs.Converter | None = None,
    known: Market | None = None,
) -> Any: ...
def structure(
    data: object,
    cls: Any,
    *,
    converter: cattrs.Converter | None = None,
    known: Market | None = None,
) -> Any:
    """Return `data` (as :func:`unstructure` gives it) as an instance of `cls`.

    Raises :class:`~dronemarket.StructureError` listing every problem with
    its path. `cls` is any public type, or a container of them such as
    ``list[dm.Deal]``. With `known`, a platform or organization may be
    given by its name or alias, and a source by its id or title, when
    `known` holds it (see :func:`load_records`).

    >>> import dronemarket as dm
    >>> structure({"amount": "69000000", "currency": "USD"}, dm.Money)
    Money(amount=Decimal('69000000'), currency='USD', estimate=False)
    """
    use = converter or default_converter()
    if known is not None:
        context = known_context(known, use, "structure")
        made = structure_known(data, cls, context, use)
        context.commit()
        return made
    if cls not in PUBLIC_TYPES and not within_limits(data):  # their hooks check the limits
        raise structure_error(limit_errors(data))
    try:
        return use.structure(data, cls)
    except StructureError:
        raise
    except cattrs.errors.StructureHandlerNotFoundError:
        raise
    except Exception as error:  # noqa: BLE001 - every other error is reported at its path
        raise StructureError(_prefixed("", error, data)) from None


def known_context(known: object, converter: cattrs.Converter, caller: str) -> Known:
    """Return the context of loading against `known`, checking the arguments."""
    if not isinstance(known, Market):
        raise ValidationError(caller, "known", known, "is not a Market")
    if not isinstance(converter, _Converter):
        rule = "cannot load with known= (make it with dronemarket.make_converter)"
        raise ValidationError(caller, "converter", converter, rule)
    return Known(known, converter.dronemarket_builder)


def structure_known(data: object, cls: Any, context: Known, converter: cattrs.Converter) -> Any:
    """Structure `data` as `cls` with `context` resolving names; StructureError on any problem.

    What the record gave stays pending in `context` until the caller commits it.
    """
    if not within_limits(data):
        raise structure_error(limit_errors(data))
    use = typing.cast("_Converter", converter)
    builder = use.dronemarket_builder if cls is Market else use.known_builder()
    codec = builder.codec(cls)
    try:
        return codec.structure(data, context)
    except Invalid as error:
        context.discard()
        raise structure_error(error.errors) from None
    except Exception as error:  # noqa: BLE001 - not dronemarket's: reported, never raised
        context.discard()
        raise StructureError([("", unexpected_message(data, error))]) from None


def _prefixed(prefix: str, error: Exception, value: object) -> list[tuple[str, str]]:
    """Return an error raised while structuring `value` as (path, message) pairs under `prefix`."""
    if isinstance(error, StructureError):
        return [(join_paths(prefix, path), message) for path, message in error.errors]
    if isinstance(error, BaseValidationError):
        return _flatten(error, prefix)
    if isinstance(error, DroneMarketError):
        return [(prefix, str(error))]
    return [(prefix, unexpected_message(value, error))]


_SEQUENCES: Final = {
    list: list,
    tuple: tuple,
    set: set,
    frozenset: frozenset,
    abc.Sequence: list,
    abc.MutableSequence: list,
    abc.Collection: list,
    abc.Iterable: list,
    abc.Set: frozenset,
    abc.MutableSet: set,
}
_MAPPINGS: Final = {dict, abc.Mapping, abc.MutableMapping}


def _origin(kind: Any) -> Any:
    return typing.get_origin(kind) or kind


def _item(
    converter: cattrs.Converter, item: object, kind: Any, prefix: str, errors: list[tuple[str, str]]
) -> Any:
    """Structure one item of a container, adding its errors under `prefix`."""
    try:
        return converter.structure(item, kind)
    except cattrs.errors.StructureHandlerNotFoundError:
        raise
    except Exception as error:  # noqa: BLE001 - every error is reported at its path
        errors.extend(_prefixed(prefix, error, item))
        return None


def _sequence_hook(converter: cattrs.Converter, kind: Any) -> Callable[[Any, Any], Any]:
    """Return a strict hook for a list, tuple or set type: a JSON list, or errors at paths."""
    origin = _origin(kind)
    args = typing.get_args(kind)
    fixed = origin is tuple and bool(args) and Ellipsis not in args
    item_kind = args[0] if args else Any
    make = _SEQUENCES[origin]
    unique = make in {set, frozenset}
    what = "a list without repeats" if unique else "a list"

    def hook(value: Any, _: Any) -> Any:
        if type(value) is not list:
            raise StructureError([("", expected_message(what, value))])
        if fixed and len(value) != len(args):
            raise StructureError([("", expected_message(f"a list of {len(args)} items", value))])
        errors: list[tuple[str, str]] = []
        out = [
            _item(converter, item, args[index] if fixed else item_kind, f"[{index}]", errors)
            for index, item in enumerate(value)
        ]
        if errors:
            raise StructureError(errors)
        made = make(out)
        if unique and len(made) != len(out):
            raise StructureError([("", f"{short_repr(value)} has repeated items")])
        return made

    return hook


def _mapping_hook(converter: cattrs.Converter, kind: Any) -> Callable[[Any, Any], Any]:
    """Return a strict hook for a dict type: a JSON object, or errors at paths."""
    args = typing.get_args(kind)
    key_kind, value_kind = args if len(args) == 2 else (str, Any)

    def hook(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise StructureError([("", expected_message("an object", value))])
        errors: list[tuple[str, str]] = []
        out = {}
        for key, item in value.items():
            where = path_text((key,))
            made_key = _item(converter, key, key_kind, where, errors)
            out[made_key] = _item(converter, item, value_kind, where, errors)
        if errors:
            raise StructureError(errors)
        return out

    return hook


def _flatten(error: BaseException, prefix: str) -> list[tuple[str, str]]:
    """Turn cattrs' nested validation errors into (path, message) pairs."""
    found: list[tuple[str, str]] = []
    if isinstance(error, BaseValidationError):
        for inner in error.exceptions:
            where = prefix
            for note in getattr(inner, "__notes__", ()):
                if isinstance(note, IterableValidationNote):
                    where = join_paths(prefix, path_text((note.index,)))
                elif isinstance(note, AttributeValidationNote):
                    where = join_paths(prefix, path_text((note.name,)))
            found.extend(_flatten(inner, where))
        return found
    if isinstance(error, StructureError):
        return [(join_paths(prefix, path), message) for path, message in error.errors]
    return [(prefix, str(error) or type(error).__name__)]


# ----------------------------------------------------------------------------
# Batch loading.


@frozen
class Rejected:
    """A record :func:`load_records` could not load, with every error in it."""

    index: int
    """Its position in the input."""
    data: object
    """The record as given."""
    errors: tuple[tuple[str, str], ...]
    """Each problem, as (path within the record, message)."""

    def __str__(self) -> str:
        lines = [f"record {self.index}:"]
        lines += [
            f"  {path}: {message}" if path else f"  {message}" for path, message in self.errors
        ]
        return "\n".join(lines)


@frozen
class LoadResult(Generic[T]):
    """What :func:`load_records` made of its input: every record is in one of the two."""

    loaded: tuple[T, ...]
    """The records that loaded, in input order."""
    rejected: tuple[Rejected, ...]
    """The records that did not, in input order, each with its errors."""

    @property
    def ok(self) -> bool:
        """Say whether every record loaded."""
        return not self.rejected


def load_records(
    items: Iterable[object],
    cls: type[T],
    *,
    converter: cattrs.Converter | None = None,
    known: Market | None = None,
) -> LoadResult[T]:
    """Structure each record of `items` as `cls`, keeping the valid ones and the errors of the rest.

    Nothing is dropped silently: every input record ends up in
    :attr:`LoadResult.loaded` or :attr:`LoadResult.rejected`.

    >>> import dronemarket as dm
    >>> result = load_records(["2022-05", "2022-13", 7], dm.PartialDate)
    >>> result.loaded
    (PartialDate(2022, 5),)
    >>> [(r.index, r.errors) for r in result.rejected]
    [(1, (('', "'2022-13' is not a valid date (month 13 is outside 1..12)"),)),
     (2, (('', "expected a date such as '2022', '2022-05' or '2022-05-17', got 7"),))]

    With `known` (a :class:`~dronemarket.Market`), a platform or an
    organization may be given by its name or alias, and a source by its id
    (as the known market's document writes it) or its title, wherever the
    object is expected; a name also finds what an earlier record of `items`
    gave in full. An object given in full under a name the known market (or
    an earlier record) holds must equal that one: otherwise the record is
    rejected with the fields that differ. An unknown name is rejected with
    its path and the closest names.
    """
    use = converter or default_converter()
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise StructureError([("", expected_message("a list of records", items))])
    context = None if known is None else known_context(known, use, "load_records")
    loaded: list[T] = []
    rejected: list[Rejected] = []
    for index, item in enumerate(items):
        try:
            if context is None:
                loaded.append(structure(item, cls, converter=use))
            else:
                loaded.append(structure_known(item, cls, context, use))
                context.commit()
        except StructureError as error:
            rejected.append(Rejected(index, item, error.errors))
    return LoadResult(tuple(loaded), tuple(rejected))


def load_market(
    data: object, *, known: Market | None = None, converter: cattrs.Converter | None = None
) -> Market:
    """Return the market document `data` (as :func:`unstructure` writes it) as a Market.

    The same as ``structure(data, Market)``, with `known`: a reference the
    document's own tables do not hold (a platform or organization by name
    or alias, a source by id or title) is looked up in `known`, and the
    market returned holds what it found there (with the manufacturers and
    lineage those refer to). A platform or organization the document
    defines under a name `known` holds must equal the known one.

    >>> import dronemarket as dm
    >>> load_market({"format": "dronemarket.market", "version": 1})
    <Market: 0 deals, 0 platforms, 0 organizations, 0 production, 0 sanctions, 0 cooperation>
    """
    return structure(data, Market, converter=converter, known=known)
