"""Why an API token sent as a credential was refused, said to the one who sent it.

"Unknown, revoked or expired, or its user is disabled" left a script's owner to guess which,
and each has its own fix: a typo in the copy, a new token, or an enabled user (or agency).
Tokens are long random secrets, so naming the reason to whoever holds one tells an attacker
nothing a guess could find; the token itself is never repeated, nor its user's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counterscam.access.disabled_agency import enable_agency_command

# The fixes name the commands an administrator runs; USERNAME is theirs to fill in.
_NEW_TOKEN = "counterscam token issue USERNAME"
_ENABLE = "counterscam user enable USERNAME"


@dataclass(frozen=True)
class TokenRefusal:
    """A token that signs nobody in, and why.

    ``token_id`` is None when no token was ever issued with the secret sent; ``shape`` then
    says what is wrong with the secret's form, if anything is.
    """

    token_id: int | None = None
    shape: str | None = None
    revoked: datetime | None = None
    expired: datetime | None = None
    user_disabled: bool = False
    agency_disabled: str | None = None  # the code of the user's agency, when it is disabled

    def message(self, subject: str) -> str:
        """Say why the token is refused and how to get a working one, as ``subject`` names it.

        Returns a clause without a final full stop, like "The API token (token id 12) was
        revoked on 2026-11-30 09:12 UTC: ask an administrator for a new token (...)".
        """
        if self.token_id is None:
            if self.shape is not None:
                return f"{subject} {self.shape}"
            return (
                f"{subject} is unknown: no token was issued with it (check that it was copied "
                f"whole); ask an administrator for one ('{_NEW_TOKEN}')"
            )
        dead = " and ".join(
            ([f"was revoked on {_when(self.revoked)}"] if self.revoked else [])
            + ([f"expired on {_when(self.expired)}"] if self.expired else [])
        )
        said = f"{subject} (token id {self.token_id})"
        blocked = self._blocked()
        if blocked is None:
            return f"{said} {dead}: ask an administrator for a new token ('{_NEW_TOKEN}')"
        what, enable = blocked
        if not dead:
            return f"{said} is refused because {what}: {enable}; it then works again"
        # A disabled user, or a disabled agency's, is issued no token: enabling comes first.
        return f"{said} {dead}, and {what}: {enable} and then for a new token ('{_NEW_TOKEN}')"

    def _blocked(self) -> tuple[str, str] | None:
        """Return what is disabled and how to enable it, or None when nothing is."""
        whats, fixes = [], []
        if self.user_disabled:
            whats.append("its user")
            fixes.append(f"the user ('{_ENABLE}')")
        if self.agency_disabled is not None:
            whats.append(f"its agency {self.agency_disabled}")
            fixes.append(f"the agency ('{enable_agency_command(self.agency_disabled)}')")
        if not whats:
            return None
        verb = "are" if len(whats) > 1 else "is"
        return (
            f"{' and '.join(whats)} {verb} disabled",
            f"ask an administrator to enable {' and '.join(fixes)}",
        )


def malformed(secret: str, prefix: str) -> TokenRefusal | None:
    """Return the refusal of a secret no token can have, by its form; None when it might be one.

    Said apart from "unknown": an empty header or a pasted token id is a mistake in sending,
    not a token to ask for again.
    """
    if not secret:
        return TokenRefusal(shape=f"is empty: give the whole token, which starts with {prefix!r}")
    if not secret.startswith(prefix):
        return TokenRefusal(
            shape=f"does not start with {prefix!r}, as every counterscam API token does: give "
            "the whole token 'counterscam token issue' printed"
        )
    return None


def _when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"
