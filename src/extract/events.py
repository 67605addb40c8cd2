"""Events: summits, state and working visits, meetings, forums, business councils, calls,
parades and conferences, each with its ordinal, place, dates and participants, merged per
article (the rules are in extractor.py's docstring, section 4)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..lemmas import is_cyrillic
from ..models.base import span_start
from .dates import AHEAD_DAYS, DateMention, find_dates, week_dates, weekday_dates
from .gazetteer import Gazetteer
from .lexicon import alternation, load
from .reading import BASE_CONFIDENCE, Context, Lexicon, Sentence
from .types import ExtractedFact

TITLE_REACH = 90  # an event's name ends in its event word and starts at most this far before
# "ASTANA, March 3 --", "BEIJING, Jan 24 (wire) --": a wire story's place and filing date.
DATELINE = re.compile(
    r"[A-Z][A-Z .'’/-]+,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\([^)]{0,40}\))?\s*(?:--|—|–|-)"
)
NOT_PLACES = {"The", "A", "An", "This", "That", "Its", "His", "Her", "Their"}
MONTH_NAME = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|these)\s+$", re.I)
GENERIC_REACH = 60  # how far from an event word a future or generic word makes it no event
PERSONAL_EVENT_KINDS = ("bilateral_meeting", "phone_call", "state_visit", "working_visit")
VISIT_OR_MEETING = {"bilateral_meeting", "state_visit", "working_visit"}
CLOSING_REACH = 12  # "concluded Monday", "closed on June 30": the date right after the verb
NAMED_SUBJECT_REACH = 25  # "The Kazakhstan-China Business Council met": the name ends this near
PLACE_NEXT = re.compile(r"\s+(?:the\s+)?[A-Z]")  # "visited Tashkent", "visited the Chinese capital"
WEEKDAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
PERSON_REACH_WORDS = 4  # "received a Chinese delegation", "received CNPC Chairman Dai Houliang"
PERSON_BEFORE_REACH = 80  # "President Xi Jinping arrived in": the person this far before the verb
# A word between a verb and a title that makes the title someone else's ("received approval
# from the Minister"): the person received is the verb's object, right after it.
NOT_OBJECT_WORDS = {"from", "of", "for", "in", "on", "at", "to", "with", "by", "and"}
TITLE_WORD = re.compile(r"[\w’'\-–.]+")
PLACE_AFTER = re.compile(r"\b(?:in|at)\s+(?P<place>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)")
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
# Ordinals and the like that belong to an event's name ("the second ... Forum", "annual").
TITLE_ORDINALS = (*load("events")["ordinals"], "annual")


class EventReader:
    """Reads the events of one sentence."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer):
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        titles = load("titles")["person_titles"]
        self.title_words = re.compile(rf"\b(?:{alternation(titles)}|delegation)\b", re.I)

    def read(self, sentence: Sentence, context: Context) -> list[ExtractedFact]:
        facts = []
        seen_kinds: set[str] = set()
        for match, kind in self._candidates(sentence):
            if kind in seen_kinds or self._generic(sentence, match):
                continue
            if self._told_by_another(sentence, match, kind, seen_kinds):
                continue
            seen_kinds.add(kind)
            facts.append(self._event(sentence, match, kind, context))
        return [fact for fact in facts if fact is not None and not _ahead(fact, context.published)]

    def _candidates(self, sentence: Sentence) -> list[tuple[re.Match, str]]:
        """The event words of a sentence, in text order, with their kinds: the event table's
        phrases (not those that name no event, "press conference"), and the verbs that need a
        person beside them ("received CNPC Chairman ...", "Mirziyoyev arrived in ...")."""
        text, start, end = sentence.text, sentence.span.start, sentence.span.end
        found = []
        lexicon = self.lexicon
        if lexicon.event.may_occur(text, start, end):
            for match in lexicon.event.finditer(text, start, end):
                if (kind := lexicon.event.category(match)) != "not_event":
                    found.append((match, kind))
        for table, beside in (
            (lexicon.event_with_person_after, _person_after),
            (lexicon.event_with_person_before, _person_before),
            (lexicon.event_with_place_after, _place_after),
        ):
            if table.may_occur(text, start, end):
                for match in table.finditer(text, start, end):
                    if beside(sentence, match, self.title_words):
                        found.append((match, table.category(match)))
        return sorted(found, key=lambda item: item[0].start())

    def _told_by_another(self, sentence: Sentence, match: re.Match, kind: str, seen: set) -> bool:
        """One sentence tells a visit and the meeting held during it ("visited Tashkent, where he
        met ...", "met visiting Vice-Premier ...", "held talks ... as part of his state visit"):
        the first of the two is the event. A meeting verb right after a named event is that
        event's verb ("The Business Council met in Astana"), and a meeting word right before one
        is a part of it ("the plenary meeting of the summit")."""
        if kind in VISIT_OR_MEETING and seen & VISIT_OR_MEETING:
            joined = sentence.text[max(sentence.span.start, match.start() - 20) : match.end()]
            if self.lexicon.event_within_other.search(
                joined, 0, len(joined) - len(match.group())
            ) or self.lexicon.event_within_other.search(joined):
                return True
        if kind != "bilateral_meeting" or match.group()[0].isupper():
            return False
        text, span = sentence.text, sentence.span
        around = (
            text[max(span.start, match.start() - NAMED_SUBJECT_REACH) : match.start()],
            text[match.end() : min(span.end, match.end() + TITLE_REACH)],
        )
        before, after = around
        subject = [m for m in self.lexicon.event.finditer(before) if not before[m.end() :].strip()]
        owner = [m for m in self.lexicon.event.finditer(after) if _name_gap(after[: m.start()])]
        return any(
            self.lexicon.event.category(named) not in (*PERSONAL_EVENT_KINDS, "not_event")
            for named in (*subject, *owner)
        )

    def _generic(self, sentence: Sentence, match: re.Match) -> bool:
        """A future or generic word near the event word, in its clause ("will visit", "the next
        summit", "was established in 2013"): another clause may still report a real event."""
        clause = sentence.clause_of(match.start())
        start = max(clause.start, match.start() - GENERIC_REACH)
        end = min(clause.end, match.end() + GENERIC_REACH)
        return self.lexicon.generic_event.search(sentence.text, start, end) is not None

    def _event(self, sentence: Sentence, match: re.Match, kind: str, context: Context):
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
            fields.update(self._dated(sentence, match, nearest))
        place = _place(text, sentence, match, self.gazetteer)
        if place:
            fields["place"], country = place
            if country:
                fields["country"] = country
        fields.update(_participants(sentence, kind))
        if kind == "state_visit" and match.group().lower() != "state visit":
            confidence -= 0.1  # "visit" alone: state or working visit is not said
        note = nearest.note if dates else None
        refers_back = DEFINITE_BEFORE.search(
            text, max(span.start, match.start() - 6), match.start()
        )
        if kind in PERSONAL_EVENT_KINDS and not fields.get("participants") and not dates:
            refers_back = refers_back or not match.group()[0].isupper()
        told = dates or place  # a mention that states neither may refer to an event told
        if (
            kind == "bilateral_meeting"
            and told
            and _is_multilateral(sentence, match, fields, self.gazetteer)
        ):
            fields["kind"] = "conference"  # China and the five states met: not two sides
        # Russian has no article to mark a mention of an event already told ("the talks"):
        # a later mention of the same kind that states no date of its own is that event.
        if is_cyrillic(match.group()) and not dates and kind in context.events_seen:
            refers_back = True
        context.events_seen.add(kind)
        return ExtractedFact(
            "event",
            fields,
            round(confidence, 2),
            sentence.quote,
            span.start,
            span.end,
            None,
            note,
            refers_back=bool(refers_back),
        )

    def _dated(self, sentence: Sentence, match: re.Match, date_: DateMention) -> dict:
        """The date fields: a date after a closing verb ("concluded Monday") is the last day,
        and the first is counted back from "five-day" when the sentence says how long."""
        fields = {"start_date": date_.first, "date_precision": date_.precision}
        if date_.last != date_.first:
            fields["end_date"] = date_.last
        clause = sentence.clause_of(date_.start)
        closing = self.lexicon.event_closing.search(sentence.text, clause.start, date_.start)
        if closing is None or date_.start - closing.end() > CLOSING_REACH:
            return fields
        length = self.lexicon.event_length.search(
            sentence.text, sentence.span.start, sentence.span.end
        )
        if length is None:
            return {}  # the last day only: the first is not stated
        days = self.lexicon.count_words.get(length.group("n").lower()) or int(length.group("n"))
        return {
            "start_date": date_.last - timedelta(days=days - 1),
            "end_date": date_.last,
            "date_precision": "day",
        }


