"""Read the target of a link pasted as markup: Markdown, an HTML anchor, a Slack/Telegram export."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from counterscam.identifiers._text import refang
from counterscam.identifiers._types import InvalidIdentifier, shown

# [text](target) and [text](<target> "title"): the target may hold brackets of its own
# (wiki/Foo_(bar)), so it runs to the last ")" of the value.
_MARKDOWN = re.compile(
    r"\[(?P<text>[^\[\]]*)\]\(\s*(?P<target><[^<>]*>|\S*?)(?:\s+\"[^\"]*\")?\s*\)"
)
# <a href="target" ...>text</a>: quoted either way or not at all, other attributes around it.
_ANCHOR = re.compile(
    r"<a\s(?:[^>]*?\s)?href\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))"
    r"[^>]*>(?P<text>.*?)</a\s*>",
    re.I | re.S,
)
# <target|text>: how Slack writes a link, and how Telegram and Mattermost exports keep one.
_PIPED = re.compile(r"<(?P<target>[^<>|\s]+)\|(?P<text>[^<>]*)>")
_TAG = re.compile(r"<[^>]*>")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.I)
# Text shown for a link that is itself an address: a scheme, www., or a host with a dot (and
# perhaps an ellipsis where an app cut it short).
_ADDRESSISH = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?", re.I
)

_EMAILISH = re.compile(r"[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+")


class TwoTargets(ValueError):
    """A markup link whose shown text is another address than the one it opens."""

    def __init__(self, shown: str, target: str) -> None:
        super().__init__(shown, target)
        self.shown = shown
        self.target = target


def _found(text: str) -> tuple[str, str] | None:
    """Return (target, shown text) of a value that is one markup link, else None."""
    if not text.startswith(("[", "<")):
        return None  # nearly every value: told by its first character
    text = text.rstrip(".,;:!?")  # the sentence's full stop after the link
    markdown = _MARKDOWN.fullmatch(text)
    if markdown is not None:
        return markdown["target"].removeprefix("<").removesuffix(">").strip(), markdown["text"]
    anchor = _ANCHOR.fullmatch(text)
    if anchor is not None:
        target = anchor["dq"] if anchor["dq"] is not None else anchor["sq"] or anchor["bare"]
        return html.unescape(target).strip(), html.unescape(_TAG.sub("", anchor["text"]))
    piped = _PIPED.fullmatch(text)
    if piped is not None:
        return piped["target"], piped["text"]
    return None


def _address(text: str) -> tuple[str, str, str] | None:
    """Return (host, path, query) of shown text that is an address, else None."""
    text = refang(text.strip())
    if not _ADDRESSISH.fullmatch(text):
        return None
    written = _SCHEME.match(text) is not None and "://" in text
    try:
        parts = urlsplit(text if written else "//" + text)
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    return host, parts.path.rstrip("/"), parts.query


def _same(shown: tuple[str, str, str], target: tuple[str, str, str]) -> bool:
    """Tell whether shown text names the address the link opens, as people read it.

    Apps show a link shortened: the host alone, the page without its query (tracking
    parameters), or cut with an ellipsis ("evil.example/very/lo…"). The host decides: a
    link showing one site and opening another is the phishing trick, two identifiers.
    """
    host, path, query = shown
    if host != target[0] or (query and query != target[2]):
        return False
    cut = path.removesuffix("…").removesuffix("...")
    if cut != path:
        return target[1].startswith(cut)
    return not path or target[1] == path or target[1].startswith(path + "/")


def markup_target(text: str) -> str | None:
    """Return the address a value pasted as a markup link opens; None for any other value.

    ``[click here](https://x/y)``, ``<a href="https://x/y">Login</a>`` and ``<https://x/y|Login>``
    open https://x/y: the words shown are the sender's, the target is where the victim went.

    Raises:
        TwoTargets: the shown text is itself an address other than the target (the phishing
            trick of showing one bank's address and opening another's).
    """
    found = _found(text)
    if found is None:
        return None
    target, shown_text = found
    if target[:7].lower() == "mailto:" and "@" in shown_text:
        # [support@bank.com](mailto:scam@evil.com): the phishing trick with an e-mail address.
        written = shown_text.strip().lower().removeprefix("mailto:")
        mailed = target[7:].partition("?")[0].strip().lower()
        if _EMAILISH.fullmatch(written) and written != mailed:
            raise TwoTargets(shown_text.strip(), target)
        return target
    shown = _address(shown_text)
    opened = _address(target)
    if shown is not None and opened is not None and not _same(shown, opened):
        raise TwoTargets(shown_text.strip(), target)
    return target


def linked(raw: str, text: str, kind: str) -> str:
    """Return the target of ``text`` when it is a markup link, else ``text`` as it is.

    Raises:
        InvalidIdentifier: the link shows one address and opens another.
    """
    try:
        target = markup_target(text)
    except TwoTargets as two:
        raise InvalidIdentifier(
            kind,
            raw,
            f"{shown(raw)} is a link that shows {two.shown!r} but opens {two.target!r}: two "
            "different addresses; enter each as its own identifier (the one it opens is where "
            "the victim was taken)",
        ) from None
    if target == "":
        raise InvalidIdentifier(
            kind, raw, f"{shown(raw)} is a link with no address in it; copy the address it opens"
        )
    if target is not None:
        return target
    targets = _targets_in(text)
    if len(targets) > 1:
        raise InvalidIdentifier(
            kind,
            raw,
            f"{shown(raw)} holds {len(targets)} links ({', '.join(sorted(targets))}); enter "
            "each as its own identifier",
        )
    return text


def _targets_in(text: str) -> set[str]:
    """Return the targets of the markup links ``text`` holds among other words."""
    if "](" not in text and "<" not in text:
        return set()
    found = [m["target"].strip("<>") for m in _MARKDOWN.finditer(text)]
    found += [m["target"] for m in _PIPED.finditer(text)]
    found += [html.unescape(m["dq"] or m["sq"] or m["bare"] or "") for m in _ANCHOR.finditer(text)]
    return {target for target in found if target}


def is_markup_link(text: str) -> bool:
    """Tell whether ``text`` is a link written as markup, one or several (read as a URL)."""
    try:
        if markup_target(text) is not None:
            return True
    except TwoTargets:
        return True
    return text.startswith(("[", "<")) and len(_targets_in(text)) > 1
