"""Hypothesis entry point: registers `dronemarket`'s strategies for ``st.from_type``.

Hypothesis calls :func:`_register` when it is imported, through the
``hypothesis`` entry point declared in ``pyproject.toml``. After that,
``st.from_type(dm.Deal)`` (and ``st.builds`` of anything taking a ``Deal``)
yields valid deals with no import of :mod:`dronemarket.strategies`.

This module sits outside the ``dronemarket`` package on purpose: importing
``dronemarket._anything`` would run ``dronemarket/__init__.py`` first, which
imports pint and pycountry. So ``import hypothesis`` imports nothing of
`dronemarket` and costs next to nothing, and it cannot fail because one of
`dronemarket`'s dependencies is missing.

A type is registered when the module that defines it has been imported:
at once for modules already imported when Hypothesis loads this plugin,
and for later ones by a finder on ``sys.meta_path`` that wraps the loader
of each ``dronemarket`` module. So ``st.from_type(dm.Deal)`` works whichever
of the two packages is imported first. Each strategy is resolved only when
it is first asked for, by importing :mod:`dronemarket.strategies` then.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

_PACKAGE = "dronemarket"

# The public type (by its class name) and the strategy of dronemarket.strategies that yields it.
_STRATEGIES = {
    "Country": "countries",
    "Territory": "territories",
    "ArmedGroup": "armed_groups",
    "Multinational": "multinationals",
    "Organization": "organizations",
    "PartialDate": "partial_dates",
    "Source": "sources",
    "Statement": "statements",
    "Supplier": "suppliers",
    "Recipient": "recipients",
    "Sanction": "sanctions",
    "Count": "counts",
    "Delivery": "deliveries",
    "DeliverySpan": "delivery_spans",
    "Tiv": "tivs",
    "Money": "money",
    "Specs": "specs",
    "Platform": "platforms",
    "Deal": "deals",
    "LicensedProduction": "licensed_production",
    "Cooperation": "cooperations",
    "Market": "markets",
}
# Types whose strategy needs an argument: a dimension for their values.
_DIMENSIONED = {"Reported": "reported", "Figure": "figures"}


def _lazy(name: str) -> Callable[[type[Any]], Any]:
    """Return a resolver calling ``dronemarket.strategies.<name>()`` when first used."""

    def resolve(_: type[Any]) -> Any:  # noqa: ANN401 - a SearchStrategy of the registered type
        module = importlib.import_module(f"{_PACKAGE}.strategies")
        return getattr(module, name)()

    return resolve


def _dimensioned(name: str) -> Callable[[type[Any]], Any]:
    """Return a resolver drawing a dimension, then a value of that dimension."""

    def resolve(_: type[Any]) -> Any:  # noqa: ANN401 - a SearchStrategy of the registered type
        from hypothesis import strategies as st  # noqa: PLC0415 - imported when used

        strategies = importlib.import_module(f"{_PACKAGE}.strategies")
        units = importlib.import_module(f"{_PACKAGE}.units")
        return st.sampled_from(units.Dimension).flatmap(getattr(strategies, name))

    return resolve


def _register_types_of(module: ModuleType) -> None:
    """Register a strategy for each public type that `module` defines."""
    from hypothesis import strategies as st  # noqa: PLC0415 - Hypothesis is loaded by now

    namespace = vars(module)
    for table, make in ((_STRATEGIES, _lazy), (_DIMENSIONED, _dimensioned)):
        for type_name, strategy_name in table.items():
            kind = namespace.get(type_name)
            if isinstance(kind, type) and kind.__module__ == module.__name__:
                st.register_type_strategy(kind, make(strategy_name))


def _ours(fullname: str) -> bool:
    return fullname == _PACKAGE or fullname.startswith(_PACKAGE + ".")


class _Loader:
    """A module's own loader, which registers the module's types once it has run."""

    def __init__(self, loader: Any) -> None:  # noqa: ANN401 - any importlib loader
        self._loader = loader

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401 - the wrapped loader's attribute
        return getattr(self._loader, name)

    def create_module(self, spec: Any) -> ModuleType | None:  # noqa: ANN401 - a ModuleSpec
        """Let the wrapped loader create the module."""
        result: ModuleType | None = self._loader.create_module(spec)
        return result

    def exec_module(self, module: ModuleType) -> None:
        """Run the module with the wrapped loader, then register the types it defines.

        A registration that fails leaves the type unregistered: importing
        `dronemarket` must never fail because of its Hypothesis plugin.
        """
        self._loader.exec_module(module)
        # The plugin may cost a strategy, never an import.
        with contextlib.suppress(Exception):
            _register_types_of(module)


class _Finder:
    """A meta-path finder that wraps the loader of every ``dronemarket`` module."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> Any:  # noqa: ANN401 - a ModuleSpec, or None
        """Find `fullname` with the other finders; wrap its loader if it is ours."""
        if not _ours(fullname):
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec = find(fullname, path, target)
            if spec is not None:
                if hasattr(spec.loader, "exec_module"):
                    spec.loader = _Loader(spec.loader)
                return spec
        return None


def _register() -> None:
    """Register `dronemarket`'s types now and as their modules are imported.

    Called by Hypothesis on import. Imports nothing of `dronemarket`.
    """
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
    for name, module in list(sys.modules.items()):
        if _ours(name) and module is not None:
            _register_types_of(module)
