"""Reading articles: files, folders or standard input -> normalised ``Article`` records.

Three formats, told apart by extension and then by content:

- plain text: the first non-empty line is the headline, the whole text is the body (as in
  seed/articles/, so a seed article read here has the seed's text and hash);
- text or Markdown with YAML front matter between ``---`` lines (title, author, publisher, url,
  published, language): the body is what follows the closing ``---``;
- saved HTML pages: main text and metadata (title, author, date, site name, URL) from trafilatura.

Encodings: a byte-order mark decides first (UTF-8, UTF-16, UTF-32), then strict UTF-8, then
charset-normalizer's best guess (Windows-1251, Latin-1, ...). A file with NUL bytes and no BOM is
binary; bytes that no encoding reads plausibly are undecodable.

The one normalisation (``normalise``): a leading BOM is dropped, CR LF and lone CR become ``\\n``,
and the text is put in Unicode NFC. Nothing else changes: every span (mentions, citations) refers
to the normalised text exactly as stored, and ``content_sha256`` is the SHA-256 of its UTF-8 bytes.

Every bad input raises ``ArticleError`` with one line that names the file.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, BinaryIO

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import SilkledgerError
from ..extract.dates import dateline

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
    language: str = "en"
    note: str | None = None  # how a field was inferred (a publication date read from the dateline)
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
            if not self.path.is_file():
                raise ArticleError(self.name, "no such file")
            size = self.path.stat().st_size
            if size > max_bytes:
                raise ArticleError(self.name, _too_large(size, max_bytes))
            data = self.path.read_bytes()
        if len(data) > max_bytes:
            raise ArticleError(self.name, _too_large(len(data), max_bytes))
        return data


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
    """Every article to read under ``paths`` and one error per path that yields none.

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
            found = folder_articles(path, glob)
            if not found:
                wanted = (
                    f"matching {glob!r}" if glob else f"({', '.join(sorted(FORMAT_OF_SUFFIX))})"
                )
                problems.append(ArticleError(raw, f"folder has no article file {wanted}"))
            inputs += [ArticleInput(str(file), file) for file in found]
        elif path.exists():
            inputs.append(ArticleInput(raw, path))
        else:
            problems.append(ArticleError(raw, "no such file or folder"))
    return inputs, problems


def folder_articles(folder: Path, glob: str | None) -> list[Path]:
    candidates = folder.rglob(glob or "*")
    return sorted(
        path
        for path in candidates
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and (glob is not None or path.suffix.lower() in FORMAT_OF_SUFFIX)
    )


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
    kind = detect_format(name, text)
    article = read_html(name, text) if kind == "html" else read_text(name, text, kind)
    overrides = (metadata or Metadata()).fields()
    article = replace(article, **overrides) if overrides else article
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
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ArticleError(name, f"undecodable text: not valid {encoding}") from None
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
    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | datetime | int | str | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$")] | None = None


def read_text(name: str, text: str, kind: str) -> Article:
    """Plain text, or text/Markdown with front matter (``kind`` is text or markdown)."""
    front: dict[str, Any] = {}
    body = text
    if text.startswith(FRONT_MATTER_FENCE + "\n"):
        front, body = split_front_matter(name, text)
    title = front.pop("title", None) or headline(body, markdown=kind == "markdown")
    if not title:
        raise ArticleError(name, "empty article: no text after the front matter")
    published = front.pop("published", None)
    return Article(
        name=name,
        load_method=kind,
        title=title,
        body_text=body,
        published=parse_published(name, published) if published is not None else None,
        **{key: value for key, value in front.items() if value is not None},
    )


def split_front_matter(name: str, text: str) -> tuple[dict[str, Any], str]:
    opening = len(FRONT_MATTER_FENCE) + 1
    end = FRONT_MATTER_END.search(text, opening)
    if end is None:
        raise ArticleError(name, "malformed front matter: the opening --- is never closed")
    try:
        raw = yaml.safe_load(text[opening : end.start()])
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
        where = ".".join(str(part) for part in error["loc"])
        reason = (
            f"unknown field (allowed: {', '.join(FrontMatter.model_fields)})"
            if error["type"] == "extra_forbidden"
            else error["msg"]
        )
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


def parse_published(name: str, raw: Any) -> PublishedDate:
    """A publication date from front matter, HTML metadata or an option, with its precision:
    2025-06-17 (day), 2025-06 (month), 2025 (year), an ISO timestamp, or words dateparser reads
    ("17 June 2025")."""
    if isinstance(raw, datetime):
        return PublishedDate(raw.date(), "day")
    if isinstance(raw, date):
        return PublishedDate(raw, "day")
    text = str(raw).strip()
    if match := ISO_PARTIAL.match(text):
        year, month, day = match.groups()
        try:
            if day:
                return PublishedDate(date(int(year), int(month), int(day)), "day")
            if month:
                return PublishedDate(date(int(year), int(month), 1), "month")
            return PublishedDate(date(int(year), 1, 1), "year")
        except ValueError:
            pass
    else:
        parsed = _dateparser_date(text)
        if parsed is not None:
            return parsed
    raise ArticleError(name, f"published: not a date like 2025-06-17, 2025-06 or 2025: {text!r}")


def _dateparser_date(text: str) -> PublishedDate | None:
    import dateparser  # slow to import: only for dates written in words

    data = dateparser.date.DateDataParser(
        languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"}
    ).get_date_data(text)
    if data.date_obj is None:
        return None
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