def _ahead(fact: ExtractedFact, published: date | None) -> bool:
    """An event dated more than a month after the article was published is planned, not told
    ("will hold the third summit in China in 2027"); a month's slack, as publication dates
    are sometimes known to the month only."""
    start = fact.fields.get("start_date")
    if start is None or published is None:
        return False
    first_day = span_start(start, fact.fields.get("date_precision"))
    return (first_day - published).days > AHEAD_DAYS


def _is_multilateral(
    sentence: Sentence, match: re.Match, fields: dict, gazetteer: Gazetteer
) -> bool:
    """Three countries or more, or a group of them, in the clause of a meeting ("the trade
    ministers of the region and China met"), with no person named (a person meets another,
    whatever summit the meeting was held at), not counting the host country."""
    if any("person" in p for p in fields.get("participants", [])):
        return False
    clause = sentence.clause_of(match.start())
    countries = {m.key for m in sentence.countries(clause.start, clause.end)}
    countries.discard(fields.get("country"))
    return len(countries) >= 3 or any(code in gazetteer.groups for code in countries)


def _event_title(sentence: Sentence, match: re.Match, kind: str) -> str:
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


def _event_dates(sentence: Sentence, published: date | None) -> list:
    """The dates of an event sentence, without a dateline ("ASTANA, March 3 --" is when the
    report was filed), with weekdays ("on Monday") resolved against the publication date."""
    span = sentence.span
    found = find_dates(sentence.text, span.start, span.end, published)
    dateline = DATELINE.match(sentence.text, span.start, span.end)
    if dateline:
        found = [d for d in found if d.start >= dateline.end()]
    return (
        found
        + weekday_dates(sentence.text, span.start, span.end, published)
        + week_dates(sentence.text, span.start, span.end, published)
    )


