"""Reading articles: files, folders or standard input -> normalised ``Article`` records.

Three formats, told apart by extension and then by content:

- plain text: the first non-empty line is the headline, the whole text is the body (as in
  seed/articles/, so a seed article read here has the seed's text and hash);
- text or Markdown with YAML front matter between ``---`` lines (title, author, publisher, url,
  published, language): the body is what follows the closing ``---``;
- saved HTML pages: main text and metadata (title, author, date, site name, URL) from trafilatura.

Encodings: a byte-order mark decides first (UTF-8, UTF-16, UTF-32), then strict UTF-8, then
charset-normalizer's best guess (Windows-1251, Latin-1, ...). A text with a NUL character is
refused as binary, whatever its encoding (PostgreSQL cannot store NUL in text, and UTF-16 or
UTF-32 without a byte-order mark reads as UTF-8 full of NULs); bytes that no encoding reads
plausibly are undecodable.

Files: only regular files are opened. In a folder, a named pipe, a socket, a device, a broken
symbolic link or a symbolic link loop is skipped and listed with its reason (``Skipped``); given
by name, it is an error. A file is opened without blocking and checked again once open, so a
named pipe is never read (reading one blocks until something writes to it).

Front matter: YAML dates are read as text and checked here, like every field: a field of the
wrong type, a date that does not exist, one before 1900 or more than a day in the future is one
line naming the file and the field (``published: month must be 1..12 (2099-13-45)``).

The one normalisation (``normalise``): a leading BOM is dropped, CR LF and lone CR become ``\\n``,
and the text is put in Unicode NFC. Nothing else changes: every span (mentions, citations) refers
to the normalised text exactly as stored, and ``content_sha256`` is the SHA-256 of its UTF-8 bytes.

Language: front matter ``language:`` or ``--language`` when given, else detected from the title
and text (``language.detect_language``: ``ru`` when at least 30% of the letters are Cyrillic,
else ``en``). Dates written in words are read in the article's language first, then in the other
(«17 июня 2025 года», "17 June 2025"; a numeric "05.06.2025" is day first in a Russian article).

Every bad input raises ``ArticleError`` with one line that names the file.
"""

from __future__ import annotations

import calendar
import codecs
import errno
import hashlib
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from functools import cache, cached_property
from pathlib import Path
from typing import Annotated, Any, BinaryIO

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import SilkledgerError, first_line
from ..extract.dates import dateline
from .language import ENGLISH, RUSSIAN, detect_language

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
STDIN = "-"
FORMAT_OF_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FRONT_MATTER_FENCE = "---"
FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class ArticleError(SilkledgerError):
    """An input that cannot be read as an article; the message names the file."""

    def __init__(self, name: str, reason: str):
        self.name, self.reason = name, reason
        super().__init__(f"{name}: {reason}")


class Skipped(ArticleError):
    """An entry of a folder that is not a file to read (a named pipe, a broken link ...): listed
    with its reason, not loaded, and not a failure of the run."""


# ---------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class PublishedDate:
    value: date
    precision: str  # day, month or year; a month is its first day, a year its 1 January


@dataclass(frozen=True)
class Metadata:
    """Metadata given on the command line; each field set here overrides the article's own."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: PublishedDate | None = None
    language: str | None = None

    def fields(self) -> dict[str, Any]:
        return {name: value for name, value in self.__dict__.items() if value is not None}


@dataclass(frozen=True)
class Article:
    """One article, read and normalised: what becomes a ``sources`` row."""

    name: str  # the file as given (or "<stdin>"); shown in every message
    load_method: str  # text, markdown or html
    title: str
    body_text: str
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: PublishedDate | None = None
    language: str = ENGLISH  # parse_article sets the stated or detected one
    note: str | None = None  # how a field was inferred (a publication date read from the dateline)
    # Russian: title and text with every word as its lemma, for the full-text index (ingest)
    search_title: str | None = None
    search_text: str | None = None
    sha256: str = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "sha256", text_sha256(self.body_text))

    @cached_property
    def key(self) -> str:
        """The source key: the file stem as a slug plus the text's hash (unique per text)."""
        stem = "stdin" if self.name == STDIN_NAME else Path(self.name).stem
        slug = re.sub(r"[^a-z0-9_.-]+", "-", stem.lower()).strip("-._")[:80] or "article"
        return f"{slug}-{self.sha256[:12]}"


