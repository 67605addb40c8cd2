"""Proposed names in the review queue: organisations and people the extractor found beside a
fact that the database did not know (extract/names.py), stored in ``proposed_names``.

- IDs: ``organization:<proposal id>`` and ``person:<proposal id>``, or the proposal's key; the
  review commands (list, accept, reject, edit, export, import, history) take them beside fact IDs.
- Accepting adds the organisation or person (``loaded_by`` article, a note naming the source
  and the proposal; the proposal row keeps the source and the quote, and points at what it
  added), or takes the one the database already has under that name, and links it to the fact
  beside it whatever that fact's state: a party of the agreement, an organisation of the
  project, the source a trade figure is attributed to. So accepting the fact and the name in
  either order ends in the same rows. The other pending proposals of the same name in the same
  article (the same company beside the deal and beside its project) are accepted with it, and
  rejected with it: one decision per name and article.
- Rejecting marks the proposal rejected and adds nothing; reindexing the article does not
  propose it again.
- Merging (``review merge organization:3 --into bank-of-china``) says the name is another name
  of an organisation or person the database has: the name becomes its alias (so the next
  article that uses it is linked without review), the fact beside it is linked to it, and the
  proposal is accepted with it, its namesakes too.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import (
    AgreementParty,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    ProjectOrganization,
    ProposedName,
    ReviewAction,
    Source,
    TradeFlow,
)
from ..models.agreements import PARTY_ROLES
from ..models.parties import ORGANIZATION_KINDS
from ..models.projects import PROJECT_ORGANIZATION_ROLES
from ..models.review import NAME_KINDS
from .facts import FactError, References

TABLE = "proposed_names"
PENDING = "proposed"
LOADED_BY = "article"
# The roles a name may take beside each kind of fact (the link table's CHECK).
ROLES_BESIDE = {
    "agreement_id": PARTY_ROLES,
    "project_id": PROJECT_ORGANIZATION_ROLES,
    "trade_flow_id": ("attributed",),
}
FACT_OF_COLUMN = {
    "agreement_id": "agreement",
    "project_id": "project",
    "trade_flow_id": "trade_flow",
}


def is_name_id(identifier: str) -> bool:
    """``organization:3``, ``person:5``, or a proposal's key (``<source>.<fact>.organization-…``)."""
    kind, _, number = identifier.partition(":")
    if number:
        return kind in NAME_KINDS
    return re.search(r"\.(?:organization|person)-\d+$", identifier) is not None


def name_id(row: ProposedName) -> str:
    return f"{row.kind}:{row.id}"


# ---------------------------------------------------------------------------- from the loader


def name_rows(source_id: int, item: Any, fact_row_id: int, refs: References) -> list[dict]:
    """The ``proposed_names`` rows of a prepared fact's name proposals."""
    column = f"{item.kind.name}_id"
    if column not in ROLES_BESIDE:
        return []
    rows = []
    for proposal in item.fact.names:
        rows.append(
            {
                "key": f"{item.key}.{proposal.kind}-{proposal.char_start}",
                "kind": proposal.kind,
                "name": proposal.name[:300],
                "organization_kind": proposal.organization_kind,
                "position": (proposal.position or None) and proposal.position[:300],
                "country_id": refs.ids["country"].get(proposal.country or ""),
                "role": proposal.role,
                "source_id": source_id,
                "quote": item.fact.quote,
                "char_start": proposal.char_start,
                "char_end": proposal.char_end,
                **dict.fromkeys(ROLES_BESIDE),
                column: fact_row_id,
                "status": PENDING,
                "confidence": proposal.confidence,
                "organization_id": None,
                "person_id": None,
                "note": None,
            }
        )
    return rows


# ---------------------------------------------------------------------------- reading


def find_name(session: Session, identifier: str) -> ProposedName:
    kind, _, number = identifier.partition(":")
    if number:
        row = session.get(ProposedName, int(number)) if number.isdigit() else None
        if row is None or row.kind != kind:
            raise FactError(f"{identifier}: no such proposed {kind}")
        return row
    row = session.scalar(select(ProposedName).where(ProposedName.key == identifier))
    if row is None:
        raise FactError(f"{identifier}: no proposed name has this key")
    return row


def pending_names(
    session: Session,
    source: str | None = None,
    kind: str | None = None,
    min_confidence: float | None = None,
) -> list[tuple[ProposedName, str]]:
    """Proposals waiting for review, with their source's key, in the order of the text."""
    statement = (
        select(ProposedName, Source.key)
        .join(Source, Source.id == ProposedName.source_id)
        .where(ProposedName.status == PENDING)
        .order_by(Source.id, ProposedName.char_start, ProposedName.id)
    )
    if kind is not None:
        statement = statement.where(ProposedName.kind == kind)
    if source is not None:
        statement = statement.where(Source.key == source)
    if min_confidence is not None:
        statement = statement.where(ProposedName.confidence >= min_confidence)
    return list(session.execute(statement).tuples())


