"""Rule-based fact extraction: trade flows, agreements, projects, events and indicators.

Every rule below is general (it reads a form of English, not a sentence of one article), and
every word list is a data file in data/. The extractor is deterministic and offline.

How one article is read
1. Sentences and clauses (text.py); the gazetteer's mentions (countries, organizations, people,
   projects) with their spans.
2. Every stated amount (amounts.py): money, percentages, physical quantities, counts of a noun,
   multipliers. Each amount is classified by its **cue**: the head noun right after it ("a
   $1 billion deal"), else the nearest cue word before it in its clause, else in its sentence,
   else after it (data/topics.yaml). A target word before it in the clause ("goal", "aims to")
   makes it a target indicator whatever its cue.
3. By cue:
   - **trade** + money -> a trade flow (measure value); a percentage "of X's total exports" or
     with a share word -> a trade flow (measure share, unit percent); tonnes or containers with
     a cargo or trade cue in the sentence -> a trade flow (measure volume).
   - **agreement / loan / pledge** + money -> an agreement (value, currency, qualifier); a count
     of agreement nouns in the clause ("58 commercial agreements") is its ``document_count``;
     a count of agreements without money is an agreement package without a value.
     **investment** + a signing verb in the clause ("concluded") -> an agreement (investment).
   - a **project noun** (plant, pipeline, railway ...; data/projects.yaml) + money, or an
     agreement whose clause says what it builds ("a loan ... for a new cement plant")
     -> a project fact, linked to a known project by name, alias or fuzzy match (key_hint).
   - everything else quantified -> an indicator (metric from the counted noun or the cue).
4. Events: an event word (summit, state/working visit, forum, business council, talks, phone
   call, parade, conference; data/events.yaml) makes an event with its ordinal, place (a
   capital or a known name after "in"), dates (dates.py) and the people named as participants.
   Mentions of one event in an article are merged (same kind and same ordinal, year or place).

Fields
- **Period** of an amount: a period stated in its clause, else in the sentence (outside a
  comparison clause), else the one carried from the previous sentence of the paragraph. A shift
  ("the previous year", "the same period in 2024") applies to the period it is compared with.
  A trade flow with no period at all is dated to the last full calendar year before publication
  (as curators date an undated "turnover has reached $X"), with a note and lower confidence;
  without a publication date it becomes an indicator instead.
- **Reporter and partner**: the text states the reporter with a possessive before the flow word
  ("Kazakhstan's exports", "China's trade with ...") or "exports from X"; the partner with
  "to/with/from Y" or as the other party of the sentence. For a **share**, the reporter is the
  country whose total is meant ("15.5% of Kazakhstan's exports") and the partner the other.
  **When no reporter is stated** ("Trade between China and Kazakhstan reached ...", "bilateral
  trade"), the convention is: the party that is not China reports and China is the partner (the
  seed's orientation, which groups claims about one pair); without China, the first-named party
  reports. The flow is the one stated (turnover when only "trade" is said). Such a fact gets a
  note saying so and confidence lowered by 0.15; when countries had to be taken from earlier
  sentences ("the two nations"), by 0.1 more. Nothing is invented: with fewer than two parties
  the figure is kept as an indicator.
- **Attribution**: "according to X", "X said/reported/noted" or a quotation closed by
  '" X said' where X is a known organization or person -> attributed_to.
- **Confidence** starts from a per-kind base (trade flows 0.8, agreements 0.75, projects 0.6,
  events 0.7, indicators 0.6) and is lowered for each inference above; a suspect amount (the
  decimal-comma guess) loses 0.3 and carries a note.
- **Quote**: the sentence that states the fact, with its exact span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..models.agreements import AGREEMENT_STATUSES
from ..models.projects import PROJECT_STATUSES
from .amounts import Amount, count_noun, find_amounts
from .dates import (
    Period,
    PeriodMention,
    find_dates,
    find_periods,
    months_period,
    weekday_dates,
)
from .gazetteer import Gazetteer
from .lexicon import PhraseTable, alternation, load
from .text import Span, clauses, is_comparison, sentences
from .types import ExtractedFact, Mention

EXTRACTOR_NAME = "silkledger-rules"
EXTRACTOR_VERSION = "0.1.0"
CHINA = "CHN"
BASE_CONFIDENCE = {
    "trade_flow": 0.8,
    "agreement": 0.75,
    "project": 0.6,
    "event": 0.7,
    "indicator": 0.6,
}
TRADE_VOLUME_UNITS = ("tonnes", "containers")
SHARE_BEFORE = re.compile(
    r"\bshare\s+of\b[^.;%]{0,60}?\b(?:trade|exports|imports|turnover)\b", re.IGNORECASE
)
TITLE_REACH = 90
HEADLINE_MAX = 200  # a first line longer than this is body text, not a headline
COST_REACH = 30  # "will cost about" / "cost is estimated at": the cost word stands just before  # an event's name ends in its event word and starts at most this far before
# "ASTANA, March 3 --", "BEIJING, Jan 24 (wire) --": a wire story's place and filing date.
DATELINE = re.compile(
    r"[A-Z][A-Z .'’/-]+,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\([^)]{0,40}\))?\s*(?:--|—|–|-)"
)
PERSONAL_EVENT_KINDS = ("bilateral_meeting", "phone_call", "state_visit", "working_visit")
# Words that start a sentence or a phrase and never belong to an event's name.
TITLE_STOPS = {
    "During",
    "Notably",
    "The",
    "A",
    "An",
    "This",
    "That",
    "On",
    "In",
    "At",
    "After",
    "Before",
    "Following",
    "Since",
    "Within",
    "Throughout",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "Ahead",
    "Amid",
    "Despite",
    "Meanwhile",
    "While",
    "When",
    "As",
}
TITLE_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "inaugural",
    "annual",
)
# Cues that can say what a sum of money is; growth, share and cargo words describe rates and volumes.
MONEY_CUES = (
    "cost",
    "trade",
    "agreement",
    "loan",
    "pledge",
    "investment",
    "portfolio",
    "project",
    "projects",
    "target",
    "balance",
)
# A noun right after an amount names it ("a $1 billion deal", "$500 million gas pipeline").
HEAD_CUES = ("agreement", "loan", "project", "investment")
HEAD_GAP = re.compile(
    r"\s*(?:(?!(?:for|in|of|to|from|at|on|by|with|into|through|over)\b)[\w-]+\s+)?(?:worth\s+of\s+)?"
)
# A period stated in one sentence still dates figures in the next two (wire copy states the
# period once, then gives exports and imports in separate one-sentence paragraphs).
PERIOD_CARRY_SENTENCES = 2
FUTURE_AFTER = re.compile(
    r"\s+(?:in|over|within)\s+the\s+(?:coming|next|near)\s+(?:few\s+)?(?:years?|decade|future)\b",
    re.IGNORECASE,
)
FUTURE_BY = re.compile(r"\s+by\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d)\b")
POSSESSIVE = re.compile(r"\s?['’]s?\b")
QUOTE_MARKS = '"“”'


def _category_regex(table: dict) -> PhraseTable:
    return PhraseTable(table)


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
        self.topic = _category_regex(
            {
                **{k: v for k, v in topics.items() if k not in ("signing", "build")},
                "projects": ["projects", "project portfolio"],
                "project": [w for words in projects.values() for w in words] + ["project"],
            }
        )
        self.signing = re.compile(rf"\b{alternation(topics['signing'])}\b", re.I)
        self.build = re.compile(rf"\b{alternation(topics['build'])}\b", re.I)
        flows = load("flows")
        self.flow = _category_regex(
            {k: flows[k] for k in ("exports", "imports", "transit", "turnover")}
        )
        self.project_kind = _category_regex(projects)
        statuses = load("statuses")
        self.agreement_status = _category_regex(statuses["agreement"])
        self.project_status = _category_regex(statuses["project"])
        events = load("events")
        self.event_kinds = {k: v for k, v in events.items() if k not in ("ordinals", "generic")}
        self.event = _category_regex(self.event_kinds)
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
        self.sector = _category_regex(sectors)
        self.according = re.compile(r"\baccording\s+to\b|\bcited\b|\bdata\s+from\b", re.I)
        self.speech = re.compile(
            r"\b(?:said|says|reported|noted|stated|told|announced|highlighted|stressed)\b"
        )
        self.share_of = re.compile(
            r"\s+of\s+(?:the\s+)?(?P<owner>[\w’' -]{0,40}?)\b(?:total\s+|overall\s+|foreign\s+)*(?P<flow>trade|exports|imports|turnover|foreign\s+trade)\b",
            re.I,
        )

    def cues(self, text: str, start: int, end: int) -> list[Cue]:
        found = []
        for match in self.topic.finditer(text, start, end):
            found.append(Cue(match.start(), match.end(), self.topic.category(match), match.group()))
        return found


@dataclass
class _Context:
    """What carries from one sentence to the next: the period and the countries in play."""

    published: date | None
    period: Period | None = None
    period_age: int = 0  # sentences since the period was stated
    countries: list[str] = field(default_factory=list)  # most recent last
    trade_reporter: str | None = None

    def recent_countries(self) -> list[str]:
        ordered: list[str] = []
        for code in reversed(self.countries):
            if code not in ordered:
                ordered.append(code)
        return ordered


@dataclass
class _Sentence:
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


class Extractor:
    """Compiles its patterns once; ``extract`` reads one article."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.lexicon = Lexicon()

    def extract(self, text: str, published: date | None = None) -> list[ExtractedFact]:
        mentions = self.gazetteer.mentions(text)
        context = _Context(published)
        facts: list[ExtractedFact] = []
        position = 0
        for span in sentences(text):
            while position < len(mentions) and mentions[position].char_end <= span.start:
                position += 1
            inside = []
            for mention in mentions[position:]:
                if mention.char_start >= span.end:
                    break
                inside.append(mention)
            sentence = _Sentence(
                text,
                span,
                inside,
                find_amounts(text, span.start, span.end),
                find_periods(text, span.start, span.end, published),
                self.lexicon,
            )
            if context.period_age >= PERIOD_CARRY_SENTENCES:
                context.period = None
            facts += _Reader(self, sentence, context).figures()
            facts += self._events(sentence, context)
            _advance(context, sentence)
        return _without_headline_repeats(text, _merge_events(facts))

    # ---------------------------------------------------------------------- events

    def _events(self, sentence: _Sentence, context: _Context) -> list[ExtractedFact]:
        text, span = sentence.text, sentence.span
        facts = []
        seen_kinds = set()
        if not self.lexicon.event.may_occur(text[span.start : span.end].lower()):
            return facts
        for match in self.lexicon.event.finditer(text, span.start, span.end):
            kind = self.lexicon.event.category(match)
            if kind in seen_kinds or self.lexicon.generic_event.search(text, span.start, span.end):
                continue
            seen_kinds.add(kind)
            facts.append(self._event(sentence, match, kind, context))
        return [fact for fact in facts if fact is not None]

    def _event(self, sentence: _Sentence, match: re.Match, kind: str, context: _Context):
        text, span = sentence.text, sentence.span
        fields: dict = {"kind": kind, "title": _event_title(sentence, match, kind)}
        confidence = BASE_CONFIDENCE["event"]
        ordinal = self.lexicon.ordinal.search(
            text, max(span.start, match.start() - 60), match.start()
        )
        if ordinal and kind in ("summit", "forum", "business_council", "conference"):
            word = ordinal.group("word")
            fields["sequence_number"] = (
                self.lexicon.ordinals[word.lower()] if word else int(ordinal.group("num"))
            )
        dates = _event_dates(sentence, context.published)
        if dates:
            nearest = min(dates, key=lambda d: abs(d.start - match.start()))
            fields["start_date"] = nearest.first
            if nearest.last != nearest.first:
                fields["end_date"] = nearest.last
            fields["date_precision"] = nearest.precision
        place = _place(text, sentence, match, self.gazetteer)
        if place:
            fields["place"], country = place
            if country:
                fields["country"] = country
        fields.update(_participants(sentence, kind))
        if kind == "state_visit" and match.group().lower() != "state visit":
            confidence -= 0.1  # "visit" alone: state or working visit is not said
        note = nearest.note if dates else None
        return ExtractedFact(
            "event", fields, round(confidence, 2), sentence.quote, span.start, span.end, None, note
        )


