"""Dutch text conventions shared by every domain: sorting and capitalisation."""

import re
import unicodedata

# Elided articles that Dutch alphabetisation skips: 's-Hertogenbosch sorts under H,
# 't Zandt under Z.
_ELIDED_PREFIX = re.compile(r"^(?:'s|'t|'n)[\s-]+", re.IGNORECASE)


def strip_accents(text: str) -> str:
    """Remove diacritics: 'coöperatie' → 'cooperatie', 'Fryslân' → 'Fryslan'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def dutch_sort_key(text: str) -> str:
    """Key for Dutch alphabetical order.

    Follows the Taalunie's dictionary rules: letters with diacritics sort as the plain
    letter, 'ij' sorts as i + j, case is ignored, and a leading elided article
    ('s-, 't) is skipped so that 's-Hertogenbosch sorts under H.
    """
    cleaned = _ELIDED_PREFIX.sub("", text.strip().replace("’", "'"))
    return strip_accents(cleaned).casefold()


def normalise_name(text: str) -> str:
    """Key for matching names typed by people: no accents, case, or extra spaces."""
    cleaned = strip_accents(text.replace("’", "'")).casefold()
    cleaned = re.sub(r"[.()]", " ", cleaned)
    return " ".join(cleaned.split())


def dutch_capitalise(word: str) -> str:
    """Capitalise a Dutch word, treating 'ij' as one letter: 'ijmuiden' → 'IJmuiden'."""
    if not word:
        return word
    if word[:2].lower() == "ij":
        return "IJ" + word[2:]
    return word[0].upper() + word[1:]
