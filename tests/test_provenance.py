"""Quote finding: normalisation, offsets into the original, word boundaries, closest passages."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.core.provenance import Closest, SourceIndex, normalise

TEXT = "He said: \u201cJapan\u2019s choice \u2014 made.\u201d\nThen,   in  August\u2026 nothing."


def test_normalise_folds_quotes_dashes_spaces_and_keeps_offsets() -> None:
    norm, where = normalise(TEXT)
    assert norm == 'He said: "Japan\'s choice - made." Then, in August... nothing.'
    assert len(norm) == len(where)
    assert TEXT[where[norm.index("August")] :].startswith("August")


def test_find_returns_offsets_in_the_original_text() -> None:
    index = SourceIndex(TEXT)
    match = index.find('"Japan\'s choice - made." Then, in August...')
    assert match is not None
    assert TEXT[match.start : match.end] == (
        "\u201cJapan\u2019s choice \u2014 made.\u201d\nThen,   in  August\u2026"
    )
    assert not match.case_folded


def test_short_quote_and_word_boundaries() -> None:
    index = SourceIndex(TEXT)
    assert index.find("said") is not None
    assert index.find("ai") is None  # inside a word
    assert index.find("choice - mad") is None  # stops mid-word
    assert index.find("") is None


def test_case_is_ignored_only_as_a_fallback() -> None:
    index = SourceIndex(TEXT)
    match = index.find("then, in august")
    assert match is not None and match.case_folded
    assert TEXT[match.start : match.end] == "Then,   in  August"


def test_first_occurrence_wins() -> None:
    text = "the same words here. And the same words here again."
    match = SourceIndex(text).find("the same words here")
    assert match is not None and match.start == 0


def test_closest_passage_names_line_column_and_similarity() -> None:
    index = SourceIndex(TEXT)
    near = index.closest("Then in Agust nothing")
    assert near.line == 2
    assert near.column == 9
    assert near.passage == "in August\u2026 nothing"
    assert 0.7 < near.similarity < 1.0


words = st.lists(
    st.text(alphabet="abcdefgh\u2019\u201c\u2014", min_size=1, max_size=6), min_size=1, max_size=60
)


@settings(max_examples=200, deadline=None)
@given(words, st.data())
def test_every_span_of_whole_words_is_found(parts: list[str], data: st.DataObject) -> None:
    text = " ".join(parts)
    i = data.draw(st.integers(0, len(parts) - 1))
    j = data.draw(st.integers(i, len(parts) - 1))
    quote = " ".join(parts[i : j + 1])
    match = SourceIndex(text).find(quote)
    assert match is not None
    assert normalise(text[match.start : match.end])[0] == normalise(quote)[0]


def test_closest_passage_offsets_are_exact() -> None:
    near = SourceIndex(TEXT).closest("Then in Agust nothing")
    assert (near.start, near.end) == (42, 61)
    assert TEXT[near.start : near.end] == "in  August\u2026 nothing"


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # Nothing aligns: the start of the text, as long as the quote, similarity 0.
        ("abc", "zzzzzzzzzz", Closest(0, 3, 0.0, 1, 1, "abc")),
        ("abcdefghijklmnop", "", Closest(0, 0, 0.0, 1, 1, "")),
        # Widened to whole words, spaces at either end trimmed.
        ("xx   one two   yy", "  one twp  ", Closest(5, 12, 6 / 7, 1, 6, "one two")),
        ("word. other", "rd. oth", Closest(0, 11, 1.0, 1, 1, "word. other")),
        # Line and column count from the text's first character, even when it is a newline.
        ("\nalpha beta gamma\ndelta epsilon", "lpha bet", Closest(1, 11, 1.0, 2, 1, "alpha beta")),
        (
            "\nalpha beta gamma\ndelta epsilon",
            "ugust delta epsil",
            Closest(18, 31, 24 / 31, 3, 1, "delta epsilon"),
        ),
    ],
)
def test_closest_passage_edges(text: str, quote: str, expected: Closest) -> None:
    got = SourceIndex(text).closest(quote)
    assert got == dataclasses.replace(expected, similarity=got.similarity)
    assert got.similarity == pytest.approx(expected.similarity)


def test_case_folded_fallback_folds_the_quote_too() -> None:
    match = SourceIndex(TEXT).find("THEN, IN AUGUST")
    assert match is not None and match.case_folded
    assert TEXT[match.start : match.end] == "Then,   in  August"


def test_a_quote_must_end_at_a_word_boundary_whatever_comes_before() -> None:
    assert SourceIndex("a-bc def").find("a-b") is None  # stops inside "bc"
    assert SourceIndex("a-bc def").find("a-bc") is not None