def _event_title(sentence: _Sentence, match: re.Match, kind: str) -> str:
    """The event's name as written ("second Central Asia-China ... Forum"); for a meeting or a
    call named by a verb ("held talks"), the kind and the people ("Talks: Xi Jinping, ...")."""
    text = sentence.text
    if kind in PERSONAL_EVENT_KINDS and not match.group()[0].isupper():
        people = [m.text for m in sentence.mentions if m.kind == "person"]
        phrase = " ".join(match.group().split())
        if people:
            return f"{phrase[0].upper()}{phrase[1:]}: {', '.join(dict.fromkeys(people))}"[:200]
    start = _title_start(text, max(sentence.span.start, match.start() - TITLE_REACH), match.start())
    title = text[start : match.end()].strip(' ,“”"')
    return (title[0].upper() + title[1:])[:200] if title else kind


def _event_dates(sentence: _Sentence, published: date | None) -> list:
    """The dates of an event sentence, without a dateline ("ASTANA, March 3 --" is when the
    report was filed), with weekdays ("on Monday") resolved against the publication date."""
    span = sentence.span
    found = find_dates(sentence.text, span.start, span.end, published)
    dateline = DATELINE.match(sentence.text, span.start, span.end)
    if dateline:
        found = [d for d in found if d.start >= dateline.end()]
    return found + weekday_dates(sentence.text, span.start, span.end, published)


