"""Rule-based fact extraction: trade flows, agreements, projects, events and indicators.

Every rule below is general (it reads a form of English, not a sentence of one article), and
every word list is a data file in data/. The extractor is deterministic and offline.

How one article is read
1. Sentences and clauses (text.py); the gazetteer's mentions (countries, organizations, people,
   projects) with their spans.
2. Every stated amount (amounts.py): money, percentages, physical quantities, counts of a noun,
   multipliers. Each amount is classified by its **cue** (data/topics.yaml): the head noun
   right after it ("a $1 billion deal"; up to three words may stand between, and the last head
   noun of the run counts: "a €12 billion Global Gateway investment package" is a package), or a
   project noun just before "worth" ("a cotton-textile complex in the Uychi district worth
   $210mn": a project, even after "plans to"), else the nearest cue word before it in its clause (a
   trade word outranks a project noun there: "exports through the corridor ... $700 million"),
   else the first one after it in its clause, else the nearest before it in the sentence. A sum
   of money only takes money cues (not growth, share or cargo words). A target word before it
   in the clause ("goal", "aims to"), "by 2030" after it (a year after publication) or "in the
   coming years" makes it a target indicator whatever its cue.
3. By cue:
   - **trade** + money -> a trade flow (measure value); a percentage "of X's total exports" or
     after "share of ... trade" -> a trade flow (measure share, unit percent; "70% of that
     amount" is an indicator, and so is any share of a trade surplus or deficit); tonnes or
     containers with a cargo or trade cue in the sentence -> a trade flow (measure volume).
     A partner's rank ("Russia ranked second among the main partners with US$8.9 billion",
     "followed by Kazakhstan with $3.4bn") is a trade cue unless an earlier cue of the sentence
     is another kind's; so are list lines "China — $7.4 billion (21.9%)" after a line on trade
     that ends in a colon.
   - a **balance** (surplus, deficit, "negative balance in trade"), a **debt** ("owed to"),
     **remittances**, **taxes or customs payments** and **GDP** ("an economy of $17 billion")
     in the clause -> an indicator, never a trade flow. A country's trade with the world
     ("Uzbekistan's foreign trade turnover", "..., which stood at $103.5 billion" after "the
     country's total foreign trade") is an indicator, and so are the figures after it that name
     no partner until a bilateral figure is stated (within two paragraphs).
   A cue word inside an institution's name ("the Ministry of Economic Development and Trade",
   data/organizations.yaml heads_before_of) is no cue.
   - **agreement / loan / pledge** + money -> an agreement (value, currency, qualifier); a
     **grant** is one when signed or stated as "a grant of X" ("1.5 billion yuan in grants"
     announced is an indicator); a count
     of agreement nouns in the clause ("58 commercial agreements") is its ``document_count``;
     a count of agreements without money is an agreement package without a value.
     **investment** + a signing verb in the clause ("concluded") -> an agreement (investment).
   - a **project noun** (plant, pipeline, railway ...; data/projects.yaml) + money, an
     agreement or investment whose clause says what it builds ("a loan ... for a new cement
     plant", "invest $300 million in expanding the mine"), or a cost word just before the
     amount ("the line will cost $4.7 billion") with a project named in the sentence -> a
     project fact, linked to a known project by name, alias or fuzzy match (key_hint).
     Aggregates ("224 projects worth $66 billion") are indicators, unless a signing verb
     before them governs them ("agreed on projects worth $1.2bn", "signed agreements on 45
     projects worth $5.2bn": an agreement, by the corpus convention). "With a total investment
     of $1.1 billion, the project ..." is the project's value. Values are money only: a scaled
     number before a noun ("1.5 million households", "3.3 billion kWh") takes no currency from
     the sums beside it.
   - everything else quantified -> an indicator (metric from the counted noun or the cue).
   - A conversion ("20 billion yuan (about $2.8 billion)", "1.9 trillion rubles, about $21
     billion", "$1.5 billion (5.25 billion manat at the official exchange rate)") is one amount:
     the stated currency is kept, the equivalent goes in the note. "1 billion 563.4 million US
     dollars" is one amount. A sum that restates one already told ("the loan is equivalent to
     16.2 billion yuan", "Of the $94.8 billion total, ...") makes no new fact.
   - A ranking right after a sentence on investment ("the largest source, followed by the
     United States with $2.1bn") is of investment, not trade; a sum compared with "against"
     ("... widened to $3.57bn, against $3.02bn a year earlier") takes the first sum's cue.
     Projects worth a sum that "were signed" are a deal.
4. Events: an event word (summit, state/working visit, forum, business council, talks, phone
   call, parade, conference; data/events.yaml) makes an event with its ordinal, place (a
   capital or a known name after "in"), dates (dates.py; a wire dateline "ASTANA, March 3 --"
   is the filing date, not the event's; "on Monday" is the last Monday on or before
   publication) and the people (for meetings, visits and calls also the countries) named as
   participants. Future or generic mentions ("the next summit", "invited to attend") are not
   events, nor words with an event word inside ("a press conference"). Some verbs make an
   event only with a person beside them: "received"/"hosted" a title, a known name or a
   delegation right after; "arrived in" a person before; "visited" a place right after.
   An event dated more than a month after publication is planned, not told. "spoke to/with"
   is a call only with a person after it. Dates: a day without a year is its last occurrence on
   or before publication (or within the month after it), "in January" the last January begun;
   "June 17 last year" is in the year before, "last week" is the week before the
   publication's, a weekday after a word ("met Wednesday", "last Friday") is read as "on
   Wednesday", and a date after a closing verb ("concluded Monday") is the last day (the first
   counted back from "five-day", else unstated). A bilateral meeting of three countries or
   more, or of a group, that names no person is a conference.
   One event told two ways in one sentence is one event: a visit and a meeting joined by
   "where", "as part of", "visiting", "on a ... visit" give the first; a meeting word right
   after an event's name ("the Business Council met") or before it ("a meeting of the ...
   Business Council") is that event. Mentions of one event in an article are merged (same
   kind, no stated trait that differs, and an ordinal, place or the people agreeing: a year
   alone is not enough); a bare "the summit" joins the article's summit, "the visit" a state
   or working visit; a headline's event is the body's event of its kind when the body has one
   such event or one sharing a participant; the merged event quotes the body, not the headline.
5. A figure in the headline (the first line) that the body states again is dropped: the body's
   sentence is the better quote.

Fields
- **Period** of an amount: a period stated in its clause, else in the sentence (outside a
  comparison clause), else the one stated in one of the two previous sentences. A shift
  ("the previous year", "the same period in 2024") applies to the period it is compared with;
  "the same nine months" after "a year earlier" in the sentence takes that shift; "for the same
  period" with no period left in play is the period of the last trade figure. A sum after
  ", from" or ", after" ("fell to $312m, from $605m in 2024") is a comparison clause, read with
  the clause before it for its cue. A part stated alone ("In September alone", "in the third
  quarter alone") dates its own figure only, and a figure of a year shifted back (the one
  compared with) is not carried: later figures keep the period in play. A sentence that states
  no amount and no trade word carries no period ("the summit in June 2025" is a date). A
  period that starts after publication ("double trade by 2027") is never carried; the sum
  after "from" beside another ("up 6% from $89.4bn in 2023") is the one compared with and
  sets nothing carried on. A
  period compared with after the sum ("$8.6bn, 38% more than in January-August 2022") is not
  the sum's, and "the same period of 2023" beside a figure of 2024 is the one compared with
  (not carried on).
  A trade flow with no period in play takes the period the lead (the headline and the first
  two sentences) stated, if it stated one, and a new paragraph drops a carried period that
  ended before the lead's (a background year: "In 2024, trade was ..." in a story on 2025); with none at all it is dated to the last full
  calendar year before publication
  (as curators date an undated "turnover has reached $X"), with a note and lower confidence;
  without a publication date it becomes an indicator instead.
- **Reporter and partner**: the text states the reporter with a possessive before the flow word
  ("Kazakhstan's exports", "China's trade with ...") or "exports from X"; the partner with
  "to/with/from Y" or as the other party of the sentence. For a **share**, the reporter is the
  country whose total is meant ("15.5% of Kazakhstan's exports") and the partner the other.
  **When no reporter is stated** ("Trade between China and Kazakhstan reached ...", "bilateral
  trade"), the convention is: the party that is not China reports and China is the partner (the
  seed's orientation, which groups claims about one pair); without China, the first-named party
  reports. The flow is the one stated (turnover when only "trade" is said). **China's side is
  read from its partner's** (tests/data/corpus/README.md): "China's trade with X" is X's trade
  with China; "China's exports to the region" are
  the region's imports from China, and so are "exports to Tajikistan" (the goods go to the
  party other than China); "imports from X" are X's exports. A group's demonym before a
  singular noun ("the Central Asian country/nation") is the member in play (a party of the
  carried subject, else the member named last), not the group. "X is/remained the region's
  largest trading partner (of China)", X a member of the region: the pair is X and China (the
  group is where X ranks, not a party). A country after "with/to/from" before its sum ("Russia's
  trade with the five countries totaled $34bn") is the stated partner, not a list item. A group
  in an aside on one of its members ("Uzbekistan, the region's most populous country, had ...")
  is no party; a country named alone beside a carried subject whose reporter is its peer takes
  that reporter's place ("Tajikistan's figure was $4.1bn" after Uzbekistan's trade with China)
  only when China is the carried partner: beside a pair without China it is the reporter's next
  partner ("Tajik-Russian trade was $876m. Kazakhstan came third with $598m"). The halves of a
  compound ("Tajik-Russian trade") state a pair, not a reporter. A country a relative clause
  hangs on ("Russia, with which Kazakhstan's trade amounted to ...") is its figure's partner.
  The countries after a later share in the sentence ("..., which is 46% of China's trade with
  Central Asia") are the share's own; a clause that names its partner after "with" and states
  its sum keeps its country to itself ("trade with Kyrgyzstan rose to X, while trade with
  Uzbekistan stood at Y"). "with/to/from the country" is the member of a group named last. "X
  is China's largest partner" without a figure sets the subject, as a trade sentence does
  (not when it speaks in the first person: "China is our second partner"). The country right
  after the flow word's preposition ("imports from Russia") is the partner; "trade with the
  region" after one of its members is the region's with China. "the two countries" is the
  pair in play. The last member of a list that names the whole group is the group's, not a
  list item; a member named beside a carried group and China takes the group's place; a group
  in an aside ("Tajikistan, the smallest economy in the region, ...") is no party. **The
  story's country** (its home) is the reporter of its first trade figure when that is one
  country other than China: a ranked partner ("Russia came second with $19.8bn", a list line
  "Russia — $5.6bn (16.6%)", "Kazakhstan,
  with $1.04bn, was third") is its partner, unless the ranked country is its peer right after
  a figure with China (then China's partner, the peer rule); a sentence that ranks one country
  without a figure ("Russia remains the second largest partner") sets the pair for "Trade with
  it ..."; a sum of trade with a third party named alone ("trade with the European Union came
  to $3.9bn") is the home's. Before any figure, "the two countries" are the first country the
  article names and China; "the two countries" never reach past a country named after them. Such
  a fact gets a note saying so and confidence lowered by 0.15; when countries had to be taken from earlier
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
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from .amounts import find_amounts
from .dates import dateline_place, find_periods
from .events import EventReader, merge_events
from .figures import PARTNER_OF, RANKED, FigureReader
from .gazetteer import Gazetteer
from .names import NameFinder
from .reading import CHINA, Context, Lexicon, Sentence
from .text import compared_before, is_comparison, sentences
from .types import ExtractedFact

EXTRACTOR_NAME = "silkledger-rules"
EXTRACTOR_VERSION = "0.1.0"
HEADLINE_MAX = 200  # a first line longer than this is body text, not a headline
# A period stated in one sentence still dates figures in the next two (wire copy states the
# period once, then gives exports and imports in separate one-sentence paragraphs).
PERIOD_CARRY_SENTENCES = 2
# The subject of a trade figure (its two parties) carries to later figures that name fewer
# parties ("Exports rose to $11.4 billion."), with its period, within its paragraph and the next
# three (wire copy sets one sentence a paragraph); a figure that names its own parties replaces it.
SUBJECT_CARRY_PARAGRAPHS = 3
# The headline and the first two sentences (a byline line may come first) are the lead: the
# period it states dates the article's trade figures that state none and carry none.
LEAD_SENTENCES = 3
INVESTMENT_WORD = re.compile(r"\binvest|\bFDI\b", re.I)
FIRST_PERSON = re.compile(r"\b(?:our|we|us)\b", re.I)


class Extractor:
    """Compiles its patterns once; ``extract`` reads one article."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.lexicon = Lexicon()
        self.events = EventReader(self.lexicon, gazetteer)
        self.names = NameFinder(gazetteer)

    def extract(self, text: str, published: date | None = None) -> list[ExtractedFact]:
        """Every fact ``text`` states, each with its quote and span (see the module docstring)."""
        context = Context(published)
        facts: list[ExtractedFact] = []
        paragraph = 0
        for sentence in self._sentences(text, published):
            if context.period_age >= PERIOD_CARRY_SENTENCES:
                context.period = None
            if sentence.span.paragraph != paragraph:
                paragraph = sentence.span.paragraph
                _back_to_the_lead(context)
            if sentence.span.paragraph - context.trade_paragraph > SUBJECT_CARRY_PARAGRAPHS:
                context.trade_pair = context.trade_period = None
            context.list_head = None
            facts += FigureReader(self.lexicon, self.gazetteer, sentence, context).figures()
            facts += self.events.read(sentence, context)
            _new_trade_subject(context, sentence, self.gazetteer.groups)
            _advance(context, sentence, self.gazetteer.groups)
        facts = _without_headline_repeats(text, merge_events(facts, _headline_end(text)))
        self.names.attach(text, facts)  # names the database does not know, for review
        return facts

    def _sentences(self, text: str, published: date | None) -> Iterator[Sentence]:
        """Each sentence with its mentions, amounts and periods (mentions found once, in order)."""
        mentions = self.gazetteer.mentions(text)
        if place := dateline_place(text):
            mentions = [m for m in mentions if not place[0] <= m.char_start < place[1]]
        first = 0
        for span in sentences(text):
            while first < len(mentions) and mentions[first].char_end <= span.start:
                first += 1
            last = first
            while last < len(mentions) and mentions[last].char_start < span.end:
                last += 1
            amounts = find_amounts(text, span.start, span.end)
            yield Sentence(
                text,
                span,
                _outside_amounts(mentions[first:last], amounts),
                amounts,
                find_periods(text, span.start, span.end, published),
                self.lexicon,
            )


