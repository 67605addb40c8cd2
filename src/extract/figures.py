"""Figures: every stated amount of a sentence read into a trade flow, an agreement, a project or
an indicator (the rules are in extractor.py's docstring, sections 2 and 3, and Fields)."""

from __future__ import annotations

import itertools
import re

from ..models.agreements import AGREEMENT_STATUSES
from ..models.projects import PROJECT_STATUSES
from .amounts import Amount, count_noun
from .dates import Period, PeriodMention, find_dates, months_period
from .gazetteer import Gazetteer
from .lexicon import load
from .reading import BASE_CONFIDENCE, CHINA, Context, Cue, Lexicon, Sentence
from .text import Span, compared_before, is_comparison
from .types import ExtractedFact, Mention

TRADE_VOLUME_UNITS = ("tonnes", "containers")
# Compiled once (re's cache lookup per call showed in profiles of the loader).
TRANSIT = re.compile(r"\btransit|\bthrough\b", re.I)
OWNER_PRONOUN = re.compile(r"\s*(?:its|their)\b", re.I)
SPEAKER_AFTER_QUOTE = re.compile(
    r"\s*(?:[,.]\s*)?([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s+(?:said|says|added|noted|stressed)"
)
NAME_WORDS = re.compile(r"[\w’'-]+\s*$|[\w’'-]+\s+")
PROJECT_PLACE = re.compile(
    r"\s+(?:in|near)\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[Rr]egion|\s+[A-Z][\w’'-]+)?)"
)
HOST_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$")
NOT_NAME_CHARS = re.compile(r"[^a-z0-9]+")
SHARE_BEFORE = re.compile(
    r"\bshare\s+of\b[^.;%]{0,60}?\b(?:trade|exports|imports|turnover)\b", re.IGNORECASE
)
# a clause of text.py's "from $3,400", or "against $3.02 billion a year earlier"
COMPARED_SUM = re.compile(r"(?:from|after|against|versus|compared\s+(?:to|with))\s", re.I)
RESTATE_REACH = 30
FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$", re.I)
# "worth $830m signed in Kashgar", "(about $6.9 billion) were signed at the conference"
SIGNED_AFTER = re.compile(
    r"(?:\s*\([^)]{0,40}\))?\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:signed|inked|agreed)\b",
    re.I,
)
EQUIVALENT_BEFORE = re.compile(
    r"\b(?:equivalent|equal)\s+to\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$", re.I
)
OF_THE_BEFORE = re.compile(r"\bof\s+the\s+$", re.I)
TOTAL_AFTER = re.compile(r"\s+total\b", re.I)
# "the Central Asian country": a group's demonym before a singular noun is one of its members
ONE_MEMBER = re.compile(r"\s+(?:country|nation|republic|state|neighbou?r)\b(?!s)", re.I)
SWAPPED = {"exports": "imports", "imports": "exports", "turnover": "turnover"}
# After a flow word, the country the goods go to or come from: "exports to (the) X"
DESTINATION = re.compile(r"\s+(?:to|from|into)\s+(?P<name>)(?:the\s+)?", re.I)
PARTNER_AFTER = re.compile(r"\s+(?:to|from|into|with)\s+(?P<name>)(?:the\s+)?", re.I)
BARE_DESTINATION = re.compile(r"\s+(?P<name>)(?:the\s+)?", re.I)
PREPOSITION_END = re.compile(r"\b(?:to|from)$", re.I)
PARTNER_BEFORE = re.compile(r"\b(?:with|to|from)\s+$", re.I)
APPOSITION = re.compile(r",\s+")
ASIDE_OPEN = re.compile(r",\s+(?:the|a|an)\s+[^,;.()]{0,50}?\b(?:in|of)\s+(?:the\s+)?", re.I)
ASIDE_CLOSE = re.compile(r"\s*,")
# "came second", "is third", "ranked fourth", "was second on", "in third place", "followed by"
RANKED = re.compile(
    r"\b(?:(?:came|was|is|ranked|ranks|placed|remains|remained|stood)\s+(?:in\s+)?"
    r"(?:the\s+)?(?:second|third|fourth|fifth|sixth|next)\b"
    r"|(?:second|third|fourth|fifth|sixth)\s+(?:place|with|on|at)\b"
    r"|(?:in|took)\s+(?:the\s+)?(?:second|third|fourth|fifth)\s+place"
    r"|followed\s+by)",
    re.I,
)
TWO_COUNTRIES = re.compile(r"\b(?:the|both)\s+(?:two\s+)?(?:countries|nations|sides)\b", re.I)
THE_COUNTRY = re.compile(r"\b(?:with|to|from)\s+the\s+(?:country|republic|nation)\b(?!['’])", re.I)
WITH_WHICH = re.compile(r",\s+(?:with|to|from)\s+(?:which|whom)\b", re.I)
CLOSING_QUOTE = re.compile(r'[”"]')
# "total foreign trade turnover, which stood at": up to the sum, words of no other clause
TOTAL_THEN_WHICH = re.compile(
    r"(?:\s+(?:turnover|volume))?,\s+(?:which|that)\s+(?:[\w-]+\s+){0,4}", re.I
)
TOTAL_CARRY = 2  # paragraphs a world total carries over while no bilateral figure is stated
COST_REACH = 30  # "will cost about" / "cost is estimated at": the cost word stands just before
# Sums owed, sent home, collected or produced (data/topics.yaml): indicators, never trade flows.
NOT_TRADE_MONEY = ("debt", "remittances", "fiscal", "economy")
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
    *NOT_TRADE_MONEY,
    "ranked",
    "grant",
)
GRANT_OF = re.compile(r"\bgrant\s+(?:of|worth|in\s+the\s+amount\s+of)\s+$", re.I)
LIST_LINE_DASH = re.compile(r"\s*[—–:-]\s*")  # "China — $7.4 billion (21.9%)"
# A noun right after an amount names it ("a $1 billion deal", "$500 million gas pipeline").
HEAD_CUES = ("agreement", "loan", "project", "investment")
# Up to three words may stand between: "a $1.2bn coal gasification plant", "a €12 billion Global
# Gateway investment package" (the last head noun of the run is the head).
HEAD_GAP = re.compile(
    r"\s*(?:(?!(?:for|in|of|to|from|at|on|by|with|into|through|over|and|or|was|were|is|are|"
    r"will|has|have|had|last|this|a|an|the|для|на|в|во|по|с|со|из|от|к|о|об|за|под|при|и)\b)"
    r"[\w-]+\s+){0,3}(?:worth\s+of\s+)?"
)
HEAD_REACH = 48
# "a cotton-textile complex in the Uychi district worth $210mn": the noun before "worth".
WORTH_AFTER_HEAD = re.compile(
    r"(?:\s+(?:in|near|at)\s+(?:the\s+)?(?:[\w’'-]+\s+){1,3}?)?\s*,?\s*(?:worth|costing|valued\s+at)\s+",
    re.I,
)
FUTURE_AFTER = re.compile(
    r"\s+(?:in|over|within)\s+the\s+(?:coming|next|near)\s+(?:few\s+)?(?:years?|decade|future)\b",
    re.IGNORECASE,
)
# "$20 billion in new investment by 2030": up to four words may stand before "by".
FUTURE_BY = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+by\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d)\b"
)
POSSESSIVE = re.compile(r"\s?['’]s?\b")
# A name right before the flow word is the side that trades: "Kazakh exports", "Chinese
# shipments to its neighbour", "Uzbekistan exports".
RIGHT_BEFORE_FLOW = 2
LIST_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
INVESTMENT_OF = re.compile(
    r"\binvestments?\s+of\s+(?:(?:about|around|some|over|nearly|almost|more\s+than)\s+)?$", re.I
)
WITH_INVESTMENT = re.compile(r"\bwith\s+(?:a\s+)?(?:total\s+)?investments?\s+of\b", re.I)
VALUE_LINK = re.compile(
    r"\s+(?:(?:[\w«»\"-]+\s+){0,6}?(?:на\s+(?:общую\s+)?сумму|(?:общей\s+)?стоимостью|в\s+размере"
    r"|с\s+капиталом|объ[её]мом))\s+",
    re.I,
)
CONSTRUCTION = re.compile(r"\b(?:construction|building)\s+of\b", re.I)
WHERE_INVESTS = re.compile(r",\s+(?:where|which|for\s+which|in\s+which)\b[^,;]*$", re.I)
# "Kazakhstan remained China's largest trading partner": the two countries that trade.
IS_A = re.compile(
    r"\s+(?:is|was|remains|remained|became|has\s+become|stays|ranks\s+as)\s+(?:now\s+)?"
)
PARTNER_OF = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:(?:trading|trade|commercial)\s+)?partner", re.I
)
SCALED = re.compile(r"\d\s?(?:billion|million|bn|mln|mn|trillion)\b", re.I)
NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|in|on|at|by|for|from|to|over|during|last|this|a|an|the|while|whereas|"
    r"respectively|compared|versus|against|each|year|years|was|were|is|are|of)\b)[a-z]"
)
SHARE_OF_COST = re.compile(r"\bshare\s+of\s+(?:the\s+)?(?:(?:total\s+)?costs?\s+)?$", re.I)
BUILDING_GERUND = re.compile(
    r"\b(?:on|in|into|for)\s+(?:the\s+)?(?:building|constructing|construction|expanding|expansion|"
    r"upgrading|modernising|modernizing|modernisation|modernization|developing|reconstructing|"
    r"reconstruction|launching|setting\s+up|creating|equipping)\b",
    re.I,
)
PORTFOLIO_OF_DEALS = re.compile(
    r"\bportfolios?\s+of\s+(?:[\w-]+\s+){0,3}?(?:agreements|deals|contracts|documents)\b", re.I
)


