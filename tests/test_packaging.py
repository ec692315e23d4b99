"""The package as shipped: lazy imports, a sorted documented API, typing, no I/O."""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from hatchling.builders.wheel import WheelBuilder
from hypothesis import settings

import dronemarket

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dronemarket"
SOURCES = sorted(PACKAGE.rglob("*.py"))
MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for path in SOURCES
    if path.name != "__main__.py"
)


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - runs this interpreter on fixed code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_import_does_not_build_the_unit_registry() -> None:
    """Importing dronemarket and touching its public names leaves pint's registry lazy."""
    code = (
        "import pint, pint.registry\n"
        "import dronemarket\n"
        "[getattr(dronemarket, name) for name in dronemarket.__all__]\n"
        "registry = pint.get_application_registry().get()\n"
        "print(type(registry).__name__)\n"
        "assert type(registry) is pint.registry.LazyRegistry, type(registry)\n"
    )
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "LazyRegistry"


def test_making_a_quantity_builds_the_application_registry() -> None:
    """The laziness check can fail: making a quantity builds pint's application registry."""
    code = (
        "import pint, pint.registry\n"
        "import dronemarket as dm\n"
        "dm.Specs(mtow='650 kg')\n"
        "registry = pint.get_application_registry().get()\n"
        "assert type(registry) is pint.UnitRegistry, type(registry)\n"
    )
    result = _python(code)
    assert result.returncode == 0, result.stderr


def _isort_key(name: str) -> tuple[int, str]:
    """Order names as ruff's RUF022 does: CONSTANTS, then Classes, then the rest."""
    if name.isupper():
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


def _module_all(name: str) -> list[str] | None:
    module = importlib.import_module(name)
    names = getattr(module, "__all__", None)
    return None if names is None else list(names)


@pytest.mark.parametrize("module_name", MODULES)
def test_all_is_sorted_and_unique(module_name: str) -> None:
    """A module's `__all__` is sorted (constants, classes, rest) and has no repeats."""
    names = _module_all(module_name)
    if names is None:
        assert module_name.rpartition(".")[2].startswith("_"), "public module without __all__"
        return
    assert names == sorted(names, key=_isort_key)
    assert len(set(names)) == len(names)


def test_package_has_an_all() -> None:
    """`dronemarket.__all__` exists and names the core public types."""
    assert {"Platform", "Specs", "ValidationError", "__version__"} <= set(dronemarket.__all__)


def _attribute_docstrings() -> dict[str, set[str]]:
    """Map each source module to the module-level names it gives a docstring to."""
    found: dict[str, set[str]] = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names: set[str] = set()
        for statement, following in zip(tree.body, tree.body[1:], strict=False):
            is_doc = (
                isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
                and following.value.value.strip() != ""
            )
            if not is_doc:
                continue
            names.update(_assigned(statement))
        found[str(path)] = names
    return found


def _assigned(statement: ast.stmt) -> set[str]:
    """Return the names a statement assigns, looking into both branches of an ``if``."""
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return {statement.target.id}
    if isinstance(statement, ast.Assign):
        return {target.id for target in statement.targets if isinstance(target, ast.Name)}
    if isinstance(statement, ast.If):
        return {name for inner in [*statement.body, *statement.orelse] for name in _assigned(inner)}
    return set()


ATTRIBUTE_DOCS = _attribute_docstrings()


def _has_docstring(module: ModuleType, name: str) -> bool:
    value = getattr(module, name)
    if inspect.ismodule(value):
        return bool(value.__doc__ and value.__doc__.strip())
    ours = str(getattr(value, "__module__", "")).startswith("dronemarket")
    if ours and (inspect.isclass(value) or inspect.isroutine(value)):
        doc = vars(value).get("__doc__") if inspect.isclass(value) else value.__doc__
        return bool(doc and str(doc).strip())
    # Data (constants, type aliases, re-exported third-party types): an
    # attribute docstring right after the assignment in some dronemarket module.
    return any(name in names for names in ATTRIBUTE_DOCS.values())


