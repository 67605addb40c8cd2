"""New names beside money facts: organisations and people the database does not know.

For every agreement, project and trade flow the extractor finds, the sentence it quotes is read
for names the gazetteer does not know; each becomes a ``NameProposal`` on the fact, which the
loader queues for review (``review list --kind organization``). Nothing is added unreviewed, so
precision comes first: a wrong proposal costs a reviewer's time, a missed one costs nothing
that was there before.

Rules (the words are data: data/organizations.yaml, data/titles.yaml)
- A *span* is a run of capitalised words, joined by single spaces and by the lower-case
  connectors "of", "and", "for", "&" when a capitalised word follows. A possessive ("'s")
  ends it and gives the country of what follows when it names one ("Kazakhstan's Ministry of
  Energy"). Opening words that are ordinary ("The", "Meanwhile", months, weekdays) are dropped.
- An **organisation** is a span of at least two words that ends in an organisation word
  ("... Cement Group", "... Railways"), starts with a legal form ("LLC ..."), or has one followed
  by "of" ("Ministry of Industry and Construction", "Development Bank of Kazakhstan"); and that
  has a distinctive word: one that is not an organisation word, a connector or a generic word
  ("State", "National"), a country counting only after "of". So "the Ministry", "National Bank"
  and "Belt and Road Initiative" are never proposed. A ministry or agency after a possessive or
  demonym country takes it as the database writes names: "Ministry of Energy of Kazakhstan".
- A **person** is two or three name-like words (capitalised, not countries, months or
  organisation words) right after a title ("Deputy Prime Minister Serik Zhumangarin"), or before
  a comma and a title ("Wang Lei, chairman of ..."). The title is kept as the position.
- Never proposed: a span that overlaps a name the gazetteer knows (organisation, person,
  project), a name equal to a known one (case aside), a span in the headline or in a sentence set
  in title case, in parentheses, or in a wire dateline ("ASTANA, June 12 (Kazinform) –").
- Where each stands in its fact: beside an agreement, an organisation is a party (a bank in a
  loan: the lender) and a person a signatory when the sentence signs, else a party; beside a
  project an organisation is a partner (a bank or fund: the financier), a person is not
  proposed; beside a trade flow only the source the figure is attributed to is proposed
  ("according to the Bureau of National Statistics", "... Committee said").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pycountry

from .gazetteer import Gazetteer
from .lexicon import alternation, load
from .types import ExtractedFact, NameProposal

PROPOSED_FOR = ("agreement", "project", "trade_flow")
HEADLINE_MAX = 200  # as the extractor: a first line longer than this is body text
DATELINE_REACH = 90  # "TASHKENT, Uzbekistan, May 19 (Trend) –": the dash within these characters
TITLE_CASE_SHARE = 0.9  # a sentence with this share of its longer words capitalised is a headline
ORGANIZATION_CONFIDENCE = 0.7
PERSON_CONFIDENCE = 0.6

_WORD = re.compile(r"[^\W\d_][\w'’&.\-]*|&")
_DATELINE = re.compile(rf"[A-Z][A-Za-z .'’-]*,[^\n]{{0,{DATELINE_REACH}}}?\s[–—-]{{1,2}}\s")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*")
_TITLE_END = re.compile(r"[,;:()]|\.(?:\s|$)| (?:said|says|signed)\b")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


class Words:
    """The word lists of data/organizations.yaml and data/titles.yaml."""

    def __init__(self):
        data, titles = load("organizations"), load("titles")
        self.kind_of = {
            word: kind for kind, words in data["organization_words"].items() for word in words
        }
        self.legal_forms = set(data["legal_forms"])
        self.inner = set(data["inner_words"])
        self.media = set(data["media_words"])
        self.continued = re.compile(
            r"\s+" + alternation(data["continued_by"]) + r"\s+(?:the\s+)?[A-Z]"
        )
        self.generic = set(data["generic_words"])
        self.state_kinds = set(data["state_kinds"])
        self.not_name = set(data["not_name_words"])
        self.connectors = set(data["connectors"])
        self.titles = set(titles["person_titles"])
        self.title_words = {word for title in self.titles for word in title.split()}
        # A sentence without any of these words holds no name to propose: most are skipped
        # after one search (the extractor's time per article stays what it was).
        cues = {*self.kind_of, *self.title_words}
        self.may_hold = re.compile(r"(?<![\w-])" + alternation(cues) + r"(?![\w-])")
        self.title_after_comma = re.compile(
            r",\s+(?:the\s+)?(" + alternation(self.titles) + r")\b(?:\s+of\b)?", re.I
        )
        before = alternation(data["attribution_before"])
        self.attributed_before = re.compile(rf"\b{before}\s+(?:the\s+)?$", re.I)
        after = alternation(data["attribution_after"])
        self.attributed_after = re.compile(rf"^\W{{0,3}}\s*(?:{after})\b", re.I)
        self.loan = re.compile(r"\b" + alternation(data["loan_words"]) + r"\b", re.I)
        self.signing = re.compile(r"\b" + alternation(data["signing_words"]) + r"\b", re.I)

    def organization_kind(self, word: str) -> str | None:
        return self.kind_of.get(word) or self.kind_of.get(word.rstrip("."))


class NameFinder:
    """Reads the quotes of facts for new names; built once per run, with the gazetteer."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.words = Words()
        self.known = {name.casefold() for name in gazetteer.names}
        # "the General Administration of Customs" is the known "... of Customs of China"
        self.known |= {name.rsplit(" of ", 1)[0] for name in self.known if " of " in name}

    def attach(self, text: str, facts: list[ExtractedFact]) -> None:
        """Give each money fact the new names its quote states beside it (``fact.names``)."""
        headline_end = _headline_end(text)
        found: dict[tuple[int, int], list[NameProposal]] = {}  # a sentence read once
        for fact in facts:
            if fact.kind not in PROPOSED_FOR or fact.char_start < headline_end:
                continue
            if not self.words.may_hold.search(
                text, fact.char_start, fact.char_end
            ) and not self.words.title_after_comma.search(text, fact.char_start, fact.char_end):
                continue
            span = (fact.char_start, fact.char_end)
            if span not in found:
                found[span] = list(self.names_in(text, *span))
            fact.names = [
                placed for name in found[span] if (placed := self.placed(text, fact, name))
            ]

    def names_in(self, text: str, start: int, end: int) -> Iterator[NameProposal]:
        """The new names of the sentence ``text[start:end]``, each once (role not yet set)."""
        if _title_case(text[start:end]):
            return
        start = _after_dateline(text, start, end)
        mentions = list(self.gazetteer.mentions_in(text, start, end))
        known = [m for m in mentions if m.kind != "country"]
        countries = {(m.char_start, m.char_end): m.key for m in mentions if m.kind == "country"}
        seen: set[str] = set()
        for found in self.candidates(text, start, end, countries):
            if any(m.char_start < found.char_end and found.char_start < m.char_end for m in known):
                continue
            if found.name.casefold() in self.known or found.name in seen:
                continue
            if _in_parentheses(text, found.char_start, start):
                continue
            seen.add(found.name)
            yield found

    # ---------------------------------------------------------------- candidates

    def candidates(
        self, text: str, start: int, end: int, countries: dict
    ) -> Iterator[NameProposal]:
        """Every organisation and person name in ``text[start:end]`` (role not yet set)."""
        for whole, owner in self.runs(text, start, end, countries):
            for run in self.split(whole, countries):
                country = owner if run[0] is whole[0] else None
                organization = self.organization(text, run, country, countries)
                if organization is not None:
                    yield organization
                else:
                    yield from self.person_after_title(run, countries)
            yield from self.person_before_title(text, whole, end, countries)

    def split(self, run: list[Word], countries: dict) -> Iterator[list[Word]]:
        """A run cut at each "and" that follows a whole name: an organisation word, a person
        after a title, a country ("Kazakhstan and China Energy Group"). "China Road and Bridge
        Corporation" and "Ministry of Industry and Construction" stay whole."""
        part: list[Word] = []
        for word in run:
            if word.text == "and" and part and self.complete(part, countries):
                yield part
                part = []
            else:
                part.append(word)
        if part:
            yield part

    def complete(self, part: list[Word], countries: dict) -> bool:
        last = part[-1].text
        return bool(
            (self.words.organization_kind(last) and last not in self.words.inner)
            or any(self.is_title(word.text) for word in part)
            or _country_of(part, countries)
        )

    def runs(
        self, text: str, start: int, end: int, countries: dict
    ) -> Iterator[tuple[list[Word], str | None]]:
        """Runs of capitalised words, each with the country of a possessive just before it."""
        words = [
            _without_stop(Word(m.group(), m.start(), m.end()))
            for m in _WORD.finditer(text, start, end)
        ]
        run: list[Word] = []
        owner: str | None = None  # the country of a possessive that the next run follows
        for index, word in enumerate(words):
            joined = bool(run) and text[run[-1].end : word.start] == " "
            following = words[index + 1] if index + 1 < len(words) else None
            if joined and (
                word.capitalised
                or (
                    word.text in self.words.connectors
                    and following is not None
                    and following.capitalised
                    and text[word.end : following.start] == " "
                )
            ):
                run.append(word)
            else:
                if run:
                    yield self.trimmed(run), owner
                    owner = None
                run = [word] if word.capitalised else []
                if not word.capitalised:
                    owner = None
            stem = _possessive_stem(run[-1]) if run and _POSSESSIVE.search(run[-1].text) else None
            if stem is not None and (stem.start, stem.end) in countries:
                # "Kazakhstan's Ministry of Energy": a country's possessive; any other stays
                # inside the name ("China Nonferrous Metal Industry's Foreign Engineering ...")
                yield self.trimmed([*run[:-1], stem]), owner
                owner, run = countries[(stem.start, stem.end)], []
            elif run and text[run[-1].end : run[-1].end + 1] in ',;:()"“”.!?':
                yield self.trimmed(run), owner
                owner, run = None, []
        if run:
            yield self.trimmed(run), owner

    def trimmed(self, run: list[Word]) -> list[Word]:
        while run and (run[0].text in self.words.not_name or run[0].text in self.words.connectors):
            run = run[1:]
        while run and run[-1].text in self.words.connectors:
            run = run[:-1]
        return run

    def organization(
        self, text: str, run: list[Word], country: str | None, countries: dict
    ) -> NameProposal | None:
        run = self.organization_part(run)
        if any(word.text in self.words.media for word in run) or (
            run and _POSSESSIVE.search(run[0].text)
        ):
            return None  # an outlet ("Kazinform News Agency", "RFE/RL's Kyrgyz Service")
        if run and self.words.continued.match(text, run[-1].end):
            return None
        leading = _country_of(run[:1], countries)
        if leading and self.is_demonym(run[0].text, leading):
            country, run = leading, run[1:]  # "Chinese Xinjiang ... Group", "Kazakh Ministry of"
        if len(run) < 2:
            return None
        names = [word.text for word in run]
        head = self.head_word(names)
        if head is None:
            return None
        kind = self.words.organization_kind(names[head])
        state = kind in self.words.state_kinds
        # "Ministry of Energy" after "Kazakhstan's" is distinctive by its country
        has_of = "of" in names
        if not self.distinctive(run, countries) and not (country and state and has_of):
            return None
        name = " ".join(names)
        of_country = _ends_in_country(run, countries)
        if country and state and not of_country:
            name = f"{name} of {_country_name(country)}"
        return NameProposal(
            "organization",
            name,
            run[0].start,
            run[-1].end,
            role="party",
            organization_kind=kind,
            country=of_country or (country if state else None),
            confidence=ORGANIZATION_CONFIDENCE,
        )

    @staticmethod
    def is_demonym(word: str, iso3: str) -> bool:
        """A country's adjective ("Chinese", "Kazakh"), not its name ("China")."""
        return word not in _country_names(iso3)

    def organization_part(self, run: list[Word]) -> list[Word]:
        """The words of ``run`` up to its last organisation word (a person may follow a title:
        "Chairman of China Road and Bridge Corporation Wang Lei" is not one name)."""
        last = max(
            (i for i, word in enumerate(run) if self.words.organization_kind(word.text)),
            default=None,
        )
        if last is None:
            return []
        # what follows the last organisation word is still its name ("Development Bank of
        # Kazakhstan"), up to a title ("... Corporation Chairman Wang Lei")
        end = next((i for i in range(last + 1, len(run)) if self.is_title(run[i].text)), len(run))
        part = run[:end]
        titles = [i for i, word in enumerate(part) if self.is_title(word.text)]
        if titles and titles[-1] + 1 < len(part) and part[titles[-1] + 1].text == "of":
            part = part[titles[-1] + 2 :]  # "Chairman of X Corporation": X Corporation
        return self.trimmed(part)

    def head_word(self, names: list[str]) -> int | None:
        """Where the word that makes it an organisation stands, or None."""
        if self.words.organization_kind(names[-1]):
            return len(names) - 1
        if names[0] in self.words.legal_forms:
            return 0
        for i, name in enumerate(names[:-1]):
            if self.words.organization_kind(name) and names[i + 1] == "of":
                return i
        return None

    def distinctive(self, run: list[Word], countries: dict) -> bool:
        after_of = False
        for word in run:
            text = word.text
            if text == "of":
                after_of = True
                continue
            plain = not (
                self.words.organization_kind(text)
                or text in self.words.connectors
                or text in self.words.generic
            )
            is_country = (word.start, word.end) in countries or _country_of([word], countries)
            if plain and (not is_country or after_of):
                return True
        return False

    # ---------------------------------------------------------------- people

    def is_title(self, word: str) -> bool:
        return word in self.words.title_words

    def person_after_title(self, run: list[Word], countries: dict) -> Iterator[NameProposal]:
        titled = [i for i, word in enumerate(run) if self.is_title(word.text)]
        if not titled:
            return
        after = run[titled[-1] + 1 :]
        if self.person_words(after, countries):
            position = " ".join(word.text for word in run[: titled[-1] + 1])
            yield self.person(after, self.trimmed_title(position))

    def person_before_title(
        self, text: str, run: list[Word], end: int, countries: dict
    ) -> Iterator[NameProposal]:
        """ "Wang Lei, chairman of ...": the name is the run's last words, after any "and"."""
        title = self.words.title_after_comma.match(text, run[-1].end, end) if run else None
        if title is None:
            return
        ands = [i for i, word in enumerate(run) if word.text == "and"]
        name = run[ands[-1] + 1 :] if ands else run
        if self.person_words(name, countries):
            position = _TITLE_END.split(text[title.start(1) : end], maxsplit=1)[0]
            yield self.person(name, position[0].upper() + position[1:])

    def trimmed_title(self, position: str) -> str:
        words = [word for word in position.split() if word not in self.words.not_name]
        return " ".join(words)

    def person_words(self, words: list[Word], countries: dict) -> bool:
        if not 2 <= len(words) <= 3:
            return False
        return all(
            _NAME_WORD.fullmatch(word.text)
            and word.text not in self.words.not_name
            and not self.words.organization_kind(word.text)
            and not self.is_title(word.text)
            and word.text not in self.words.generic
            and not _country_of([word], countries)
            for word in words
        )

    @staticmethod
    def person(words: list[Word], position: str) -> NameProposal:
        return NameProposal(
            "person",
            " ".join(word.text for word in words),
            words[0].start,
            words[-1].end,
            role="party",
            position=position,
            confidence=PERSON_CONFIDENCE,
        )

    # ---------------------------------------------------------------- the fact

    def placed(self, text: str, fact: ExtractedFact, found: NameProposal) -> NameProposal | None:
        """``found`` with its role in ``fact``, or None where the fact has no place for it."""
        quote = text[fact.char_start : fact.char_end]
        words = self.words
        if fact.kind == "trade_flow":
            before = text[max(fact.char_start, found.char_start - 30) : found.char_start]
            after = text[found.char_end : min(fact.char_end, found.char_end + 20)]
            attributed = words.attributed_before.search(before) or words.attributed_after.match(
                after
            )
            return _with(found, role="attributed") if attributed else None
        if fact.kind == "project":
            if found.kind == "person":
                return None
            financier = found.organization_kind == "bank" or found.organization_kind == "other"
            return _with(found, role="financier" if financier else "partner")
        if found.kind == "person":
            return _with(found, role="signatory" if words.signing.search(quote) else "party")
        lends = found.organization_kind == "bank" and (
            fact.fields.get("kind") == "loan" or words.loan.search(quote)
        )
        return _with(found, role="lender" if lends else "party")


