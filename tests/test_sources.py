"""Source and Confidence: where a fact comes from and how sure anyone is of it."""

from __future__ import annotations

import re

import attrs
import pytest

from dronemarket import Confidence, PartialDate, Source
from dronemarket.errors import UnknownCodeError, ValidationError

REUTERS = Source(
    "Chinese drone experts worked with sanctioned Russian arms maker",
    publisher="Reuters",
    published=PartialDate(2025, 9, 25),
)


def exact(message: str) -> str:
    """Return a pattern that matches `message` and nothing else."""
    return f"^{re.escape(message)}$"


def test_a_source_holds_title_publisher_address_date_and_language() -> None:
    """A source keeps what it is given; the language defaults to English."""
    source = Source(
        "Giappone e Turchia: nuove alleanze nella difesa con i droni",
        publisher="Alground",
        url="https://www.alground.com/site/giappone-turchia-aprono-nuova-era-cooperazione-militare/60186",
        published=PartialDate(2025, 8, 19),
        language="it",
    )
    assert source.publisher == "Alground"
    assert source.url is not None
    assert source.url.startswith("https://www.alground.com/")
    assert source.published == PartialDate(2025, 8, 19)
    assert source.language == "it"
    assert REUTERS.language == "en"
    assert REUTERS.url is None


@pytest.mark.parametrize(
    ("title", "rule"),
    [
        ("", "is blank"),
        ("   ", "is blank"),
        (" Reuters", "has leading or trailing white space"),
        ("a\x00b", "contains control characters"),
        (5, "is not a string"),
    ],
)
def test_bad_titles_are_rejected(title: object, rule: str) -> None:
    """A title must be a non-blank string, trimmed, without control characters."""
    with pytest.raises(ValidationError, match=exact(f"Source.title: {title!r} {rule}")):
        Source(title, publisher="Reuters")  # type: ignore[arg-type]


def test_over_long_titles_are_rejected() -> None:
    """A title longer than 500 characters is rejected."""
    with pytest.raises(ValidationError, match=r"^Source\.title: 'x+\.\.\.x' is longer than 500"):
        Source("x" * 501, publisher="Reuters")


def test_publisher_is_required_and_validated() -> None:
    """A blank publisher is rejected."""
    with pytest.raises(ValidationError, match=exact("Source.publisher: '' is blank")):
        Source("t", publisher="")


@pytest.mark.parametrize(
    "url", ["ftp://example.org/a", "www.reuters.com", "https://exa mple.org", "javascript:alert(1)"]
)
def test_address_must_be_http_or_https(url: str) -> None:
    """An address that is not an http(s) URL is rejected."""
    with pytest.raises(
        ValidationError, match=exact(f"Source.url: {url!r} is not an http(s) address")
    ):
        Source("t", publisher="p", url=url)


def test_publication_date_must_be_a_partial_date() -> None:
    """A publication date given as a string is rejected."""
    with pytest.raises(
        ValidationError, match=exact("Source.published: '2022' is not a PartialDate")
    ):
        Source("t", publisher="p", published="2022")  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["en", "de", "it", "ru", "uk", "tr", "ja", "zh", "fa"])
def test_iso_639_1_languages_are_accepted(code: str) -> None:
    """Two-letter ISO 639-1 codes are accepted."""
    assert Source("t", publisher="p", language=code).language == code


@pytest.mark.parametrize("code", ["zz", "qq", "xx"])
def test_unknown_two_letter_languages_raise_unknown_code_error(code: str) -> None:
    """A two-letter code that is not in ISO 639-1 is an UnknownCodeError."""
    message = f"Source.language: {code!r} is not an ISO 639-1 language code"
    with pytest.raises(UnknownCodeError, match=exact(message)):
        Source("t", publisher="p", language=code)


@pytest.mark.parametrize("code", ["eng", "e", "", "german", None, 12])
def test_languages_that_are_not_two_letter_codes_are_rejected(code: object) -> None:
    """A three-letter code, a name or a non-string is rejected as not ISO 639-1."""
    message = f"Source.language: {code!r} is not an ISO 639-1 language code such as 'en'"
    with pytest.raises(ValidationError, match=exact(message)):
        Source("t", publisher="p", language=code)  # type: ignore[arg-type]


def test_language_codes_are_lower_case() -> None:
    """An upper-case 'EN' is rejected or normalised, never kept as a second spelling of 'en'."""
    try:
        source = Source("t", publisher="p", language="EN")
    except ValidationError:
        return
    assert source.language == "en"


def test_evolve_revalidates() -> None:
    """attrs.evolve re-runs validation."""
    with pytest.raises(UnknownCodeError):
        attrs.evolve(REUTERS, language="zz")


def test_sources_are_equal_by_value_and_hashable() -> None:
    """Two sources with the same fields are equal and hash equal."""
    copy = Source(REUTERS.title, publisher="Reuters", published=PartialDate(2025, 9, 25))
    assert copy == REUTERS
    assert hash(copy) == hash(REUTERS)
    assert len({copy, REUTERS}) == 1


def test_confidence_has_the_four_documented_levels() -> None:
    """Confidence is confirmed, reported, unconfirmed or denied."""
    assert [level.value for level in Confidence] == [
        "confirmed",
        "reported",
        "unconfirmed",
        "denied",
    ]


@pytest.mark.parametrize("field", ["title", "publisher"])
@pytest.mark.parametrize(("text", "rule"), [("-", "has no letter or digit"), ("a\udfff", "lone")])
def test_source_texts_need_a_letter_and_no_lone_surrogate(field: str, text: str, rule: str) -> None:
    """A title or publisher of punctuation only, or with a lone surrogate, is refused."""
    given = {"title": "Title", "publisher": "Reuters", field: text}
    with pytest.raises(ValidationError, match=rf"^Source\.{field}: .* {rule}"):
        Source(given["title"], publisher=given["publisher"])


def test_the_language_codes_are_pycountrys_iso_639_1_codes() -> None:
    """The built-in table of ISO 639-1 codes holds exactly the two-letter codes pycountry knows."""
    import pycountry  # noqa: PLC0415 - only this test needs the whole database

    from dronemarket import _iso  # noqa: PLC0415 - the private table under test

    known = {language.alpha_2 for language in pycountry.languages if hasattr(language, "alpha_2")}
    assert known == _iso.LANGUAGE_CODES


def test_checking_a_language_does_not_load_the_language_database() -> None:
    """Building sources (as the catalog does) leaves pycountry's ISO 639 database unloaded."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = (
        "import dronemarket as dm, pycountry\n"
        "dm.Source('t', publisher='p', language='it')\n"
        "dm.catalog.market()\n"
        "print(pycountry.languages._is_loaded)\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False"
