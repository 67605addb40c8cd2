"""What the extractor's readers share: the cue lexicon (every word list in data/ compiled once
per Extractor), a sentence being read, and the context carried from one sentence to the next."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .amounts import Amount
from .dates import Period, PeriodMention
from .lexicon import PhraseTable, alternation, load
from .text import Span, clauses
from .types import Mention

CHINA = "CHN"
# Word lists of data/topics.yaml read by their own regexes, not as the cue of an amount.
SEPARATE_TOPICS = ("signing", "build", "spend", "total_trade", "expected", "expected_outcome")
# Lists of data/events.yaml that are no event kind: each has its own regex below.
EVENT_WORDS_NOT_KINDS = ("generic", "closing", "within_other")
BASE_CONFIDENCE = {
    "trade_flow": 0.8,
    "agreement": 0.75,
    "project": 0.6,
    "event": 0.7,
    "indicator": 0.6,
}


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    category: str
    word: str


class Lexicon:
    """Every cue regex, compiled once per Extractor."""

    def __init__(self) -> None:
        topics = load("topics")
        projects = load("projects")
        self.topic = PhraseTable(
            {
                **{k: v for k, v in topics.items() if k not in SEPARATE_TOPICS},
                "projects": ["projects", "project portfolio"],
                "project": [w for words in projects.values() for w in words] + ["project"],
            }
        )
        self.signing = re.compile(rf"\b{alternation(topics['signing'])}\b", re.I)
        self.build = re.compile(rf"\b{alternation(topics['build'])}\b", re.I)
        self.spend = re.compile(rf"\b{alternation(topics['spend'])}\b", re.I)
        self.total_trade = re.compile(rf"\b{alternation(topics['total_trade'])}\b", re.I)
        self.expected = re.compile(
            rf"\b(?:{alternation(topics['expected'])})\b[^.;]{{0,80}}?"
            rf"\b(?:{alternation(topics['expected_outcome'])})\b",
            re.I,
        )
        self.price_per = re.compile(
            rf"\s*(?:per|a|an|for\s+(?:one|a|each))\s+{alternation(load('units')['price_per'])}\b",
            re.I,
        )
        heads = alternation(load("organizations")["heads_before_of"], flexible_space=False)
        word = r"[A-Z][\w’'-]*"
        self.institution = re.compile(
            rf"\b{heads}\s+(?:of|for)\s+(?:the\s+)?{word}(?:(?:,\s+|\s+(?:and|&)\s+|\s+){word})*"
        )
        flows = load("flows")
        self.flow = PhraseTable(
            {k: flows[k] for k in ("exports", "imports", "transit", "turnover")}
        )
        self.project_kind = PhraseTable(projects)
        statuses = load("statuses")
        self.agreement_status = PhraseTable(statuses["agreement"])
        self.project_status = PhraseTable(statuses["project"])
        events = load("events")
        self.event_kinds = {
            k: v
            for k, v in events.items()
            if isinstance(v, list) and k not in EVENT_WORDS_NOT_KINDS
        }
        self.event = PhraseTable(self.event_kinds)
        self.event_with_person_after = PhraseTable(events["with_person_after"])
        self.event_with_person_before = PhraseTable(events["with_person_before"])
        self.event_with_place_after = PhraseTable(events["with_place_after"])
        self.event_within_other = re.compile(
            rf"\b(?:{alternation(events['within_other'])})\s*$", re.I
        )
        self.event_closing = re.compile(rf"\b{alternation(events['closing'])}\b", re.I)
        # "the five-day event": how many days an event lasted, in words or digits
        self.count_words = {
            str(k): v for k, v in load("dates")["part_months"].items() if str(k).isalpha()
        }
        self.event_length = re.compile(
            rf"\b(?P<n>\d{{1,2}}|{alternation(self.count_words)})-day\b", re.I
        )
        self.ordinals = events["ordinals"]
        self.ordinal = re.compile(
            rf"\b(?:(?P<word>{alternation(events['ordinals'])})|(?P<num>\d{{1,3}})(?:st|nd|rd|th))\b",
            re.I,
        )
        self.counted_unit = re.compile(
            rf"\b(?:number|volume|total|amount)\s+of\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?P<unit>{alternation(load('units')['units'])})\b"
        )
        self.generic_event = re.compile(rf"\b{alternation(events['generic'])}\b", re.I)
        sectors = load("sectors")
        self.sector = PhraseTable(sectors)
        self.according = re.compile(r"\baccording\s+to\b|\bcited\b|\bdata\s+from\b", re.I)
        self.speech = re.compile(
            r"\b(?:said|says|reported|noted|stated|told|announced|highlighted|stressed)\b"
        )
        self.list_item = re.compile(
            rf"(?:['’]s)?\s*(?:\(|:|,|–|—|\b{alternation(load('flows')['list_item_words'])}\b)?\s*"
            r"(?:(?:about|around|some|nearly|almost|over|more\s+than)\s+)?",
            re.I,
        )
        self.share_of = re.compile(
            r"\s+of\s+(?:the\s+)?(?P<owner>[\w’' -]{0,40}?)\b(?:total\s+|overall\s+|foreign\s+)*(?P<flow>trade|exports|imports|turnover|foreign\s+trade)\b",
            re.I,
        )

    def cues(self, text: str, start: int, end: int) -> list[Cue]:
        found = []
        names = [(m.start(), m.end()) for m in self.institution.finditer(text, start, end)]
        for match in self.topic.finditer(text, start, end):
            if any(a <= match.start() < b for a, b in names):
                continue  # "the Ministry of Economic Development and Trade": a name, not a cue
            found.append(Cue(match.start(), match.end(), self.topic.category(match), match.group()))
        return found


@dataclass
class Context:
    """What carries from one sentence to the next: the period and the countries in play."""

    published: date | None
    period: Period | None = None
    period_age: int = 0  # sentences since the period was stated
    countries: list[str] = field(default_factory=list)  # most recent last
    trade_reporter: str | None = None
    # The subject of the last trade figure: its two parties and the paragraph it was stated
    # in. Figures that name fewer parties take theirs from it until it expires (extractor.py).
    trade_pair: tuple[str, str] | None = None
    trade_period: Period | None = None
    # A country's trade with the world was the subject: figures naming no partner belong to it.
    total_country: str | None = None
    total_paragraph: int = -1
    sentence_index: int = 0
    trade_sentence: int = -1  # the sentence that stated the last trade figure
    project_named_at: int = -9  # the last sentence that named a project noun
    list_head: tuple[str, str] | None = None  # the pair a sentence's list of figures shares
    trade_list_paragraph: int = -9  # the last line opening or continuing a list of trade figures
    trade_paragraph: int = 0
    events_seen: set[str] = field(default_factory=set)  # event kinds found so far
    # The period the headline or the lead states ("in January-September 2025"): a statistics
    # story's figures that state none are of it, rather than of the last full year.
    lead_period: Period | None = None
    # The country whose trade the story is about: the reporter of its first trade figure when
    # that is one country other than China. Ranked partners ("Russia came second") are its.
    home: str | None = None
    first_country: str | None = None  # the first country other than China the article names
    last_partner: str | None = None
    investment_sentence: int = -9  # the last sentence that spoke of investment  # the partner of the last trade figure, ranked ones too

    def recent_countries(self) -> list[str]:
        ordered: list[str] = []
        for code in reversed(self.countries):
            if code not in ordered:
                ordered.append(code)
        return ordered


@dataclass
class Sentence:
    """One sentence being read, with what was found in it."""

    text: str
    span: Span
    mentions: list[Mention]
    amounts: list[Amount]
    periods: list[PeriodMention]
    lexicon: Lexicon

    @cached_property
    def cues(self) -> list[Cue]:
        """Computed only for sentences that state an amount."""
        return self.lexicon.cues(self.text, self.span.start, self.span.end)

    @cached_property
    def clauses(self) -> list[Span]:
        return clauses(self.text, self.span)

    def clause_of(self, position: int) -> Span:
        for clause in self.clauses:
            if clause.start <= position < clause.end:
                return clause
        return self.clauses[-1]

    @property
    def quote(self) -> str:
        return self.text[self.span.start : self.span.end]

    def countries(self, start: int | None = None, end: int | None = None) -> list[Mention]:
        start = self.span.start if start is None else start
        end = self.span.end if end is None else end
        return [m for m in self.mentions if m.kind == "country" and start <= m.char_start < end]