def _participants(sentence: Sentence, kind: str) -> dict:
    """The people named; for a meeting, visit or call also the countries (\"Tajik President\")."""
    wanted = ("person", "country") if kind in PERSONAL_EVENT_KINDS else ("person",)
    found = dict.fromkeys((m.kind, m.key) for m in sentence.mentions if m.kind in wanted)
    if not found:
        return {}
    return {"participants": [{kind_: key, "role": "participant"} for kind_, key in found]}


def _person_after(sentence: Sentence, match: re.Match, titles: re.Pattern) -> bool:
    """A person (a known name, a title, a delegation) is the object of the verb: within its
    first few words, with no preposition before it."""
    clause = sentence.clause_of(match.start())
    words = TITLE_WORD.findall(sentence.text[match.end() : clause.end])[:PERSON_REACH_WORDS]
    words = _without_dates(words)
    for index, word in enumerate(words):
        if word.lower() in NOT_OBJECT_WORDS:
            return False
        if titles.fullmatch(word) or _is_known_person(sentence, match.end(), word):
            return True
        if index + 1 < len(words) and titles.fullmatch(f"{word} {words[index + 1]}"):
            return True
    return False


def _without_dates(words: list[str]) -> list[str]:
    """'received on Monday a delegation': a day between the verb and its object is skipped."""
    kept: list[str] = []
    skip = 0
    for index, word in enumerate(words):
        if skip:
            skip -= 1
            continue
        following = words[index + 1].lower().rstrip(",") if index + 1 < len(words) else ""
        if word.lower() == "on" and following in WEEKDAY_NAMES:
            skip = 1
            continue
        kept.append(word)
    return kept


def _is_known_person(sentence: Sentence, after: int, word: str) -> bool:
    return any(
        m.kind == "person" and m.char_start >= after and m.text.startswith(word)
        for m in sentence.mentions
    )


def _name_gap(gap: str) -> bool:
    """Between a meeting word and the event it is part of ("a meeting of the Kazakhstan-China
    Business Council", "заседании саммита") stand only "of the" and the name's own words."""
    return all(word in ("of", "the") or word[0].isupper() for word in TITLE_WORD.findall(gap))


def _place_after(sentence: Sentence, match: re.Match, titles: re.Pattern) -> bool:
    """ "visited Tashkent", "visited the Chinese capital": a name right after the verb."""
    return PLACE_NEXT.match(sentence.text, match.end()) is not None


def _person_before(sentence: Sentence, match: re.Match, titles: re.Pattern) -> bool:
    """The subject of "arrived in" is a person: a known name or a title just before it."""
    clause = sentence.clause_of(match.start())
    floor = max(clause.start, match.start() - PERSON_BEFORE_REACH)
    if titles.search(sentence.text, floor, match.start()):
        return True
    return any(
        m.kind == "person" and floor <= m.char_start < match.start() for m in sentence.mentions
    )


def _title_start(text: str, floor: int, position: int) -> int:
    """Walk left over the capitalised words and ordinals that name an event; "of", "and" and
    "for" join two such words ("Industrial and Investment Cooperation Forum")."""
    words = list(TITLE_WORD.finditer(text[floor:position]))
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


def _place(text: str, sentence: Sentence, match: re.Match, gazetteer: Gazetteer):
    """'in Astana' (a capital or a country) or 'in Tianjin' (an unknown capitalised place)."""
    for found in PLACE_AFTER.finditer(text[sentence.span.start : sentence.span.end]):
        start = sentence.span.start + found.start("place")
        if abs(start - match.start()) > 120:
            continue
        name = found.group("place")
        for mention in sentence.mentions:
            if mention.char_start == start and mention.kind == "country":
                return mention.text, mention.key
        if name.split()[0] in NOT_PLACES or MONTH_NAME.match(name):
            continue
        after = [
            m for m in sentence.countries(start, start + len(name) + 12) if m.char_start > start
        ]
        return name.split(",")[0], after[0].key if after else None
    return None


