"""The gazetteer: every name the database knows, compiled once per run into one regex.

Names come from the database, so that adding an alias improves the next ingest:
countries (their name and official name, pycountry's names and common names for the same
codes, and every ``country_aliases`` row: demonyms, capitals, abbreviations), organizations and
their aliases, people (full name, and the surname alone when no other person shares it and it is
at least four letters long: articles say "Tokayev" after the first mention), projects and their
aliases (rejected extracted projects excluded), and sectors (by key and name, for the extractor).

Matching is case-sensitive (names are proper nouns: "Turkmen" but not "turkmen carpet" ...) and
also accepts the all-capitals form of each name, for headlines. A name is matched only between
non-word characters; a name ending in a hyphen ("Sino-") needs no boundary after it.

Speed (bench/bench_extract.py --compare, this 2-core machine while shared, load about 11): all
names go into one trie-factored regular expression (see ``trie.py``) with a first-letter
lookahead: 0.07 ms for the mentions of an article piece of 1.6 KB. spaCy's blank English
pipeline with a PhraseMatcher over the same names took 4 to 5 ms for the same piece in the same
run, most of it tokenisation: more than half of the loader's whole per-article budget (120
articles/s including database writes), so spaCy is not used on this path.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

import pycountry
from rapidfuzz import fuzz, process, utils
from sqlalchemy import select

from ..lemmas import is_cyrillic, phrase_forms
from ..models import (
    Country,
    CountryAlias,
    CountryGroupMember,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Project,
    ProjectAlias,
    Sector,
)
from .trie import trie_regex
from .types import Mention

# Whose name wins when two entities share one surface form (rare): the more specific first.
KIND_PRIORITY = ("person", "organization", "project", "country")
# rapidfuzz token_sort_ratio on lower-cased words (word order free, no subset matches: a bare
# "pipeline" must not link to "Natural gas pipeline from Turkmenistan"); below it, a new project.
PROJECT_MATCH_CUTOFF = 85
MIN_SURNAME_LENGTH = 4


@dataclass(frozen=True, slots=True)
class ProjectEntry:
    key: str
    name: str
    kind: str | None
    sector: str | None


@dataclass
class Gazetteer:
    """Names -> (kind, key). Build with ``from_connection``; tests may pass ``names`` directly."""

    names: dict[str, tuple[str, str]]
    projects: dict[str, ProjectEntry] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)  # key -> name
    groups: dict[str, frozenset[str]] = field(default_factory=dict)  # XCA -> its members

    def group_of(self, member: str) -> str | None:
        """The aggregate a country belongs to among those the database knows (KAZ -> XCA)."""
        return next((group for group, members in self.groups.items() if member in members), None)

    def __post_init__(self) -> None:
        surfaces = set(self.names) | {name.upper() for name in self.names}
        self._by_surface = dict(self.names)
        for name, target in self.names.items():
            self._by_surface.setdefault(name.upper(), target)
        # The first-character lookahead lets the engine skip most positions at once.
        first = "".join(sorted({re.escape(surface[0]) for surface in surfaces if surface}))
        self._regex = re.compile(
            rf"(?=[{first}])(?<!\w)(?:" + trie_regex(surfaces) + r")(?:(?<=-)|(?!\w))"
        )
        self._project_names = {
            alias: key for alias, (kind, key) in self.names.items() if kind == "project"
        }

    # ------------------------------------------------------------------ building

    @classmethod
    def from_connection(cls, connection) -> Gazetteer:
        """Read every name from a SQLAlchemy Connection or Session (read only)."""
        rows = _Rows(connection)
        entries = list(_country_entries(rows))
        entries += _organization_entries(rows)
        entries += [("person", key, surface) for key, surface in _person_names(_people(rows))]
        sector_of = {row.id: row.key for row in rows(select(Sector.id, Sector.key))}
        projects, project_entries = _projects(rows, sector_of)
        entries += project_entries
        names: dict[str, tuple[str, str]] = {}
        for kind, key, surface in sorted(entries, key=lambda e: KIND_PRIORITY.index(e[0])):
            for form in _inflected(surface.strip()):
                names.setdefault(form, (kind, key))
        sectors = {row.key: row.name for row in rows(select(Sector.key, Sector.name))}
        return cls(names=names, projects=projects, sectors=sectors, groups=_groups(rows))

    # ------------------------------------------------------------------ using

    def mentions(self, text: str) -> list[Mention]:
        """Every known name in ``text``, left to right, longest at each position."""
        found = []
        for match in self._regex.finditer(text):
            kind, key = self._by_surface[match.group()]
            found.append(Mention(kind, key, match.start(), match.end(), match.group()))  # type: ignore[arg-type]
        return found

    def mentions_in(self, text: str, start: int, end: int) -> Iterator[Mention]:
        """The mentions inside ``text[start:end]``, with spans in ``text``."""
        for match in self._regex.finditer(text, start, end):
            kind, key = self._by_surface[match.group()]
            yield Mention(kind, key, match.start(), match.end(), match.group())  # type: ignore[arg-type]

    def match_project(self, name: str) -> str | None:
        """The key of a known project called ``name`` (exact, alias, or a close fuzzy match)."""
        if name in self._project_names:
            return self._project_names[name]
        if not self._project_names:
            return None
        best = process.extractOne(
            name,
            list(self._project_names),
            scorer=fuzz.token_sort_ratio,
            processor=utils.default_process,
            score_cutoff=PROJECT_MATCH_CUTOFF,
        )
        return self._project_names[best[0]] if best else None


class _Rows:
    """Runs a select on a Connection or a Session alike."""

    def __init__(self, connection):
        self.connection = connection

    def __call__(self, statement) -> Iterable:
        return self.connection.execute(statement).all()


def _groups(rows: _Rows) -> dict[str, frozenset[str]]:
    group, member = Country.__table__.alias("g"), Country.__table__.alias("m")
    pairs = rows(
        select(group.c.iso3.label("group_code"), member.c.iso3.label("member_code"))
        .select_from(CountryGroupMember)
        .join(group, group.c.id == CountryGroupMember.group_country_id)
        .join(member, member.c.id == CountryGroupMember.member_country_id)
    )
    found: dict[str, set[str]] = {}
    for row in pairs:
        found.setdefault(row.group_code, set()).add(row.member_code)
    return {code: frozenset(members) for code, members in found.items()}


def _country_names(row) -> Iterator[str]:
    yield row.name
    if row.official_name:
        yield row.official_name
    country = None if row.is_aggregate else pycountry.countries.get(alpha_3=row.iso3)
    if country is not None:
        for attribute in ("name", "common_name", "official_name"):
            if value := getattr(country, attribute, None):
                yield value
                yield _russian().gettext(value)  # the same text again where none is shipped


@cache
def _russian() -> gettext.NullTranslations:
    """pycountry's Russian names of the ISO 3166 countries (Казахстан, Китай ...)."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)


