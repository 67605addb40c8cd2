"""The review queue: extracted facts wait here until a person accepts, rejects, edits or merges
them, on the command line or through an Excel round trip. New names the extractor proposes
beside facts (``organization:3``, ``person:5``; proposals.py) wait in the same queue and take the
same commands: list, accept, reject, edit, export, import, history (not merge).

- IDs: ``<kind>:<row id>`` (``trade_flow:12``) or the fact's key (facts.py).
- Only article facts are reviewed here; curated (seed) facts are reviewed in seed/.
- Every action is a ``review_actions`` row: who (``--actor``, else $USER), when, what changed
  (``{"field": [old, new]}``), so a fact's history can be read back (``history``).
- An edit is validated with the seed record model of the fact's kind, like the seed loader
  validates: a bad value is a one-line error and nothing is written.
- Excel: ``export_workbook`` writes one sheet per kind, one row per pending fact with its quote,
  its editable fields, a *decision* column with a drop-down (accept, reject) and a hidden
  fingerprint of the fact as exported. ``import_workbook`` applies the rows in one transaction;
  a row whose fact changed since the export (its fingerprint differs) is refused with a message
  and the rest are applied, or nothing is with ``strict``.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import ValidationError
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from ..db import session_scope
from ..models import Citation, ProposedName, ReviewAction, Source
from ..models.review import NAME_KINDS
from . import proposals
from .facts import (
    KINDS,
    FactError,
    FactKind,
    References,
    editable_fields,
    fact_columns,
    fact_id,
    find_fact,
    record_fields,
    validate,
)

DECISIONS = ("accept", "reject")
STATUS_OF = {"accept": "accepted", "reject": "rejected"}
PENDING = "extracted"
REVIEWED_HERE = ("extracted", "accepted", "rejected")
FIXED_COLUMNS = ("id", "source", "confidence", "quote")
TAIL_COLUMNS = ("decision", "comment", "fingerprint")
VALIDATION_CITATION = {"source": "review", "quote": "-"}  # edits validate the fields only


def current_actor(actor: str | None = None) -> str:
    return actor or os.environ.get("USER") or getpass.getuser() or "unknown"


# ------------------------------------------------------------------------------ listing


@dataclass
class PendingFact:
    id: str
    kind: str
    key: str
    source: str
    confidence: float | None
    quote: str
    summary: str
    fields: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""


def pending_facts(
    session: Session,
    source: str | None = None,
    kind: str | None = None,
    min_confidence: float | None = None,
) -> list[PendingFact]:
    """Facts waiting for review, newest source first, with their first citation's quote; then
    the names proposed beside facts."""
    if kind is not None and kind not in KINDS and kind not in NAME_KINDS:
        raise FactError(f"--kind {kind!r}: not one of {', '.join([*KINDS, *NAME_KINDS])}")
    refs = References(session)
    found = []
    fact_kinds = [] if kind in NAME_KINDS else KINDS.values() if kind is None else [KINDS[kind]]
    for fact_kind in fact_kinds:
        model = fact_kind.model
        citation_fact = getattr(Citation, fact_kind.citation_column)
        statement = (
            select(model, Citation.quote, Source.key)
            .join(Citation, citation_fact == model.id)
            .join(Source, Source.id == Citation.source_id)
            .where(model.review_status == PENDING)
            .order_by(Source.id, Citation.char_start, model.id)
        )
        if source is not None:
            statement = statement.where(Source.key == source)
        if min_confidence is not None:
            statement = statement.where(model.confidence >= min_confidence)
        seen: set[int] = set()
        for row, quote, source_key in session.execute(statement):
            if row.id in seen:
                continue
            seen.add(row.id)
            fields = record_fields(fact_kind, row, refs)
            found.append(
                PendingFact(
                    id=fact_id(fact_kind, row),
                    kind=fact_kind.name,
                    key=row.key,
                    source=source_key,
                    confidence=row.confidence,
                    quote=quote,
                    summary=summarise(fields),
                    fields=fields,
                    fingerprint=fingerprint(row.review_status, fields),
                )
            )
    if kind is None or kind in NAME_KINDS:
        found += pending_names(session, refs, source, kind, min_confidence)
    return found


def pending_names(session, refs, source, kind, min_confidence) -> list[PendingFact]:
    found = []
    for row, source_key in proposals.pending_names(session, source, kind, min_confidence):
        fields = proposals.name_fields(row, refs)
        found.append(
            PendingFact(
                id=proposals.name_id(row),
                kind=row.kind,
                key=row.key,
                source=source_key,
                confidence=row.confidence,
                quote=row.quote,
                summary=summarise(fields),
                fields=fields,
                fingerprint=fingerprint(row.status, fields),
            )
        )
    return found


def summarise(fields: dict[str, Any]) -> str:
    """The fields on one line, the way a reviewer reads them: 'reporter KAZ, value 43.8E+9 …'."""
    shown = {name: value for name, value in fields.items() if name != "note"}
    return ", ".join(f"{name} {cell_text(value)}" for name, value in shown.items())


def fingerprint(review_status: str, fields: dict[str, Any]) -> str:
    """What the fact was when exported: any edit or review since changes it."""
    payload = json.dumps([review_status, fields], sort_keys=True, default=cell_text)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def cell_text(value: Any) -> str:
    """A field value as the reviewer sees and types it: 43800000000, 2024-01-01, true."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return " ".join(f"{k}={cell_text(v)}" for k, v in value.items() if v is not None)
    return str(value)


