"""The remembered registered-domain look-up answers as the Public Suffix List does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from publicsuffixlist import PublicSuffixList

from counterscam.reference.lookup import is_shared_platform_domain, registered_domain

_PSL = PublicSuffixList()
LABELS = st.sampled_from(
    ["www", "m", "shop", "example", "maybank2u", "t", "bit", "gov", "com", "co", "my", "sg", "ly"]
    + ["facebook", "xn--80ak6aa92e", "github", "io", "blogspot", "appspot", "uk", "ac", "", "MY"]
)
HOSTS = st.lists(LABELS, min_size=1, max_size=5).map(".".join)


def _direct(host: str) -> str | None:
    name = host.strip().lower().rstrip(".")
    if not name:
        return None
    found = _PSL.privatesuffix(name)
    return found if isinstance(found, str) else None


@settings(max_examples=300, deadline=None)
@given(host=st.one_of(HOSTS, HOSTS.map(lambda h: f" {h.upper()}. "), st.text(max_size=30)))
def test_registered_domain_equals_the_list_asked_directly(host: str) -> None:
    # Asked twice: the second answer comes from memory and must be the same.
    assert registered_domain(host) == _direct(host)
    assert registered_domain(host) == _direct(host)


def test_shared_platforms_still_recognised_through_subdomains() -> None:
    assert is_shared_platform_domain("facebook.com")
    assert is_shared_platform_domain("m.facebook.com")
    assert not is_shared_platform_domain("maybank-secure-login.com")
