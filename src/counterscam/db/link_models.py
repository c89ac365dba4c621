"""ORM models of linking results: clusters, their reports and links, and the hub stop-list."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from counterscam.db.base import Base, IdType, UTCDateTime, utcnow


class Cluster(Base):
    """A set of linked reports: a candidate syndicate, with its figures kept up to date."""

    __tablename__ = "cluster"
    __table_args__ = (Index("ix_cluster_report_count", "report_count"),)
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    key: Mapped[str] = mapped_column(String(16), unique=True)  # CL-000123, stable
    report_count: Mapped[int] = mapped_column(Integer, default=0)
    country_count: Mapped[int] = mapped_column(Integer, default=0)
    countries: Mapped[str] = mapped_column(String(64), default="")  # "KH,MY,TH"
    total_loss_usd: Mapped[Decimal] = mapped_column(Numeric(20, 2), default=Decimal(0))
    first_seen: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_seen: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    growth_30d: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ClusterReport(Base):
    """The cluster a report belongs to; every linked report is in exactly one."""

    __tablename__ = "cluster_report"
    report_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True
    )
    cluster_id: Mapped[int] = mapped_column(ForeignKey("cluster.id"), index=True)


class ClusterLink(Base):
    """Why two reports are in one cluster: what they share, the roles in each, days apart.

    ``via`` says what joined them: ``identifier`` (``identifier_id``, roles are sighting
    roles), ``person`` (the parties ``party_a``/``party_b`` were resolved to one person) or
    ``document`` (the parties carry the same ID or passport number); for the last two the
    roles are party roles. Party ids have no foreign key: a resubmission replaces a report's
    parties and incremental linking rewrites its links, and a key would make every party
    delete scan this table.
    """

    __tablename__ = "cluster_link"
    __table_args__ = (
        Index("ix_cluster_link_report_a", "report_a"),
        Index("ix_cluster_link_report_b", "report_b"),
    )
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("cluster.id"), index=True)
    report_a: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    report_b: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    identifier_id: Mapped[int | None] = mapped_column(ForeignKey("identifier.id"), nullable=True)
    via: Mapped[str] = mapped_column(String(16), default="identifier", server_default="identifier")
    party_a: Mapped[int | None] = mapped_column(IdType, nullable=True)
    party_b: Mapped[int | None] = mapped_column(IdType, nullable=True)
    role_a: Mapped[str] = mapped_column(String(32))
    role_b: Mapped[str] = mapped_column(String(32))
    days_apart: Mapped[int] = mapped_column(Integer)


class StopEntry(Base):
    """An identifier that never links reports (``stop``), or an analyst's ``allow`` override.

    Entries by ``auto`` are hubs the rebuild found (too many reports or too long in use); an
    analyst removing one turns it into ``allow``, so the next rebuild does not stop it again.
    """

    __tablename__ = "stop_entry"
    __table_args__ = (UniqueConstraint("kind", "value"),)
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(600))
    action: Mapped[str] = mapped_column(String(8), default="stop")  # stop | allow
    reason: Mapped[str] = mapped_column(String(500), default="")
    added_by: Mapped[str] = mapped_column(String(120))  # user@agency, cli-admin, or auto
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Of an ``auto`` entry: ``busy`` (too many reports in one window run) or ``span`` (in use
    # too long); empty for an analyst's. Only busy hubs and analysts' entries silence alerts.
    rule: Mapped[str] = mapped_column(String(8), default="", server_default="")


class PartyDocument(Base):
    """The normalised ID or passport key of an operator-side party, for linking at intake.

    Kept by linking (every rebuild, and incremental linking for new reports) so a new report's
    suspect, mule or recruiter finds earlier mentions of the same document by index.
    """

    __tablename__ = "party_document"
    party_id: Mapped[int] = mapped_column(
        ForeignKey("party.id", ondelete="CASCADE"), primary_key=True
    )
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(100), index=True)  # "AB1234567:MY"
    role: Mapped[str] = mapped_column(String(32))