class FigureReader:
    """Reads the amounts of one sentence into facts."""

    def __init__(
        self, lexicon: Lexicon, gazetteer: Gazetteer, sentence: Sentence, context: Context
    ):
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.sentence = sentence
        self.context = context
        self.text = sentence.text
        self.consumed: set[int] = set()  # amount starts used as a document count
        self.compared_period = False  # the last period read was the one compared with
        self.alone_period = False  # the last period read was a part stated alone ("in May alone")
        self.list_slot: int | None = None  # the party a list's items stand for (0 reporter)
        self.head_cue = False  # the last cue read was the amount's head noun

    def figures(self) -> list[ExtractedFact]:
        facts: list[ExtractedFact] = []
        if not self.sentence.amounts:
            self._opens_a_trade_list()
            return facts
        for amount in self.sentence.amounts:
            if amount.start in self.consumed:
                continue
            facts += self._amount(amount)
        return facts

    # ------------------------------------------------------------------ classification

    def _cue_clause(self, amount: Amount) -> Span:
        """The amount's clause; a sum compared with ("slipped to $2,900, from $3,400 a year
        earlier") is read with the clause before it, whose figure it is compared with."""
        clause = self.sentence.clause_of(amount.start)
        if clause.start > self.sentence.span.start and COMPARED_SUM.match(self.text, clause.start):
            before = self.sentence.clause_of(clause.start - 1)
            return Span(before.start, clause.end, clause.paragraph)
        return clause

    def _cue(self, amount: Amount) -> Cue | None:
        clause = self._cue_clause(amount)
        allowed = MONEY_CUES if amount.is_money else ()
        cues = [
            c
            for c in self.sentence.cues
            if c.category in allowed or (not allowed and c.category != "ranked")
        ]
        self.head_cue = False
        head = [
            c
            for c in cues
            if amount.end <= c.start <= amount.end + HEAD_REACH and c.category in HEAD_CUES
        ]
        head = [c for c in head if HEAD_GAP.fullmatch(self.text, amount.end, c.start)]
        if head:
            # the run of head nouns ends the phrase: "investment package" is a package
            last = head[0]
            for c in head[1:]:
                if HEAD_GAP.fullmatch(self.text, last.end, c.start):
                    last = c
            self.head_cue = True
            return last
        for c in reversed([c for c in cues if clause.start <= c.end <= amount.start]):
            if c.category == "project" and WORTH_AFTER_HEAD.fullmatch(
                self.text, c.end, amount.start
            ):
                self.head_cue = True
                return c
            break
        # a cue may run into the amount's qualifier: "is estimated" + "estimated at $6.7 billion"
        before_clause = [c for c in cues if clause.start <= c.start < amount.start < c.end] or [
            c for c in cues if clause.start <= c.start and c.end <= amount.start
        ]
        # «контракт стоимостью 1,2 млрд», «кредит в размере $500 млн»: the deal noun, then the
        # words that give its value, then the sum
        for c in reversed(before_clause):
            if c.category in HEAD_CUES and VALUE_LINK.fullmatch(self.text, c.end, amount.start):
                return c
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
        clause = self._cue_clause(amount)
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
        if amount.unit == "rank":
            return [self._indicator(amount, f"{amount.noun}_rank")]
        if amount.unit == "times" and not self._describes_a_change(amount):
            return []  # "more than double Russia's", "Double down!": a comparison, not a figure
        if amount.is_money and self._restates(amount):
            return []  # "The loan is equivalent to 16.2 billion yuan", "Of the $94.8bn total"
        cue = self._cue(amount)
        category = cue.category if cue else None
        if amount.is_money and (
            self.lexicon.price_per.match(self.text, amount.end) or self._in_clause(amount, "price")
        ):
            return [self._indicator(amount, "price", cue=cue)]
        if amount.is_money and self._spent_on_a_project(amount):
            return [self._project(amount, agreed=False)]
        headed_project = self.head_cue and category == "project"  # "plans to set up a plant worth"
        if not headed_project and (
            self._in_clause(amount, "target") or self._is_future(amount) or self._expected(amount)
        ):
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

    def _not_trade_money(self, amount: Amount, category: str | None) -> str | None:
        """A debt, remittance, tax or GDP word in the amount's clause ("customs payments on
        goods imported from China reached ...", "$3.3 billion in external public debt")."""
        if category in NOT_TRADE_MONEY:
            return category
        clause = self._cue_clause(amount)
        for cue in self.sentence.cues:
            if cue.category in NOT_TRADE_MONEY and clause.start <= cue.start < clause.end:
                return cue.category
        return None

    def _compared_from(self, amount: Amount) -> bool:
        """'reached $94.8bn in 2024, up 6% from $89.4bn in 2023', 'rose from $X to $Y': the sum
        after "from", beside another, is the one compared with; it sets nothing carried on."""
        start = max(self.sentence.span.start, amount.start - 24)
        if not FROM_BEFORE.search(self.text, start, amount.start):
            return False
        return sum(a.is_money for a in self.sentence.amounts) > 1

    def _restates(self, amount: Amount) -> bool:
        """A sum that restates one already told: its conversion ("is equivalent to about 16.2
        billion yuan") or the total the sentence then breaks down ("Of the $94.8 billion
        total, ...")."""
        start = max(self.sentence.span.start, amount.start - RESTATE_REACH)
        if EQUIVALENT_BEFORE.search(self.text, start, amount.start):
            return True
        return bool(
            OF_THE_BEFORE.search(self.text, start, amount.start)
            and TOTAL_AFTER.match(self.text, amount.end)
        )

    def _ranked_category(self, amount: Amount) -> str:
        """'Russia ranked second among the main partners with US$8.9 billion', 'followed by
        Kazakhstan with $3.4bn': a ranking of partners is of trade, unless the sentence's sums
        are of another kind ("deals worth $5bn, followed by Uzbekistan with $3bn")."""
        earlier = [
            c
            for c in self.sentence.cues
            if c.end <= amount.start and c.category in MONEY_CUES and c.category != "ranked"
        ]
        if earlier:
            return earlier[0].category
        if self.context.investment_sentence >= self.context.sentence_index - 1:
            return "investment"  # "The Netherlands remained the largest source, followed by"
        return "trade"

    def _opens_a_trade_list(self) -> None:
        """'The largest volumes of trade were recorded with the following countries:' opens a
        list of lines 'China — $7.4 billion (21.9%)' that are trade figures."""
        span = self.sentence.span
        if not self.text.endswith(":", span.start, span.end):
            return
        if any(c.category in ("trade", "ranked") for c in self.sentence.cues):
            self.context.trade_list_paragraph = span.paragraph

    def _trade_list_line(self, amount: Amount) -> bool:
        """A line 'Country — sum' right after a trade list's opening line (or its last line)."""
        span = self.sentence.span
        context = self.context
        if context.trade_list_paragraph != span.paragraph - 1:
            return False
        if not self._list_line(amount):
            return False
        context.trade_list_paragraph = span.paragraph
        return True

    def _spent_on_a_project(self, amount: Amount) -> bool:
        """'will spend $75 mln on building a logistics park', 'intends to invest $2.5 billion in
        a gas chemical complex': a spending verb just before the sum, and after it what is built
        (a project noun, or a building verb) in the same clause."""
        clause = self.sentence.clause_of(amount.start)
        verbs = list(
            self.lexicon.spend.finditer(
                self.text, max(clause.start, amount.start - 30), amount.start
            )
        )
        if not verbs:
            return False
        rest_start, rest_end = amount.end, clause.end
        built = self.lexicon.project_kind.search(self.text, rest_start, rest_end)
        # "a ceramic tile plant in the Jizzakh region, where Shandong Heda will invest $98m"
        if WHERE_INVESTS.search(
            self.text, max(self.sentence.span.start, verbs[-1].start() - 60), verbs[-1].start()
        ):
            built = built or self.lexicon.project_kind.search(
                self.text, self.sentence.span.start, verbs[-1].start()
            )
        building = BUILDING_GERUND.search(self.text, rest_start, rest_end)
        return built is not None or building is not None

    def _invested_in_named(self, amount: Amount) -> bool:
        """'a copper wire rod plant ..., with investments of $215 million', 'the solar plant
        required an investment of $136 million': the investment of a thing the sentence names,
        not a stock of investment ("Chinese investment has passed $25 billion")."""
        span = self.sentence.span
        if not INVESTMENT_OF.search(self.text, max(span.start, amount.start - 40), amount.start):
            return False
        if self.lexicon.project_kind.search(self.text, span.start, amount.start) is not None:
            return True
        # "With a total investment of about $1.1 billion, the project is expected to ..."
        return WITH_INVESTMENT.search(
            self.text, max(span.start, amount.start - 50), amount.start
        ) is not None and any(
            c.category == "project" and c.start > amount.end for c in self.sentence.cues
        )

    def _portfolio_of_agreements(self, amount: Amount) -> bool:
        """'a portfolio of 40 agreements worth $5bn' is a package; one of projects is a stock."""
        clause = self.sentence.clause_of(amount.start)
        return PORTFOLIO_OF_DEALS.search(self.text, clause.start, amount.start) is not None

    def _continues_trade(self) -> bool:
        """A sum with no cue of its own, in the paragraph of a trade figure or the next."""
        context = self.context
        return context.trade_pair is not None and (
            self.sentence.span.paragraph - context.trade_paragraph <= 1
        )

    def _describes_a_change(self, amount: Amount) -> bool:
        """A multiplier is a figure when it measures growth or a target ("grew 100-fold", "a
        goal of doubling trade")."""
        clause = self.sentence.clause_of(amount.start)
        return any(
            c.category in ("growth", "target") and clause.start <= c.start < clause.end
            for c in self.sentence.cues
        )

    def _costs_a_project(self, amount: Amount, cue: Cue) -> bool:
        """'The line will cost $4.7 billion' is a project's value when a project is named in the
        clause or the sentence (a project noun or a known project) and the cost word is close."""
        if amount.start - cue.end > COST_REACH:
            return False
        span = self.sentence.span
        named = self.lexicon.project_kind.search(
            self.text, span.start, amount.start
        ) or CONSTRUCTION.search(self.text, span.start, amount.start)
        just_named = self.context.project_named_at == self.context.sentence_index - 1 and not (
            SHARE_OF_COST.search(self.text, max(span.start, cue.start - 32), cue.start)
        )
        return (
            named is not None
            or just_named
            or any(m.kind == "project" for m in self.sentence.mentions)
        )

    def _expected(self, amount: Amount) -> bool:
        """'expects mutual trade to reach $40 bln': an expectation, not a figure reached."""
        clause = self.sentence.clause_of(amount.start)
        # the amount's own words may hold the verb: "to exceed $1.6 billion"
        found = self.lexicon.expected.search(self.text, clause.start, amount.end)
        return found is not None and found.start() < amount.start

    def _is_future(self, amount: Amount) -> bool:
        """'$20 billion by 2030' read in 2025, '$50 billion in the coming years': a target, not
        a figure reached."""
        if FUTURE_AFTER.match(self.text, amount.end):
            return True
        match = FUTURE_BY.match(self.text, amount.end)
        published = self.context.published
        return bool(match and published and int(match.group("year")) > published.year)

    def _money(self, amount: Amount, category: str | None, cue: Cue | None) -> list[ExtractedFact]:
        if self._in_clause(amount, "balance"):
            return [self._indicator(amount, "trade_balance", cue=cue)]
        if category not in ("agreement", "loan", "pledge") and (
            not_trade := self._not_trade_money(amount, category)
        ):
            return [self._indicator(amount, f"{not_trade}_value", cue=cue)]
        if category == "ranked":
            category = self._ranked_category(amount)
        if category == "grant":
            if not (
                self._signing_in_clause(amount)
                or GRANT_OF.search(self.text, max(0, amount.start - 40), amount.start)
            ):
                return [self._indicator(amount, "grant_value", cue=cue)]
            category = "agreement"
        if category is None and (self._trade_list_line(amount) or self._continues_trade()):
            category = "trade"  # "Uzbekistan took $12.1bn, ..." after a sentence on trade
        if category == "portfolio" or self._in_clause(amount, "portfolio"):
            if self._portfolio_of_agreements(amount):
                return [self._agreement(amount, "agreement")]
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
            if self._in_clause(amount, "trade"):  # "trade valued at $2bn"
                flow = self._trade_flow(amount, "value")
                if flow:
                    return [flow]
            return [self._indicator(amount, "cost", cue=cue)]
        if category in ("project", "cost"):
            facts = [self._project(amount, agreed=False)]
            if self._in_clause(amount, "agreement", before_only=False):
                facts.append(self._agreement(amount, "agreement"))
            return facts
        if category == "projects" and self._agreed_before(amount, cue):
            return [self._agreement(amount, "agreement")]  # "agreed on projects worth $1.2bn"
        if category == "projects":
            return [self._indicator(amount, "project_value", cue=cue)]
        if category == "investment" and (self._builds(amount) or self._invested_in_named(amount)):
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
        # A trade share is of the reporter's own total: "12% of Uzbekistan's total imports",
        # "Russia's share of the country's foreign trade was 30%"; "70% of that amount" is not.
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
            unit = self._unit_before(amount) or self._currency_of_the_list(amount)
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

    def _currency_of_the_list(self, amount: Amount) -> str | None:
        """'Kyrgyzstan followed with 22.7 billion and Tajikistan with 3.8 billion US dollars':
        a scaled number among sums of money takes the currency of the nearest one."""
        if not SCALED.search(self.text, amount.start, amount.end):
            return None
        if NOUN_AFTER.match(self.text, amount.end):
            return None  # "1.5 million households": a count of something, not a sum
        sums = [a for a in self.sentence.amounts if a.is_money]
        if not sums:
            return None
        return min(sums, key=lambda a: abs(a.start - amount.start)).unit

    def _unit_before(self, amount: Amount) -> str | None:
        """'the total number of containers ... exceeded 211,000': the unit named before."""
        clause = self.sentence.clause_of(amount.start)
        found = list(self.lexicon.counted_unit.finditer(self.text, clause.start, amount.start))
        if not found:
            return None
        return load("units")["units"][" ".join(found[-1].group("unit").split())]

    def _agreed_before(self, amount: Amount, cue: Cue) -> bool:
        """'the sides agreed on projects worth more than $4 billion', 'signed agreements on 45
        joint projects worth $5.2bn': projects a signing verb before them governs are a deal
        (the corpus convention), not a portfolio ("the projects agreed on will add ..."); so
        are projects worth a sum that "were signed" right after it."""
        clause = self._cue_clause(amount)
        if not clause.start <= cue.start < amount.start:
            return False
        if self.lexicon.signing.search(self.text, clause.start, cue.start) is not None:
            return True
        # "86 projects worth 49.5 billion yuan were signed", "19 projects worth $830m signed in"
        return SIGNED_AFTER.match(self.text, amount.end) is not None

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

    def _period(self, amount: Amount, for_trade: bool = False) -> tuple[Period | None, str | None]:
        """The amount's period and a note when it was inferred (module docstring)."""
        sentence = self.sentence
        clause = sentence.clause_of(amount.start)
        self.compared_period = self.alone_period = False
        in_clause = [
            p
            for p in sentence.periods
            if clause.start <= p.start < clause.end
            # "$8.64bn, 38% more than in January-August 2022": the period after the sum that
            # it is compared with is the other figure's
            and not (p.start > amount.end and compared_before(self.text, p.start))
        ]
        if in_clause:
            own = [p for p in in_clause if self._owner(p) is amount]
            nearest = min(own or in_clause, key=lambda p: _gap(p, amount))
            self.compared_period = compared_before(self.text, nearest.start)
            self.alone_period = nearest.alone
            if nearest.period is not None:
                return nearest.period, nearest.note
            base = self._base_period(nearest.start)
            if base is None and for_trade:
                base = self.context.trade_period  # "for the same period": of the last figure
            shift = self._with_earlier_shift(nearest)
            # a year before the period in play is the one compared with: it is not carried on
            # ("-1", or "the same period of 2023" beside a figure of 2024)
            earlier_year = base is not None and 1900 < shift.shift < base.start.year
            self.compared_period = self.compared_period or shift.shift < 0 or earlier_year
            return self._shifted(shift, base)
        outside = [
            p
            for p in sentence.periods
            if p.period is not None
            and not is_comparison(self.text, sentence.clause_of(p.start))
            and not compared_before(self.text, p.start)
        ]
        if outside:
            nearest = min(outside, key=lambda p: abs(p.start - amount.start))
            self.alone_period = nearest.alone
            return nearest.period, nearest.note
        if self.context.period is not None:
            return self.context.period, "period carried from the previous sentence"
        if for_trade and self.context.trade_period is not None:
            return self.context.trade_period, "period of the trade figure before it"
        if for_trade and self.context.lead_period is not None:
            return self.context.lead_period, "the period the article's lead states"
        return None, None

    def _owner(self, period: PeriodMention) -> Amount | None:
        """The amount a period stands nearest to: 'USD 3.2 million in 1994 to USD 6.1 billion
        in 2019' gives 1994 to the first sum and 2019 to the second."""
        money = [a for a in self.sentence.amounts if a.unit != "count"]
        return min(money, key=lambda a: _gap(period, a)) if money else None

    def _with_earlier_shift(self, mention: PeriodMention) -> PeriodMention:
        """'up 19% from a year earlier, when it stood at $9.7bn over the same nine months': the
        same months, in the year the sentence has just shifted to."""
        if mention.period is not None or mention.shift != 0 or mention.whole_year:
            return mention
        earlier = [
            p
            for p in self.sentence.periods
            if p.end <= mention.start and p.period is None and p.shift < 0
        ]
        return earlier[-1] if earlier else mention

    def _base_period(self, position: int) -> Period | None:
        """The period a comparison at ``position`` refers to: the last one stated before it."""
        earlier = [p.period for p in self.sentence.periods if p.period and p.start < position]
        return earlier[-1] if earlier else self.context.period

    def _shifted(
        self, mention: PeriodMention, base: Period | None
    ) -> tuple[Period | None, str | None]:
        if base is None:
            return None, None
        if mention.whole_year:
            return months_period(base.start.year, 1, 12), "the whole year of the period before it"
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
        """The countries of the amount's sentence (clause first); from context when missing.
        A later clause that states a figure of its own keeps its countries to itself ("Bilateral
        trade hit $24.1bn, while trade with Kyrgyzstan and Uzbekistan came to ...")."""
        sentence = self.sentence
        clause = sentence.clause_of(amount.start)
        pair = self.context.trade_pair
        if pair is None and self.context.first_country:
            pair = (self.context.first_country, CHINA)  # the pair the story opened with
        two = TWO_COUNTRIES.search(self.text, sentence.span.start, amount.start)
        if two and sentence.countries(two.end(), amount.start):
            two = None  # "the two countries reached $43.8bn, while Kazakhstan's trade with Russia"
        if pair and two:
            # "Trade between the two countries climbed to $43.8bn, well above Kazakhstan's
            # $27.8bn with Russia": the pair in play; later names are another figure's
            return [Mention("country", code, -1, -1, code) for code in pair], True
        ordered = self._grouped(
            [
                m
                for m in sentence.countries(clause.start, clause.end)
                if not self._in_a_later_share(m, amount)
            ]
        )
        ordered += self._antecedent(clause)
        own_named = bool(ordered)
        ordered += self._grouped(
            [
                m
                for m in sentence.countries()
                if not self._in_a_later_figure_clause(m, clause)
                and not self._in_a_later_share(m, amount)
                and not (own_named and self._in_another_figure_clause(m, clause))
            ]
        )
        ordered = [m for m in ordered if not self._owns_another_figure(m, amount)]
        ordered = [self._member_meant(m) for m in ordered if not self._appositive_group(m)]
        if partners := self._partners_named():
            # the group a member ranks in is no party ("the region's largest partner")
            ordered = partners + [
                m
                for m in ordered
                if m.key in {p.key for p in partners} or m.key not in self.gazetteer.groups
            ]
        codes = list(dict.fromkeys(m.key for m in ordered))
        borrowed = False
        carried = list(self.context.trade_pair or ())
        home = self.context.home
        outside = len(codes) == 1 and codes[0] != CHINA and not self.gazetteer.group_of(codes[0])
        if outside and home and codes[0] != home and self._partner_after_with(ordered[0]):
            # "trade with the European Union came to $3.92bn" in a story on Uzbekistan's trade
            return [ordered[0], Mention("country", home, -1, -1, home)], True
        if (member := self._the_country_meant(clause, codes)) is not None:
            # "in trade with the country": the member named last, not its group carried
            codes.append(member)
            carried = [c for c in carried if member not in self.gazetteer.groups.get(c, ())]
        if len(codes) == 1 and len(carried) == 2:
            # "Uzbekistan had $17.6bn in trade with China. Tajikistan's figure was $4.1bn": a
            # peer of the carried reporter takes its place beside the carried partner
            group = self.gazetteer.group_of(codes[0])
            peers = [
                c for c in carried if group is not None and group in (c, self.gazetteer.group_of(c))
            ]
            if len(peers) == 1 and codes[0] not in carried and CHINA in carried:
                carried.remove(peers[0])  # (a peer of a country ranked by its partners is one)
        # With no subject carried, China is the other party of a country named alone: every
        # article here is about China's relations (as the headline and earlier figures show).
        china = [CHINA] if not carried and CHINA in self.context.countries else []
        for code in carried + china + self.context.recent_countries():
            if len(codes) >= 2:
                break
            if code not in codes:
                codes.append(code)
                borrowed = True
        mentions = {m.key: m for m in ordered}
        return [
            mentions.get(code) or Mention("country", code, -1, -1, code) for code in codes
        ], borrowed

    def _the_country_meant(self, clause: Span, codes: list[str]) -> str | None:
        """'Kyrgyzstan illustrates the problem. Customs recorded $22.7 billion in trade with the
        country': "the country" after with/to/from is the member of a group named last."""
        if any(self.gazetteer.group_of(code) for code in codes):
            return None
        if THE_COUNTRY.search(self.text, clause.start, clause.end) is None:
            return None
        members = [c for c in self.context.recent_countries() if self.gazetteer.group_of(c)]
        return members[0] if members else None

    def _antecedent(self, clause: Span) -> list[Mention]:
        """'Russia, with which Kazakhstan's trade amounted to $26.8 billion': the country a
        relative clause hangs on is the other party of its figure."""
        before = [
            m for m in self.sentence.countries(end=clause.start) if m.char_end <= clause.start
        ]
        for mention in reversed(before):
            relative = WITH_WHICH.match(self.text, mention.char_end)
            if relative is not None and relative.end() <= clause.end:
                return [mention]
        return []

    def _appositive_group(self, mention: Mention) -> bool:
        """'Uzbekistan, the region's most populous country, had $17.6 billion in trade',
        'Tajikistan, the smallest economy in the region, ...': the group in an aside on one of
        its members describes it; it is no party."""
        members = self.gazetteer.groups.get(mention.key)
        if not members:
            return False
        before = [
            m
            for m in self.sentence.countries(end=mention.char_start)
            if m.char_end <= mention.char_start
        ]
        if not before or before[-1].key not in members:
            return False
        if POSSESSIVE.match(self.text, mention.char_end):
            gap = APPOSITION
        elif ASIDE_CLOSE.match(self.text, mention.char_end):
            gap = ASIDE_OPEN  # "Tajikistan, the smallest economy in the region, totaled ..."
        else:
            return False
        return gap.fullmatch(self.text, before[-1].char_end, mention.char_start) is not None

    def _member_meant(self, mention: Mention) -> Mention:
        """'exports to the Central Asian country', 'the Central Asian nation': one member of
        the group, the one in play (a party of the carried subject, else the member named
        last), not the group itself."""
        members = self.gazetteer.groups.get(mention.key)
        if not members or not ONE_MEMBER.match(self.text, mention.char_end):
            return mention
        in_play = [*(self.context.trade_pair or ()), *self.context.recent_countries()]
        member = next((code for code in in_play if code in members), None)
        if member is None:
            return mention
        return Mention("country", member, mention.char_start, mention.char_end, mention.text)

    def _partners_named(self) -> list[Mention]:
        """ "X is (or remained) Y's biggest trading partner": X and Y are the pair that trade,
        whatever other country the sentence names. A general pattern (IS_A, PARTNER_OF): any
        linking verb, any country pair, any rank word."""
        countries = self.sentence.countries()
        for first, second in itertools.pairwise(countries):
            if IS_A.fullmatch(self.text, first.char_end, second.char_start) and PARTNER_OF.match(
                self.text, second.char_end
            ):
                if first.key in self.gazetteer.groups.get(second.key, ()):
                    # "Kazakhstan remained the region's largest trading partner (of China)":
                    # the member ranks among its group, and trades with China
                    china = [m for m in countries if m.key == CHINA]
                    return [first, china[0] if china else Mention("country", CHINA, -1, -1, "")]
                return [first, second]
        return []

    def _in_a_later_figure_clause(self, mention: Mention, clause: Span) -> bool:
        """A country of a later clause that is given figures of its own, by "respectively" or
        as a list item ("Uzbekistan $8.6bn")."""
        if mention.char_start < clause.end:
            return False
        other = self.sentence.clause_of(mention.char_start)
        sums = [a for a in self.sentence.amounts if a.is_money and other.start <= a.start]
        sums = [a for a in sums if a.start < other.end]
        if not sums:
            return False
        if RESPECTIVELY.search(self.text, sums[-1].end, other.end):
            return True
        return any(
            a.start >= mention.char_end
            and self.lexicon.list_item.fullmatch(self.text, mention.char_end, a.start)
            for a in sums
        )

    def _in_another_figure_clause(self, mention: Mention, clause: Span) -> bool:
        """Another clause keeps its country to itself when it is given a figure of its own:
        'Trade with Kyrgyzstan rose to $16.9bn, while trade with Uzbekistan stood at $10.1bn'
        (each clause names its partner after "with" and states its sum)."""
        other = self.sentence.clause_of(mention.char_start)
        if other.start == clause.start:
            return False
        own = [a for a in self.sentence.amounts if other.start <= a.start < other.end]
        return (
            any(a.is_money for a in own)
            and self._partner_after_with(mention)
            and any(
                self._partner_after_with(m)
                for m in self.sentence.countries(clause.start, clause.end)
            )
        )

    def _in_a_later_share(self, mention: Mention, amount: Amount) -> bool:
        """'bilateral trade reached $43.8bn, which is 46% of China's trade with Central Asia':
        the countries after a later share in the sentence are the share's own."""
        return any(
            amount.end <= a.start and a.end <= mention.char_start and self._is_share(a)
            for a in self.sentence.amounts
        )

    def _partner_after_with(self, mention: Mention) -> bool:
        span = self.sentence.span
        start = max(span.start, mention.char_start - 8)
        return PARTNER_BEFORE.search(self.text, start, mention.char_start) is not None

    def _is_share(self, amount: Amount) -> bool:
        return amount.unit == "percent" and bool(self.lexicon.share_of.match(self.text, amount.end))

    def _owns_another_figure(self, mention: Mention, amount: Amount) -> bool:
        """A list item's country belongs to its own figure: "Russia came second with $9.2
        billion, followed by Kazakhstan ($3.4 billion)" names no party of the first sum but
        Russia."""
        return any(
            other is not amount
            and other.is_money
            and other.start >= mention.char_end
            and self.lexicon.list_item.fullmatch(self.text, mention.char_end, other.start)
            for other in self.sentence.amounts
        )

    def _grouped(self, mentions: list[Mention]) -> list[Mention]:
        """A list naming all the members of a group, or all but one, is the group: "China's
        trade with Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan" is
        Central Asia's. The list's names must follow one another with only commas and "and"
        between them, and the sentence must not give each its own figure ("respectively")."""
        if len(mentions) < 3 or self._respectively():
            return mentions
        result: list[Mention] = []
        run: list[Mention] = []
        for mention in [*mentions, None]:
            if mention is not None and (
                not run or LIST_JOINER.fullmatch(self.text, run[-1].char_end, mention.char_start)
            ):
                run.append(mention)
                continue
            result += self._as_group(run)
            run = [mention] if mention is not None else []
        return result

    def _as_group(self, run: list[Mention]) -> list[Mention]:
        codes = {m.key for m in run}
        for group, members in self.gazetteer.groups.items():
            if len(members) >= 3 and len(codes & members) >= len(members) - 1 and codes <= members:
                start, end = run[0].char_start, run[-1].char_end
                return [Mention("country", group, start, end, self.text[start:end])]
        return run

    def _trade_flow(
        self, amount: Amount, measure: str, share: re.Match | None = None
    ) -> ExtractedFact | None:
        if measure == "value" and self._is_total_trade(amount):
            return None
        flow, flow_position = self._flow(amount, share)
        countries, borrowed = self._countries_for(amount)
        if len(countries) < 2:
            return None
        reporter, partner, stated = self._orientation(countries, flow_position, measure, share)
        if borrowed and not stated:
            reporter, partner = self._beside_the_subject(countries, reporter, partner)
        if reporter is None or reporter == partner:
            return None
        own = self._own_country(amount)
        base = self.context.list_head or self.context.trade_pair or (reporter, partner)
        listed = own is not None and own not in base and None not in base
        listed = listed and not self._stated_partner(amount, own)
        listed = listed and not _inside_a_group(own, amount, countries, self.sentence)
        if (ranked := self._ranked_partner(amount, own, countries)) is not None:
            # a ranked partner, like a list item, does not become the subject carried on
            reporter, partner, stated, listed = self.context.home, ranked, True, True
        elif listed:
            reporter, partner = self._list_item_parties(own, base)
            stated = True
            self.context.list_head = base  # the items after it share the same subject
        elif measure == "value":
            self.context.list_head = (reporter, partner)
        notes = []
        if measure != "share" and flow in SWAPPED:
            sides = self._from_the_other_side(reporter, partner, flow_position, countries)
            if sides is not None:
                reporter, partner = sides
                flow = SWAPPED[flow]
                notes.append("stated from China's side: read from its partner's")
        period, period_note = self._period(amount, for_trade=True)
        confidence = BASE_CONFIDENCE["trade_flow"]
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
        if measure == "value":
            self.context.last_partner = partner
        if self.context.home is None and measure == "value":
            is_one_country = reporter != CHINA and reporter not in self.gazetteer.groups
            self.context.home = reporter if is_one_country else ""  # "": a story on China's
        comparison = is_comparison(
            self.text, self.sentence.clause_of(amount.start)
        ) or self._compared_from(amount)
        # A figure of the period compared with ("higher than in January-October 2024, when
        # turnover stood at $33.9bn") neither sets the subject nor the period carried on.
        if measure == "value" and not comparison and not listed and not self.compared_period:
            self.context.trade_pair = (reporter, partner)
            if not self.alone_period:  # "in March alone" dates its own figure only
                self.context.trade_period = period
            self.context.trade_sentence = self.context.sentence_index
            self.context.trade_paragraph = self.sentence.span.paragraph
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

    def _from_the_other_side(
        self, reporter: str, partner: str, flow_position: int, countries: list[Mention]
    ) -> tuple[str, str] | None:
        """The party other than China reports (tests/data/corpus/README.md): "China's exports
        to the region" are the region's imports from China, and so are "exports to Kazakhstan"
        when Kazakhstan is where the goods go ("imports from Kazakhstan": its exports)."""
        if reporter == CHINA and partner != CHINA:
            return partner, CHINA
        if partner != CHINA:
            return None
        destination = self._country_after_flow(countries, flow_position, DESTINATION)
        return (reporter, partner) if destination == reporter else None

    def _beside_the_subject(self, countries: list[Mention], reporter, partner):
        """One new country named beside the carried subject, not as the side that trades: a
        peer of the reporter takes its place ("Kazakhstan's trade with China ... Uzbekistan
        came next with $12bn"); any other country is the reporter's next partner ("Uzbekistan's
        trade with China ... Russia came second with $9.2 billion")."""
        pair = self.context.trade_pair
        named = [m.key for m in countries if m.char_start >= 0]
        if pair is None or len(named) != 1 or named[0] in pair:
            return reporter, partner
        new, (subject, other) = named[0], pair
        members = self.gazetteer.groups.get(new, ())
        if subject in members or other in members:  # the whole region after one of its members
            return (new, other) if subject in members else (subject, new)
        peer_group = self.gazetteer.group_of(new)
        same_group = peer_group is not None and peer_group in (
            subject,
            self.gazetteer.group_of(subject),
        )
        if same_group and other == CHINA:  # a ranking of China's partners in the region
            return new, other
        return subject, new

    def _is_total_trade(self, amount: Amount) -> bool:
        """'Uzbekistan's foreign trade turnover reached $33.8 billion': one country's trade with
        the world. Figures after it that name no partner belong to that total too."""
        clause = self.sentence.clause_of(amount.start)
        named = {m.key for m in self.sentence.countries()}
        context = self.context
        if (
            self.lexicon.total_trade.search(self.text, clause.start, amount.start)
            and len(named) <= 1
        ):
            context.total_country = next(iter(named), context.total_country)
            context.total_paragraph = self.sentence.span.paragraph
            context.trade_pair = context.trade_period = None
            return True
        if self._of_a_total_before(amount):
            return True
        # the figures after it that name no partner ("Exports totaled $15.9 billion, while
        # imports reached $17.9 billion."), until a bilateral figure is stated
        paragraph = self.sentence.span.paragraph
        fresh = context.total_paragraph >= 0 and (
            context.total_paragraph >= paragraph - 1
            or (context.total_paragraph >= paragraph - TOTAL_CARRY and context.trade_pair is None)
        )
        if fresh and named <= {context.total_country}:
            context.total_paragraph = paragraph
            return True
        return False

    def _of_a_total_before(self, amount: Amount) -> bool:
        """'21.6% of the country's total foreign trade turnover, which stood at $103.5 billion':
        the sum of a relative clause on a world total is that total."""
        span = self.sentence.span
        totals = list(self.lexicon.total_trade.finditer(self.text, span.start, amount.start))
        if not totals:
            return False
        end = totals[-1].end()
        between = TOTAL_THEN_WHICH.fullmatch(self.text, end, amount.start)
        return (
            between is not None
            and not self.sentence.countries(end, amount.start)
            and not any(end <= a.start < amount.start for a in self.sentence.amounts)
        )

    def _own_country(self, amount: Amount) -> str | None:
        """The country a figure of a list belongs to: named just before it, with nothing but a
        list word between ("Uzbekistan took $12.1bn, Turkmenistan $9.4bn", "the EU ($60
        billion)"). Only in a sentence of several sums, or one that names no other country
        before the sum.
        With "respectively" the n-th sum belongs to the n-th country named before the sums."""
        if (own := self._respective_country(amount)) is not None:
            return own
        before = [
            m for m in self.sentence.countries(end=amount.start) if m.char_end <= amount.start
        ]
        if not before:
            return None
        mention = before[-1]
        if not self.lexicon.list_item.fullmatch(self.text, mention.char_end, amount.start):
            return None
        sums = [
            a
            for a in self.sentence.amounts
            if a.is_money or (a.unit == "count" and SCALED.search(self.text, a.start, a.end))
        ]
        # countries named after the sum ("..., a figure inflated by goods bound for Uzbekistan")
        # are the aside's, not rivals for it
        named_before = {m.key for m in before}
        if len(sums) < 2 and len(named_before) > 1:
            return None
        return mention.key

    def _stated_partner(self, amount: Amount, own: str) -> bool:
        """ "Russia's trade with the five countries totaled $34 billion": the country before
        the sum is the partner after "with/to/from", not a list item of its own ("trade with
        A and B came to $X and $Y respectively" is a list)."""
        if self._respective_country(amount) is not None:
            return False
        before = [
            m
            for m in self.sentence.countries(end=amount.start)
            if m.key == own and m.char_end <= amount.start
        ]
        return bool(before) and self._partner_after_with(before[-1])

    def _list_item_parties(self, own: str, base: tuple[str, str]) -> tuple[str, str]:
        """The first item of a sentence's list decides which party the items stand for; the
        others follow it ("Russia came second with $9.2bn, followed by Kazakhstan ($3.4bn)"
        lists Uzbekistan's partners, Kazakhstan among them)."""
        if self.list_slot is None:
            reporter, partner = self._substituted(own, *base)
            self.list_slot = 0 if reporter == own else 1
            return reporter, partner
        return (own, base[1]) if self.list_slot == 0 else (base[0], own)

    def _respectively(self) -> bool:
        span = self.sentence.span
        return RESPECTIVELY.search(self.text, span.start, span.end) is not None

    def _respective_country(self, amount: Amount) -> str | None:
        """ "trade with Kyrgyzstan and Uzbekistan came to $13.2bn and $8.6bn respectively"."""
        clause = self.sentence.clause_of(amount.start)
        if not RESPECTIVELY.search(self.text, amount.end, clause.end):
            return None
        sums = [a for a in self.sentence.amounts if a.is_money and clause.start <= a.start]
        sums = [a for a in sums if a.start < clause.end]
        named = [
            m.key
            for m in self.sentence.countries(clause.start, sums[0].start)
            if m.char_end <= sums[0].start
        ]
        named = list(dict.fromkeys(named))
        if len(sums) < 2 or len(named) != len(sums):
            return None
        return named[[a.start for a in sums].index(amount.start)]

    def _substituted(self, own: str, reporter: str, partner: str) -> tuple[str, str]:
        """The list item's country takes the place of the party it stands for: a member of an
        aggregate party replaces the aggregate ("Central Asia's trade with China ...;
        Uzbekistan $12.1bn"); else the party other than China, unless that party is the
        aggregate, when China's place is taken ("China's trade with the region ... the EU's")."""
        group_of = self.gazetteer.group_of(own)
        members = self.gazetteer.groups.get(own, ())
        for index, party in enumerate((reporter, partner)):
            # a member for its group, or the group for one of its members ("the region")
            if (group_of is not None and party == group_of) or party in members:
                return (own, partner) if index == 0 else (reporter, own)
        if CHINA not in (reporter, partner):
            return reporter, own  # "Uzbekistan's partners: Russia with $4.3bn, Kazakhstan ..."
        china_first = reporter == CHINA
        other = partner if china_first else reporter
        peers = group_of is not None and group_of == self.gazetteer.group_of(other)
        # A peer of the country trading with China takes its place; a country of elsewhere is
        # that country's next partner ("Uzbekistan's trade with China ...; Russia $9.2bn").
        replace_china = other in self.gazetteer.groups or not peers
        if china_first == replace_china:
            return own, partner
        return reporter, own

    def _transit(self) -> bool:
        span = self.sentence.span
        return TRANSIT.search(self.text[span.start : span.end]) is not None

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
            elif OWNER_PRONOUN.match(share.group("owner") or "") and self.context.trade_reporter:
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
            and (
                (POSSESSIVE.match(self.text, m.char_end) and flow_position - m.char_end < 40)
                or (flow_position - m.char_end <= RIGHT_BEFORE_FLOW and not self._compound(m))
            )
        ]
        if possessive and measure != "share":
            reporter = possessive[-1].key
            others = [c for c in codes if c != reporter]
            return reporter, others[0] if others else None, True
        if (partner := self._partner_after_flow(countries, flow_position)) is not None:
            # "imports from Russia": Russia is the partner, the other reports; "trade with the
            # region" after one of its members: the region's trade with China
            members = self.gazetteer.groups.get(partner, ())
            others = [c for c in codes if c != partner and c not in members]
            if members and not others:
                others = [CHINA]
            if others and others[0] != partner:
                return others[0], partner, True
        first, second = codes[0], codes[1]
        if CHINA in (first, second):
            other = second if first == CHINA else first
            return other, CHINA, False
        return first, second, False

    def _partner_after_flow(self, countries: list[Mention], flow_position: int) -> str | None:
        """'imports from Russia', 'trade with Kyrgyzstan', 'exports to the region': the country
        right after the flow word and its preposition."""
        return self._country_after_flow(countries, flow_position, PARTNER_AFTER)

    def _country_after_flow(
        self, countries: list[Mention], flow_position: int, prepositions: re.Pattern
    ) -> str | None:
        """The country right after the flow word at ``flow_position`` and one of
        ``prepositions`` ("exports to Kazakhstan"; "sales to" holds its own)."""
        word = self.lexicon.flow.regex.match(self.text, flow_position)
        if word is None:
            return None
        ends_in_one = PREPOSITION_END.search(word.group()) is not None
        after = (BARE_DESTINATION if ends_in_one else prepositions).match(self.text, word.end())
        if after is None:
            return None
        # the mention may hold the article itself ("the region")
        starts = {after.start("name"), after.end()}
        named = [m for m in countries if m.char_start in starts]
        return named[0].key if named else None

    def _ranked_partner(self, amount: Amount, own: str | None, countries: list) -> str | None:
        """'Russia came second with $19.8bn', 'Kazakhstan, with $1.04bn, was third', 'Turkey
        fourth with $1.58bn', a list line 'Russia — $5.6bn (16.6%)': a ranked partner of the
        story's country (its home). A member ranked right after a figure with China is China's
        partner instead (the peer rule)."""
        home = self.context.home
        start, end = self._rank_window(amount)
        if not home or not (RANKED.search(self.text, start, end) or self._list_line(amount)):
            return None
        before = [m.key for m in self.sentence.countries(start, amount.start)]
        ranked = own or (before[-1] if before else None)
        if ranked is None or ranked == home:
            return None
        peer = self.gazetteer.group_of(ranked) == self.gazetteer.group_of(home) is not None
        if peer and self.context.last_partner == CHINA:
            return None
        return ranked

    def _list_line(self, amount: Amount) -> bool:
        """'Kazakhstan — $2.1 billion (6.2%)': a line that is a country, a dash and its sum."""
        first = self.sentence.countries()[:1]
        return bool(first) and (
            first[0].char_start - self.sentence.span.start <= 3
            and LIST_LINE_DASH.fullmatch(self.text, first[0].char_end, amount.start) is not None
        )

    def _rank_window(self, amount: Amount) -> tuple[int, int]:
        """The words of a ranking around a sum: its clause, and the one before it in a list
        ("Kazakhstan is third with $2.64bn, Turkey fourth with $1.58bn")."""
        clause = self.sentence.clause_of(amount.start)
        start = clause.start
        if start > self.sentence.span.start:
            start = self.sentence.clause_of(start - 1).start
        return start, clause.end

    def _compound(self, mention: Mention) -> bool:
        """'Tajik-Russian trade', 'Sino-Uzbek trade': the second half of a pair names no
        reporter (the pair is stated, the convention orients it)."""
        start = mention.char_start
        return (
            start > 0
            and self.text[start - 1] in "-–"
            and any(m.char_end == start - 1 for m in self.sentence.countries())
        )

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
        closing = CLOSING_QUOTE.search(self.text, span.start + 1, line_end)
        if closing is None:
            return None
        close = closing.start()
        tail = self.text[close + 1 : min(line_end, close + 60)]
        speaker = SPEAKER_AFTER_QUOTE.match(tail)
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
        countries = self._project_countries()
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
        words = NAME_WORDS.findall(head)[-3:]
        modifiers = []
        for word in reversed(words):
            if any(ch.isdigit() for ch in word) or word.strip().lower() in {
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
        place = PROJECT_PLACE.match(self.text[kind_match.end() : self.sentence.span.end])
        return f"{name} in {place.group(1)}" if place else name

    def _project_countries(self) -> list[dict]:
        """The countries of the sentence: "in Kazakhstan" is the host, the others partners."""
        countries = []
        for mention in self.sentence.countries():
            role = (
                "host"
                if HOST_BEFORE.search(
                    self.text[max(0, mention.char_start - 8) : mention.char_start]
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


def _inside_a_group(own: str, amount: Amount, countries: list[Mention], sentence) -> bool:
    """'China's exports to Kazakhstan, ..., and Uzbekistan stood at ...': the last member of a
    list that names the whole group is the group's, not a list item of its own."""
    named = [m for m in sentence.countries(end=amount.start) if m.key == own]
    if not named:
        return False
    position = named[-1].char_start
    return any(
        c.char_start <= position < c.char_end and c.key != own and c.char_start >= 0
        for c in countries
    )


def _gap(period: PeriodMention, amount: Amount) -> int:
    """Characters between a period and an amount; one just after the amount ("$5bn in 2024")
    is a little nearer than one as far before it."""
    if period.start >= amount.end:
        return period.start - amount.end - 3
    return max(0, amount.start - period.end)


def _metric_from(cue: Cue | None, amount: Amount) -> str:
    if amount.unit == "percent":
        return f"{cue.category}_percent" if cue else "percent"
    if amount.is_money:
        return f"{cue.category}_value" if cue else "money_amount"
    if amount.unit == "times":
        return "multiple"
    return NOT_NAME_CHARS.sub("_", amount.unit.lower()).strip("_") or "figure"
