"""Why a disabled agency's users are refused, said to the one refused.

An agency is disabled as a whole (its membership suspended, or its systems known to have leaked
a token): its users' credentials are refused while it is, and each refusal names the agency and
the command that ends it, so that a user is not left to think their own account was closed.
"""

from __future__ import annotations

from dataclasses import dataclass


def enable_agency_command(code: str) -> str:
    """Return the command that enables the agency ``code`` again."""
    return f"counterscam agency enable {code}"


@dataclass(frozen=True)
class DisabledAgency:
    """A web sign-in or password of a user whose agency is disabled."""

    code: str

    def message(self) -> str:
        """Say why the user is refused and what brings them back, as a sentence."""
        return (
            f"Your agency {self.code} is disabled, so its users cannot sign in: ask an "
            f"administrator to enable it ('{enable_agency_command(self.code)}'), then sign in "
            "again."
        )