def _inflected(surface: str) -> Iterable[str]:
    """A Russian name in all its forms (Казахстан, Казахстана, Казахстаном ...); else itself."""
    if not is_cyrillic(surface):
        return (surface,)
    forms = phrase_forms(surface)
    if surface[:1].islower():  # an adjective also opens sentences: «Казахстанский экспорт»
        forms += [form[:1].upper() + form[1:] for form in forms]
    return forms


def _country_entries(rows: _Rows) -> Iterator[tuple[str, str, str]]:
    iso3_of: dict[int, str] = {}
    columns = (Country.id, Country.iso3, Country.name, Country.official_name, Country.is_aggregate)
    for row in rows(select(*columns)):
        iso3_of[row.id] = row.iso3
        yield from (("country", row.iso3, name) for name in _country_names(row))
    for row in rows(select(CountryAlias.country_id, CountryAlias.alias)):
        yield "country", iso3_of[row.country_id], row.alias


def _organization_entries(rows: _Rows) -> list[tuple[str, str, str]]:
    key_of: dict[int, str] = {}
    entries = []
    for row in rows(select(Organization.id, Organization.key, Organization.name)):
        key_of[row.id] = row.key
        entries.append(("organization", row.key, row.name))
    for row in rows(select(OrganizationAlias.organization_id, OrganizationAlias.alias)):
        entries.append(("organization", key_of[row.organization_id], row.alias))
    return entries


def _people(rows: _Rows) -> list[tuple[str, str]]:
    """(key, name) of every person, and of every alias (the Russian name, other spellings)."""
    key_of = {}
    people = []
    for row in rows(select(Person.id, Person.key, Person.name)):
        key_of[row.id] = row.key
        people.append((row.key, row.name))
    for row in rows(select(PersonAlias.person_id, PersonAlias.alias)):
        people.append((key_of[row.person_id], row.alias))
    return people


def _person_names(people: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Full names, and each surname that only one person has ("Tokayev", «Токаев»)."""
    surnames = Counter(name.split()[-1] for _, name in people)
    for key, name in people:
        yield key, name
        surname = name.split()[-1]
        if surnames[surname] == 1 and len(surname) >= MIN_SURNAME_LENGTH and surname != name:
            yield key, surname


def _projects(rows: _Rows, sector_of: dict[int, str]) -> tuple[dict[str, ProjectEntry], list]:
    projects: dict[str, ProjectEntry] = {}
    id_to_key: dict[int, str] = {}
    statement = select(
        Project.id, Project.key, Project.name, Project.kind, Project.sector_id
    ).where(Project.review_status != "rejected")
    for row in rows(statement):
        id_to_key[row.id] = row.key
        projects[row.key] = ProjectEntry(row.key, row.name, row.kind, sector_of.get(row.sector_id))
    entries = [("project", entry.key, entry.name) for entry in projects.values()]
    for row in rows(select(ProjectAlias.project_id, ProjectAlias.alias)):
        if row.project_id in id_to_key:
            entries.append(("project", id_to_key[row.project_id], row.alias))
    return projects, entries