# ------------------------------------------------------------------------------ actions


def record_action(
    session: Session,
    kind: FactKind,
    row: Any,
    action: str,
    actor: str,
    changes: dict[str, list] | None = None,
    merged_into: str | None = None,
    note: str | None = None,
) -> None:
    session.add(
        ReviewAction(
            fact_table=kind.table,
            fact_key=row.key,
            fact_id=row.id,
            action=action,
            actor=actor,
            # set here, not by the column's server default: migration 0002 writes that default
            # as now(), which SQLite does not have
            acted_at=datetime.now(UTC),
            changes=json.dumps(changes, default=cell_text, ensure_ascii=False) if changes else None,
            merged_into_key=merged_into,
            note=note,
        )
    )


def reviewable(identifier: str, kind: FactKind, row: Any) -> None:
    if row.review_status not in REVIEWED_HERE or row.loaded_by == "seed":
        raise FactError(
            f"{identifier}: a {row.review_status} fact loaded by {row.loaded_by}; "
            "curated facts are reviewed in seed/, not here"
        )


def decide(
    session: Session, identifiers: Iterable[str], decision: str, actor: str, note: str | None = None
) -> list[str]:
    """Accept or reject each fact; any bad ID raises before anything is written."""
    status = STATUS_OF[decision]
    identifiers = list(identifiers)
    names = [
        (identifier, proposals.find_name(session, identifier))
        for identifier in identifiers
        if proposals.is_name_id(identifier)
    ]
    found = [
        (identifier, *find_fact(session, identifier))
        for identifier in identifiers
        if not proposals.is_name_id(identifier)
    ]
    for identifier, kind, row in found:
        reviewable(identifier, kind, row)
        if row.review_status == status:
            raise FactError(f"{identifier}: already {status}")
    for identifier, row in names:
        proposals.reviewable_name(identifier, row, decision)
    for _, kind, row in found:
        set_status(session, kind, row, decision, actor, note)
    session.flush()
    done = [fact_id(kind, row) for _, kind, row in found]
    for _, row in names:
        if row.status == proposals.PENDING:  # not already decided with a namesake
            proposals.decide_name(session, row, decision, actor, note)
        done.append(proposals.name_id(row))
    return done


def set_status(session, kind: FactKind, row, decision: str, actor: str, note=None) -> None:
    old, row.review_status = row.review_status, STATUS_OF[decision]
    changes = {"review_status": [old, row.review_status]}
    record_action(session, kind, row, decision, actor, changes, note=note)