STDIN_NAME = "<stdin>"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise(text: str) -> str:
    """The one normalisation: no leading BOM, ``\\n`` line ends, Unicode NFC."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


# ----------------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class ArticleInput:
    """One thing to read: a file, or standard input (``path`` None)."""

    name: str
    path: Path | None = None
    stream: BinaryIO | None = None

    def read_bytes(self, max_bytes: int) -> bytes:
        if self.path is None:
            data = (self.stream or sys.stdin.buffer).read(max_bytes + 1)
        else:
            data = self._read_file(max_bytes)
        if len(data) > max_bytes:
            raise ArticleError(self.name, _too_large(len(data), max_bytes))
        return data

    def _read_file(self, max_bytes: int) -> bytes:
        """A regular file's bytes. Opened without blocking (a named pipe would wait for a
        writer) and checked once open, so whatever the path names by then is never read
        unless it is a regular file."""
        try:
            descriptor = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        except OSError as exc:
            raise ArticleError(self.name, not_a_file(self.path) or _cannot_read(exc)) from None
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ArticleError(self.name, _kind_of(info.st_mode))
            if info.st_size > max_bytes:
                raise ArticleError(self.name, _too_large(info.st_size, max_bytes))
            try:
                return handle.read(max_bytes + 1)
            except OSError as exc:
                raise ArticleError(self.name, _cannot_read(exc)) from None


def _cannot_read(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"


def not_a_file(path: Path) -> str | None:
    """Why ``path`` is neither a regular file nor a folder (following symbolic links), or None."""
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return "no such file" if exc.errno == errno.ENOENT else _cannot_read(exc)
    if stat.S_ISLNK(mode):
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "symbolic link loop: it never reaches a file"
            if exc.errno == errno.ENOENT:
                return f"broken symbolic link: its target {os.readlink(path)} does not exist"
            return f"cannot follow symbolic link: {exc.strerror}"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return _kind_of(mode)


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO), not a regular file: not opened"
    if stat.S_ISSOCK(mode):
        return "socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device, not a regular file"
    return "not a regular file"


SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$", re.IGNORECASE)
SIZE_UNITS = {"b": 1, "kb": 1024, "mb": 1024**2, "gb": 1024**3}


def parse_size(raw: str) -> int:
    """``5MB``, ``500KB`` or a number of bytes -> bytes (a binary megabyte: 1024 * 1024)."""
    match = SIZE.match(raw)
    if not match or float(match.group(1)) <= 0:
        raise SilkledgerError(f"--max-size: not a size like 5MB, 500KB or 100000: {raw!r}")
    return int(float(match.group(1)) * SIZE_UNITS[(match.group(2) or "b").lower()])


def _too_large(size: int, max_bytes: int) -> str:
    return (
        f"{_megabytes(size)} is over the size limit of {_megabytes(max_bytes)} "
        "(raise it with --max-size)"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 // 10 else f"{size} bytes"


def collect_inputs(
    paths: Iterable[str], glob: str | None = None, stdin: BinaryIO | None = None
) -> tuple[list[ArticleInput], list[ArticleError]]:
    """Every article to read under ``paths``, and the problems: one error per path that yields
    none, and a ``Skipped`` for each entry of a folder that is not a file to read.

    A folder is searched recursively for ``glob`` (default: every file with an article
    extension, hidden files skipped); ``-`` is standard input.
    """
    inputs: list[ArticleInput] = []
    problems: list[ArticleError] = []
    for raw in paths:
        if raw == STDIN:
            inputs.append(ArticleInput(STDIN_NAME, None, stdin))
            continue
        path = Path(raw)
        if path.is_dir():
            found, skipped = folder_articles(path, glob)
            problems += skipped
            if not found:
                wanted = (
                    f"matching {glob!r}" if glob else f"({', '.join(sorted(FORMAT_OF_SUFFIX))})"
                )
                problems.append(ArticleError(raw, f"folder has no article file {wanted}"))
            inputs += [ArticleInput(str(file), file) for file in found]
        elif (reason := not_a_file(path)) is None:
            inputs.append(ArticleInput(raw, path))
        else:
            problems.append(
                ArticleError(raw, "no such file or folder" if reason == "no such file" else reason)
            )
    return inputs, problems


def folder_articles(folder: Path, glob: str | None) -> tuple[list[Path], list[Skipped]]:
    """The article files under ``folder``, and its entries that are not files to read (whatever
    their names: a named pipe or a broken link is worth a line, a .csv file is not)."""
    found, skipped = [], []
    for path in sorted(folder.rglob(glob or "*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        reason = not_a_file(path)
        if reason is not None:
            skipped.append(Skipped(str(path), reason))
        elif path.is_file() and (glob is not None or path.suffix.lower() in FORMAT_OF_SUFFIX):
            found.append(path)
    return found, skipped


# ---------------------------------------------------------------------------------- reading


def read_article(
    source: ArticleInput, metadata: Metadata | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Read, decode, normalise and parse one input; raises ArticleError naming it."""
    data = source.read_bytes(max_bytes)
    return parse_article(source.name, data, metadata)


