"""A synthetic corpus for bench/bench_ingest.py: news articles about China and Central Asia.

    .venv/bin/python bench/make_corpus.py OUT_DIR [--count 10000] [--seed 7]

Every article is written by this generator: a headline and six to fourteen paragraphs drawn from
templates on trade, deals, projects, meetings, logistics and statistics, with their countries,
cities, organisations, officials and figures (money in several currencies and scales, tonnes,
containers, percentages, dates and periods) chosen at random, so that no two articles share
their wording. About 80% are plain text, 15% Markdown with front matter (a publication date) and
5% saved HTML pages. The same --seed gives the same corpus. ``--language ru`` writes Russian
articles instead (make_corpus_ru.py).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from make_corpus_ru import RussianWriter

COUNTRIES = {
    "Kazakhstan": ("Astana", "Kazakh"),
    "Uzbekistan": ("Tashkent", "Uzbek"),
    "Kyrgyzstan": ("Bishkek", "Kyrgyz"),
    "Tajikistan": ("Dushanbe", "Tajik"),
    "Turkmenistan": ("Ashgabat", "Turkmen"),
}
PARTNERS = ("China", "Russia", "Turkey", "the European Union", "India", "Iran")
ORGANIZATIONS = (
    "China National Petroleum Corporation",
    "China Development Bank",
    "Export-Import Bank of China",
    "Huawei",
    "KazMunayGas",
    "the Shanghai Cooperation Organisation",
    "the Eurasian Economic Union",
    "General Administration of Customs of China",
    "BYD",
    "Geely",
)
FIRST = ("Aibek", "Dilnoza", "Rustam", "Gulnara", "Timur", "Madina", "Li", "Wang", "Zhang", "Chen")
LAST = ("Nurlanov", "Karimova", "Saidov", "Abdulloeva", "Bekov", "Wei", "Jun", "Hong", "Ming")
ROLES = ("deputy minister of trade", "ambassador", "head of the customs service", "economist")
GOODS = ("wheat", "copper", "cotton", "natural gas", "uranium", "fertiliser", "steel", "cars")
SECTORS = ("energy", "transport", "agriculture", "mining", "digital economy", "logistics")
PROJECTS = (
    "railway line",
    "dry port",
    "solar power plant",
    "wind farm",
    "gas pipeline",
    "logistics hub",
    "cement plant",
    "industrial park",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
OUTLETS = ("Steppe Wire", "Caspian Daily", "Silk Road Review", "Pamir Post", "Tian Shan Times")


class Writer:
    """Fills the templates for one article with its own draws."""

    def __init__(self, rng: random.Random, number: int):
        self.rng = rng
        self.number = number
        self.country = rng.choice(list(COUNTRIES))
        self.capital, self.demonym = COUNTRIES[self.country]
        self.partner = rng.choice(PARTNERS[:2]) if rng.random() < 0.8 else rng.choice(PARTNERS)
        self.year = rng.randint(2018, 2025)

    def pick(self, options):
        return self.rng.choice(options)

    def person(self) -> str:
        return f"{self.pick(FIRST)} {self.pick(LAST)}, {self.pick(ROLES)}"

    def money(self) -> str:
        value = round(self.rng.uniform(0.1, 95), self.rng.choice((1, 2)))
        form = self.rng.randrange(6)
        if form == 0:
            return f"${value} billion"
        if form == 1:
            return f"US${value}bn"
        if form == 2:
            return f"{int(value * 10)} million US dollars"
        if form == 3:
            return f"{value} billion yuan"
        if form == 4:
            return f"about ${value} billion"
        return f"more than ${int(value * 100)} million"

    def count(self, low=2, high=90) -> int:
        return self.rng.randint(low, high)

    def period(self) -> str:
        form = self.rng.randrange(4)
        if form == 0:
            return f"in {self.year}"
        if form == 1:
            return (
                f"in the first {self.pick(('three', 'four', 'six', 'nine'))} months of {self.year}"
            )
        if form == 2:
            return f"from January to {self.pick(MONTHS[2:])} {self.year}"
        return "last year"

    def date(self) -> str:
        return f"{self.pick(MONTHS)} {self.rng.randint(1, 28)}, {self.year}"

    # ------------------------------------------------------------------ paragraphs

    def trade(self) -> str:
        return self.pick(
            (
                f"Trade between {self.country} and {self.partner} reached {self.money()} "
                f"{self.period()}, according to {self.pick(ORGANIZATIONS)}.",
                f"{self.country}'s exports to {self.partner} rose by {self.count(2, 60)}% to "
                f"{self.money()} {self.period()}, while imports stood at {self.money()}.",
                f"Bilateral turnover between {self.partner} and {self.country} exceeded "
                f"{self.money()} {self.period()}, {self.person()}, told reporters in {self.capital}.",
                f"Shipments of {self.pick(GOODS)} from {self.country} to {self.partner} grew to "
                f"{self.count(10, 900)} thousand tonnes {self.period()}.",
            )
        )

    def deal(self) -> str:
        return self.pick(
            (
                f"The two sides signed {self.count()} agreements worth {self.money()} in "
                f"{self.capital} on {self.date()}, covering {self.pick(SECTORS)} and "
                f"{self.pick(SECTORS)}.",
                f"{self.pick(ORGANIZATIONS)} and a {self.demonym} partner signed a memorandum on "
                f"a {self.pick(PROJECTS)} valued at {self.money()}.",
                f"More than {self.count()} documents were signed during the visit, officials in "
                f"{self.capital} said, with a combined value of {self.money()}.",
            )
        )

    def project(self) -> str:
        return self.pick(
            (
                f"Construction of a {self.pick(PROJECTS)} near {self.capital} began in "
                f"{self.year}; it is expected to cost {self.money()} and create "
                f"{self.count(200, 9000)} jobs.",
                f"The {self.demonym} government said the {self.pick(PROJECTS)} financed by "
                f"{self.pick(ORGANIZATIONS)} would be completed by {self.year + self.count(1, 5)}.",
                f"A {self.count(50, 900)}-kilometre {self.pick(PROJECTS)} linking {self.country} "
                f"and {self.partner} is under construction.",
            )
        )

    def meeting(self) -> str:
        return self.pick(
            (
                f"Leaders met in {self.capital} on {self.date()} for the "
                f"{self.pick(('second', 'third', 'fourth', 'fifth'))} summit of the format.",
                f"{self.person()}, visited {self.partner} on {self.date()} for talks on "
                f"{self.pick(SECTORS)}.",
                f"A business forum in {self.capital} drew {self.count(100, 3000)} participants "
                f"from {self.count(5, 40)} countries.",
            )
        )

    def logistics(self) -> str:
        return self.pick(
            (
                f"Freight trains carried {self.count(1000, 90000)} containers through "
                f"{self.country} {self.period()}, up {self.count(2, 40)}% on the year before.",
                f"Transit time on the route fell to {self.count(5, 20)} days, {self.person()}, said.",
            )
        )

    def comment(self) -> str:
        return self.pick(
            (
                f"Analysts in {self.capital} say the {self.pick(SECTORS)} sector will remain the "
                f"focus of cooperation for years {self.number % 97} to come.",
                f"{self.person()}, said the partnership with {self.partner} was "
                f"{self.pick(('strategic', 'pragmatic', 'growing', 'comprehensive'))}.",
                f"Observers note that investment from {self.partner} in {self.country} has "
                f"changed the {self.pick(SECTORS)} landscape since {self.year - self.count(1, 9)}.",
            )
        )

    def headline(self) -> str:
        return self.pick(
            (
                f"{self.country} and {self.partner} deepen {self.pick(SECTORS)} ties",
                f"{self.demonym} trade with {self.partner} keeps growing",
                f"New {self.pick(PROJECTS)} planned in {self.country}",
                f"{self.capital} hosts talks on {self.pick(SECTORS)}",
            )
        )

    def article(self) -> tuple[str, list[str]]:
        kinds = (self.trade, self.deal, self.project, self.meeting, self.logistics, self.comment)
        paragraphs = [self.pick(kinds)() for _ in range(self.rng.randint(6, 14))]
        paragraphs.append(f"(Report {self.number}, {self.pick(OUTLETS)}.)")
        return self.headline(), paragraphs


def write_article(folder: Path, rng: random.Random, number: int, language: str = "en") -> Path:
    writer = RussianWriter(rng, number) if language == "ru" else Writer(rng, number)
    headline, paragraphs = writer.article()
    form = rng.random()
    stem = f"{number:05d}"
    if form < 0.80:
        path, text = folder / f"{stem}.txt", "\n".join([headline, *paragraphs]) + "\n"
    elif form < 0.95:
        published = f"{writer.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        front = f"---\ntitle: {headline}\npublisher: {rng.choice(OUTLETS)}\npublished: {published}\n---\n"
        path, text = folder / f"{stem}.md", front + "\n\n".join(paragraphs) + "\n"
    else:
        body = "".join(f"<p>{paragraph}</p>\n" for paragraph in paragraphs)
        text = (
            f"<!doctype html><html><head><title>{headline}</title>"
            f'<meta property="og:site_name" content="{rng.choice(OUTLETS)}">'
            f"<script>var ads = {number};</script></head><body>"
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
            f"<article><h1>{headline}</h1>\n{body}</article><footer>© Outlet</footer></body></html>\n"
        )
        path = folder / f"{stem}.html"
    path.write_text(text, encoding="utf-8")
    return path


def make_corpus(folder: Path, count: int, seed: int = 7, language: str = "en") -> list[Path]:
    """``count`` articles in ``language`` (en, or ru: make_corpus_ru.py's templates)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    return [write_article(folder, rng, number, language) for number in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="Folder to write the articles into.")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--language", choices=("en", "ru"), default="en")
    args = parser.parse_args()
    paths = make_corpus(args.out, args.count, args.seed, args.language)
    size = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths):,} articles ({size / 1e6:.1f} MB) to {args.out}")


if __name__ == "__main__":
    main()
