"""Entry point of the ``counterscam`` command; each module registers its commands on ``app``."""

from counterscam.cli import (  # noqa: F401
    admin,
    canon,
    check,
    demo,
    intake,
    link,
    persons,
    serve,
    synth,
    users,
)
from counterscam.cli.app import app

__all__ = ["app"]

if __name__ == "__main__":
    app()