def decide_source(
    session: Session, source_key: str, decision: str, actor: str, note: str | None = None
) -> list[str]:
    """Accept or reject every pending fact of one source (``--all --source KEY``)."""
    if session.scalar(select(Source.id).where(Source.key == source_key)) is None:
        raise FactError(f"--source {source_key}: no such source")
    ids = [fact.id for fact in pending_facts(session, source=source_key)]
    return decide(session, ids, decision, actor, note) if ids else []


def edit(
    session: Session,
    identifier: str,
    changes: dict[str, str],
    actor: str,
    note: str | None = None,
    refs: References | None = None,
) -> dict[str, list]:
    """Change fields of a fact (``{"value": "44 billion", "period.start": "2024-01-01"}``);
    validated with the record model first, so a bad value writes nothing. Returns what changed.
    A proposed name takes its own fields (proposals.editable_name_fields)."""
    if proposals.is_name_id(identifier):
        row = proposals.find_name(session, identifier)
        refs = refs or References(session)
        return proposals.edit_name(session, identifier, row, changes, actor, note, refs)
    kind, row = find_fact(session, identifier)
    reviewable(identifier, kind, row)
    refs = refs or References(session)
    before = record_fields(kind, row, refs)
    wanted = apply_changes(identifier, kind, before, changes)
    try:
        record = validate(kind, row.key, wanted, VALIDATION_CITATION)
        refs.check(record)
    except ValidationError as exc:
        raise FactError(f"{identifier}: {validation_reason(exc)}") from None
    except FactError as exc:
        raise FactError(f"{identifier}: {exc}") from None
    for column, value in fact_columns(kind, record, refs, published_of(session, kind, row)).items():
        setattr(row, column, value)
    row.note = record.note
    session.flush()
    after = record_fields(kind, row, refs)
    shown = {
        name: (cell_text(before.get(name)), cell_text(after.get(name))) for name in before | after
    }
    changed = {name: [old, new] for name, (old, new) in sorted(shown.items()) if old != new}
    if changed:
        record_action(session, kind, row, "edit", actor, changed, note=note)
    return changed


def published_of(session: Session, kind: FactKind, row: Any) -> date | None:
    """The publication date of the first source citing the fact (its USD rate's year when it
    has no date of its own)."""
    column = getattr(Citation, kind.citation_column)
    return session.scalar(
        select(Source.published_date)
        .join(Citation, Citation.source_id == Source.id)
        .where(column == row.id)
        .order_by(Citation.id)
        .limit(1)
    )


def apply_changes(
    identifier: str, kind: FactKind, fields: dict[str, Any], changes: dict[str, str]
) -> dict[str, Any]:
    allowed = editable_fields(kind)
    wanted = {
        name: dict(value) if isinstance(value, dict) else value for name, value in fields.items()
    }
    for name, raw in changes.items():
        name = name.replace("-", "_")
        if name not in allowed:
            raise FactError(
                f"{identifier}: {name!r} is not an editable field of a {kind.name} "
                f"(editable: {', '.join(allowed)})"
            )
        value = None if raw in ("", "null", "none") else raw
        if "." in name:
            outer, inner = name.split(".", 1)
            wanted.setdefault(outer, {})
            wanted[outer] = {**(wanted[outer] or {}), inner: value}
        elif value is None:
            wanted.pop(name, None)
        else:
            wanted[name] = value
    return wanted