def merge_events(facts: list[ExtractedFact], headline_end: int = 0) -> list[ExtractedFact]:
    """One event mentioned several times in an article is one fact: its first quote, or its first
    quote in the body when the first is the headline's (before ``headline_end``).

    Two mentions are one event when they have the same kind, nothing they state differs
    (ordinal, year, place, and for meetings, visits and calls the parties named) and at least one
    of these other than the year is stated by both and equal. A bare mention ("the summit", "during the forum": no
    name, ordinal, date or place) joins the article's event of that kind, if it has one.
    """
    kept: list[ExtractedFact] = []
    bare: list[ExtractedFact] = []
    for fact in facts:
        if fact.kind != "event":
            kept.append(fact)
            continue
        if _is_bare(fact.fields) or fact.refers_back:
            bare.append(fact)
            continue
        same = next(
            (f for f in kept if f.kind == "event" and _same_event(f.fields, fact.fields)), None
        )
        if same is None:
            kept.append(fact)
            continue
        for name, value in fact.fields.items():
            same.fields.setdefault(name, value)
        if len(fact.fields["title"]) > len(same.fields["title"]):
            same.fields["title"] = fact.fields["title"]  # the fuller name of the two
        if same.char_start < headline_end <= fact.char_start:
            same.quote, same.char_start, same.char_end = fact.quote, fact.char_start, fact.char_end
            same.note = same.note or fact.note
    kept = _headline_told_again(kept, headline_end)
    kinds = {_family(f.fields["kind"]) for f in kept if f.kind == "event"}
    for fact in bare:
        if _family(fact.fields["kind"]) not in kinds:
            kinds.add(_family(fact.fields["kind"]))
            fact.refers_back = False
            kept.append(fact)
    return sorted(kept, key=lambda f: f.char_start)


def _headline_told_again(facts: list[ExtractedFact], headline_end: int) -> list[ExtractedFact]:
    """A headline tells the body's story: its event is the body's event of the same kind when
    the body has one such event only, or one that shares a participant with it."""
    body = [f for f in facts if f.kind == "event" and f.char_start >= headline_end]
    kept = []
    for fact in facts:
        if fact.kind != "event" or fact.char_start >= headline_end:
            kept.append(fact)
            continue
        same_kind = [f for f in body if _family(f.fields["kind"]) == _family(fact.fields["kind"])]
        sharing = [f for f in same_kind if _shared_participant(f.fields, fact.fields)]
        told = same_kind if len(same_kind) == 1 else sharing[:1]
        if not told:
            kept.append(fact)
            continue
        for name, value in fact.fields.items():
            told[0].fields.setdefault(name, value)
    return kept


def _shared_participant(a: dict, b: dict) -> bool:
    def keys(fields: dict) -> set:
        return {next(iter(p.values())) for p in fields.get("participants", [])}

    return bool(keys(a) & keys(b))


def _family(kind: str) -> str:
    """A state and a working visit are one family: "the visit" may be either."""
    return "visit" if kind in ("state_visit", "working_visit") else kind


def _is_bare(fields: dict) -> bool:
    said = BARE_ARTICLE.sub("", fields["title"].lower())
    return not any(fields.get(n) for n in ("sequence_number", "start_date", "place")) and (
        " " not in said or said in ("state visit", "working visit", "official visit")
    )


BARE_ARTICLE = re.compile(r"^(?:the|a|an|this|that)\s+")
NAME_TOKEN = re.compile(r"[a-z0-9]+")
NAME_FILLERS = {"the", "a", "an", "of", "and", "on", "in", "th", "st", "nd", "rd"}


def _title_words(fields: dict) -> frozenset[str]:
    words = NAME_TOKEN.findall(fields["title"].lower())
    return frozenset(w for w in words if w not in NAME_FILLERS and not w.isdigit())


def _same_name(a: dict, b: dict) -> bool:
    """'China-Eurasia Expo' and '8th China-Eurasia Commodity and Trade Expo': the shorter name's
    words all stand in the longer one (two words at least, so 'Business forum' is no name)."""
    mine, theirs = _title_words(a), _title_words(b)
    shorter, longer = sorted((mine, theirs), key=len)
    return len(shorter) >= 2 and shorter <= longer


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
    identifying = [name for name in shared if name != "year"]  # one year holds many summits
    if a["kind"] not in PERSONAL_EVENT_KINDS and _same_name(a, b):
        differ = [n for n in shared if n != "ordinal" and mine[n] != theirs[n]]
        return not differ
    return bool(identifying) and all(mine[name] == theirs[name] for name in shared)