def parse_article(name: str, data: bytes, metadata: Metadata | None = None) -> Article:
    if not data.strip():
        raise ArticleError(name, "empty file")
    text = normalise(decode(name, data))
    if not text.strip():
        raise ArticleError(name, "empty file (only white space)")
    metadata = metadata or Metadata()
    kind = detect_format(name, text)
    if kind == "html":
        article, stated_language = read_html(name, text), None
    else:
        article, stated_language = read_text(name, text, kind, metadata.language)
    language = metadata.language or stated_language
    overrides = metadata.fields()
    overrides["language"] = language or detect_language(f"{article.title}\n{article.body_text}")
    article = replace(article, **overrides)
    return article if article.published else with_dateline_date(article)


def with_dateline_date(article: Article, today: date | None = None) -> Article:
    """No date in front matter, page metadata or --published: the dateline's, with a note."""
    found = dateline(article.body_text, today or date.today())
    if found is None:
        return article
    how = "" if found.year_stated else f" (no year stated: the last {found.stated} before loading)"
    note = f"publication date taken from the dateline {found.stated!r}{how}"
    return replace(article, published=PublishedDate(found.day, "day"), note=note)


def decode(name: str, data: bytes) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return without_nul(name, data.decode(encoding))
            except UnicodeDecodeError:
                raise ArticleError(name, f"undecodable text: not valid {encoding}") from None
    return without_nul(name, _decode_without_bom(name, data))


