"""Find quotes in source texts: normalised matching, character offsets, closest-passage hints."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

__all__ = ["Closest", "QuoteMatch", "SourceIndex", "normalise"]

# Typographic variants a mapper cannot be expected to type exactly, folded one character to one.
_ONE_TO_ONE = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    }
)
# What changes length: whitespace other than one plain space, the ellipsis, the (invisible) soft
# hyphen. Only these spots need the slow path, so a 1 MB text normalises at C speed.
_IRREGULAR = re.compile(r"[^\S ]\s*| \s+|\u2026|\u00ad")
# Index keys are this many normalised characters long: long enough to make candidate lists short.
_KEY = 12
_WORD_START = re.compile(r"(?<!\w)\w")


def normalise(text: str, *, fold_case: bool = False) -> tuple[str, list[int]]:
    """Return text with whitespace runs, quotes and dashes folded, and each char's original offset."""
    folded = text.translate(_ONE_TO_ONE)
    if fold_case:
        lowered = folded.lower()
        # lower() can change length (e.g. U+0130); then keep case for that text rather than lose offsets.
        if len(lowered) == len(folded):
            folded = lowered
    pieces: list[str] = []
    where: list[int] = []
    done = 0
    for m in _IRREGULAR.finditer(folded):
        start, end = m.span()
        pieces.append(folded[done:start])
        where.extend(range(done, start))
        token = m.group()
        if token == "\u2026":
            pieces.append("...")
            where.extend((start, start, start))
        elif token != "\u00ad":
            pieces.append(" ")
            where.append(start)
        done = end
    pieces.append(folded[done:])
    where.extend(range(done, len(folded)))
    return "".join(pieces), where


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote stands in the original text: [start, end) in code points."""

    start: int
    end: int
    case_folded: bool = False


@dataclass(frozen=True)
class Closest:
    """The passage of the source most like a quote that was not found."""

    start: int
    end: int
    similarity: float  # 0..1
    line: int
    column: int
    passage: str


class _View:
    """One normalised form of the source, with an index of word starts built once."""

    def __init__(self, text: str, *, fold_case: bool) -> None:
        self.text, self.where = normalise(text, fold_case=fold_case)
        index: dict[str, list[int]] = {}
        norm = self.text
        for m in _WORD_START.finditer(norm):
            i = m.start()
            index.setdefault(norm[i : i + _KEY], []).append(i)
        self.index = index

    def find(self, needle: str) -> tuple[int, int] | None:
        """Return the first [start, end) of needle in the normalised text at word boundaries."""
        norm = self.text
        if len(needle) >= _KEY and _is_word(needle[0]):
            # A quote that starts with a word starts at a word start: the index has every one.
            for pos in self.index.get(needle[:_KEY], ()):
                if norm.startswith(needle, pos) and self._ends_well(needle, pos + len(needle)):
                    return pos, pos + len(needle)
            return None
        pattern = ("(?<!\\w)" if _is_word(needle[0]) else "") + re.escape(needle)
        if _is_word(needle[-1]):
            pattern += "(?!\\w)"
        found = re.search(pattern, norm)
        return (found.start(), found.end()) if found else None

    def _ends_well(self, needle: str, end: int) -> bool:
        return not (_is_word(needle[-1]) and end < len(self.text) and _is_word(self.text[end]))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class SourceIndex:
    """A source text indexed once, so that thousands of quotes are found without rescanning it."""

    def __init__(self, text: str) -> None:
        self.original = text
        self._exact = _View(text, fold_case=False)

    @cached_property
    def _folded(self) -> _View:
        return _View(self.original, fold_case=True)

    def _to_original(self, view: _View, start: int, end: int) -> tuple[int, int]:
        return view.where[start], view.where[end - 1] + 1

    def find(self, quote: str) -> QuoteMatch | None:
        """Locate a quote; exact after normalisation first, then ignoring case."""
        needle, _ = normalise(quote.strip())
        if not needle:
            return None
        hit = self._exact.find(needle)
        if hit is not None:
            return QuoteMatch(*self._to_original(self._exact, *hit))
        folded, _ = normalise(quote.strip(), fold_case=True)
        hit = self._folded.find(folded)
        if hit is not None:
            return QuoteMatch(*self._to_original(self._folded, *hit), case_folded=True)
        return None

    def closest(self, quote: str) -> Closest:
        """Return the passage most similar to a quote that is not in the text."""
        from rapidfuzz import fuzz  # only needed when a quote is wrong

        needle, _ = normalise(quote.strip(), fold_case=True)
        hay = self._folded.text
        align = fuzz.partial_ratio_alignment(needle, hay)
        if align is None or align.dest_end <= align.dest_start:
            return self._passage(0, min(len(self.original), len(quote)), 0.0)
        return self._passage(*self._words(align.dest_start, align.dest_end), align.score / 100)

    def passages(self, words: str, limit: int = 3) -> list[Closest]:
        """The `limit` passages most like rough or remembered words, best first, none overlapping.

        Every word start of the text begins a candidate window as long as the words (rapidfuzz
        ranks them in C); each of the best is then trimmed or grown a word at a time at either end
        while that makes it more similar, so a passage starts and ends where the words do."""
        from rapidfuzz import fuzz, process

        needle, _ = normalise(words.strip(), fold_case=True)
        hay = self._folded.text
        if not needle or not hay or limit < 1:
            return []
        starts = [m.start() for m in _WORD_START.finditer(hay)] or [0]
        ends = sorted({m.end() for m in re.finditer(r"\w+", hay)} | {len(hay)})
        windows = [hay[i : i + len(needle)] for i in starts]
        ranked = process.extract(needle, windows, scorer=fuzz.ratio, limit=max(limit * 8, 24))
        found: list[Closest] = []
        for _, _, k in sorted(ranked, key=lambda r: (-r[1], starts[r[2]])):
            end = next((e for e in ends if e >= starts[k] + len(needle)), len(hay))
            start, end, score = _best_span(needle, hay, starts, ends, starts[k], end)
            first, last = self._to_original(self._folded, start, end)
            if any(first < c.end and c.start < last for c in found):
                continue
            found.append(self._passage(first, last, score))
            if len(found) == limit:
                break
        return sorted(found, key=lambda c: (-c.similarity, c.start))

    def _words(self, start: int, end: int) -> tuple[int, int]:
        """A span of the folded view as original offsets, widened to whole words: a passage cut
        mid-word is harder to find by eye, and would not validate as a quote."""
        start, end = self._to_original(self._folded, start, end)
        text = self.original
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        return start, end

    def _passage(self, start: int, end: int, similarity: float) -> Closest:
        line = self.original.count("\n", 0, start) + 1
        column = start - (self.original.rfind("\n", 0, start) + 1) + 1
        passage = " ".join(self.original[start:end].split())
        return Closest(start, end, similarity, line, column, passage)


def _best_span(
    needle: str, hay: str, starts: list[int], ends: list[int], start: int, end: int
) -> tuple[int, int, float]:
    """Move either end of hay[start:end] a word at a time while the span grows more like needle."""
    from bisect import bisect_left

    from rapidfuzz import fuzz

    best = fuzz.ratio(needle, hay[start:end])
    while True:
        i, j = bisect_left(starts, start), bisect_left(ends, end)
        moves = [
            (starts[i - 1], end) if i > 0 else None,
            (starts[i + 1], end) if i + 1 < len(starts) and starts[i + 1] < end else None,
            (start, ends[j + 1]) if j + 1 < len(ends) else None,
            (start, ends[j - 1]) if j > 0 and ends[j - 1] > start else None,
        ]
        scored = [(fuzz.ratio(needle, hay[a:b]), a, b) for a, b in filter(None, moves)]
        top = max(scored, default=None)
        if top is None or top[0] <= best:
            return start, end, best / 100
        best, start, end = top
