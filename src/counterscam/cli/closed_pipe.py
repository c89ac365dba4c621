"""Output piped into a reader that stops reading early (``counterscam token list | head``)."""

from __future__ import annotations

import os
import sys

import typer
from rich.console import Console

# What the shell reports for grep or cat at the same place (128 + SIGPIPE): exit 1, which Rich
# and click chose, means a refusal here, and a `set -o pipefail` script took it for one.
CLOSED_PIPE_EXIT = 141


def closed_pipe() -> typer.Exit:
    """Send what is still to print to /dev/null and return the Exit of a closed pipe."""
    # Python flushes stdout at exit: the same closed pipe printed "Exception ignored ...".
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # a stdout with no descriptor (tests)
        pass
    return typer.Exit(CLOSED_PIPE_EXIT)


class PipeConsole(Console):
    """Rich's console, ending the command as a closed pipe does rather than with exit 1."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise closed_pipe()
