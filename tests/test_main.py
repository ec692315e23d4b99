"""``python -m dronemarket``: the command-line entry point."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from typing import Any

import pytest

import dronemarket
from dronemarket.__main__ import fit, main


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - runs this interpreter on fixed arguments
        [sys.executable, "-m", "dronemarket", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.slow
def test_module_runs_and_prints_the_version() -> None:
    """`python -m dronemarket` exits 0 and prints an overview with the version."""
    result = _run()
    assert result.returncode == 0, result.stderr
    assert "dronemarket" in result.stdout
    assert dronemarket.__version__ in result.stdout
    assert result.stderr == ""


def test_help_exits_zero() -> None:
    """`python -m dronemarket --help` exits 0 and shows the usage."""
    result = _run("--help")
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout


def test_unknown_option_is_an_error() -> None:
    """An unknown option exits with status 2 and one line on stderr pointing to --help."""
    result = _run("--no-such-option")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "--help" in result.stderr


def test_main_returns_zero(capsys: pytest.CaptureFixture[str]) -> None:
    """`main([])` returns 0 and prints the version, for the console script."""
    assert main([]) == 0
    assert dronemarket.__version__ in capsys.readouterr().out


def test_version_option_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    """`--version` prints the package version and exits 0."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert dronemarket.__version__ in capsys.readouterr().out


SECTIONS = ("Platforms", "Deals", "Licensed production", "Central Asia", "Sanctions", "Cooperation")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("units", "line"),
    [
        ("published", "maximum take-off mass 650 kg*; payload 150 kg*"),
        ("metric", "    wingspan 12 m; maximum take-off mass 650 kg*; payload 150 kg*"),
        ("imperial", "    wingspan 39.4 ft; maximum take-off mass 1,433 lb*; payload 331 lb*"),
    ],
)
def test_module_prints_the_market_in_the_units_asked(units: str, line: str) -> None:
    """`--units` picks the units of the specs; every section is printed, and it exits 0."""
    result = _run("--units", units)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    for section in SECTIONS:
        assert f"\n{section}" in result.stdout
    assert f"units: {units}" in result.stdout
    assert line in result.stdout
    assert "Türkiye → Kyrgyzstan: Bayraktar TB2; delivered" in result.stdout
    assert "Iran → Tajikistan: Ababil-2; licensed production; producing" in result.stdout
    assert "    Türkiye: 2 of 3 (67%; delivered 2); units not reported" in result.stdout
    assert "  US: TSK Vektor (imposed 2023-12)" in result.stdout
    meeting = "  2025-08-19 meeting: Ministry of Defense of Japan, Ministry of National Defence of"
    assert meeting + " Türkiye; Bayraktar TB2; confirmed" in result.stdout
    assert "  undated technology transfer: Türkiye, Kazakhstan; reported" in result.stdout


def test_units_default_to_published(capsys: pytest.CaptureFixture[str]) -> None:
    """Without `--units`, specs are shown as published: the Anka's ceiling stays in feet."""
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "units: published" in out
    assert "Anka (Turkish Aerospace, Türkiye; MALE)" in out
    assert "service ceiling 30,000 ft*" in out


