"""Find reference records from the names, codes and hosts people write."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import TypeVar

from publicsuffixlist import PublicSuffixList

from counterscam.reference._files import normalize_name
from counterscam.reference.loader import reference
from counterscam.reference.models import Bank, CryptoChain, EwalletProvider, Platform

_BIC = re.compile(r"([A-Z]{4})([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?")
T = TypeVar("T", Bank, EwalletProvider, CryptoChain, Platform)


def _index(
    items: Iterable[T], names: Callable[[T], Iterable[str]] | None = None
) -> dict[str, tuple[T, ...]]:
    index: dict[str, list[T]] = {}
    for item in items:
        for alias in names(item) if names else item.aliases:
            bucket = index.setdefault(normalize_name(alias), [])
            if item not in bucket:
                bucket.append(item)
    return {key: tuple(value) for key, value in index.items()}


@cache
def _bank_index() -> dict[str, tuple[Bank, ...]]:
    # A bank's registered name and label are written too: a transfer slip or a bank's letter
    # gives "Land Bank of the Philippines" or "PT Bank Mandiri (Persero) Tbk", not an alias.
    return _index(reference().banks, lambda bank: (*bank.aliases, bank.label, bank.name))


@cache
def _ewallet_index() -> dict[str, tuple[EwalletProvider, ...]]:
    return _index(reference().ewallets)


@cache
def _chain_index() -> dict[str, tuple[CryptoChain, ...]]:
    return _index(reference().chains)


@cache
def _platform_index() -> dict[str, tuple[Platform, ...]]:
    return _index(reference().platforms)


@cache
def _hosts() -> dict[str, Platform]:
    return {host: p for p in reference().platforms for host in p.hosts}


@cache
def _shared() -> frozenset[str]:
    return frozenset(d.domain for d in reference().shared_domains)


@cache
def _banks_by_bic() -> dict[tuple[str, str], tuple[Bank, ...]]:
    """Banks with a BIC by (institution code, country), in the reference file's order."""
    index: dict[tuple[str, str], list[Bank]] = {}
    for bank in reference().banks:
        if bank.bic:
            for code in (bank.code, *bank.other_codes):
                index.setdefault((code, bank.country), []).append(bank)
    return {key: tuple(found) for key, found in index.items()}


@cache
def _psl() -> PublicSuffixList:
    # The list bundled with the package: nothing is fetched at run time.
    return PublicSuffixList()


def find_banks(text: str, country: str | None = None) -> tuple[Bank, ...]:
    """Return every bank ``text`` may name (alias, BIC or institution code)."""
    wanted = country.strip().upper() if country else None
    compact = re.sub(r"[\s\-]", "", text).upper()
    bic = _BIC.fullmatch(compact)
    if bic:
        found = _banks_by_bic().get((bic[1], bic[2]), ())
        if found:
            return found
    candidates = _bank_index().get(normalize_name(text), ())
    if wanted:
        local = tuple(b for b in candidates if b.country == wanted)
        if local:
            return local
    return candidates


def find_bank(text: str, country: str | None = None) -> Bank | None:
    """Return the one bank ``text`` names, preferring ``country``; None if unknown or ambiguous."""
    found = find_banks(text, country)
    return found[0] if len(found) == 1 else None


def find_ewallets(text: str, country: str | None = None) -> tuple[EwalletProvider, ...]:
    """Return every provider ``text`` may name, preferring ``country``."""
    candidates = _ewallet_index().get(normalize_name(text), ())
    if country:
        local = tuple(p for p in candidates if country.strip().upper() in p.countries)
        if local:
            return local
    return candidates


def find_ewallet(text: str, country: str | None = None) -> EwalletProvider | None:
    """Return the one provider ``text`` names; None if unknown or ambiguous."""
    found = find_ewallets(text, country)
    return found[0] if len(found) == 1 else None


def ewallet(code: str) -> EwalletProvider | None:
    """Return a provider by its exact code."""
    return next((p for p in reference().ewallets if p.code == code), None)


def find_chain(text: str) -> CryptoChain | None:
    """Return the chain ``text`` names (code, name or token standard such as TRC20)."""
    found = _chain_index().get(normalize_name(text), ())
    return found[0] if len(found) == 1 else None


def find_platform(text: str) -> Platform | None:
    """Return the platform ``text`` names (code or alias such as TG, IG, FB)."""
    found = _platform_index().get(normalize_name(text), ())
    return found[0] if len(found) == 1 else None


def platform_for_host(host: str) -> Platform | None:
    """Return the platform a web host belongs to (subdomains included)."""
    name = host.strip().lower().rstrip(".")
    hosts = _hosts()
    while name:
        if name in hosts:
            return hosts[name]
        _, _, name = name.partition(".")
    return None


def registered_domain(host: str) -> str | None:
    """Return the registered domain of ``host`` per the Public Suffix List, if any."""
    return _registered(host.strip().lower().rstrip("."))


@lru_cache(maxsize=65_536)
def _registered(name: str) -> str | None:
    # A pure function of the bundled list: one URL asks it up to three times (its host, the
    # registered domain, the shared-platform test), and common hosts recur across checks.
    if not name:
        return None
    result = _psl().privatesuffix(name)
    return result if isinstance(result, str) else None


def has_known_ending(host: str) -> bool:
    """Tell whether ``host`` ends in a top-level domain the bundled Public Suffix List knows."""
    name = host.strip().lower().rstrip(".")
    return bool(name) and _psl().publicsuffix(name, accept_unknown=False) is not None


def is_shared_platform_domain(domain: str) -> bool:
    """Return True when ``domain`` or its registered domain is a shared platform."""
    name = domain.strip().lower().rstrip(".")
    shared = _shared()
    if name in shared:
        return True
    registered = registered_domain(name)
    return registered is not None and registered in shared