@pytest.mark.parametrize("module_name", MODULES)
def test_every_exported_name_exists_and_is_documented(module_name: str) -> None:
    """Every name in a module's `__all__` exists and has a docstring (dunders aside)."""
    module = importlib.import_module(module_name)
    names = getattr(module, "__all__", [])
    missing = [name for name in names if not hasattr(module, name)]
    assert missing == []
    undocumented = [
        name
        for name in names
        if not (name.startswith("__") and name.endswith("__")) and not _has_docstring(module, name)
    ]
    assert undocumented == []


@pytest.mark.parametrize("module_name", MODULES)
def test_every_module_has_a_docstring(module_name: str) -> None:
    """Every module of the package has a module docstring."""
    doc = importlib.import_module(module_name).__doc__
    assert doc
    assert doc.strip()


def test_py_typed_is_in_the_package() -> None:
    """The PEP 561 marker `py.typed` sits in the installed package."""
    assert (Path(dronemarket.__file__).parent / "py.typed").is_file()


@pytest.mark.slow
def test_wheel_ships_py_typed_and_entry_points(tmp_path: Path) -> None:
    """A wheel built from the tree holds py.typed, every module and both entry points."""
    (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(
            archive.read(name).decode() for name in names if name.endswith("entry_points.txt")
        )
    assert "dronemarket/py.typed" in names
    expected = {str(path.relative_to(ROOT).as_posix()) for path in SOURCES}
    assert expected <= names
    assert not any(name.startswith("tests/") for name in names)
    assert "dronemarket = dronemarket.__main__:main" in entry_points
    assert "[hypothesis]" in entry_points
    assert "_ = _dronemarket_hypothesis:_register" in entry_points
    assert "_dronemarket_hypothesis.py" in names


# --- the Hypothesis plugin -------------------------------------------------------------------

_IMPORT_HYPOTHESIS = (
    "import sys\n"
    "{before}\n"
    "import hypothesis\n"
    "loaded = sorted(m for m, module in sys.modules.items() if module is not None "
    "and m.split('.')[0] in {{'dronemarket', 'pint', 'pycountry', 'cattrs'}})\n"
    "assert '_dronemarket_hypothesis' in sys.modules, 'the plugin did not run'\n"
    "print(loaded)\n"
)


def test_importing_hypothesis_imports_nothing_of_dronemarket() -> None:
    """`import hypothesis` runs the plugin but loads neither dronemarket nor pint nor pycountry."""
    result = _python(_IMPORT_HYPOTHESIS.format(before=""))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("missing", ["pint", "pycountry", "cattrs", "attrs", "dronemarket"])
def test_importing_hypothesis_survives_a_missing_dependency(missing: str) -> None:
    """With a dependency of dronemarket (or dronemarket itself) unimportable, Hypothesis imports."""
    before = f"sys.modules[{missing!r}] = None  # import {missing} now raises ImportError"
    result = _python(_IMPORT_HYPOTHESIS.format(before=before))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


_FROM_TYPE_AFTER = """
import dronemarket as dm
from dronemarket import deals
import hypothesis
from hypothesis import given, settings, strategies as st

@settings(max_examples=5, database=None, deadline=None)
@given(st.from_type(dm.Deal), st.from_type(dm.Market), st.from_type(dm.Reported))
def check(deal, market, reported):
    assert type(deal) is dm.Deal and type(market) is dm.Market and type(reported) is dm.Reported

check()
print("ok")
"""


def test_from_type_works_when_dronemarket_is_imported_before_hypothesis() -> None:
    """Imported before Hypothesis, dronemarket's types (lazy ones too) resolve with from_type."""
    result = _python(_FROM_TYPE_AFTER)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok\n"


# Calls and attributes that would mean input, output, environment or clock.
_FORBIDDEN_CALLS = frozenset({"print", "open", "input", "breakpoint"})
_FORBIDDEN_ATTRIBUTES = frozenset(
    {
        "os.environ",
        "os.getenv",
        "sys.stdout",
        "sys.stderr",
        "sys.stdin",
        "date.today",
        "datetime.now",
        "datetime.utcnow",
        "datetime.today",
        "time.time",
        "builtins.print",
        "builtins.open",
        "builtins.input",
    }
)
_FORBIDDEN_METHODS = frozenset({"open", "read_text", "write_text", "read_bytes", "write_bytes"})


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _io_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', '?')}"
        function = node.func if isinstance(node, ast.Call) else None
        if isinstance(function, ast.Name) and function.id in _FORBIDDEN_CALLS:
            found.append(f"{where} calls {function.id}()")
        if isinstance(function, ast.Attribute) and function.attr in _FORBIDDEN_METHODS:
            found.append(f"{where} calls .{function.attr}()")
        if isinstance(node, ast.Attribute):
            dotted = _dotted(node)
            if any(dotted.endswith(bad) for bad in _FORBIDDEN_ATTRIBUTES):
                found.append(f"{where} uses {dotted}")
    return found


@pytest.mark.parametrize(
    "path",
    [path for path in SOURCES if path.name != "__main__.py" and not path.name.startswith("_cli")],
    ids=lambda path: str(path.relative_to(PACKAGE)),
)
def test_no_io_outside_main(path: Path) -> None:
    """No module but __main__ and the _cli* modules only it imports does I/O or reads the clock."""
    assert _io_in(path) == []


def test_the_io_scan_finds_a_print(tmp_path: Path) -> None:
    """The I/O scan is not vacuous: it reports print, open and os.environ."""
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nprint(1)\nopen('x')\nos.environ['A']\n", encoding="utf-8")
    assert len(_io_in(sample)) == 3


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)\n(.*?)```", readme, flags=re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_gives_install_and_test_commands() -> None:
    """The README's first command installs what running needs and runs it; the second tests."""
    commands = _readme_commands()
    assert len(commands) == 2
    install, test = commands
    assert install.endswith("python -m pip install -e . && python -m dronemarket")
    assert "[test]" not in install
    assert test == 'python -m pip install -e ".[test]" && python -m pytest'


def test_ci_installs_as_the_readme_says() -> None:
    """.ci/run runs each part of the README's two commands, in their order."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install, test = _readme_commands()
    parts = [part.strip() for part in install.split("&&")[2:] + test.split("&&")]
    commands = [line.strip() for line in script.splitlines() if not line.lstrip().startswith("#")]
    position = 0
    for part in parts:
        found = [i for i, line in enumerate(commands) if i >= position and part in line]
        assert found, part
        position = found[0] + 1


def test_hypothesis_profiles_are_registered() -> None:
    """The ci, dev and thorough Hypothesis profiles exist with their settings."""
    ci = settings.get_profile("ci")
    assert ci.derandomize
    assert ci.deadline is None
    assert ci.print_blob
    assert settings.get_profile("dev").deadline is None
    assert settings.get_profile("thorough").max_examples == 2000


def test_hypothesis_profile_follows_the_environment() -> None:
    """CI selects the derandomized ci profile; otherwise dev, unless one is named."""
    named = os.environ.get("HYPOTHESIS_PROFILE")
    expected = named or ("ci" if os.environ.get("CI") else "dev")
    assert settings.default == settings.get_profile(expected)


_BROKEN_REGISTRATION = """
from hypothesis import strategies as st

def refuse(*args, **kwargs):
    raise RuntimeError("registration refused")

st.register_type_strategy = refuse
import dronemarket as dm
print(dm.Deal.__name__)
"""


def test_a_failing_registration_never_breaks_importing_dronemarket() -> None:
    """If Hypothesis refuses a registration, dronemarket still imports, the type unregistered."""
    result = _python(_BROKEN_REGISTRATION)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Deal\n"