def _participants(sentence: _Sentence, kind: str) -> dict:
    """The people named; for a meeting, visit or call also the countries (\"Tajik President\")."""
    wanted = ("person", "country") if kind in PERSONAL_EVENT_KINDS else ("person",)
    found = dict.fromkeys((m.kind, m.key) for m in sentence.mentions if m.kind in wanted)
    if not found:
        return {}
    return {"participants": [{kind_: key, "role": "participant"} for kind_, key in found]}


def _advance(context: _Context, sentence: _Sentence) -> None:
    context.period_age += 1
    absolute = [p.period for p in sentence.periods if p.period is not None]
    if absolute:
        context.period = absolute[0]
        context.period_age = 0
    context.countries += [m.key for m in sentence.countries()]
    del context.countries[:-12]


def _title_start(text: str, floor: int, position: int) -> int:
    """Walk left over the capitalised words and ordinals that name an event; "of", "and" and
    "for" join two such words ("Industrial and Investment Cooperation Forum")."""
    words = list(re.finditer(r"[\w’'\-–.]+", text[floor:position]))
    start = position
    for word in reversed(words):
        token = word.group()
        if token in TITLE_STOPS or token.lower() in ("the", "a", "an"):
            break
        if token[0].isupper() or token[0].isdigit() or token.lower() in TITLE_ORDINALS:
            start = floor + word.start()
            continue
        if token.lower() in ("of", "and", "for", "-", "–"):
            continue
        break
    return start


def _place(text: str, sentence: _Sentence, match: re.Match, gazetteer: Gazetteer):
    """'in Astana' (a capital or a country) or 'in Tianjin' (an unknown capitalised place)."""
    for found in re.finditer(
        r"\b(?:in|at)\s+(?P<place>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)",
        text[sentence.span.start : sentence.span.end],
    ):
        start = sentence.span.start + found.start("place")
        if abs(start - match.start()) > 120:
            continue
        name = found.group("place")
        for mention in sentence.mentions:
            if mention.char_start == start and mention.kind == "country":
                return mention.text, mention.key
        if name.split()[0] in {"The", "A", "An", "This", "That", "Its", "His", "Her", "Their"}:
            continue
        after = [
            m for m in sentence.countries(start, start + len(name) + 12) if m.char_start > start
        ]
        return name.split(",")[0], after[0].key if after else None
    return None


