"""The documentation builds with warnings as errors, as CI builds it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.slow
def test_sphinx_build_has_no_warnings(tmp_path: Path) -> None:
    """`sphinx-build -W --keep-going -b html docs` succeeds: no warning at all."""
    result = subprocess.run(  # noqa: S603 - runs this interpreter on fixed arguments
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-E",
            "-q",
            "-b",
            "html",
            "-d",
            str(tmp_path / "doctrees"),
            str(DOCS),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "html" / "index.html").is_file()
    assert (tmp_path / "html" / "reference.html").is_file()


def test_every_page_is_in_the_toctree() -> None:
    """Every page in docs/ is listed in the index toctree, so none is orphaned."""
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    pages = {path.stem for path in DOCS.glob("*.md")} - {"index"}
    listed = {line.strip() for line in index.splitlines()}
    assert pages <= listed, sorted(pages - listed)
