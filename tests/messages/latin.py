"""The rule the Chinese output keeps: no Latin word that is not one of these.

Allowed (everything else with a Latin letter is an English word, and fails):
  - an id: a token with a dot, an underscore, a slash, a digit, '=', ':' or a leading '--'
    (rule ids cn.civil.limitation, event kinds in parentheses, reading keys
    adjusted_weekend=weekday, flags --event, dates 2025-03-01T09:30, codes E0203,
    zone names Asia/Shanghai, digests, notice ids, file:line positions);
  - a single token in parentheses (…) or （…） or quoted 「…」: an id or the input as the
    reader wrote it (法律文书生效 (effective));
  - the names in NAMES: the program (qixian), the time-zone database (tzdata), the zone
    UTC and the time-zone abbreviations the tz database gives (EST, EDT, CST, …, and any
    2-5 capitals right after a time with its UTC offset), the
    formats JSON and HTTP, and the citation units "art." and "para." of a citation's English form.
"""
import re

NAMES = {"qixian", "tzdata", "UTC", "GMT", "JSON", "HTTP", "art", "para",
         # time-zone abbreviations (the tz database's own spelling of a zone's offset)
         "CST", "EST", "EDT", "PST", "PDT", "CET", "CEST", "JST", "HKT", "BST", "KST"}

_BRACKETED = re.compile(r"\(([^()\s]+)\)|（([^（）\s]+)）|「([^「」]+)」")
_TOKEN = re.compile(r"[^\s，。；：、（）()「」《》〔〕【】！？,;]+")
_LATIN = re.compile(r"[A-Za-z]")
_ID = re.compile(r"^--|[._/0-9=:]")
# a zone's abbreviation after a time with its offset: 2025-07-01T10:00:00+10:00 AEST
_ABBREVIATION = re.compile(r"([+-]\d\d:\d\d) [A-Z]{2,5}\b")


def latin_words(line):
    """The English words of one line of Chinese output (empty when the line is clean)."""
    line = _BRACKETED.sub(" ", line)
    line = _ABBREVIATION.sub(r"\1", line)
    bad = []
    for tok in _TOKEN.findall(line):
        if not _LATIN.search(tok):
            continue
        # a token glued to Chinese text: look at its Latin part only
        for part in re.findall(r"[A-Za-z0-9_./=:+\-\[\]]+", tok):
            if not _LATIN.search(part):
                continue
            part = part.rstrip(":.")
            core = part.strip("-[]") if not part.startswith("--") else part
            if _ID.search(part) or core in NAMES:
                continue
            bad.append(part)
    return bad
