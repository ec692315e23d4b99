"""SIPRI's CSV lines: records re-joined where a raw newline split them, fields split.

SIPRI writes no quoting: a field never holds a comma (it writes ``;`` instead),
so a record is its line split on ``,``. A raw newline inside Comments splits a
record over two lines (13 fields, then 4); such lines are re-joined while the
fields fall short. A line that starts no record of its own (too few fields
to reach Comments) joins nothing, a line that is a whole record is never a
continuation, and a record re-joined from more than :data:`MAX_RECORD`
characters is cut there: stray lines are rejected one by one, in linear time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Final, NamedTuple

__all__ = ["MAX_RECORD", "Row", "rows"]

MAX_RECORD: Final = 20_000
"""The most characters a record re-joined from several lines may have."""


class Row(NamedTuple):
    """One record's lines: where it starts, its raw text, and its fields (None if bad)."""

    line: int
    """Its first line in the file, counting from 1."""
    text: str
    """The raw record, its lines joined with ``\\n`` (line ends removed)."""
    fields: list[str] | None
    """The fields, or None when the record does not have the expected number."""


def _clean(line: str, *, excel: bool) -> str:
    line = line.removesuffix("\r")
    return line.rstrip(";") if excel else line  # Excel pads with one ';' or several


def rows(
    lines: list[str],
    start: int,
    width: int,
    *,
    excel: bool,
    keep: tuple[int, Callable[[str], bool]] | None = None,
    joins_from: int = 1,
) -> Iterator[Row | None]:
    """Yield the records of `lines` from index `start`, each with `width` fields.

    A line with too few fields, but at least `joins_from`, is joined with the
    next lines while together they have no more than `width` (a line with
    `width` fields of its own is a record, never a continuation, and joining
    stops at :data:`MAX_RECORD` characters); a record that still has the
    wrong number of fields is yielded with ``fields=None``. Blank lines are
    not records.

    With ``keep=(column, wanted)``, a record on one line whose field `column`
    `wanted` refuses is yielded as None (a record left out, not split into
    fields: ``drones_only`` skips most of a register this way).
    """
    index, end = start, len(lines)
    column, wanted = keep if keep is not None else (0, None)
    while index < end:
        text = lines[index]
        if excel or text.endswith("\r"):
            text = _clean(text, excel=excel)
        first = index
        index += 1
        count = text.count(",") + 1
        if count == width:  # the common case: one whole record on its line
            if wanted is None or wanted(text.split(",", column + 1)[column]):
                yield Row(index, text, text.split(","))
            else:
                yield None
            continue
        if count > width:
            yield Row(index, text, None)
            continue
        if not text.strip():
            continue
        if count < joins_from:
            yield Row(index, text, None)
            continue
        parts, size = [text], len(text)
        while count < width and index < end:
            following = _clean(lines[index], excel=excel)
            extra = following.count(",")
            if (
                not following.strip()
                or count + extra > width
                or extra + 1 == width
                or size + len(following) > MAX_RECORD
            ):
                break
            parts.append(following)
            size += len(following) + 1
            count += extra
            index += 1
        text = "\n".join(parts)
        yield Row(first + 1, text, text.split(",") if count == width else None)
