"""fetched_pages, feeds, feed_items: articles from the web and the feeds followed

``fetched_pages`` keeps every page loaded as a source (its URL as fetched, after redirects and in
canonical form, and the raw bytes), so a URL is fetched once; ``feeds`` the feeds followed (with
the ETag and Last-Modified of their last response, for conditional requests); ``feed_items`` each
item a feed listed, when it was first seen and how loading its link went.

Downgrade drops the three tables (the sources loaded stay).

Revision ID: 0013_feeds
Revises: 0012_readonly_role
Create Date: 2026-12-07 03:36:33.239806+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_feeds"
down_revision: str | None = "0012_readonly_role"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column(
            "id",
            sa.Integer(),
            nullable=False,
            comment="Surrogate key: an integer the database assigns; foreign keys point at it.",
        ),
        sa.Column(
            "name",
            sa.String(length=200),
            nullable=False,
            comment="Short name of the feed, used by `feeds run NAME` and `feeds remove`.",
        ),
        sa.Column(
            "url", sa.Text(), nullable=False, comment="The feed's URL (RSS 2.0, Atom or RDF)."
        ),
        sa.Column(
            "tag",
            sa.String(length=200),
            nullable=True,
            comment="A label the analyst gave the feed (an outlet group, a topic).",
        ),
        sa.Column(
            "is_private_allowed",
            sa.Boolean(),
            server_default=sa.false(),
            nullable=False,
            comment="Whether the feed and its items may be fetched from loopback and private addresses (set by `feeds add --allow-private`).",
        ),
        sa.Column(
            "added_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="When the feed was added.",
        ),
        sa.Column(
            "etag",
            sa.Text(),
            nullable=True,
            comment="The ETag of the feed's last response, sent back as If-None-Match.",
        ),
        sa.Column(
            "last_modified",
            sa.Text(),
            nullable=True,
            comment="The Last-Modified of the feed's last response, sent back as If-Modified-Since.",
        ),
        sa.Column(
            "last_run_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When the feed was last run.",
        ),
        sa.Column(
            "last_status",
            sa.String(length=16),
            nullable=True,
            comment="How the last run of the feed went. Values: ok, not_modified (the server answered 304), failed.",
        ),
        sa.Column(
            "last_error",
            sa.Text(),
            nullable=True,
            comment="Why the last run failed, or which items failed.",
        ),
        sa.Column(
            "failure_count",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Runs in a row that failed; 0 after a run that worked.",
        ),
        sa.CheckConstraint(
            "last_status IN ('ok', 'not_modified', 'failed')", name=op.f("ck_feeds_last_status")
        ),
        sa.CheckConstraint("failure_count >= 0", name=op.f("ck_feeds_failure_count_non_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("name", name=op.f("uq_feeds_name")),
        sa.UniqueConstraint("url", name=op.f("uq_feeds_url")),
        comment="The RSS, Atom and RDF feeds followed: `feeds run` fetches each new item.",
    )
    op.create_table(
        "feed_items",
        sa.Column(
            "id",
            sa.Integer(),
            nullable=False,
            comment="Surrogate key: an integer the database assigns; foreign keys point at it.",
        ),
        sa.Column(
            "feed_id", sa.Integer(), nullable=False, comment="The feed that listed the item."
        ),
        sa.Column(
            "item_key",
            sa.Text(),
            nullable=False,
            comment="The item's id in the feed: its guid, else its link.",
        ),
        sa.Column(
            "link",
            sa.Text(),
            nullable=False,
            comment="The item's link: the page fetched and loaded.",
        ),
        sa.Column(
            "title", sa.Text(), nullable=True, comment="The item's title as the feed gives it."
        ),
        sa.Column(
            "first_seen_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="When a run first saw the item in the feed.",
        ),
        sa.Column(
            "status",
            sa.String(length=16),
            nullable=False,
            comment="How loading the item's page went. Values: pending, loaded, already_loaded (the page or its text was loaded before), failed.",
        ),
        sa.Column(
            "error",
            sa.Text(),
            nullable=True,
            comment="Why the item's page was not loaded (the last attempt).",
        ),
        sa.Column(
            "attempt_count",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="How many times the item's page was fetched.",
        ),
        sa.Column(
            "last_attempt_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When the item's page was last fetched.",
        ),
        sa.Column(
            "source_id",
            sa.Integer(),
            nullable=True,
            comment="The source the item's page was loaded as.",
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'loaded', 'already_loaded', 'failed')",
            name=op.f("ck_feed_items_status"),
        ),
        sa.CheckConstraint(
            "attempt_count >= 0", name=op.f("ck_feed_items_attempt_count_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["feed_id"], ["feeds.id"], name=op.f("fk_feed_items_feed_id_feeds"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_feed_items_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_items")),
        sa.UniqueConstraint("feed_id", "item_key", name=op.f("uq_feed_items_feed_id_item_key")),
        comment="Each item a followed feed listed: when it was first seen and how loading its link went.",
    )
    with op.batch_alter_table("feed_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feed_items_source_id"), ["source_id"], unique=False)

    op.create_table(
        "fetched_pages",
        sa.Column(
            "id",
            sa.Integer(),
            nullable=False,
            comment="Surrogate key: an integer the database assigns; foreign keys point at it.",
        ),
        sa.Column(
            "url",
            sa.Text(),
            nullable=False,
            comment="The URL as it was fetched (as given, or a feed item's link).",
        ),
        sa.Column(
            "final_url",
            sa.Text(),
            nullable=False,
            comment="The URL the page was served from, after redirects.",
        ),
        sa.Column(
            "canonical_url",
            sa.Text(),
            nullable=False,
            comment="The page's canonical URL: its <link rel=canonical>, else the final URL, normalised by courlan; a URL whose canonical form is here is not fetched again.",
        ),
        sa.Column(
            "source_id", sa.Integer(), nullable=False, comment="The source the page was loaded as."
        ),
        sa.Column(
            "http_status", sa.Integer(), nullable=False, comment="The HTTP status of the response."
        ),
        sa.Column(
            "content_type",
            sa.String(length=200),
            nullable=True,
            comment="The Content-Type the server sent.",
        ),
        sa.Column(
            "fetched_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="When the page was fetched.",
        ),
        sa.Column(
            "raw_bytes",
            sa.LargeBinary(),
            nullable=False,
            comment="The page exactly as the server sent it. Unit: bytes.",
        ),
        sa.CheckConstraint(
            "http_status >= 0", name=op.f("ck_fetched_pages_http_status_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_fetched_pages_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fetched_pages")),
        sa.UniqueConstraint("url", name=op.f("uq_fetched_pages_url")),
        comment="Every web page loaded as a source: its URL as fetched, its canonical form and the raw bytes the server sent.",
    )
    with op.batch_alter_table("fetched_pages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fetched_pages_canonical_url"), ["canonical_url"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_fetched_pages_source_id"), ["source_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("fetched_pages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fetched_pages_source_id"))
        batch_op.drop_index(batch_op.f("ix_fetched_pages_canonical_url"))

    op.drop_table("fetched_pages")
    with op.batch_alter_table("feed_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feed_items_source_id"))

    op.drop_table("feed_items")
    op.drop_table("feeds")
