"""Who is asking: resolved once per request or command, then passed to every read."""

from __future__ import annotations

from dataclasses import dataclass

AGENCY_KINDS = ("member", "secretariat", "partner", "observer")


@dataclass(frozen=True)
class Caller:
    """A user (or the CLI's admin identity) acting for an agency."""

    agency_id: int | None
    agency_code: str
    agency_kind: str  # member | secretariat | partner | observer | public
    country: str | None
    user_id: int | None = None
    username: str = ""
    user_role: str = "analyst"  # analyst | admin

    @property
    def is_public(self) -> bool:
        """Tell whether this is an anonymous visitor of the public check page."""
        return self.agency_kind == "public"

    @property
    def actor(self) -> str:
        """Return the name written to the audit log."""
        if self.is_public:
            return "public"
        return f"{self.username or 'cli-admin'}@{self.agency_code}"


PUBLIC = Caller(agency_id=None, agency_code="", agency_kind="public", country=None)