# "1.8 percent higher than in 2024", "compared with 2024": a period compared with, not carried.


def _outside_amounts(mentions: list, amounts: list) -> list:
    """A name inside an amount is its currency, not a party: "27.3 billion US dollars", "US$ 2bn"."""
    if not amounts:
        return mentions
    return [
        m
        for m in mentions
        if not any(a.is_money and a.start < m.char_end and m.char_start < a.end for a in amounts)
    ]


def _new_trade_subject(context: Context, sentence: Sentence, groups: dict) -> None:
    """A sentence that speaks of trade (or partners) between two countries without a figure
    sets the subject for the figures after it: "Kazakhstan remained China's largest partner in
    the region. Bilateral trade hit $24.1bn ..." (aggregates such as "the region" are left
    aside); one that ranks a single country among the story's partners sets the story's country
    and it ("Russia remains the second largest partner. Trade with it ...")."""
    span = sentence.span
    ranked = RANKED.search(sentence.text, span.start, span.end) is not None
    if context.trade_sentence == context.sentence_index or not (
        sentence.lexicon.flow.search(sentence.text, span.start, span.end)
        or PARTNER_OF.search(sentence.text, span.start, span.end)
        or ranked
    ):
        return
    if any(a.is_money for a in sentence.amounts):
        return
    if FIRST_PERSON.search(sentence.text, span.start, span.end):
        return  # "China is our second largest partner after Russia": the speaker's country
    named = [m.key for m in sentence.countries() if m.key not in groups]
    named = list(dict.fromkeys(named))
    if ranked and len(named) == 1 and context.home and named[0] != context.home:
        # "Russia remains the second largest partner. Trade with it rose to $6.71bn"
        context.trade_pair = (context.home, named[0])
        context.trade_paragraph = sentence.span.paragraph
        return
    if len(named) != 2 or CHINA not in named or set(named) == set(context.trade_pair or ()):
        return
    other = next(code for code in named if code != CHINA)
    context.trade_pair = (other, CHINA)
    context.trade_paragraph = sentence.span.paragraph


