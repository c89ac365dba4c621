"""ORM models: the one schema shared by SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counterscam.db.base import Base, IdType, UTCDateTime, utcnow

Money = Numeric(20, 2)


class Agency(Base):
    """A member police body, the secretariat, a dialogue partner or an observer."""

    __tablename__ = "agency"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))
    kind: Mapped[str] = mapped_column(String(16))  # member | secretariat | partner | observer
    contact: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # False: none of its users signs in, and their tokens are refused (``agency disable``);
    # its reports stay in the region's data, matched and named as their holder's.
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class User(Base):
    """A person who signs in; belongs to one agency."""

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="analyst")  # analyst | admin
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    agency: Mapped[Agency] = relationship()


class ApiToken(Base):
    """A revocable API token; only its SHA-256 digest is stored."""

    __tablename__ = "api_token"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # None: works until revoked (tokens issued before migration 0012, or by choice).
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    user: Mapped[User] = relationship()


class WebSession(Base):
    """A web sign-in; the signed cookie names it, and signing out ends it for good.

    The cookie alone cannot be withdrawn: a copy taken before sign-out would stay valid for
    its whole lifetime. The row is what the server can end.
    """

    __tablename__ = "web_session"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class ImportBatch(Base):
    """One submission (API batch, CSV/XLSX upload, CLI import) and its outcome."""

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    source: Mapped[str] = mapped_column(String(16))  # api | csv | xlsx | cli | web
    filename: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[str] = mapped_column(String(16))  # committed | rejected | partial
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    rejections_csv: Mapped[str] = mapped_column(Text, default="")
    # Resubmitted reports that kept their stored rows of a section the batch did not carry.
    kept_identifiers: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    kept_parties: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    kept_places: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Resubmitted amber reports whose share list the batch emptied (now shown to every member
    # agency): how many, and the first references, one a line.
    shares_removed: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    shares_removed_refs: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Stored reports whose loss was written as an estimate ("~RM500"): how many, and the first
    # references, one a line, so the batch's page says what the upload's answer said.
    estimated: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    estimated_refs: Mapped[str] = mapped_column(Text, default="", server_default="")


class Report(Base):
    """One scam case as a national centre recorded it."""

    __tablename__ = "report"
    __table_args__ = (
        UniqueConstraint("agency_id", "external_ref"),
        Index("ix_report_reported_at", "reported_at"),
        Index("ix_report_country_type", "country", "scam_type"),
    )
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    external_ref: Mapped[str] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2))  # the reporting agency's country
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    incident_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    scam_type: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(40))
    loss_amount: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    loss_currency: Mapped[str | None] = mapped_column(String(8), nullable=True)
    loss_usd: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    fx_rate: Mapped[Decimal | None] = mapped_column(Numeric(24, 12), nullable=True)
    fx_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    victim_age_band: Mapped[str | None] = mapped_column(String(16), nullable=True)
    victim_gender: Mapped[str | None] = mapped_column(String(16), nullable=True)
    victim_country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    narrative: Mapped[str] = mapped_column(Text, default="")
    mark: Mapped[str] = mapped_column(String(16))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    agency: Mapped[Agency] = relationship()


class ReportShare(Base):
    """An agency an amber report's owner narrowed it to."""

    __tablename__ = "report_share"
    report_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True
    )
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), primary_key=True)


class Identifier(Base):
    """A canonical selector; one row per (kind, value) across the region."""

    __tablename__ = "identifier"
    __table_args__ = (UniqueConstraint("kind", "value"),)
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(600))
    country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    shared_platform: Mapped[bool] = mapped_column(Boolean, default=False)


class Sighting(Base):
    """An identifier seen in a report, with its role there and the value as written."""

    __tablename__ = "sighting"
    __table_args__ = (
        UniqueConstraint("report_id", "identifier_id", "role"),
        # Covering: a check and linking read every report naming an identifier, with its
        # role, from the index alone; by identifier_id only, each row cost a table look-up
        # (the check's match query at 1M reports: 49-58 µs to 38-40 µs).
        Index("ix_sighting_identifier_report", "identifier_id", "report_id", "role"),
    )
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    identifier_id: Mapped[int] = mapped_column(ForeignKey("identifier.id"))
    role: Mapped[str] = mapped_column(String(32))
    raw_value: Mapped[str] = mapped_column(String(600))


class Party(Base):
    """A person or organisation a report names: suspect, mule, recruiter, trafficking victim."""

    __tablename__ = "party"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    full_name: Mapped[str] = mapped_column(String(300))
    given_name: Mapped[str] = mapped_column(String(200), default="")
    family_name: Mapped[str] = mapped_column(String(200), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    gender: Mapped[str | None] = mapped_column(String(16), nullable=True)
    nationality: Mapped[str | None] = mapped_column(String(2), nullable=True)
    id_number: Mapped[str] = mapped_column(String(60), default="")
    id_kind: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    # Set by person resolution (counterscam.link.persons): one id per real person.
    person_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)


class Place(Base):
    """A location a report names, such as a scam compound."""

    __tablename__ = "place"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    address: Mapped[str] = mapped_column(String(500), default="")


class Alert(Base):
    """Tells an agency that an identifier it reported was also reported in another country."""

    __tablename__ = "alert"
    __table_args__ = (UniqueConstraint("agency_id", "identifier_id", "other_agency_id"),)
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    identifier_id: Mapped[int] = mapped_column(ForeignKey("identifier.id"))
    other_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    other_report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class AuditEvent(Base):
    """Who searched or read what, when, and how many hits."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_agency_at", "agency_id", "at"),)
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"), nullable=True)
    actor: Mapped[str] = mapped_column(String(120))
    channel: Mapped[str] = mapped_column(String(8))  # api | web | cli
    action: Mapped[str] = mapped_column(String(32))  # check | bulk_check | read_report | ...
    query: Mapped[str] = mapped_column(Text, default="")
    hits: Mapped[int] = mapped_column(Integer, default=0)
    record_ref: Mapped[str] = mapped_column(String(120), default="")


# Linking results and the data token (which cached figures are keyed on) live in their own
# modules; importing them registers their tables, and the token's session hooks.
from counterscam.db import data_version, link_models  # noqa: E402,F401
