"""How good is the extractor? Precision and recall per kind on two article sets.

Sets
- ``seed``: the five seed articles against the curated seed facts (seed/*.yaml). The gazetteer
  comes from a database holding the seed's reference data only: the seed loaded, then every
  event, agreement, trade flow and indicator row, every citation and every source deleted
  (``reference_only``; loaders/evaluation.py builds it in a temporary SQLite file). Countries, aliases, organizations, people and sectors stay; so do the
  **projects** (names and aliases, not their citations): a project registry is reference data
  analysts keep between articles, and linking a new article's project to it is what key_hint is
  for. Project values are still read from the text, never from the registry.
- ``tests``: the articles in tests/data/articles/ (written for this purpose, in several outlet
  styles), each ``NAME.txt`` with ``NAME.yaml`` beside it giving ``published`` and the expected
  ``facts`` (each with ``fact``: its kind, ``quote``: a part of the sentence that states it, and
  the fields compared below); the same gazetteer.

What is compared (one row per category)
- trade flows; agreements with a value; projects with a value; events of the kinds the issue
  names (summits, visits, meetings, forums, business councils, calls, parades, conferences:
  announcements and other happenings are not counted); indicators.
- A curated fact cited in two articles is expected once in each.

Matching rule: an extracted fact matches an expected one when
- it is of the same category;
- its quote span overlaps the span of one of the expected fact's quotes in that article;
- values agree within rounding: equal when both are rounded to three significant digits
  (30.05 billion matches 30.1 billion, 94.8 does not match 95), with the same unit or currency;
- trade flows have the same period (start and end); an indicator's period must agree when both
  sides state one; an event's kind is the same (a state and a working visit count as one kind,
  "visit") and its date, when both sides give one, falls in the same stated span.
Matching is one to one, greedy in text order; an extracted fact matching nothing (or a fact
already matched) is a false positive, an expected fact matched by nothing a miss.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete

from ..errors import SilkledgerError, first_line
from ..models import Agreement, Citation, Event, Indicator, Source, TradeFlow
from ..models.base import span_end, span_start
from ..models.events import EVENT_KINDS
from .dates import dateline
from .extractor import Extractor
from .gazetteer import Gazetteer
from .lexicon import load
from .types import ExtractedFact

# The second set lives in the source checkout beside the tests.
DEFAULT_TESTS_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "articles"
CATEGORIES = (
    "trade flows",
    "agreements with a value",
    "projects with a value",
    "events",
    "indicators",
    "trade shares and volumes",
)
# What a fact is matched within: a deal's value may be read as an agreement or as its project
# ("a $1.2bn loan for a cement plant"); a trade share or tonnage is an indicator in the corpus.
FAMILY = {
    "trade flows": "trade",
    "agreements with a value": "deal",
    "projects with a value": "deal",
    "events": "event",
    "indicators": "indicator",
    "trade shares and volumes": "indicator",
}
# The three totals issue 18 sets targets on.
GROUPS = {
    "money facts": ("trade flows", "agreements with a value", "projects with a value"),
    "events": ("events",),
    "indicators": ("indicators", "trade shares and volumes"),
}
# Gatherings the issue names; announcements and "other" happenings are not scored.
EVENT_KINDS_EVALUATED = tuple(kind for kind in EVENT_KINDS if kind not in ("announcement", "other"))
KIND_FAMILY = {"state_visit": "visit", "working_visit": "visit"}
SEED_TABLE_KIND = {
    "trade_flows": "trade_flow",
    "agreements": "agreement",
    "projects": "project",
    "events": "event",
    "indicators": "indicator",
}
# Targets of issue 18 on every set, checked by tests/test_extract_eval.py on the tuning sets.
TARGETS = {
    "money facts": {"precision": 0.9, "recall": 0.8},
    "events": {"precision": 0.7, "recall": 0.7},
}
TRADE_ATTRIBUTION_TARGET = 0.9  # of the trade figures found, countries and period right


@dataclass
class Expected:
    category: str
    source: str
    fields: dict[str, Any]
    spans: list[tuple[int, int]]
    label: str
    quote: str


@dataclass
class Article:
    key: str
    text: str
    published: date | None
    expected: list[Expected] = field(default_factory=list)
    published_expected: date | None = None  # corpus articles: the true date, to find in the text


@dataclass
class Outcome:
    category: str
    source: str
    quote: str
    label: str


@dataclass
class Score:
    expected: int = 0
    extracted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.expected if self.expected else None


@dataclass
class Report:
    name: str
    scores: dict[str, Score]
    misses: list[Outcome]
    false_positives: list[Outcome]
    articles: int
    per_article: dict[str, dict[str, Score]] = field(default_factory=dict)
    trade_found: int = 0  # trade figures matched (value, currency, quote)
    trade_right: int = 0  # ... of which the countries and the period are right too
    wrong_attribution: list[Outcome] = field(default_factory=list)
    datable: int = 0  # articles whose gold gives the publication date to find in the text
    dated: int = 0  # ... of which the extractor's reading (dateline, byline) found it

    @property
    def group_names(self) -> tuple[str, ...]:
        return tuple(GROUPS)

    def group(self, name: str) -> Score:
        members = [self.scores[category] for category in GROUPS[name]]
        return Score(
            sum(m.expected for m in members),
            sum(m.extracted for m in members),
            sum(m.matched for m in members),
        )


# ------------------------------------------------------------------------------ categories


def category_of(kind: str, fields: dict[str, Any]) -> str | None:
    if kind == "trade_flow":
        unit = str(fields.get("unit") or "")
        is_money = len(unit) == 3 and unit.isupper()
        return "trade flows" if is_money else "trade shares and volumes"
    if kind == "agreement":
        return "agreements with a value" if fields.get("value") is not None else None
    if kind == "project":
        return "projects with a value" if fields.get("value") is not None else None
    if kind == "event":
        return "events" if fields.get("kind") in EVENT_KINDS_EVALUATED else None
    if kind == "indicator":
        return "indicators"
    return None


# ------------------------------------------------------------------------------ matching


def same_value(a: Any, b: Any) -> bool:
    """Equal within rounding: the same at three significant digits."""
    if a is None or b is None:
        return a is None and b is None
    a, b = Decimal(str(a)), Decimal(str(b))
    if a == b:
        return True
    if a == 0 or b == 0:
        return False
    return _significant(a) == _significant(b)


def _significant(value: Decimal, digits: int = 3) -> Decimal:
    exponent = value.adjusted() - digits + 1
    return value.scaleb(-exponent).quantize(Decimal(1), rounding=ROUND_HALF_UP).scaleb(exponent)


def _unit(category: str, fields: dict[str, Any]) -> str | None:
    if category in ("agreements with a value", "projects with a value"):
        return fields.get("currency") or fields.get("unit")
    return fields.get("unit")


def _period(fields: dict[str, Any]) -> tuple[date, date] | None:
    period = fields.get("period")
    if not period:
        return None
    return (_as_date(period["start"]), _as_date(period["end"]))


def _as_date(value: Any) -> date:
    """A date, or the first day of a month or year written '2024-07' or '2024'."""
    if isinstance(value, date):
        return value
    text = str(value)
    return date.fromisoformat(text + {4: "-01-01", 7: "-01"}.get(len(text), ""))


def _event_span(fields: dict[str, Any]) -> tuple[date, date] | None:
    start = fields.get("start_date")
    if not start:
        return None
    start = _as_date(start)
    end = _as_date(fields.get("end_date") or start)
    precision = fields.get("date_precision")
    return span_start(start, precision), span_end(end, precision)


def matches(fact: ExtractedFact, category: str, expected: Expected) -> bool:
    if FAMILY[category] != FAMILY[expected.category]:
        return False
    if not any(fact.char_start < end and start < fact.char_end for start, end in expected.spans):
        return False
    got, want = fact.fields, expected.fields
    if FAMILY[category] == "indicator":
        return same_value(got.get("value"), want.get("value"))
    if category == "events":
        if KIND_FAMILY.get(got["kind"], got["kind"]) != KIND_FAMILY.get(want["kind"], want["kind"]):
            return False
        a, b = _event_span(got), _event_span(want)
        return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])
    if not same_value(got.get("value"), want.get("value")):
        return False
    return _unit(category, got) == _unit(expected.category, want)


def attribution_right(fact: ExtractedFact, expected: Expected) -> bool:
    """A matched trade figure with the right countries (the pair, in either orientation, when
    the gold names them) and the right period."""
    got, want = fact.fields, expected.fields
    if _period(got) != _period(want):
        return False
    if want.get("reporter"):
        return {got.get("reporter"), got.get("partner")} == {want["reporter"], want["partner"]}
    return True


def score(name: str, articles: list[Article], extractor: Extractor) -> Report:
    report = Report(name, {category: Score() for category in CATEGORIES}, [], [], len(articles))
    for article in articles:
        per_article = {group: Score() for group in GROUPS}
        report.per_article[article.key] = per_article
        facts = _one_per_amount(extractor.extract(article.text, article.published))
        expected_facts = _one_expected_per_amount(article.expected)
        open_expected = list(expected_facts)
        for expected in expected_facts:
            report.scores[expected.category].expected += 1
            per_article[_group(expected.category)].expected += 1
        for fact in facts:
            category = category_of(fact.kind, fact.fields)
            if category is None:
                continue
            report.scores[category].extracted += 1
            per_article[_group(category)].extracted += 1
            hit = next((e for e in open_expected if matches(fact, category, e)), None)
            if hit is None:
                label = _describe(fact.fields, fact.stated_value)
                report.false_positives.append(Outcome(category, article.key, fact.quote, label))
                continue
            open_expected.remove(hit)
            report.scores[category].matched += 1
            per_article[_group(category)].matched += 1
            if category == "trade flows" and hit.category == "trade flows":
                report.trade_found += 1
                if attribution_right(fact, hit):
                    report.trade_right += 1
                else:
                    label = f"{hit.label} read as {_describe(fact.fields, fact.stated_value)}"
                    report.wrong_attribution.append(
                        Outcome(category, article.key, hit.quote, label)
                    )
        report.misses += [Outcome(e.category, article.key, e.quote, e.label) for e in open_expected]
        if article.published_expected is not None:
            report.dated += article.published == article.published_expected
            report.datable += 1
    return report


def _group(category: str) -> str:
    return next(group for group, members in GROUPS.items() if category in members)


def _one_expected_per_amount(expected: list[Expected]) -> list[Expected]:
    """The gold's side of the same rule: a deal listed as an agreement and as its project, with
    the same value in the same quote, is expected once (either reading matches it)."""
    kept: list[Expected] = []
    for item in expected:
        twin = next((k for k in kept if _same_deal(k, item)), None)
        if twin is None:
            kept.append(item)
        else:
            twin.spans = twin.spans + [s for s in item.spans if s not in twin.spans]
    return kept


def _same_deal(a: Expected, b: Expected) -> bool:
    return (
        FAMILY[a.category] == FAMILY[b.category] == "deal"
        and same_value(a.fields.get("value"), b.fields.get("value"))
        and any(s < e2 and s2 < e for s, e in a.spans for s2, e2 in b.spans)
    )


def _one_per_amount(facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """A deal read both as an agreement and as its project is one money fact when scored."""
    seen: set[tuple] = set()
    kept = []
    for fact in facts:
        category = category_of(fact.kind, fact.fields)
        if category is not None and FAMILY[category] == "deal":
            key = (fact.char_start, fact.fields.get("value"), fact.fields.get("currency"))
            if key in seen:
                continue
            seen.add(key)
        kept.append(fact)
    return kept


def _describe(fields: dict[str, Any], stated: str | None) -> str:
    parts = [str(fields.get(name)) for name in ("kind", "flow", "metric") if fields.get(name)]
    if fields.get("reporter"):
        parts.append(f"{fields['reporter']}-{fields.get('partner')}")
    if period := fields.get("period"):
        parts.append(str(period.get("label") or f"{period.get('start')}..{period.get('end')}"))
    return f"{stated or fields.get('title', '')} ({', '.join(parts)})"


# ------------------------------------------------------------------------------ set 1: seed


def seed_articles(data) -> list[Article]:
    """The seed articles with their curated facts as expected facts. ``data`` is the SeedData
    that loaders.seed_files.read_seed returns (passed in: extract never imports the loaders)."""
    published = {source.key: source.published_date for source in data.sources}
    articles = {
        key: Article(key, article.text, published.get(key))
        for key, article in data.articles.items()
    }
    for table, kind in SEED_TABLE_KIND.items():
        for record in getattr(data, table):
            fields = record.model_dump(exclude={"key", "note", "citations"})
            category = category_of(kind, fields)
            if category is None:
                continue
            for source, citations in _by_source(record.citations).items():
                spans = [data.citation_span(c) for c in citations]
                label = f"{record.key}: {_describe(fields, citations[0].stated_value)}"
                articles[source].expected.append(
                    Expected(category, source, fields, spans, label, citations[0].quote)
                )
    return sorted(articles.values(), key=lambda a: a.key)


def _by_source(citations: Iterable) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for citation in citations:
        grouped.setdefault(citation.source, []).append(citation)
    return grouped


def reference_only(connection) -> None:
    """Delete every fact, citation and source, keeping the reference data and the projects
    (see the module docstring): the database the seed set is scored against."""
    for model in (Citation, Indicator, TradeFlow, Agreement, Event, Source):
        connection.execute(delete(model))


# ------------------------------------------------------------------------------ set 2: tests


def second_set_articles(folder: Path) -> list[Article]:
    """tests/data/articles/NAME.txt with NAME.yaml: published and the expected facts."""
    articles = []
    for text_path, spec in _article_files(folder):
        article = Article(
            text_path.stem, text_path.read_bytes().decode("utf-8"), spec.get("published")
        )
        article.expected = _expected_items(article, spec)
        articles.append(article)
    return articles


def corpus_articles(folder: Path) -> list[Article]:
    """tests/data/corpus/PART/NAME.txt with NAME.yaml (that folder's README gives the format).
    The publication date is read from the text as the loader reads it (dateline, byline), a
    year-less dateline resolved as if the article were loaded within a month of appearing; only
    an article whose gold says ``published_in: metadata`` is given its date, as page metadata
    would give it."""
    articles = []
    for text_path, spec in _article_files(folder):
        text = text_path.read_bytes().decode("utf-8")
        truth = spec.get("published")
        if spec.get("published_in") == "metadata":
            published = truth
        else:
            found = dateline(text, truth + timedelta(days=30) if truth else None)
            published = found.day if found else None
        article = Article(text_path.stem, text, published, published_expected=truth)
        if spec.get("published_in") == "metadata":
            article.published_expected = None  # nothing to find in the text
        article.expected = _expected_items(article, spec)
        articles.append(article)
    return articles


def _article_files(folder: Path) -> Iterator[tuple[Path, dict]]:
    for text_path in sorted(folder.glob("*.txt")):
        yaml_path = text_path.with_suffix(".yaml")
        try:
            spec = yaml.safe_load(yaml_path.read_text("utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise SilkledgerError(f"{yaml_path}: unreadable gold file: {first_line(exc)}") from None
        yield text_path, spec


def _expected_items(article: Article, spec: dict) -> list[Expected]:
    return [
        _expected_item(article, item, number)
        for number, item in enumerate(spec.get("facts") or [], start=1)
    ]


def _expected_item(article: Article, item: dict[str, Any], number: int) -> Expected:
    item = dict(item)
    kind = item.pop("fact")
    quotes = item.pop("quotes", None) or [item.pop("quote")]
    item.pop("quote", None)
    spans = []
    for quote in quotes:
        start = article.text.find(quote)
        if start == -1:
            raise SilkledgerError(
                f"{article.key}.yaml: fact #{number}: quote not found in the article: {quote!r}"
            )
        spans.append((start, start + len(quote)))
    fields = dict(item)
    if "value" in fields:
        try:
            fields["value"] = _stated(fields["value"])
        except (ArithmeticError, KeyError, IndexError):
            raise SilkledgerError(
                f"{article.key}.yaml: fact #{number}: value {fields['value']!r} is not a number "
                "with an optional scale word"
            ) from None
    category = category_of(kind, fields)
    if category is None:
        raise SilkledgerError(f"{article.key}.yaml: fact #{number}: not an evaluated kind")
    label = f"#{number}: {_describe(fields, str(item.get('value', '')))}"
    return Expected(category, article.key, fields, spans, label, quotes[0])


def _stated(raw: Any) -> Decimal:
    """'31.4 billion' -> 31400000000 (the seed files' way of writing a value), 211000 -> 211000."""
    words = str(raw).replace(",", "").split()
    scale = load("numbers")["scales"][words[1]] if len(words) == 2 else 1
    low = re.split(r"(?<=\d)[-–]", words[0])[0]  # a range "7-8": its low end, as the extractor
    return Decimal(low) * scale


# ------------------------------------------------------------------------------ running


CORPUS_DIR = DEFAULT_TESTS_DIR.parent / "corpus"
# Every set by name: the seed, the developers' first set, and the corpus's parts. The test parts
# are scored on request only: they are kept for one honest score at the end of a change.
SETS = {
    "seed": None,
    "dev": DEFAULT_TESTS_DIR,
    "tune": CORPUS_DIR / "tune",
    "test": CORPUS_DIR / "test",
    "ru-tune": CORPUS_DIR / "ru-tune",
    "ru-test": CORPUS_DIR / "ru-test",
}
DEFAULT_SETS = ("seed", "dev", "tune")


def set_names(which: str) -> list[str]:
    """'seed,tune' -> ['seed', 'tune']; 'all' is every set, 'default' the tuning sets."""
    if which == "all":
        return list(SETS)
    if which == "default":
        return list(DEFAULT_SETS)
    names = [name.strip() for name in which.split(",") if name.strip()]
    unknown = [name for name in names if name not in SETS]
    if unknown or not names:
        raise SilkledgerError(
            f"--set: unknown set {', '.join(unknown) or which!r}; choose from "
            f"{', '.join(SETS)}, default or all (comma-separated)"
        )
    return names


def evaluate(
    which: str, gazetteer: Gazetteer, seed_data, folders: dict | None = None
) -> list[Report]:
    """Score the extractor on the named sets (``which``: see set_names); ``folders`` replaces
    a set's folder (tests point the sets at data they build)."""
    folders = {**SETS, **(folders or {})}
    extractor = Extractor(gazetteer)
    reports = []
    for name in set_names(which):
        if name == "seed":
            reports.append(score("seed", seed_articles(seed_data), extractor))
            continue
        folder = folders[name]
        if not folder.is_dir():
            raise SilkledgerError(
                f"article folder not found: {folder} (the {name} set ships with a source checkout)"
            )
        read = second_set_articles if name == "dev" else corpus_articles
        reports.append(score(name, read(folder), extractor))
    return reports


def shortfalls(report: Report) -> Iterator[str]:
    """Every target that ``report`` misses, one line each."""
    for group, targets in TARGETS.items():
        result = report.group(group)
        for measure, target in targets.items():
            value = getattr(result, measure)
            if value is not None and value < target:
                yield f"{report.name}: {group}: {measure} {value:.2f} < {target}"
    if report.trade_found:
        share = report.trade_right / report.trade_found
        if share < TRADE_ATTRIBUTION_TARGET:
            yield (
                f"{report.name}: trade figures with countries and period right: "
                f"{share:.2f} < {TRADE_ATTRIBUTION_TARGET}"
            )
