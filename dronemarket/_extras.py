"""The optional dependencies: imported on first use, with an error naming the extra."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Final

from dronemarket.errors import MissingExtraError

__all__ = ["EXTRAS", "require"]

EXTRAS: Final = {
    "pyarrow": "arrow",
    "pandas": "pandas",
    "polars": "polars",
    "networkx": "networkx",
    "matplotlib": "plot",
}
"""The extra that installs each optional module: ``pip install "dronemarket[arrow]"``."""


def require(module: str) -> ModuleType:
    """Import optional `module` (one of :data:`EXTRAS`), or raise :class:`MissingExtraError`."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(module, EXTRAS[module.partition(".")[0]]) from None