def beside(row: ProposedName) -> tuple[str, int] | None:
    """The fact the name stands beside, as (column, row id)."""
    return next(
        ((column, getattr(row, column)) for column in ROLES_BESIDE if getattr(row, column)), None
    )


def name_fields(row: ProposedName, refs: References) -> dict[str, Any]:
    """The proposal as the reviewer reads and edits it."""
    fact = beside(row)
    fields = {
        "name": row.name,
        "organization_kind": row.organization_kind,
        "position": row.position,
        "country": refs.key_of("country", row.country_id),
        "role": row.role,
        "beside": f"{FACT_OF_COLUMN[fact[0]]}:{fact[1]}" if fact else None,
        "note": row.note,
    }
    if row.kind == "person":
        fields.pop("organization_kind")
    else:
        fields.pop("position")
    return {name: value for name, value in fields.items() if value is not None}


def editable_name_fields(kind: str) -> list[str]:
    detail = "position" if kind == "person" else "organization_kind"
    return ["name", detail, "country", "role", "note"]


# ---------------------------------------------------------------------------- actions


def record(session: Session, row: ProposedName, action: str, actor: str, changes, note) -> None:
    session.add(
        ReviewAction(
            fact_table=TABLE,
            fact_key=row.key,
            fact_id=row.id,
            action=action,
            actor=actor,
            acted_at=datetime.now(UTC),
            changes=json.dumps(changes, ensure_ascii=False) if changes else None,
            note=note,
        )
    )


def reviewable_name(identifier: str, row: ProposedName, decision: str) -> None:
    status = {"accept": "accepted", "reject": "rejected"}[decision]
    if row.status == status:
        raise FactError(f"{identifier}: already {status}")
    if row.status != PENDING:
        raise FactError(f"{identifier}: already {row.status}; a decision is final")


def decide_name(
    session: Session, row: ProposedName, decision: str, actor: str, note: str | None
) -> None:
    """Accept or reject the proposal and its pending namesakes of the same article."""
    for proposal in [row, *namesakes(session, row)]:
        if decision == "accept":
            accept(session, proposal, actor, note)
        else:
            proposal.status = "rejected"
            changes = {"status": [PENDING, "rejected"]}
            record(session, proposal, "reject", actor, changes, note)
    session.flush()


def namesakes(session: Session, row: ProposedName) -> list[ProposedName]:
    return list(
        session.scalars(
            select(ProposedName).where(
                ProposedName.source_id == row.source_id,
                ProposedName.kind == row.kind,
                ProposedName.name == row.name,
                ProposedName.status == PENDING,
                ProposedName.id != row.id,
            )
        )
    )


def accept(session: Session, row: ProposedName, actor: str, note: str | None) -> None:
    target = existing(session, row) or added(session, row, actor)
    if row.kind == "organization":
        row.organization_id = target.id
    else:
        row.person_id = target.id
    link(session, row, target)
    row.status = "accepted"
    changes = {"status": [PENDING, "accepted"], row.kind: [None, target.key]}
    record(session, row, "accept", actor, changes, note)


def merge_name(
    session: Session, row: ProposedName, identifier: str, into: str, actor: str, note: str | None
) -> str:
    """``row``'s name is another name of ``into`` (an organisation's or person's key): it
    becomes an alias of it, and the fact beside it is linked to it. Returns ``into``'s key."""
    if row.status != PENDING:
        raise FactError(f"{identifier}: already {row.status}; a decision is final")
    model, alias_model, column = (
        (Person, PersonAlias, "person_id")
        if row.kind == "person"
        else (Organization, OrganizationAlias, "organization_id")
    )
    target = session.scalar(select(model).where(model.key == into))
    if target is None:
        raise FactError(f"{into}: no {row.kind} has this key (see the {model.__tablename__} table)")
    taken = session.scalar(
        select(alias_model).where(func.lower(alias_model.alias) == row.name.lower())
    )
    if taken is not None and getattr(taken, column) != target.id:
        raise FactError(f"{identifier}: {row.name!r} is already another {row.kind}'s alias")
    if taken is None and row.name.lower() != target.name.lower():
        session.add(alias_model(**{column: target.id, "alias": row.name}))
    for proposal in [row, *namesakes(session, row)]:
        setattr(proposal, column, target.id)
        link(session, proposal, target)
        proposal.status = "accepted"
        changes = {"status": [PENDING, "accepted"], proposal.kind: [None, target.key]}
        record(session, proposal, "merge", actor, {**changes, "alias": [None, row.name]}, note)
    session.flush()
    return target.key