def _cues_of(sentence: Sentence) -> list:
    """The cue words of a sentence; computed here only for sentences that hold a figure or an
    investment word (the cue scan is the costly part)."""
    if sentence.amounts or INVESTMENT_WORD.search(
        sentence.text, sentence.span.start, sentence.span.end
    ):
        return sentence.cues
    return []


def _after_publication(period, published: date | None) -> bool:
    return published is not None and period.start > published


def _back_to_the_lead(context: Context) -> None:
    """A new paragraph leaves a background period that ended before the lead's ("In 2024,
    trade was 674 billion yuan." in a story on 2025): its figures return to the story's."""
    lead = context.lead_period
    if lead is None:
        return
    if context.period is not None and context.period.end < lead.start:
        context.period = None
    if context.trade_period is not None and context.trade_period.end < lead.start:
        context.trade_period = None


def _advance(context: Context, sentence: Sentence, groups: dict) -> None:
    """Carry the sentence's period and countries to the sentences after it."""
    context.period_age += 1
    # The last period the sentence states for its own figures, not one it compares them with
    # ("$14.6bn in January–November and $16.3bn for the full year" carries the full year).
    stated = [
        p.period
        for p in sentence.periods
        if p.period is not None
        and not p.alone
        and not _after_publication(p.period, context.published)  # "by 2027": a target
        and not is_comparison(sentence.text, sentence.clause_of(p.start))
        and not compared_before(sentence.text, p.start)
    ]
    if context.trade_sentence == context.sentence_index:
        stated.append(context.trade_period)  # as the sentence's last figure resolved it
    elif not sentence.amounts and not sentence.lexicon.flow.search(
        sentence.text, sentence.span.start, sentence.span.end
    ):
        stated = []  # "the spirit proclaimed at the summit in June 2025": a date, not a period
    if stated and stated[-1] is not None:
        context.period = stated[-1]
        context.period_age = 0
        if context.sentence_index < LEAD_SENTENCES and context.lead_period is None:
            context.lead_period = stated[-1]
    if any(c.category == "investment" for c in _cues_of(sentence)):
        context.investment_sentence = context.sentence_index
    context.sentence_index += 1
    if sentence.lexicon.project_kind.search(sentence.text, sentence.span.start, sentence.span.end):
        context.project_named_at = context.sentence_index - 1
    if context.first_country is None:
        context.first_country = next(
            (m.key for m in sentence.countries() if m.key != CHINA and m.key not in groups), None
        )
    context.countries += [m.key for m in sentence.countries()]
    del context.countries[:-12]