def _decode_without_bom(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ArticleError(name, "binary file, not text (NUL bytes and no byte-order mark)")
    import charset_normalizer  # imported here: most articles are UTF-8 and never need it

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ArticleError(name, "undecodable text: no encoding reads it as plausible text")
    return str(best)


def without_nul(name: str, text: str) -> str:
    """``text``, refused if it holds a NUL character (see the module docstring)."""
    position = text.find("\x00")
    if position >= 0:
        line = text.count("\n", 0, position) + 1
        raise ArticleError(
            name,
            f"binary file, not text: a NUL character on line {line} (UTF-16 or UTF-32 text "
            "needs a byte-order mark)",
        )
    return text


def detect_format(name: str, text: str) -> str:
    by_suffix = FORMAT_OF_SUFFIX.get(Path(name).suffix.lower())
    if by_suffix:
        return by_suffix
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


# ------------------------------------------------------------------------ text and Markdown


class FrontMatter(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: int | str | None = None  # a year, or text parse_published reads
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$")] | None = None


class FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader with dates left as text: its own date reader raises a bare ValueError
    for 2099-13-45 and knows no field; ``parse_published`` checks the text instead."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [pair for pair in resolvers if pair[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
YAML_KINDS = {list: "a list", dict: "a mapping", bool: "true/false", int: "a number"}


def _wrong_type(value: Any, field_name: str) -> str:
    got = YAML_KINDS.get(type(value)) or (
        "a number" if isinstance(value, float) else type(value).__name__
    )
    wanted = "a date (2025-06-17, 2025-06 or 2025)" if field_name == "published" else "text"
    return f"{got} where {wanted} is expected"


def read_text(
    name: str, text: str, kind: str, language: str | None = None
) -> tuple[Article, str | None]:
    """Plain text, or text/Markdown with front matter (``kind`` is text or markdown), and the
    language its front matter states (None when it states none). ``language`` (--language), or
    else the stated or detected one, is the language its date in words is read in."""
    front: dict[str, Any] = {}
    body = text
    if text.startswith(FRONT_MATTER_FENCE + "\n"):
        front, body = split_front_matter(name, text)
    title = front.pop("title", None) or headline(body, markdown=kind == "markdown")
    if not title:
        raise ArticleError(name, "empty article: no text after the front matter")
    published = front.pop("published", None)
    stated = front.pop("language", None)
    reading = language or stated or detect_language(f"{title}\n{body}")
    article = Article(
        name=name,
        load_method=kind,
        title=title,
        body_text=body,
        published=parse_published(name, published, reading) if published is not None else None,
        **{key: value for key, value in front.items() if value is not None},
    )
    return article, stated


def split_front_matter(name: str, text: str) -> tuple[dict[str, Any], str]:
    opening = len(FRONT_MATTER_FENCE) + 1
    end = FRONT_MATTER_END.search(text, opening)
    if end is None:
        raise ArticleError(name, "malformed front matter: the opening --- is never closed")
    try:
        raw = yaml.load(text[opening : end.start()], Loader=FrontMatterLoader)  # a SafeLoader
    except ValueError as exc:  # a value an explicit tag asks for (!!timestamp 2099-13-45)
        raise ArticleError(name, f"malformed front matter: {first_line(exc)}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleError(name, f"malformed front matter{where}: {reason}") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ArticleError(name, "malformed front matter: not a mapping of field: value")
    try:
        front = FrontMatter.model_validate(raw).model_dump(exclude_none=True)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"][:1])
        if error["type"] == "extra_forbidden":
            reason = f"unknown field (allowed: {', '.join(FrontMatter.model_fields)})"
        elif error["type"].endswith("_type"):
            reason = _wrong_type(raw.get(where), where)
        else:
            reason = error["msg"]
        raise ArticleError(name, f"malformed front matter: {where}: {reason}") from None
    body_start = end.end() + 1 if text[end.end() : end.end() + 1] == "\n" else end.end()
    return front, text[body_start:]


def headline(body: str, markdown: bool = False) -> str | None:
    for line in body.split("\n"):
        if line.strip():
            return line.strip().lstrip("#").strip() if markdown else line.strip()
    return None


# --------------------------------------------------------------------------------- dates

ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_published(name: str, raw: Any, language: str | None = None) -> PublishedDate:
    """A publication date from front matter, HTML metadata or an option, with its precision:
    2025-06-17 (day), 2025-06 (month), 2025 (year), an ISO timestamp, or words dateparser reads
    in English or Russian ("17 June 2025", «17 июня 2025 года»), ``language`` first."""
    if isinstance(raw, datetime):
        return plausible(name, PublishedDate(raw.date(), "day"), str(raw))
    if isinstance(raw, date):
        return plausible(name, PublishedDate(raw, "day"), str(raw))
    text = str(raw).strip()
    if match := ISO_PARTIAL.match(text):
        return plausible(name, _iso_date(name, text, *match.groups()), text)
    parsed = _dateparser_date(text, language)
    if parsed is not None:
        return plausible(name, parsed, text)
    raise ArticleError(name, f"published: not a date like 2025-06-17, 2025-06 or 2025: {text!r}")


EARLIEST_YEAR = 1900


def _iso_date(name: str, text: str, year: str, month: str | None, day: str | None):
    number = int(year)
    if number < EARLIEST_YEAR:
        raise ArticleError(name, f"published: before {EARLIEST_YEAR} ({text})")
    if month is None:
        return PublishedDate(date(number, 1, 1), "year")
    if not 1 <= int(month) <= 12:
        raise ArticleError(name, f"published: month must be 1..12 ({text})")
    if day is None:
        return PublishedDate(date(number, int(month), 1), "month")
    last = calendar.monthrange(number, int(month))[1]
    if not 1 <= int(day) <= last:
        month_name = calendar.month_name[int(month)]
        raise ArticleError(
            name, f"published: day must be 1..{last} in {month_name} {number} ({text})"
        )
    return PublishedDate(date(number, int(month), int(day)), "day")


def plausible(name: str, published: PublishedDate, text: str) -> PublishedDate:
    """``published`` unless it is before 1900 or more than a day after today (UTC): an article
    from the future is a typo, and a day covers every time zone."""
    latest = datetime.now(UTC).date() + timedelta(days=1)
    if published.value.year < EARLIEST_YEAR:
        raise ArticleError(name, f"published: before {EARLIEST_YEAR} ({text})")
    if published.value > latest:
        raise ArticleError(
            name, f"published: in the future ({text}; today is {latest - timedelta(days=1)})"
        )
    return published


DATE_LANGUAGES = (ENGLISH, RUSSIAN)


def _dateparser_date(text: str, language: str | None = None) -> PublishedDate | None:
    """``text`` read by dateparser in ``language``, then in the other language it knows (each
    alone: given both at once, dateparser reads a numeric date in the first one's order)."""
    order = sorted(DATE_LANGUAGES, key=lambda code: code != language)
    for code in order:
        data = _date_parser(code).get_date_data(text)
        if data.date_obj is not None:
            return _published(data)
    return None


@cache
def _date_parser(language: str):
    import dateparser  # slow to import: only for dates written in words

    return dateparser.date.DateDataParser(
        languages=[language], settings={"PREFER_DAY_OF_MONTH": "first"}
    )


def _published(data) -> PublishedDate:
    day = data.date_obj.date()
    precision = data.period if data.period in ("day", "month", "year") else "day"
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = day.replace(month=1, day=1)
    return PublishedDate(day, precision)


# ------------------------------------------------------------------------------------ HTML


def read_html(name: str, html: str) -> Article:
    """Main text and metadata of a saved page, from trafilatura (never by stripping tags)."""
    import trafilatura  # imported here: a text-only run never pays for it

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True
    )
    text = normalise(document.text or "") if document is not None else ""
    if not text.strip():
        raise ArticleError(name, "HTML page has no main text (only scripts, navigation or markup)")
    published = None
    if document.date:
        try:
            published = parse_published(name, document.date)
        except ArticleError:
            published = None  # an unreadable page date is no date, not a failure
    return Article(
        name=name,
        load_method="html",
        title=(document.title or "").strip() or headline(text) or "",
        body_text=text,
        author=document.author or None,
        publisher=document.sitename or None,
        url=document.url or None,
        published=published,
    )
