"""Mentions: which article names which country, organisation, person or project, with spans.

The gazetteer (extract/gazetteer.py) finds the names; this module turns them into ``mentions``
rows. The article loader writes them for each new article, the seed loader keeps them in step
with the seed articles, so that ``mention_counts`` answers on a database that holds the seed
only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..extract.types import Mention as FoundMention
from ..models import NATURAL_KEYS

# Which mentions column holds each kind of named thing.
MENTION_COLUMNS = {
    "country": "country_id",
    "organization": "organization_id",
    "person": "person_id",
    "project": "project_id",
}


def key_ids(session: Session, kinds: Iterable[str] = MENTION_COLUMNS) -> dict[str, dict[str, int]]:
    """kind -> natural key (models.NATURAL_KEYS) -> row id, for ``kinds`` (by default every
    kind a mention can name)."""
    ids = {}
    for kind in kinds:
        model, key_column = NATURAL_KEYS[kind]
        ids[kind] = dict(session.execute(select(key_column, model.id)).tuples().all())
    return ids


def mention_rows(
    source_id: int, found: Iterable[FoundMention], ids: dict[str, dict[str, int]]
) -> list[dict[str, Any]]:
    """One row per mention whose entity has an id in ``ids`` (kind -> key -> id); a name
    added after ``ids`` was read is skipped. Every row has every mentioned column (one column set:
    one executemany INSERT)."""
    rows = []
    for mention in found:
        target = ids[mention.kind].get(mention.key)
        if target is None:
            continue
        row: dict[str, Any] = dict.fromkeys(MENTION_COLUMNS.values())
        row[MENTION_COLUMNS[mention.kind]] = target
        row.update(
            source_id=source_id,
            mention_text=mention.text,
            char_start=mention.char_start,
            char_end=mention.char_end,
        )
        rows.append(row)
    return rows