def _with(found: NameProposal, role: str) -> NameProposal:
    return NameProposal(
        found.kind,
        found.name,
        found.char_start,
        found.char_end,
        role,
        found.organization_kind,
        found.position,
        found.country,
        found.confidence,
    )


def _without_stop(word: Word) -> Word:
    """A word with a sentence's full stop cut off ("Group." at the end); "Co." keeps its own."""
    if word.text.endswith(".") and word.text not in ("Co.", "Corp.", "Ltd.", "Inc."):
        return Word(word.text.rstrip("."), word.start, word.end - 1)
    return word


def _possessive_stem(word: Word) -> Word:
    return Word(word.text[:-2], word.start, word.end - 2)


def _country_of(words: list[Word], countries: dict) -> str | None:
    """The country the words are a mention of (a name or demonym the gazetteer knows)."""
    return countries.get((words[0].start, words[-1].end)) if words else None


def _ends_in_country(run: list[Word], countries: dict) -> str | None:
    """ "Development Bank of Kazakhstan": the country after the last "of"."""
    ofs = [i for i, word in enumerate(run) if word.text == "of"]
    if not ofs:
        return None
    return _country_of(run[ofs[-1] + 1 :], countries)


@cache
def _country_names(iso3: str) -> frozenset[str]:
    """A country's names (not its adjectives), from pycountry, as the gazetteer has them."""
    country = pycountry.countries.get(alpha_3=iso3)
    names = {getattr(country, a, None) for a in ("name", "common_name", "official_name")}
    return frozenset(name for name in names if name)


def _country_name(iso3: str) -> str:
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or country.name if country else iso3


def _headline_end(text: str) -> int:
    first_line = text.find("\n")
    return first_line if 0 < first_line <= HEADLINE_MAX else 0


def _title_case(quote: str) -> bool:
    words = [w for w in _WORD.findall(quote) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where the quote's own words begin: after a wire dateline that opens its line."""
    if start > 0 and text[start - 1] != "\n":
        return start
    match = _DATELINE.match(text, start, end)
    return match.end() if match else start


def _in_parentheses(text: str, position: int, start: int) -> bool:
    opened = text.rfind("(", start, position)
    return opened != -1 and text.find(")", opened, position) == -1
