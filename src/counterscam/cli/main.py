"""Entry point of the ``counterscam`` command; each module registers its commands on ``app``."""

import sys

try:
    from counterscam.cli import (  # noqa: F401
        admin,
        canon,
        check,
        demo,
        fx,
        intake,
        link,
        persons,
        serve,
        synth,
        users,
    )
    from counterscam.cli.app import app
except KeyboardInterrupt:
    # Loading the commands takes a second or more on a busy machine: Ctrl-C then printed a
    # traceback of the import, where at any later moment a command ends with exit 130.
    print("Interrupted before the command started; nothing was done.", file=sys.stderr)
    raise SystemExit(130) from None

__all__ = ["app"]

if __name__ == "__main__":
    app()