def existing(session: Session, row: ProposedName) -> Organization | Person | None:
    """The organisation or person the database already has under this name (case aside)."""
    wanted = row.name.lower()
    if row.kind == "person":
        return session.scalar(select(Person).where(func.lower(Person.name) == wanted))
    found = session.scalar(select(Organization).where(func.lower(Organization.name) == wanted))
    if found is None:
        found = session.scalar(
            select(Organization)
            .join(OrganizationAlias, OrganizationAlias.organization_id == Organization.id)
            .where(func.lower(OrganizationAlias.alias) == wanted)
        )
    return found


def added(session: Session, row: ProposedName, actor: str) -> Organization | Person:
    source_key = session.scalar(select(Source.key).where(Source.id == row.source_id))
    note = (
        f"Added from the review queue: proposed by the extractor beside a fact of source "
        f"{source_key} ({row.key}), accepted by {actor}."
    )
    model = Person if row.kind == "person" else Organization
    columns = dict(
        key=unique_key(session, model, row.name),
        name=row.name,
        country_id=row.country_id,
        loaded_by=LOADED_BY,
        note=note,
    )
    if row.kind == "person":
        columns["position"] = row.position
    else:
        columns["kind"] = row.organization_kind or "other"
    target = model(**columns)
    session.add(target)
    session.flush()
    return target


def unique_key(session: Session, model: type, name: str) -> str:
    """A lower-case slug of the name, numbered if another row has it."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:190] or "name"
    key, number = base, 1
    while session.scalar(select(model.id).where(model.key == key)) is not None:
        number += 1
        key = f"{base}-{number}"
    return key


def link(session: Session, row: ProposedName, target: Organization | Person) -> None:
    """Tie the accepted name to the fact beside it (once: an existing link is kept)."""
    fact = beside(row)
    if fact is None:
        return
    column, fact_row_id = fact
    party = "person_id" if row.kind == "person" else "organization_id"
    if column == "agreement_id":
        wanted = {"agreement_id": fact_row_id, party: target.id, "role": row.role}
        model = AgreementParty
    elif column == "project_id" and row.kind == "organization":
        wanted = {"project_id": fact_row_id, "organization_id": target.id, "role": row.role}
        model = ProjectOrganization
    elif column == "trade_flow_id":
        flow = session.get(TradeFlow, fact_row_id)
        attribute = f"attributed_to_{party}"
        if getattr(flow, attribute) is None:
            setattr(flow, attribute, target.id)
        return
    else:
        return
    conditions = [getattr(model, name) == value for name, value in wanted.items()]
    if session.scalar(select(func.count()).select_from(model).where(*conditions)) == 0:
        session.add(model(**wanted))


def edit_name(
    session: Session,
    identifier: str,
    row: ProposedName,
    changes: dict[str, str],
    actor: str,
    note: str | None,
    refs: References,
) -> dict[str, list]:
    """Change the proposal before deciding it (name, kind or position, country, role, note)."""
    if row.status != PENDING:
        raise FactError(f"{identifier}: already {row.status}; only a pending name is edited")
    allowed = editable_name_fields(row.kind)
    before = name_fields(row, refs)
    for raw_name, raw in changes.items():
        name = raw_name.replace("-", "_")
        if name not in allowed:
            raise FactError(
                f"{identifier}: {name!r} is not an editable field of a proposed {row.kind} "
                f"(editable: {', '.join(allowed)})"
            )
        set_field(identifier, row, name, None if raw in ("", "null", "none") else raw, refs)
    after = name_fields(row, refs)
    changed = {
        name: [before.get(name), after.get(name)]
        for name in sorted(before | after)
        if before.get(name) != after.get(name)
    }
    if changed:
        record(session, row, "edit", actor, changed, note)
    session.flush()
    return changed


def set_field(identifier: str, row: ProposedName, name: str, value: str | None, refs) -> None:
    if name == "name":
        if not value or len(value) > 300:
            raise FactError(f"{identifier}: name: give a name of 1 to 300 characters")
        row.name = value.strip()
    elif name == "organization_kind":
        if value not in ORGANIZATION_KINDS:
            raise FactError(
                f"{identifier}: organization_kind: one of {', '.join(ORGANIZATION_KINDS)}"
            )
        row.organization_kind = value
    elif name == "country":
        row.country_id = None if value is None else refs.id_of("country", value.upper())
    elif name == "role":
        fact = beside(row)
        roles = ROLES_BESIDE[fact[0]] if fact else ()
        if value not in roles:
            raise FactError(f"{identifier}: role: one of {', '.join(roles) or '(no fact)'}")
        row.role = value
    else:
        setattr(row, name, value)
