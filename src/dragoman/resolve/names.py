"""Name keys: how actor and place names are normalised so that text and knowledge meet.

"Ahrar al-Sham", "AHRAR AL SHAM" and "Ahrar al‑Shām" all become the key ("ahrar", "al", "sham").
Short all-capital names ("US", "PAN", "IS") are kept case-sensitive, so the pronoun "us" and the
verb "is" never match them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

PIECE = re.compile(r"[^\W_]+", re.UNICODE)

# Transliteration variants of the same name piece, folded to one spelling on both sides (the
# knowledge base and the text), so "Mohammed Hussein Roble" meets "Mohamed Hussein Roble".
VARIANTS = {
    "mohammed": "muhammad", "mohamed": "muhammad", "mohammad": "muhammad",
    "mohamad": "muhammad", "muhammed": "muhammad", "mohamud": "muhammad",
    "abdel": "abdul", "abdal": "abdul", "abdelaziz": "abdulaziz", "abdallah": "abdullah",
    "el": "al", "ul": "al", "ad": "al", "ash": "al", "as": "al", "ar": "al", "az": "al",
    "at": "al", "an": "al", "yusuf": "yousef", "youssef": "yousef", "yousif": "yousef",
    "hussain": "hussein", "husain": "hussein", "husayn": "hussein", "hasan": "hassan",
    "ahmad": "ahmed", "omar": "umar", "osama": "usama", "mustafa": "mostafa",
}


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without diacritics: 'Côte d’Ivoire' -> "cote d'ivoire"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def pieces(text: str) -> tuple[str, ...]:
    """The alphanumeric pieces of a name, folded: the unit of matching."""
    return tuple(VARIANTS.get(p, p) for p in PIECE.findall(fold(text)))


def is_case_sensitive(name: str) -> bool:
    """Acronyms of up to five letters must match in capitals: 'US' is not 'us'."""
    letters = [c for c in name if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters)


def display_case(pieces_: tuple[str, ...]) -> str:
    return " ".join(pieces_)