def _without_headline_repeats(text: str, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """A headline restates the story: a figure read from the first line is dropped when the body
    states it too, rounded as headlines round ("tops $16bn" for $16.3bn: within
    HEADLINE_ROUNDING, in the same unit), whatever kind each was read as; the body's sentence is
    the better quote. Events are kept: a headline's "visit" may be another visit than the body's."""
    first_line = _headline_end(text)
    if first_line == 0:
        return facts
    body = [_gist(fact) for fact in facts if fact.char_start > first_line]
    return [
        fact
        for fact in facts
        if fact.char_start > first_line
        or fact.kind == "event"
        or not any(_restates(_gist(fact), other) for other in body)
    ]


HEADLINE_ROUNDING = Decimal("0.05")


def _restates(headline: tuple, body: tuple) -> bool:
    (value, unit), (other, other_unit) = headline, body
    if value is None or other is None or unit != other_unit or not other:
        return False
    return abs(Decimal(value) - Decimal(other)) <= abs(Decimal(other)) * HEADLINE_ROUNDING


def _headline_end(text: str) -> int:
    """Where the headline (a short first line) ends; 0 when the text has none."""
    first_line = text.find("\n")
    return first_line if 0 < first_line <= HEADLINE_MAX else 0


def _gist(fact: ExtractedFact) -> tuple:
    fields = fact.fields
    return (fields.get("value"), fields.get("unit") or fields.get("currency"))