def test_unknown_units_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """`--units furlongs` is rejected by argparse with status 2, naming the choices."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--units", "furlongs"])
    assert exit_info.value.code == 2
    assert "published" in capsys.readouterr().err


def test_help_describes_units() -> None:
    """`--help` lists the `--units` choices."""
    result = _run("--help")
    assert result.returncode == 0
    assert "--units {published,metric,imperial}" in result.stdout


def _run_with(env: dict[str, str], **options: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "dronemarket"],
        capture_output="stdout" not in options,
        check=False,
        timeout=120,
        env={**os.environ, **env},
        **options,
    )


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
def test_module_prints_on_any_stdout_encoding(encoding: str) -> None:
    """On a cp1252, latin-1 or ASCII stdout, arrows and accents fall back to ASCII; status 0."""
    result = _run_with({"PYTHONIOENCODING": encoding})
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    out = result.stdout.decode(encoding)
    assert "Kyrgyzstan: Bayraktar TB2; delivered" in out
    assert " -> Kyrgyzstan: Bayraktar TB2" in out
    assert "→" not in out


def _assert_one_quiet_line(result: subprocess.CompletedProcess[bytes], reason: str) -> None:
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert lines == [f"python -m dronemarket: cannot write the overview: {reason}"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")  # noqa: PTH110
def test_a_full_disk_is_one_line_on_stderr_and_status_1() -> None:
    """Writing to a full disk (/dev/full) exits 1 with one line on stderr, no traceback."""
    with open("/dev/full", "wb") as full:  # noqa: PTH123 - a device, not a path to build
        result = _run_with({}, stdout=full, stderr=subprocess.PIPE)
    _assert_one_quiet_line(result, "No space left on device")


def test_a_closed_stdout_is_one_line_on_stderr_and_status_1() -> None:
    """Started with stdout closed (`>&-`), it exits 1 with one line on stderr, no traceback."""
    result = subprocess.run(
        ["/bin/sh", "-c", 'exec "$0" -m dronemarket >&-', sys.executable],
        capture_output=False,
        stderr=subprocess.PIPE,
        check=False,
        timeout=120,
    )
    _assert_one_quiet_line(result, "standard output is closed")


def test_a_closed_pipe_is_one_line_on_stderr_and_status_1() -> None:
    """When the reader closes the pipe first, it exits 1 with one line on stderr, no traceback."""
    with subprocess.Popen(
        [sys.executable, "-m", "dronemarket"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        process.stdout.close()
        _, stderr = process.communicate(timeout=120)
    result = subprocess.CompletedProcess(process.args, process.returncode, b"", stderr)
    _assert_one_quiet_line(result, "the reader closed the pipe")


def test_main_reports_a_closed_stream_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """`main()` on a closed stdout object returns 1 and says so on stderr."""
    closed = io.StringIO()
    closed.close()
    errors = io.StringIO()
    monkeypatch.setattr(sys, "stdout", closed)
    monkeypatch.setattr(sys, "stderr", errors)
    assert main([]) == 1
    assert errors.getvalue() == (
        "python -m dronemarket: cannot write the overview: standard output is closed\n"
    )


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "Türkiye → Kyrgyzstan"),
        ("cp1252", "Türkiye -> Kyrgyzstan"),
        ("latin-1", "Türkiye -> Kyrgyzstan"),
        ("ascii", "Turkiye -> Kyrgyzstan"),
        (None, "Turkiye -> Kyrgyzstan"),
        ("no-such-codec", "Turkiye -> Kyrgyzstan"),
    ],
)
def test_fit_spells_in_ascii_what_the_encoding_cannot_write(
    encoding: str | None, expected: str
) -> None:
    """`fit` keeps what the encoding writes and spells the rest in ASCII."""
    assert fit("Türkiye → Kyrgyzstan", encoding) == expected
    assert fit("中", "ascii") == "?"


SIPRI_ROWS = (
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,"
    "Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,"
    "SIPRI TIV for total order,SIPRI TIV of delivered weapons\n"
    "Portugal,Turkiye,2021,?,4,?,Falcon-7,armed drone,4,?,2022,New,,1.5,6,6\n"
    "Chile,Spain,2019,,6,,Sky Lance,reconnaissance drone,3,,2020,New,,0.5,3,1.5\n"
    "Ghana,Spain,2024,,3,,Sparrow-2,armed drone,0,,,New,,2.2,6.6,0\n"
    "Chile,Turkiye,2019,,6,,Mi-99,transport helicopter,3,,2020,New,,0.5,3,1.5\n"
    "Ruritania,France,2020,,2,,Glider-5,reconnaissance drone,2,,2021,New,,1,2,2\n"
)


def test_sipri_prints_counts_and_suppliers_by_tiv(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """`sipri FILE --drones` prints records, loaded, rejected with reasons, skipped, TIV ranks."""
    path = tmp_path / "register.csv"
    path.write_bytes(SIPRI_ROWS.encode("latin-1"))
    assert main(["sipri", str(path), "--drones"]) == 0
    out = capsys.readouterr()
    assert "records   5" in out.out
    assert "loaded    3" in out.out
    assert "rejected  1" in out.out
    assert "Ruritania" in out.out
    assert "skipped   1" in out.out
    ranks = [line for line in out.out.splitlines() if line[:4].strip().isdigit()]
    assert "Türkiye" in ranks[0] or "Turkiye" in ranks[0]
    assert ranks[0].endswith("6")
    assert "Spain" in ranks[1]
    assert "coverage: 3 of 3 deals have a TIV delivered" in out.out
    assert out.err == ""  # no progress when stderr is not a terminal


def test_sipri_unreadable_file_is_one_line(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file gets one line on stderr and status 1, no traceback."""
    assert main(["sipri", str(tmp_path / "missing.csv")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "cannot read" in err


def test_sipri_not_an_export_is_one_line(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is no SIPRI export gets one line on stderr and status 1."""
    path = tmp_path / "notes.txt"
    path.write_text("hello\n")
    assert main(["sipri", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "not a SIPRI export" in err


def test_bad_argument_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad argument gets one line on stderr and status 2."""
    with pytest.raises(SystemExit) as exit_info:
        main(["sipri"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1


def test_show_is_the_default_and_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    """`show` prints what no subcommand prints, and --help shows examples."""
    assert main(["show"]) == 0
    shown = capsys.readouterr().out
    assert main([]) == 0
    assert capsys.readouterr().out == shown
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "examples:" in capsys.readouterr().out


class _FullDisk(io.StringIO):
    """A stream that refuses every write, as a full disk does."""

    def write(self, text: str) -> int:  # noqa: ARG002 - it refuses whatever it is given
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("option", ["--help", "--version"])
@pytest.mark.parametrize(
    ("stream", "reason"),
    [(None, "standard output is closed"), (_FullDisk(), "No space left on device")],
)
def test_help_and_version_that_cannot_be_written_exit_1(
    option: str,
    stream: io.StringIO | None,
    reason: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--help and --version on a closed or full stdout exit 1 with one line on stderr."""
    monkeypatch.setattr(sys, "stdout", stream)
    with pytest.raises(SystemExit) as exit_:
        main([option])
    assert exit_.value.code == 1
    assert capsys.readouterr().err == f"python -m dronemarket: cannot write: {reason}\n"


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_help_and_version_still_exit_0(option: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--help and --version on a working stdout print and exit 0, as argparse does."""
    with pytest.raises(SystemExit) as exit_:
        main([option])
    assert exit_.value.code == 0
    assert "dronemarket" in capsys.readouterr().out