def validation_reason(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    message = error["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def merge(session: Session, identifier: str, into: str, actor: str, note: str | None = None) -> str:
    """The extracted fact ``identifier`` restates ``into`` (curated or accepted): its citations
    move to ``into`` and its row goes. Returns the ID of ``into``. A proposed name
    (``organization:3``) merges into a known organisation or person: proposals.merge_name."""
    if proposals.is_name_id(identifier):
        row = proposals.find_name(session, identifier)
        return proposals.merge_name(session, row, identifier, into, actor, note)
    kind, row = find_fact(session, identifier)
    target_kind, target = find_fact(session, into)
    if row.review_status != PENDING:
        raise FactError(f"{identifier}: only a pending (extracted) fact can be merged")
    if target_kind is not kind:
        raise FactError(
            f"{identifier} is a {kind.name}, {into} a {target_kind.name}: not mergeable"
        )
    if target.review_status not in ("curated", "accepted") or target.id == row.id:
        raise FactError(
            f"{into}: merge into a curated or accepted fact (it is {target.review_status})"
        )
    column = getattr(Citation, kind.citation_column)
    moved = session.execute(update(Citation).where(column == row.id).values({column: target.id}))
    if kind.citation_column in proposals.ROLES_BESIDE:  # names proposed beside it follow it
        named = getattr(ProposedName, kind.citation_column)
        session.execute(update(ProposedName).where(named == row.id).values({named: target.id}))
    changes = {
        "citations": [fact_id(kind, row), fact_id(kind, target)],
        "moved": [0, moved.rowcount],
    }
    record_action(session, kind, row, "merge", actor, changes, merged_into=target.key, note=note)
    session.delete(row)
    session.flush()
    return fact_id(kind, target)


def history(session: Session, identifier: str) -> list[ReviewAction]:
    """Every review action on a fact, oldest first (also for a fact merged away, by key)."""
    try:
        if proposals.is_name_id(identifier):
            key = proposals.find_name(session, identifier).key
        else:
            _, row = find_fact(session, identifier)
            key = row.key
    except FactError:
        key = identifier
    actions = session.scalars(
        select(ReviewAction).where(ReviewAction.fact_key == key).order_by(ReviewAction.id)
    ).all()
    if not actions and key == identifier and ":" in identifier:
        raise FactError(f"{identifier}: no such fact")
    return list(actions)


# ------------------------------------------------------------------------------ Excel


def export_workbook(session: Session, path: Path, **filters) -> int:
    """One sheet per kind, one row per pending fact; returns the number of rows."""
    facts = pending_facts(session, **filters)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for kind in KINDS.values():
        rows = [fact for fact in facts if fact.kind == kind.name]
        if rows:
            write_sheet(workbook, kind.name, editable_fields(kind), rows)
    for name_kind in NAME_KINDS:
        rows = [fact for fact in facts if fact.kind == name_kind]
        if rows:
            write_sheet(workbook, name_kind, proposals.editable_name_fields(name_kind), rows)
    if not facts:
        sheet = workbook.create_sheet("review")
        sheet.append(["no fact is waiting for review"])
    save_atomically(workbook, path)
    return len(facts)


def write_sheet(
    workbook: Workbook, title: str, editable: list[str], facts: list[PendingFact]
) -> None:
    sheet = workbook.create_sheet(title)
    header = [*FIXED_COLUMNS, *editable, *TAIL_COLUMNS]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for fact in facts:
        values = [fact.id, fact.source, fact.confidence, fact.quote]
        values += [cell_text(field_value(fact.fields, name)) for name in editable]
        values += ["", "", fact.fingerprint]
        sheet.append([safe(value) for value in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text that starts with = stays text, never a formula
    decision = DataValidation(
        type="list", formula1=f'"{",".join(DECISIONS)}"', allow_blank=True, showDropDown=False
    )
    decision.error = "accept, reject, or leave empty to keep the fact pending"
    sheet.add_data_validation(decision)
    letter = sheet.cell(row=1, column=header.index("decision") + 1).column_letter
    decision.add(f"{letter}2:{letter}{len(facts) + 1}")
    sheet.column_dimensions[sheet.cell(row=1, column=len(header)).column_letter].hidden = True
    sheet.column_dimensions["D"].width = 80
    for row in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"


def field_value(fields: dict[str, Any], name: str) -> Any:
    if "." in name:
        outer, inner = name.split(".", 1)
        return (fields.get(outer) or {}).get(inner)
    return fields.get(name)


def safe(value: Any) -> Any:
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def save_atomically(workbook: Workbook, path: Path) -> None:
    path = Path(path)
    temporary = path.with_name(f".{path.name}.partial")
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise FactError(f"cannot write {path}: {exc.strerror}") from None


@dataclass
class ImportReport:
    applied: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # one line each, naming sheet and row
    unchanged: int = 0


class ReviewImportError(FactError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def import_workbook(engine: Engine, path: Path, actor: str, strict: bool = False) -> ImportReport:
    """Apply the decisions and edits of an exported workbook in one transaction."""
    rows = list(read_workbook(Path(path)))
    report = ImportReport()
    with session_scope(engine) as session:
        refs = References(session)
        for where, values in rows:
            savepoint = session.begin_nested()
            try:
                outcome = apply_row(session, refs, values, actor)
            except FactError as exc:
                savepoint.rollback()
                report.refused.append(f"{path.name}: {where}: {exc}")
                continue
            savepoint.commit()
            if outcome:
                report.applied.append(outcome)
            else:
                report.unchanged += 1
        if strict and report.refused:
            raise ReviewImportError([*report.refused, f"{path.name}: --strict: nothing applied"])
    return report


def read_workbook(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    if not path.is_file():
        raise FactError(f"{path}: no such file")
    try:
        workbook = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise FactError(f"{path}: not an Excel workbook ({type(exc).__name__})") from None
    for sheet in workbook.worksheets:
        if sheet.title not in KINDS and sheet.title not in NAME_KINDS:
            continue
        header = [cell.value for cell in sheet[1]]
        missing = [name for name in (*FIXED_COLUMNS, *TAIL_COLUMNS) if name not in header]
        if missing:
            raise FactError(
                f"{path.name}: sheet {sheet.title}: missing column(s) {', '.join(missing)}"
            )
        for number, cells in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            values = dict(zip(header, cells, strict=False))
            if values.get("id"):
                yield f"sheet {sheet.title} row {number} ({values['id']})", values


def apply_row(session: Session, refs: References, values: dict[str, Any], actor: str) -> str | None:
    identifier = str(values["id"]).strip()
    if proposals.is_name_id(identifier):
        return apply_name_row(session, refs, identifier, values, actor)
    kind, row = find_fact(session, identifier)
    fields = record_fields(kind, row, refs)
    if fingerprint(row.review_status, fields) != str(values.get("fingerprint") or ""):
        raise FactError(
            f"the fact changed after the export (now {row.review_status}); export again to review it"
        )
    decision = str(values.get("decision") or "").strip().lower()
    if decision and decision not in DECISIONS:
        raise FactError(f"decision {decision!r}: write accept, reject or leave it empty")
    changes = {
        name: typed_cell(values.get(name))
        for name in editable_fields(kind)
        if name in values and typed_cell(values.get(name)) != cell_text(field_value(fields, name))
    }
    note = str(values.get("comment") or "").strip() or None
    done = []
    if changes and edit(session, identifier, changes, actor, note, refs):
        done.append("edited")
    if decision:
        set_status(session, kind, row, decision, actor, note)
        done.append(STATUS_OF[decision])
    return f"{fact_id(kind, row)} {' and '.join(done)}" if done else None


def apply_name_row(
    session: Session, refs: References, identifier: str, values: dict[str, Any], actor: str
) -> str | None:
    """A row of the organization or person sheet: edits, then the decision."""
    row = proposals.find_name(session, identifier)
    fields = proposals.name_fields(row, refs)
    if fingerprint(row.status, fields) != str(values.get("fingerprint") or ""):
        raise FactError(
            f"the name changed after the export (now {row.status}); export again to review it"
        )
    decision = str(values.get("decision") or "").strip().lower()
    if decision and decision not in DECISIONS:
        raise FactError(f"decision {decision!r}: write accept, reject or leave it empty")
    changes = {
        name: typed_cell(values.get(name))
        for name in proposals.editable_name_fields(row.kind)
        if name in values and typed_cell(values.get(name)) != cell_text(fields.get(name))
    }
    note = str(values.get("comment") or "").strip() or None
    done = []
    if changes and proposals.edit_name(session, identifier, row, changes, actor, note, refs):
        done.append("edited")
    if decision:
        proposals.reviewable_name(identifier, row, decision)
        proposals.decide_name(session, row, decision, actor, note)
        done.append(STATUS_OF[decision])
    return f"{proposals.name_id(row)} {' and '.join(done)}" if done else None


def typed_cell(value: Any) -> str:
    """A cell as text, whatever Excel made of it (a retyped number, a date)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    return cell_text(value).strip()
