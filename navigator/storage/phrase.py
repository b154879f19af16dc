"""Resume phrases: seven words from the EFF long word list, about 90 bits.

The list is English in plain Latin letters: a neutral choice that types the same
on a Belarusian, Russian, Polish or Lithuanian phone keyboard, and a person may
write the words with any case, separators or numbering. The four words with a
hyphen are left out so any separator works (7,772 words, 12.9 bits each).
xkcdpass ships the list; ``secrets`` draws the words.
"""

from __future__ import annotations

import math
import re
import secrets
from functools import cache

from xkcdpass import xkcd_password

WORDS_IN_PHRASE = 7


@cache
def word_list() -> tuple[str, ...]:
    path = xkcd_password.locate_wordfile("eff-long")
    words = xkcd_password.generate_wordlist(wordfile=path, min_length=1, max_length=20)
    return tuple(word for word in words if word.isalpha())


def phrase_bits() -> float:
    """How many bits of randomness a phrase carries (documented: at least 80)."""
    return WORDS_IN_PHRASE * math.log2(len(word_list()))


def new_phrase() -> str:
    """A fresh phrase, words separated by single spaces."""
    words = word_list()
    return " ".join(secrets.choice(words) for _ in range(WORDS_IN_PHRASE))


class PhraseError(ValueError):
    """The text typed is not a phrase this app could have made; says why, for the person."""

    def __init__(self, reason: str, word: str | None = None, count: int = 0):
        super().__init__(reason)
        self.reason = reason  # "empty" | "count" | "word"
        self.word = word
        self.count = count


def read_phrase(text: str) -> str:
    """The phrase in its canonical form, however it was typed (case, commas, line breaks,
    hyphens, numbering such as "1. word"). Raises PhraseError before any database work."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        raise PhraseError("empty")
    if len(words) != WORDS_IN_PHRASE:
        raise PhraseError("count", count=len(words))
    known = set(word_list())
    for word in words:
        if word not in known:
            raise PhraseError("word", word=word)
    return " ".join(words)
