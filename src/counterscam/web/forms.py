"""Form errors in the GOV.UK pattern: a summary linking to each field, the message beside it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldError:
    """A message about one field; ``field`` is the id of the input it links to."""

    field: str
    message: str


@dataclass
class FormErrors:
    """The errors of one submitted form, in the order of the fields."""

    items: list[FieldError] = field(default_factory=list)

    def add(self, field_id: str, message: str) -> None:
        """Record an error for a field."""
        self.items.append(FieldError(field=field_id, message=message))

    def get(self, field_id: str) -> str:
        """Return the first message of a field, or ''."""
        return next((e.message for e in self.items if e.field == field_id), "")

    def __bool__(self) -> bool:
        return bool(self.items)
