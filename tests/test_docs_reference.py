"""The API reference lists the fields records inherit from the shared record base."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

from dronemarket import _record

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "reference.md"
BLOCK = re.compile(r"\.\. automodule:: (\S+)\n((?:   :.*\n)*)")


def _options() -> dict[str, str]:
    """Return each automodule of the reference with its option lines."""
    text = REFERENCE.read_text(encoding="utf-8")
    return {match[1]: match[2] for match in BLOCK.finditer(text)}


def test_every_module_of_records_shows_their_inherited_fields() -> None:
    """Each module defining a Record subclass is documented with :inherited-members:."""
    options = _options()
    found = set()
    for name in options:
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            inherits = cls is not _record.Record and issubclass(cls, _record.Record)
            if inherits and cls.__module__ == name:
                found.add(name)
    assert found == {"dronemarket.deals", "dronemarket.production", "dronemarket.cooperation"}
    for name in found:
        assert ":inherited-members: Enum, object" in options[name], name
