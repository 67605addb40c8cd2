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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete

from ..errors import SilkledgerError
from ..models import Agreement, Citation, Event, Indicator, Source, TradeFlow
from ..models.base import span_end, span_start
from ..models.events import EVENT_KINDS
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
)
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
# Targets of issue 11, checked by tests/test_extract_eval.py.
TARGETS = {
    "trade flows": {"precision": 0.9, "recall": 0.85},
    "agreements with a value": {"precision": 0.9, "recall": 0.85},
    "projects with a value": {"precision": 0.9, "recall": 0.85},
    "events": {"recall": 0.7},
}


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


# ------------------------------------------------------------------------------ categories


def category_of(kind: str, fields: dict[str, Any]) -> str | None:
    if kind == "trade_flow":
        return "trade flows"
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
        return fields.get("currency")
    return fields.get("unit")


def _period(fields: dict[str, Any]) -> tuple[date, date] | None:
    period = fields.get("period")
    if not period:
        return None
    return (_as_date(period["start"]), _as_date(period["end"]))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _event_span(fields: dict[str, Any]) -> tuple[date, date] | None:
    start = fields.get("start_date")
    if not start:
        return None
    start = _as_date(start)
    end = _as_date(fields.get("end_date") or start)
    precision = fields.get("date_precision")
    return span_start(start, precision), span_end(end, precision)


def matches(fact: ExtractedFact, category: str, expected: Expected) -> bool:
    if category != expected.category:
        return False
    if not any(fact.char_start < end and start < fact.char_end for start, end in expected.spans):
        return False
    got, want = fact.fields, expected.fields
    if category == "events":
        if KIND_FAMILY.get(got["kind"], got["kind"]) != KIND_FAMILY.get(want["kind"], want["kind"]):
            return False
        a, b = _event_span(got), _event_span(want)
        return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])
    if not same_value(got.get("value"), want.get("value")):
        return False
    if _unit(category, got) != _unit(category, want):
        return False
    if category == "trade flows":
        return _period(got) == _period(want)
    if category == "indicators" and _period(got) and _period(want):
        return _period(got) == _period(want)
    return True


def score(name: str, articles: list[Article], extractor: Extractor) -> Report:
    scores = {category: Score() for category in CATEGORIES}
    misses: list[Outcome] = []
    false_positives: list[Outcome] = []
    for article in articles:
        facts = extractor.extract(article.text, article.published)
        open_expected = list(article.expected)
        for expected in article.expected:
            scores[expected.category].expected += 1
        for fact in facts:
            category = category_of(fact.kind, fact.fields)
            if category is None:
                continue
            scores[category].extracted += 1
            hit = next((e for e in open_expected if matches(fact, category, e)), None)
            if hit is None:
                false_positives.append(
                    Outcome(
                        category, article.key, fact.quote, _describe(fact.fields, fact.stated_value)
                    )
                )
                continue
            open_expected.remove(hit)
            scores[category].matched += 1
        misses += [Outcome(e.category, article.key, e.quote, e.label) for e in open_expected]
    return Report(name, scores, misses, false_positives, len(articles))


def _describe(fields: dict[str, Any], stated: str | None) -> str:
    parts = [str(fields.get(name)) for name in ("kind", "flow", "metric") if fields.get(name)]
    if period := fields.get("period"):
        parts.append(str(period.get("label")))
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
    for text_path in sorted(folder.glob("*.txt")):
        text = text_path.read_bytes().decode("utf-8")
        spec = yaml.safe_load(text_path.with_suffix(".yaml").read_text("utf-8"))
        article = Article(text_path.stem, text, spec.get("published"))
        for number, item in enumerate(spec.get("facts") or [], start=1):
            article.expected.append(_expected_item(article, item, number))
        articles.append(article)
    return articles


def _expected_item(article: Article, item: dict[str, Any], number: int) -> Expected:
    item = dict(item)
    kind = item.pop("fact")
    quote = item.pop("quote")
    start = article.text.find(quote)
    if start == -1:
        raise SilkledgerError(f"{article.key}.yaml: fact #{number}: quote not found in the article")
    fields = dict(item)
    if "value" in fields:
        fields["value"] = _stated(fields["value"])
    category = category_of(kind, fields)
    if category is None:
        raise SilkledgerError(f"{article.key}.yaml: fact #{number}: not an evaluated kind")
    label = f"#{number}: {_describe(fields, str(item.get('value', '')))}"
    return Expected(category, article.key, fields, [(start, start + len(quote))], label, quote)


def _stated(raw: Any) -> Decimal:
    """'31.4 billion' -> 31400000000 (the seed files' way of writing a value), 211000 -> 211000."""
    words = str(raw).split()
    scale = load("numbers")["scales"][words[1]] if len(words) == 2 else 1
    return Decimal(words[0]) * scale


# ------------------------------------------------------------------------------ running


def evaluate(which: str, gazetteer: Gazetteer, seed_data, tests_dir: Path | None) -> list[Report]:
    """Score the extractor on the seed set, the tests set or both (``which``: seed|tests|all)."""
    if which not in ("seed", "tests", "all"):
        raise SilkledgerError(f"--set must be seed, tests or all, not {which!r}")
    tests_dir = tests_dir or DEFAULT_TESTS_DIR
    if which != "seed" and not tests_dir.is_dir():
        raise SilkledgerError(
            f"article folder not found: {tests_dir} (the tests set ships with a source checkout)"
        )
    extractor = Extractor(gazetteer)
    reports = []
    if which in ("seed", "all"):
        reports.append(score("seed", seed_articles(seed_data), extractor))
    if which in ("tests", "all"):
        reports.append(score("tests", second_set_articles(tests_dir), extractor))
    return reports


def shortfalls(report: Report) -> Iterator[str]:
    """Every target of issue 11 that ``report`` misses, one line each."""
    for category, targets in TARGETS.items():
        result = report.scores[category]
        for measure, target in targets.items():
            value = getattr(result, measure)
            if value is not None and value < target:
                yield f"{report.name}: {category}: {measure} {value:.2f} < {target}"