def _without_headline_repeats(text: str, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """A headline restates the story: a figure read from the first line is dropped when the body
    states it too (the same kind of fact, value and unit); the body's sentence is the better
    quote. Events are kept: a headline's "visit" may be another visit than the body's."""
    first_line = text.find("\n")
    if first_line == -1 or first_line > HEADLINE_MAX:
        return facts
    body = [fact for fact in facts if fact.char_start > first_line]
    restated = {_gist(fact) for fact in body}
    return [
        fact
        for fact in facts
        if fact.char_start > first_line or fact.kind == "event" or _gist(fact) not in restated
    ]


def _gist(fact: ExtractedFact) -> tuple:
    fields = fact.fields
    return (fact.kind, fields.get("value"), fields.get("unit") or fields.get("currency"))


def _merge_events(facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """One event mentioned several times in an article is one fact (its first quote).

    Two mentions are one event when they have the same kind, nothing they state differs
    (ordinal, year, place, and for meetings, visits and calls the parties named) and at least one
    of these is stated by both and equal. A bare mention ("the summit", "during the forum": no
    name, ordinal, date or place) joins the article's event of that kind, if it has one.
    """
    kept: list[ExtractedFact] = []
    bare: list[ExtractedFact] = []
    for fact in facts:
        if fact.kind != "event":
            kept.append(fact)
            continue
        if _is_bare(fact.fields):
            bare.append(fact)
            continue
        same = next(
            (f for f in kept if f.kind == "event" and _same_event(f.fields, fact.fields)), None
        )
        if same is None:
            kept.append(fact)
        else:
            for name, value in fact.fields.items():
                same.fields.setdefault(name, value)
    kinds = {f.fields["kind"] for f in kept if f.kind == "event"}
    for fact in bare:
        if fact.fields["kind"] not in kinds:
            kinds.add(fact.fields["kind"])
            kept.append(fact)
    return sorted(kept, key=lambda f: f.char_start)


def _is_bare(fields: dict) -> bool:
    said = fields["title"].lower()
    return not any(fields.get(n) for n in ("sequence_number", "start_date", "place")) and (
        " " not in said or said in ("state visit", "working visit", "official visit")
    )


def _event_traits(fields: dict) -> dict:
    traits = {
        "ordinal": fields.get("sequence_number"),
        "year": fields["start_date"].year if fields.get("start_date") else None,
        "place": fields.get("country") or fields.get("place"),
    }
    if fields["kind"] in PERSONAL_EVENT_KINDS:
        parties = [next(iter(p.values())) for p in fields.get("participants", [])]
        traits["parties"] = tuple(sorted(parties)) or None
    return traits


def _same_event(a: dict, b: dict) -> bool:
    if a["kind"] != b["kind"]:
        return False
    mine, theirs = _event_traits(a), _event_traits(b)
    shared = [name for name in mine if mine[name] is not None and theirs.get(name) is not None]
    return bool(shared) and all(mine[name] == theirs[name] for name in shared)


class _Reader:
    """Reads the amounts of one sentence into facts."""

    def __init__(self, extractor: Extractor, sentence: _Sentence, context: _Context):
        self.extractor = extractor
        self.lexicon = extractor.lexicon
        self.gazetteer = extractor.gazetteer
        self.sentence = sentence
        self.context = context
        self.text = sentence.text
        self.consumed: set[int] = set()  # amount starts used as a document count

    def figures(self) -> list[ExtractedFact]:
        facts: list[ExtractedFact] = []
        for amount in self.sentence.amounts:
            if amount.start in self.consumed:
                continue
            facts += self._amount(amount)
        return facts

    # ------------------------------------------------------------------ classification

    def _cue(self, amount: Amount) -> Cue | None:
        clause = self.sentence.clause_of(amount.start)
        allowed = MONEY_CUES if amount.is_money else None
        cues = [c for c in self.sentence.cues if allowed is None or c.category in allowed]
        head = [
            c for c in cues if amount.end <= c.start <= amount.end + 24 and c.category in HEAD_CUES
        ]
        if head and HEAD_GAP.fullmatch(self.text, amount.end, head[0].start):
            return head[0]
        before_clause = [c for c in cues if clause.start <= c.start and c.end <= amount.start]
        if before_clause:
            # A trade figure may name the route or project it passed through ("exports to China
            # through the corridor ... $700 million"): trade outranks a project noun.
            if before_clause[-1].category in ("project", "projects"):
                trade = [c for c in before_clause if c.category == "trade"]
                if trade:
                    return trade[-1]
            return before_clause[-1]
        after = [c for c in cues if c.start >= amount.end and c.start < clause.end]
        if after:
            return after[0]
        before = [c for c in cues if c.end <= amount.start]
        return before[-1] if before else None

    def _in_clause(self, amount: Amount, category: str, before_only: bool = True) -> Cue | None:
        clause = self.sentence.clause_of(amount.start)
        limit = amount.start if before_only else clause.end
        found = [
            c
            for c in self.sentence.cues
            if c.category == category and clause.start <= c.start < limit
        ]
        return found[-1] if found else None

    def _in_sentence(self, category: str) -> Cue | None:
        found = [c for c in self.sentence.cues if c.category == category]
        return found[0] if found else None

    def _amount(self, amount: Amount) -> list[ExtractedFact]:
        if amount.unit == "count":
            return self._count(amount)
        cue = self._cue(amount)
        category = cue.category if cue else None
        if self._in_clause(amount, "target") or self._is_future(amount):
            return [self._indicator(amount, "target", is_target=True, cue=cue)]
        if amount.is_money:
            return self._money(amount, category, cue)
        if amount.unit == "percent":
            return self._percent(amount, category, cue)
        if amount.unit in TRADE_VOLUME_UNITS and (
            self._in_sentence("cargo") or self._in_sentence("trade")
        ):
            flow = self._trade_flow(amount, "volume")
            if flow:
                return [flow]
        return [self._indicator(amount, None, cue=cue)]

    def _costs_a_project(self, amount: Amount, cue: Cue) -> bool:
        """'The line will cost $4.7 billion' is a project's value when a project is named in the
        clause or the sentence (a project noun or a known project) and the cost word is close."""
        if amount.start - cue.end > COST_REACH:
            return False
        span = self.sentence.span
        named = self.lexicon.project_kind.search(self.text, span.start, amount.start)
        return named is not None or any(m.kind == "project" for m in self.sentence.mentions)

    def _is_future(self, amount: Amount) -> bool:
        """'$20 billion by 2030' read in 2025, '$50 billion in the coming years': a target, not
        a figure reached."""
        if FUTURE_AFTER.match(self.text, amount.end):
            return True
        match = FUTURE_BY.match(self.text, amount.end)
        published = self.context.published
        return bool(match and published and int(match.group("year")) > published.year)

    def _money(self, amount: Amount, category: str | None, cue: Cue | None) -> list[ExtractedFact]:
        if category == "portfolio" or self._in_clause(amount, "portfolio"):
            return [self._indicator(amount, "investment_portfolio", cue=cue)]
        if category == "trade":
            flow = self._trade_flow(amount, "value")
            return [flow] if flow else [self._indicator(amount, "trade_value", cue=cue)]
        if category in ("agreement", "loan", "pledge") or (
            category == "investment" and self._signing_in_clause(amount)
        ):
            facts = [self._agreement(amount, category)]
            if self._builds(amount):
                facts.append(self._project(amount, agreed=True))
            return facts
        if category == "cost" and not self._costs_a_project(amount, cue):
            return [self._indicator(amount, "cost", cue=cue)]
        if category in ("project", "cost"):
            facts = [self._project(amount, agreed=False)]
            if self._in_clause(amount, "agreement", before_only=False):
                facts.append(self._agreement(amount, "agreement"))
            return facts
        if category == "projects":
            return [self._indicator(amount, "project_value", cue=cue)]
        if category == "investment" and self._builds(amount):
            return [self._project(amount, agreed=False)]
        if category == "investment":
            return [self._indicator(amount, "investment", cue=cue)]
        return [self._indicator(amount, None, cue=cue)]

    def _percent(
        self, amount: Amount, category: str | None, cue: Cue | None
    ) -> list[ExtractedFact]:
        share = self.lexicon.share_of.match(self.text, amount.end, self.sentence.span.end)
        if self._in_sentence("balance"):
            return [self._indicator(amount, "trade_balance_share", cue=cue)]
        clause = self.sentence.clause_of(amount.start)
        # A trade share is of the reporter's own total: "15.5% of Kazakhstan's total exports",
        # "China's share of the region's foreign trade was 40%"; "70% of that amount" is not.
        if share or SHARE_BEFORE.search(self.text, clause.start, amount.start):
            flow = self._trade_flow(amount, "share", share)
            if flow:
                return [flow]
        if category == "growth" or category == "trade":
            metric = "trade_growth" if self._in_sentence("trade") else "growth"
            if self._in_sentence("cargo"):
                metric = "cargo_growth"
            return [self._indicator(amount, metric, cue=cue)]
        return [self._indicator(amount, None, cue=cue)]

    def _count(self, amount: Amount) -> list[ExtractedFact]:
        noun = count_noun(self.text, amount, self.sentence.span.end)
        if noun is None:
            unit = self._unit_before(amount)
            if unit is None:
                return []  # a bare number with nothing it counts: not a stated figure
            amount = Amount(amount.start, amount.end, amount.value, unit, amount.qualifier)
            return self._amount(amount)
        word, _ = noun
        metric = load("units")["count_nouns"][word.lower()]
        if metric == "document_count":
            has_money = any(
                a.is_money and a.start > amount.start
                for a in self.sentence.amounts
                if self.sentence.clause_of(a.start) == self.sentence.clause_of(amount.start)
            )
            if has_money:
                return []  # read as the document count of the agreement that follows
            return [self._agreement(amount, "agreement", count_only=True)]
        return [self._indicator(amount, metric)]

    def _unit_before(self, amount: Amount) -> str | None:
        """'the total number of containers ... exceeded 211,000': the unit named before."""
        clause = self.sentence.clause_of(amount.start)
        found = list(self.lexicon.counted_unit.finditer(self.text, clause.start, amount.start))
        if not found:
            return None
        return load("units")["units"][" ".join(found[-1].group("unit").split())]

    def _signing_in_clause(self, amount: Amount) -> bool:
        clause = self.sentence.clause_of(amount.start)
        return self.lexicon.signing.search(self.text, clause.start, clause.end) is not None

    def _builds(self, amount: Amount) -> bool:
        span = self.sentence.span
        build = self.lexicon.build.search(
            self.text, amount.end, span.end
        ) or self.lexicon.build.search(self.text, span.start, amount.start)
        return (
            build is not None
            and self.lexicon.project_kind.search(self.text, build.end(), span.end) is not None
        )

    # ------------------------------------------------------------------ periods

    def _period(self, amount: Amount) -> tuple[Period | None, str | None]:
        """The amount's period and a note when it was inferred (module docstring)."""
        sentence = self.sentence
        clause = sentence.clause_of(amount.start)
        in_clause = [p for p in sentence.periods if clause.start <= p.start < clause.end]
        if in_clause:
            nearest = min(in_clause, key=lambda p: abs(p.start - amount.start))
            if nearest.period is not None:
                return nearest.period, nearest.note
            return self._shifted(nearest, self._base_period(nearest.start))
        outside = [
            p
            for p in sentence.periods
            if p.period is not None and not is_comparison(self.text, sentence.clause_of(p.start))
        ]
        if outside:
            nearest = min(outside, key=lambda p: abs(p.start - amount.start))
            return nearest.period, nearest.note
        if self.context.period is not None:
            return self.context.period, "period carried from the previous sentence"
        return None, None

    def _base_period(self, position: int) -> Period | None:
        """The period a comparison at ``position`` refers to: the last one stated before it."""
        earlier = [p.period for p in self.sentence.periods if p.period and p.start < position]
        return earlier[-1] if earlier else self.context.period

    def _shifted(
        self, mention: PeriodMention, base: Period | None
    ) -> tuple[Period | None, str | None]:
        if base is None:
            return None, None
        if mention.shift == 0:
            return base, "the same period as the figure it follows"
        if mention.shift < 0:
            return base.shifted(
                mention.shift
            ), "compared period: the period in context, a year earlier"
        return months_period(mention.shift, base.start.month, base.end.month), mention.note

    def _default_year(self) -> tuple[Period | None, str | None]:
        published = self.context.published
        if published is None:
            return None, None
        year = published.year - 1
        return months_period(year, 1, 12), (
            f"no period stated; dated to {year}, the last full year before publication ({published})"
        )

    # ------------------------------------------------------------------ parties

    def _countries_for(self, amount: Amount) -> tuple[list[Mention], bool]:
        """The countries of the amount's sentence (clause first); from context when missing."""
        sentence = self.sentence
        clause = sentence.clause_of(amount.start)
        ordered = sentence.countries(clause.start, clause.end) + sentence.countries()
        codes = list(dict.fromkeys(m.key for m in ordered))
        borrowed = False
        for code in self.context.recent_countries():
            if len(codes) >= 2:
                break
            if code not in codes:
                codes.append(code)
                borrowed = True
        mentions = {m.key: m for m in ordered}
        return [
            mentions.get(code) or Mention("country", code, -1, -1, code) for code in codes
        ], borrowed

    def _trade_flow(
        self, amount: Amount, measure: str, share: re.Match | None = None
    ) -> ExtractedFact | None:
        flow, flow_position = self._flow(amount, share)
        countries, borrowed = self._countries_for(amount)
        if len(countries) < 2:
            return None
        reporter, partner, stated = self._orientation(countries, flow_position, measure, share)
        if reporter is None or reporter == partner:
            return None
        period, period_note = self._period(amount)
        confidence = BASE_CONFIDENCE["trade_flow"]
        notes = []
        if period is None:
            period, period_note = self._default_year()
            confidence -= 0.1
            if period is None:
                return None
        if period_note:
            notes.append(period_note)
        if not stated:
            confidence -= 0.15
            notes.append(
                "reporter not stated: by convention the party other than China reports "
                "(else the first named)"
            )
        if borrowed:
            confidence -= 0.1
            notes.append("a party taken from an earlier sentence")
        self.context.trade_reporter = reporter
        fields = {
            "reporter": reporter,
            "partner": partner,
            "period": period.as_fields(),
            "flow": flow
            if measure != "volume" or flow != "turnover" or not self._transit()
            else "transit",
            "measure": measure,
            "value": amount.value,
            "unit": amount.unit if amount.unit != "count" else "containers",
            "qualifier": amount.qualifier,
        }
        if attribution := self._attribution():
            fields["attributed_to"] = attribution
        return self._fact("trade_flow", fields, amount, confidence, notes)

    def _transit(self) -> bool:
        span = self.sentence.span
        return (
            re.search(r"\btransit|\bthrough\b", self.text[span.start : span.end], re.I) is not None
        )

    def _flow(self, amount: Amount, share: re.Match | None) -> tuple[str, int]:
        if share is not None:
            word = share.group("flow").lower()
            flow = (
                "exports" if word == "exports" else "imports" if word == "imports" else "turnover"
            )
            return flow, share.start("flow")
        clause = self.sentence.clause_of(amount.start)
        span = self.sentence.span
        regex = self.lexicon.flow
        before = list(regex.finditer(self.text, clause.start, amount.start))
        if before:
            return regex.category(before[-1]), before[-1].start()
        after = regex.search(self.text, amount.end, clause.end)
        if after:
            return regex.category(after), after.start()
        anywhere = list(regex.finditer(self.text, span.start, amount.start))
        if anywhere:
            return regex.category(anywhere[-1]), anywhere[-1].start()
        return "turnover", amount.start

    def _orientation(
        self, countries: list[Mention], flow_position: int, measure: str, share: re.Match | None
    ):
        """(reporter, partner, stated): see the module docstring."""
        codes = [m.key for m in countries]
        if share is not None:
            owner = [
                m
                for m in countries
                if m.char_start >= share.start("owner") and m.char_end <= share.end("owner")
            ]
            if owner:
                reporter = owner[0].key
            elif (
                re.match(r"\s*(?:its|their)\b", share.group("owner") or "", re.I)
                and self.context.trade_reporter
            ):
                reporter = self.context.trade_reporter
            else:
                reporter = None
            if reporter:
                others = [c for c in codes if c != reporter]
                return reporter, others[0] if others else None, True
        possessive = [
            m
            for m in countries
            if 0 <= m.char_end <= flow_position
            and POSSESSIVE.match(self.text, m.char_end)
            and flow_position - m.char_end < 40
        ]
        if possessive and measure != "share":
            reporter = possessive[-1].key
            others = [c for c in codes if c != reporter]
            return reporter, others[0] if others else None, True
        first, second = codes[0], codes[1]
        if CHINA in (first, second):
            other = second if first == CHINA else first
            return other, CHINA, False
        return first, second, False

    def _attribution(self) -> dict | None:
        span = self.sentence.span
        sources = [m for m in self.sentence.mentions if m.kind in ("organization", "person")]
        according = self.lexicon.according.search(self.text, span.start, span.end)
        if according:
            after = [m for m in sources if 0 <= m.char_start - according.end() < 60]
            if after:
                return {after[0].kind: after[0].key}
        for mention in sources:
            if mention.kind == "person" and self.lexicon.speech.match(
                self.text, mention.char_end + 1
            ):
                return {"person": mention.key}
        return self._speaker_after_quotation()

    def _speaker_after_quotation(self) -> dict | None:
        """'"... $43.8 billion ...," Kuantyrov said.': the speaker named after the closing mark."""
        span = self.sentence.span
        line_end = self.text.find("\n", span.end)
        line_end = len(self.text) if line_end == -1 else line_end
        close = next(
            (i for i in range(span.start, line_end) if self.text[i] in '”"' and i > span.start),
            None,
        )
        if close is None:
            return None
        tail = self.text[close + 1 : min(line_end, close + 60)]
        speaker = re.match(
            r"\s*(?:[,.]\s*)?([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s+(?:said|says|added|noted|stressed)",
            tail,
        )
        if not speaker:
            return None
        for mention in self.gazetteer.mentions(speaker.group(1)):
            if mention.kind == "person":
                return {"person": mention.key}
        return None

    # ------------------------------------------------------------------ fact builders

    def _fact(
        self, kind: str, fields: dict, amount: Amount, confidence: float, notes: list[str]
    ) -> ExtractedFact:
        if amount.suspect:
            confidence -= 0.3
        if amount.note:
            notes.append(amount.note)
        if amount.high is not None:
            notes.append(f"stated as a range; upper end {amount.high.normalize():f}")
        if amount.equivalent is not None:
            eq = amount.equivalent
            notes.append(f"stated equivalent: {eq.value.normalize():f} {eq.unit} ({eq.qualifier})")
        span = self.sentence.span
        stated = self.text[amount.start : amount.end]
        return ExtractedFact(
            kind,  # type: ignore[arg-type]
            fields,
            round(max(0.05, min(0.95, confidence)), 2),
            self.sentence.quote,
            span.start,
            span.end,
            stated,
            "; ".join(notes) or None,
        )

    def _money_fields(self, amount: Amount) -> dict:
        return {"value": amount.value, "currency": amount.unit, "qualifier": amount.qualifier}

    def _agreement(
        self, amount: Amount, category: str | None, count_only: bool = False
    ) -> ExtractedFact:
        clause = self.sentence.clause_of(amount.start)
        count = amount if count_only else self._document_count(amount, clause)
        fields: dict = {}
        if not count_only:
            fields.update(self._money_fields(amount))
        if count is not None:
            fields["document_count"] = int(count.value) if count.value >= 1 else None
            self.consumed.add(count.start)
        fields["kind"] = self._agreement_kind(category, count)
        fields["status"] = self._status(
            self.lexicon.agreement_status,
            amount,
            AGREEMENT_STATUSES,
            "pledged" if category == "pledge" else "signed",
        )
        fields["title"] = self._agreement_title(amount, count, clause)
        if dates := find_dates(
            self.text, self.sentence.span.start, self.sentence.span.end, self.context.published
        ):
            fields["signed_date"] = dates[0].first
            fields["date_precision"] = dates[0].precision
        parties = self._parties()
        if parties:
            fields["parties"] = parties
        if sectors := self._sectors():
            fields["sectors"] = sectors
        fields = {k: v for k, v in fields.items() if v is not None}
        confidence = BASE_CONFIDENCE["agreement"] - (0.1 if count_only else 0)
        return self._fact("agreement", fields, amount, confidence, [])

    def _document_count(self, amount: Amount, clause: Span) -> Amount | None:
        for other in self.sentence.amounts:
            if other.unit == "count" and clause.start <= other.start < amount.start:
                noun = count_noun(self.text, other, amount.start)
                if noun and load("units")["count_nouns"][noun[0].lower()] == "document_count":
                    return other
        return None

    def _agreement_kind(self, category: str | None, count: Amount | None) -> str:
        if count is not None and count.value > 1:
            return "package"
        return {"loan": "loan", "investment": "investment", "pledge": "other"}.get(
            category or "", "other"
        )

    def _agreement_title(self, amount: Amount, count: Amount | None, clause: Span) -> str:
        if count is not None:
            noun = count_noun(self.text, count, self.sentence.span.end)
            end = noun[1] if noun else count.end
            return self.text[count.start : end].strip()
        cue = self._cue(amount)
        words = self.text[cue.start : cue.end] if cue else "agreement"
        orgs = [m for m in self.sentence.mentions if m.kind == "organization"]
        title = f"{self.text[amount.start : amount.end]} {words}"
        return f"{title} with {orgs[0].text}" if orgs else title

    def _status(self, regex: re.Pattern, amount: Amount, allowed: tuple, default: str) -> str:
        span = self.sentence.span
        found = list(regex.finditer(self.text, span.start, span.end))
        if not found:
            return default
        nearest = min(found, key=lambda m: abs(m.start() - amount.start))
        status = regex.category(nearest)
        return status if status in allowed else default

    def _parties(self) -> list[dict]:
        parties = []
        seen = set()
        for mention in self.sentence.mentions:
            if (
                mention.kind in ("country", "organization")
                and (mention.kind, mention.key) not in seen
            ):
                seen.add((mention.kind, mention.key))
                parties.append({mention.kind: mention.key, "role": "party"})
        return parties

    def _sectors(self) -> list[str]:
        span = self.sentence.span
        known = self.gazetteer.sectors
        sector = self.lexicon.sector
        found = [sector.category(m) for m in sector.finditer(self.text, span.start, span.end)]
        return [key for key in dict.fromkeys(found) if key in known]

    def _project(self, amount: Amount, agreed: bool) -> ExtractedFact:
        span = self.sentence.span
        kind_match = self.lexicon.project_kind.search(
            self.text, amount.end, span.end
        ) or self._last_kind_before(amount)
        kind = self.lexicon.project_kind.category(kind_match) if kind_match else "other"
        name = (
            self._project_name(kind_match) if kind_match else self.text[amount.start : amount.end]
        )
        fields: dict = {"name": name, "kind": kind, **self._money_fields(amount)}
        known = [m for m in self.sentence.mentions if m.kind == "project"]
        key = known[0].key if known else self.gazetteer.match_project(name)
        if key:
            fields["key_hint"] = key
            entry = self.gazetteer.projects.get(key)
            if entry:
                fields["name"], fields["kind"] = entry.name, entry.kind or kind
        status = self._status(
            self.lexicon.project_status, amount, PROJECT_STATUSES, "agreed" if agreed else "planned"
        )
        fields["status"] = status
        sectors = self._sectors()
        if sectors:
            fields["sector"] = sectors[0]
        countries = self._project_countries(kind_match.end() if kind_match else amount.end)
        if countries:
            fields["countries"] = countries
        return self._fact("project", fields, amount, BASE_CONFIDENCE["project"], [])

    def _last_kind_before(self, amount: Amount) -> re.Match | None:
        found = list(
            self.lexicon.project_kind.finditer(self.text, self.sentence.span.start, amount.start)
        )
        return found[-1] if found else None

    def _project_name(self, kind_match: re.Match) -> str:
        """The noun phrase ending in the project noun, with 'in the X region' after it."""
        head = self.text[self.sentence.span.start : kind_match.start()]
        words = re.findall(r"[\w’'-]+\s*$|[\w’'-]+\s+", head)[-3:]
        modifiers = []
        for word in reversed(words):
            if word.strip().lower() in {
                "a",
                "an",
                "the",
                "of",
                "to",
                "build",
                "for",
                "and",
                "construct",
                "main",
                "new",
            }:
                break
            modifiers.insert(0, word)
        name = ("".join(modifiers) + kind_match.group()).strip()
        place = re.match(
            r"\s+(?:in|near)\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[Rr]egion|\s+[A-Z][\w’'-]+)?)",
            self.text[kind_match.end() : self.sentence.span.end],
        )
        return f"{name} in {place.group(1)}" if place else name

    def _project_countries(self, after: int) -> list[dict]:
        countries = []
        for mention in self.sentence.countries():
            role = (
                "host"
                if re.search(
                    r"\bin\s+(?:the\s+)?$",
                    self.text[max(0, mention.char_start - 8) : mention.char_start],
                )
                else "partner"
            )
            if mention.key not in {c["country"] for c in countries}:
                countries.append({"country": mention.key, "role": role})
        return countries

    def _indicator(
        self, amount: Amount, metric: str | None, is_target: bool = False, cue: Cue | None = None
    ) -> ExtractedFact:
        if metric == "target":
            metric = (
                "trade_target"
                if self._in_sentence("trade")
                else "investment_target"
                if self._in_sentence("investment")
                else "target"
            )
        if metric is None:
            metric = _metric_from(cue, amount)
        countries, _ = self._countries_for(amount)
        period, period_note = self._period(amount)
        fields: dict = {
            "name": metric.replace("_", " "),
            "metric": metric,
            "value": amount.value,
            "unit": amount.unit,
            "qualifier": amount.qualifier,
            "is_target": is_target,
        }
        if countries:
            fields["country"] = countries[0].key
        if len(countries) > 1:
            fields["partner"] = countries[1].key
        if period is not None:
            fields["period"] = period.as_fields()
        orgs = [m for m in self.sentence.mentions if m.kind == "organization"]
        if orgs:
            fields["organization"] = orgs[0].key
        projects = [m for m in self.sentence.mentions if m.kind == "project"]
        if projects:
            fields["project"] = projects[0].key
        if attribution := self._attribution():
            fields["attributed_to"] = attribution
        notes = [period_note] if period_note else []
        return self._fact("indicator", fields, amount, BASE_CONFIDENCE["indicator"], notes)


def _metric_from(cue: Cue | None, amount: Amount) -> str:
    if amount.unit == "percent":
        return f"{cue.category}_percent" if cue else "percent"
    if amount.is_money:
        return f"{cue.category}_value" if cue else "money_amount"
    if amount.unit == "times":
        return "multiple"
    return re.sub(r"[^a-z0-9]+", "_", amount.unit.lower()).strip("_") or "figure"
