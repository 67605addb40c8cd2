"""Pages fetched from the web and the feeds followed: what `silkledger fetch` and `feeds run`
keep so that a URL is loaded once and a feed costs one conditional request when unchanged."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, non_negative, one_of

FEED_RUN_STATUSES = ("ok", "not_modified", "failed")
FEED_ITEM_STATUSES = ("pending", "loaded", "already_loaded", "failed")


class FetchedPage(IdMixin, Base):
    __tablename__ = "fetched_pages"
    __table_args__ = (
        non_negative("http_status"),
        {
            "comment": "Every web page loaded as a source: its URL as fetched, its canonical form "
            "and the raw bytes the server sent."
        },
    )

    url: Mapped[str] = mapped_column(Text, unique=True)
    final_url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str] = mapped_column(Text, index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    http_status: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(200))
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    raw_bytes: Mapped[bytes] = mapped_column(LargeBinary)


class Feed(IdMixin, Base):
    __tablename__ = "feeds"
    __table_args__ = (
        one_of("last_status", FEED_RUN_STATUSES),
        non_negative("failure_count"),
        {"comment": "The RSS, Atom and RDF feeds followed: `feeds run` fetches each new item."},
    )

    name: Mapped[str] = mapped_column(String(200), unique=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    tag: Mapped[str | None] = mapped_column(String(200))
    is_private_allowed: Mapped[bool] = mapped_column(Boolean, server_default=false())
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_run_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_status: Mapped[str | None] = mapped_column(String(16))
    last_error: Mapped[str | None] = mapped_column(Text)
    failure_count: Mapped[int] = mapped_column(Integer, server_default="0")


class FeedItem(IdMixin, Base):
    __tablename__ = "feed_items"
    __table_args__ = (
        UniqueConstraint("feed_id", "item_key"),
        one_of("status", FEED_ITEM_STATUSES),
        non_negative("attempt_count"),
        {
            "comment": "Each item a followed feed listed: when it was first seen and how loading "
            "its link went."
        },
    )

    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    item_key: Mapped[str] = mapped_column(Text)
    link: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    first_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    attempt_count: Mapped[int] = mapped_column(Integer, server_default="0")
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
