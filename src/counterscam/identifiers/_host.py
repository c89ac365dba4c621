"""Host names shared by the url, domain and email canonicalisers."""

from __future__ import annotations

import re

from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.identifiers._unlisted_chains import wallet_name
from counterscam.reference import has_known_ending, is_shared_platform_domain, registered_domain

_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_TLD = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")
# Endings RFC 2606 and RFC 6761 reserve, which examples and tests use; nothing on the internet
# is there either, but a name at one is not a slip.
RESERVED_ENDINGS = frozenset({"example", "test", "invalid", "localhost", "local"})
# A TON Site (a website on TON, opened through TON DNS and a TON proxy) ends in .ton, which
# no root zone holds; scam sites are put there, so a site's host may end so.
_SITE_ENDINGS = frozenset({"ton"})
# The endings a slip most often leaves the nearest: the common generic ones and the members'.
_COMMON_ENDINGS = (
    "com", "net", "org", "edu", "gov", "info", "biz", "co",
    "my", "sg", "th", "ph", "id", "vn", "kh", "la", "mm", "bn",
)  # fmt: skip


def _one_edit(a: str, b: str) -> bool:
    """Tell whether ``b`` is ``a`` with one letter changed, added, dropped or two swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def unknown_ending(host: str, *, sites: bool) -> bool:
    """Tell whether ``host`` ends in no top-level domain (nor a reserved one, nor, for a
    website's host when ``sites``, .ton)."""
    ending = host.rpartition(".")[2]
    if ending in RESERVED_ENDINGS or (sites and ending in _SITE_ENDINGS):
        return False
    return not has_known_ending(host)


def nearest_host(host: str) -> str | None:
    """Return ``host`` with the common ending one slip away from its own, if there is one:
    "gmail.con" is "gmail.com". Never applied, only named: which was meant is the writer's."""
    ending = host.rpartition(".")[2]
    near = [e for e in _COMMON_ENDINGS if _one_edit(ending, e)]
    # A letter changed or two swapped ("con", "cmo") is likelier than one added or dropped.
    same = [e for e in near if len(e) == len(ending)]
    best = same if len(same) == 1 else near
    return f"{host[: -len(ending)]}{best[0]}" if len(best) == 1 else None


def ascii_host(kind: str, host: str, raw: str) -> str:
    """Return ``host`` lower-cased, in punycode, without a trailing dot; raise if not a name."""
    name = host.strip().rstrip(".").lower()
    if not name:
        raise InvalidIdentifier(kind, raw, f"{shown(raw)} has no host name")
    if not name.isascii():
        try:
            # Python's codec is IDNA 2003 (nameprep); browsers map the same way for the
            # look-alike hosts seen in phishing.
            name = name.encode("idna").decode("ascii").lower()
        except UnicodeError as exc:
            raise InvalidIdentifier(
                kind, raw, f"{shown(raw)} has a character that cannot be in a domain name"
            ) from exc
    if "," in name:
        # "scam,com": a comma typed for a dot, or two values run together; which one is not
        # for us to guess, but the writer can tell.
        raise InvalidIdentifier(
            kind,
            raw,
            f"{shown(raw)} has a comma in its host name, where a domain name has dots; if "
            f"{name.strip(',').replace(',', '.')} is meant, enter it so; if it is two addresses, "
            "enter each as its own identifier",
        )
    labels = name.split(".")
    if len(labels) < 2:
        raise InvalidIdentifier(
            kind,
            raw,
            f"{shown(raw)} is not a domain name: it needs a dot and an ending such as .com",
        )
    if len(name) > 253 or any(len(label) > 63 for label in labels):
        # Said apart: "use letters, digits and hyphens" sent the writer looking for a bad
        # character in a name that had none, only a part too long (a copy run together).
        longest = max(labels, key=len)
        raise InvalidIdentifier(
            kind,
            raw,
            f"{shown(raw)} is not a domain name: "
            + (
                f"it is {len(name)} characters long, more than the 253 a name may have"
                if len(name) > 253
                else f"its part {shown(longest, 20)} is {len(longest)} characters long, more "
                "than the 63 a part between dots may have"
            )
            + "; check it was copied whole and alone",
        )
    if not all(_LABEL.fullmatch(label) for label in labels):
        raise InvalidIdentifier(
            kind,
            raw,
            f"{shown(raw)} is not a domain name: use letters, digits and hyphens between dots, "
            "like example.com",
        )
    if not _TLD.fullmatch(labels[-1]):
        raise InvalidIdentifier(
            kind, raw, f"{shown(raw)} does not end in a domain ending such as .com or .my"
        )
    if kind in ("url", "domain") and unknown_ending(name, sites=True):
        # "evil.con", "shop.lan", "bank.corp": no browser on the internet reaches such a host,
        # so it is a slip or a local name, and would match no other report's site.
        meant = nearest_host(name)
        fix = f"if {meant} is meant, enter it so" if meant else "check the name with the report"
        service = wallet_name(name)
        if service is not None:
            # "scammer.eth" was "if scammer.th is meant": it is a wallet's name, not a slip.
            fix = f"it is {service}, a crypto wallet's name: enter it as kind crypto_wallet"
            if kind == "url":
                fix = (
                    f"it is {service}, a name on a blockchain that only crypto wallets' "
                    "browsers open; keep the link in the report's narrative, or, if the name "
                    "was given to pay to, enter it as kind crypto_wallet"
                )
        raise InvalidIdentifier(
            kind,
            raw,
            f"{shown(raw)} has the host {name}, whose ending .{labels[-1]} is no top-level "
            f"domain (none of the Public Suffix List's), so no browser reaches it; {fix}",
        )
    for label in labels:
        if label.startswith("xn--"):
            try:
                label.encode("ascii").decode("idna")
            except UnicodeError as exc:
                raise InvalidIdentifier(
                    kind, raw, f"{shown(raw)} has a broken internationalised name ({label})"
                ) from exc
    return name


def domain_record(host: str) -> Canonical:
    """Return the ``domain`` identifier of an already-canonical host."""
    registered = registered_domain(host)
    related: tuple[Canonical, ...] = ()
    if registered and registered != host:
        related = (
            Canonical("domain", registered, None, (), is_shared_platform_domain(registered)),
        )
    return Canonical("domain", host, None, related, is_shared_platform_domain(host))


def registered_record(host: str) -> Canonical:
    """Return the ``domain`` identifier of the registered domain of ``host``."""
    registered = registered_domain(host) or host
    return Canonical("domain", registered, None, (), is_shared_platform_domain(registered))
