"""Guess the kind of a free-text identifier (the check page's "any" kind)."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from counterscam.identifiers._accounts import (
    masked_number,
    name_variants,
    split_number,
    token_splits,
)
from counterscam.identifiers._codecs import b58decode
from counterscam.identifiers._host import nearest_host, unknown_ending
from counterscam.identifiers._latin_lookalikes import fold_lookalikes
from counterscam.identifiers._markup import is_markup_link
from counterscam.identifiers._not_wallet import SHORTENED
from counterscam.identifiers._payment_qr import is_payload as qr_payload
from counterscam.identifiers._phone_letters import keypad_digits, refuse_letters
from counterscam.identifiers._phone_lookalike import (
    SEVERAL,
    is_money,
    looks_like_date,
    several_numbers,
)
from counterscam.identifiers._placeholder import placeholder
from counterscam.identifiers._test_networks import names_test_network
from counterscam.identifiers._text import (
    ascii_digits,
    browser_scheme,
    clean,
    refang,
    spelled_dots,
    spreadsheet_text,
)
from counterscam.identifiers._ton import FRIENDLY, RAW, find_addresses
from counterscam.identifiers._types import InvalidIdentifier, shown
from counterscam.identifiers._unlisted_chains import (
    binance_pay,
    names_unlisted_chain,
    unlisted_shape,
)
from counterscam.identifiers._unwrap import unwrap, whole_wrapped, without_note
from counterscam.identifiers.dispatch import canonicalize
from counterscam.identifiers.email import spelled_address
from counterscam.identifiers.ewallet import name_at_bank
from counterscam.identifiers.ip import NOTE_AFTER, names_addresses
from counterscam.identifiers.phone import cut_short
from counterscam.reference import find_banks, find_chain, find_ewallets, find_platform

_CANONICAL_PREFIX = re.compile(r"([A-Za-z0-9_]{1,20}):\S")
# A scheme as the url reader reads it: defanged (hxxps[:]//), with the slashes browsers forgive
# (https:\\, HTTP//, https:x.com) or a typo that names no other scheme (htps://, https;//).
_SCHEME = re.compile(
    r"(?:h[xX*t]{2}ps?|h{1,2}t{1,3}p{1,2}s{0,2}|ftp)"
    r"(?:\s*(?:\[?[:;]\]?|\(:\))\s*[/\\]{1,3}|:(?=[^\W\d_])|[/\\]{2,3})(?=[^/\\\s])",
    re.I,
)
# Four numbers with dots, or commas for them ("203,0,113,5"), the last perhaps a wildcard: an
# IPv4 address, or a range of them ("203.0.113.1-20", "203.0.113.*"), labelled or not.
_QUAD = re.compile(r"\d{1,3}[.,]\d{1,3}[.,]\d{1,3}[.,](?:\d{1,3}|[*xX])", re.ASCII)
# An amount grouped in thousands ("1,000,000,000"), which the loose reading of dictated
# addresses would take for 1.0.0.0.
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){3}", re.ASCII)
_CIDR = re.compile(r"([0-9a-fA-F.:]+)\s*/\s*\d{1,3}", re.ASCII)
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_EVM = re.compile(r"0[xX][0-9a-fA-F]{40}")
_B58 = re.compile(r"[13LMDT9A][1-9A-HJ-NP-Za-km-z]{24,43}|(?:bc1|ltc1)[02-9ac-hj-np-z]{6,87}", re.I)
_SOLANA = re.compile(r"[1-9A-HJ-NP-Za-km-z]{32,44}")
# A TRON address as TRON's API writes it: 41 and 20 bytes in hex.
_TRON_HEX = re.compile(r"41[0-9a-fA-F]{40}")
# 0x and hex digits, too few or too many for an address: a cut address or a transaction hash.
_HEX_ID = re.compile(r"0[xX][0-9a-fA-F]{30,70}")
# An EVM address and its chain ID, an EIP-681 link's body (0x...@56): no Bakong ID "name@bank".
_EVM_AT = re.compile(r"0[xX][0-9a-fA-F]{40}@\d{1,10}")
_SHORTEST_ADDRESS = 25  # base58check of 20 bytes; EVM, Solana, TRON hex and TON are longer
# What ends a sentence after an address pasted into it ("send to T... ."); never in an address.
_SENTENCE_END = ".,;:!?。"
# The path segment of an explorer's page of one address: /address/..., /addresses/btc/...
_ADDRESS_PAGE = frozenset({"address", "addresses"})
# Shapes only addresses have (TRON, segwit): one that fails its checksum has a mistyped
# character, which the crypto reason tells, rather than being no identifier at all.
_ADDRESS_SHAPE = re.compile(r"T[1-9A-HJ-NP-Za-km-z]{33}|(?i:(?:bc|ltc)1[02-9ac-hj-np-z]{25,87})")
# A legacy Bitcoin, Litecoin or Dogecoin address (1..., 3..., L..., M..., D...) is 25 bytes of
# base58: one with a mistyped character has that shape and length but fails its checksum.
_LEGACY_SHAPE = re.compile(r"[13LMD][1-9A-HJ-NP-Za-km-z]{25,34}")
_LEGACY_BYTES = 25
_DIGITS = re.compile(r"\+?[\d\s\-.()/]{3,30}", re.ASCII)
_NUMBER = re.compile(r"\+?[\d\s\-.()]{3,30}", re.ASCII)  # digits alone, as a phone is written
# A host, a port perhaps, then a path: "shopee-promo.xyz/login", "login.evil.com.my:8080/x".
_LINK = re.compile(
    r"www\.|(?:[\w-]+\.)+(?:[a-z]{2,}|[^\W\d_]{2,63})(?::\d{1,5})?[/?#\\]", re.I
)  # any letters end a host: a Thai or Chinese one too (ธนาคาร.ไทย/verify)
# A host and its port alone, "evil.com:8080", as analysts' logs write a link's server.
_HOST_PORT = re.compile(r"(?:[\w-]+\.)+[a-z]{2,63}:\d{1,5}", re.I)
# A comma typed for a dot before a common ending ("scam,com", "shop,com,my"): not read, but
# guessed a domain so that its reason says so; other commas may separate two values.
_COMMA_HOST = re.compile(
    r"[a-z0-9-]+(?:[.,][a-z0-9-]+)*,(?:com|net|org|info|xyz|top|vip|shop|site|online|co"
    r"|my|sg|th|ph|id|vn|kh|la|mm|bn)"
)
# Any letters end a host: Thai, Chinese and other internationalised endings (.ไทย) too.
_HOST = re.compile(r"(?:[\w-]+\.)+(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59})\.?", re.I)
_AT_WORD = re.compile(r"(?:^|\s)@\w")
# One to three words of a label ("IP", "E-mail:", "Website:") before one value.
_LABELLED = re.compile(r"([^\W\d_][^\s:]*(?:\s[^\W\d_][^\s:]*){0,2})(?:\s*:\s*|\s+)(\S+)")
_WORD_SPLIT = re.compile(r"[\s:,;()\[\]]+")
# An SMS sender name: capitals ("MAYBANK") or a brand's capitals ("KBank", "SingPost"),
# within the GSM limit of 11 characters; a word in lower case is not guessed to be one.
_SENDER = re.compile(r"[A-Z][A-Z0-9&.-]{2,10}|(?=.{3,11}$)[A-Z][A-Za-z0-9&.-]*[A-Z][A-Za-z0-9&.-]*")
# The payee of a wallet app's send link: an EVM or a base58 address (TRON, Bitcoin, Solana).
_PAYEE = re.compile(r"[?&]address=(?:0[xX][0-9a-fA-F]{40}|[1-9A-HJ-NP-Za-km-z]{25,44})(?!\w)")
# Explorers' names are longer than chains' codes (eth, base, tron): tronscan, mempool, BscScan.
_EXPLORER_NAME = 6
_ORDER = ("bank_account", "ewallet", "crypto_wallet", "handle", "shortcode", "sender_id")
_NO_KIND = "cannot tell what kind of identifier this is; choose the kind"
_ACCOUNT_HINT = (
    "if it is a bank account or an e-wallet, write the bank or provider before the number "
    "(like KBank 123-4-56789-0 or GCash 0917 123 4567), or choose the kind"
)


def _works(kind: str, text: str, country: str | None, *, as_itself: bool = False) -> bool:
    """Tell whether ``text`` reads as ``kind``; ``as_itself``: and stays that kind (a phone
    value that is read as a sender name, "ref 12345 abc", does not count as a phone)."""
    try:
        found = canonicalize(kind, text, country=country)
    except InvalidIdentifier:
        return False
    return found.kind == kind or not as_itself


def _named_kind(name: str, country: str | None) -> str | None:
    """Return the kind whose chain, platform, e-wallet or bank ``name`` names, if any."""
    if find_chain(name) is not None:
        return "crypto_wallet"
    if find_platform(name) is not None:
        return "handle"
    if find_ewallets(name, country):
        return "ewallet"
    if find_banks(name, country):
        return "bank_account"
    return None


def _institution(text: str, country: str | None) -> str | None:
    """Return "ewallet" or "bank_account" when the words around the number name one.

    A value naming a bank is an account even when its number does not fit ("BCA 0812 3456
    7890" has 12 digits, BCA's have 10): its reason says so, where reading it as a phone
    would check another identifier than the one the analyst has.
    """
    name, _ = split_number(text)
    names = [*name_variants(name), *(n for n, _ in token_splits(name)), name]
    for kind, find in (("ewallet", find_ewallets), ("bank_account", find_banks)):
        if any(find(n, country) for n in names if n):
            return kind
    return None


def _explorer_page(link: str) -> bool:
    """Tell whether a link is a block explorer's page of one address (tronscan.org/#/address/T...).

    Checked as a URL it would be the explorer's front page (the fragment is dropped) or one
    page of it, never the wallet the reports name. The host has to be an explorer's, named in
    the chains' aliases (Tronscan, Etherscan, BscScan, mempool...), not a chain's short code:
    an address in a scam site's own link ("evil.com/pay/0x...") stays that site's URL.
    """
    try:
        host = urlsplit(link if "//" in link else f"//{link}").hostname or ""
    except ValueError:  # "http://[::1/x": an address in brackets left open
        return False
    labels = host.split(".")[:-1]
    named = any(len(label) >= _EXPLORER_NAME and find_chain(label) for label in labels)
    if not named and not _address_page(link):
        return False
    # A test network's page (sepolia.etherscan.io/address/...) too: the wallet reader says why
    # it is refused, where as a url it was the explorer's page, matching nothing.
    return _works("crypto_wallet", link, None) or names_test_network(link) is not None


def _address_page(link: str) -> bool:
    """Tell whether a link's path is an explorer's page of one address on a chain it names:
    ``blockchair.com/bitcoin/address/...``, ``blockchain.com/explorer/addresses/btc/...``.

    Explorers of many chains (Blockchair, Blockchain.com, BlockCypher, OKLink) are named by no
    chain, but their paths are; a scam site's link with an address in it names no such page.
    """
    if "address" not in link.lower():
        return False  # nearly every link: told without splitting it again
    try:
        path = urlsplit(link if "//" in link else f"//{link}").path
    except ValueError:
        return False
    segments = [s for s in path.lower().split("/") if s][:-1]
    return not _ADDRESS_PAGE.isdisjoint(segments) and any(find_chain(s) for s in segments)


def _send_link(link: str) -> bool:
    """Tell whether a link is a wallet app's page that pays one address (Trust Wallet's
    ``link.trustwallet.com/send?coin=195&address=T...``).

    The page is the same for every payee, which is in its query; the wallet is what the
    reports name. Only a ``/send`` page with ``address=``: an address in another site's link
    stays its URL. The address need not be valid: the crypto reason then says what is wrong.
    """
    if "address=" not in link:
        return False
    try:
        path = urlsplit(link if "//" in link else f"//{link}").path
    except ValueError:
        return False
    return path.rstrip("/").endswith("/send") and _PAYEE.search(link) is not None


def guess_kind(raw: str, *, country: str | None = None) -> str | None:
    """Return the most likely kind of ``raw``, or None when nothing fits.

    The kind may be one ``raw`` is not a valid value of ("@name" without its platform, a bank
    named with a number of the wrong length): reading it as that kind then says what is wrong.
    """
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 4096:
        return None
    # A whole value in brackets or quotes is that value, as every kind reads it: "<MAYBANK>".
    text = whole_wrapped(ascii_digits(_cleaned(raw)))
    if text[:1] in "[<" and is_markup_link(text):
        # The words of [Login](https://...) or <a href=...> are the sender's: the URL reader
        # reads the target, or says why two targets cannot be one identifier.
        return "url"
    if qr_payload(text):
        # A payment QR code's payload: the account it pays (a VietQR code's is a bank
        # account), or an e-wallet, whose reader says why the payload names none.
        try:
            return canonicalize("ewallet", text, country=country).kind
        except InvalidIdentifier:
            return "ewallet"
    prefix = _CANONICAL_PREFIX.match(text)
    if prefix and not _SCHEME.match(text):
        for kind in _ORDER:
            if _works(kind, text, country):
                return kind
        if text.startswith("://", len(prefix[1])) and _works("url", text, country):
            return "url"  # an app's link that is no profile (line://ti/g/...): its web page
        named = _named_kind(prefix[1], country)
        if named is not None:
            return named  # "tron:" or "gcash:" before a value that is not one
        if names_unlisted_chain([prefix[1]]):
            return "crypto_wallet"  # "bitcoincash:1...": the reason names the chain
    last = text.rsplit(" ", 1)[-1]
    if name_at_bank(last) and (last != text or country in (None, "KH")) and last[:2] != "0x":
        # A Bakong ID, "dara_sok@aclb" or "Bakong ID: dara_sok@aclb": no dot after "@", so no
        # e-mail address. Bare, only where Bakong is used: elsewhere "john@example" is more
        # likely an e-mail address cut short than a Cambodian account, and is not guessed.
        if _works("ewallet", text, country):
            return "ewallet"
    fanged = refang(text, at_sign=True)
    if " " in fanged:
        fanged = spelled_dots(fanged)  # "evil dot com", "www dot evil dot com/login"
    if _EMAIL.fullmatch(fanged) and "/" not in fanged:
        return "email"
    # A defanged profile link ("hxxps://t[.]me/name") is read by the handle reader too, which
    # gives the handle the url reader below gives.
    if ("/" in fanged or _AT_WORD.search(text)) and _works("handle", text, country):
        return "handle"  # a profile link, or "TG @name"
    if (
        ("@" in fanged or spelled_address(fanged))
        and "/" not in fanged
        and _works("email", text, None)
    ):
        return "email"  # "john (at) example (dot) com", "E-mail: john@example.com"
    if _SCHEME.match(text) or _LINK.match(fanged) or browser_scheme(fanged) != fanged:
        wallet = _explorer_page(fanged) or _send_link(fanged)
        return "crypto_wallet" if wallet else "url"
    if text.startswith("@"):
        return "handle"
    if _address_alone(text):
        return "crypto_wallet"
    hex_id = text[:2] in ("0x", "0X") and (_HEX_ID.fullmatch(text) or _EVM_AT.fullmatch(text))
    cut = ("…" in text or "..." in text) and SHORTENED.fullmatch(text)
    if hex_id or (cut and any(ch.isdigit() for ch in text)):
        # An EVM address cut or run on, a transaction hash, an address shortened as wallets
        # show it ("Dear...Sir" has no digit): the crypto reason says what it is instead.
        return "crypto_wallet"
    if FRIENDLY.fullmatch(text) or RAW.fullmatch(text) or unlisted_shape(text):
        # A TON address, valid or not (its reason says a character is mistyped), or a wallet
        # form of a chain that is not read (scammer.eth, bnb1..., r...): the reason says so.
        return "crypto_wallet"
    worded = (" " in text or ":" in text) and (
        any(r.search(text) for r in (_EVM, _B58, _TRON_HEX)) or bool(find_addresses(text))
    )  # "UQ... Memo: 104567832": a TON address with an exchange's memo
    if worded and (
        _works("crypto_wallet", text, None)
        or names_unlisted_chain(_WORD_SPLIT.split(text))  # "BCH 1...": the reason says so
    ):
        return "crypto_wallet"  # "USDT TRC20 T..." with its chain, "TRON hex 41..."
    legacy = _LEGACY_SHAPE.fullmatch(text) and len(b58decode(text) or b"") == _LEGACY_BYTES
    if binance_pay(text) or legacy:
        return "crypto_wallet"  # the reason says what a Pay ID is, or that a character is wrong
    if _ADDRESS_SHAPE.fullmatch(text) or (
        (_ADDRESS_SHAPE.search(text) or find_addresses(text))
        and any(find_chain(w) for w in _WORD_SPLIT.split(text) if w)
    ):
        return "crypto_wallet"  # its checksum fails: the reason says a character is mistyped
    if _works("ip", text, None) and re.fullmatch(r"[0-9.\[\]():a-fA-F]+", fanged):
        return "ip"
    noted = NOTE_AFTER.fullmatch(fanged) if ")" in fanged[-2:] else None
    if noted and _works("ip", noted[1], None):
        return "ip"  # "203.0.113.5 (Singapore)": where the address is, noted after it
    network = _CIDR.fullmatch(fanged)
    if network and _works("ip", network[1], None):
        return "ip"  # "203.0.113.0/24": the reason says it is a network, not one address
    if (
        _QUAD.search(fanged)
        and not is_money(text)
        and not _THOUSANDS.fullmatch(text)
        and names_addresses(text)
    ):
        # "ที่อยู่ IP: 203.0.113.5" was a Thai phone, "203.0.113.1-20" a number with dashes:
        # read as an IP, or refused saying which addresses the range spans.
        return "ip"
    if text[:1] == "*" and text[1:].strip().isdigit() and 3 <= len(text[1:].strip()) <= 6:
        return "shortcode"  # a star number, "*1175", as short codes are guessed
    if _DIGITS.fullmatch(text):
        digits = re.sub(r"\D", "", text)
        if len(digits) <= 6 and not text.startswith("+"):
            # A number cut short ("090 123" in Viet Nam, "712 345" in Brunei) is a phone the
            # phone reader refuses saying so, not a short code kept as given.
            return "phone" if cut_short(digits, country) else "shortcode"
        for kind in ("phone", "bank_account"):  # "004 1234567890": a Thai bank's code first
            if _works(kind, text, country):
                return kind
        return None
    if masked_number(text):
        named = _institution(text, country)
        if named is not None:
            return named  # "KBank xxx-x-x5678-x": its reason says that digits are hidden
    if keypad_digits(text) is not None and _works("phone", text, country, as_itself=True):
        return "phone"  # a vanity number: 1-800-FLOWERS
    if len(re.sub(r"\D", "", text)) >= 5:
        for kind in ("bank_account", "ewallet"):
            if _works(kind, text, country):
                return kind
        named = _institution(text, country)
        if named is not None:
            return named
        if _works("phone", text, country, as_itself=True):
            return "phone"  # a phone here is one among words: "Tel: ...", "Malaysia ..."
        if _letter_among_digits(text):
            return "phone"  # "081-234-567B": the phone's reason names the letter
    return _worded_kind(text, fanged, country)


def _cleaned(raw: str) -> str:
    """Return ``raw`` as every reader sees it (NFKC, no invisible characters, no spreadsheet
    apostrophe), so that a value pasted with a zero-width space is guessed as it is read."""
    if raw.isascii() and raw.isprintable():
        # What people type: no pass over it for characters it cannot hold. A quoted or
        # spreadsheet value ('T...', ="0812...") is told by its first character.
        return spreadsheet_text(raw.strip())
    try:
        return clean("guess", raw)
    except InvalidIdentifier:  # empty once cleaned, or too long: its kind's reader says so
        return raw.strip()


def _address_alone(text: str) -> bool:
    """Tell whether ``text`` is one wallet address and nothing else: also with a full stop
    after it, broken by a space (a wrapped line), or a TRON address in hex (41...)."""
    if len(text) < _SHORTEST_ADDRESS:
        return False  # nearly every value that is no address: told by its length
    # A Cyrillic "е" typed or OCR'd for a Latin one: the crypto reader folds it, so does this.
    text = fold_lookalikes(text)
    bare = text.rstrip(_SENTENCE_END) if text[-1:] in _SENTENCE_END else text
    if " " in bare:
        bare = bare.replace(" ", "")
    if _EVM.fullmatch(bare):
        return True
    shaped = next(
        (m for r in (_B58, _SOLANA, _TRON_HEX, FRIENDLY) if (m := r.fullmatch(bare))), None
    )
    return shaped is not None and _works("crypto_wallet", text, None)


def _letter_among_digits(text: str) -> bool:
    """Tell whether ``text`` is a number with a letter or two typed among its digits."""
    try:
        refuse_letters(text, unicodedata.normalize("NFKC", text))  # full-width Ｂ is B
    except InvalidIdentifier:
        return True
    return False


def _worded_kind(text: str, fanged: str, country: str | None) -> str | None:
    """Return the kind of a value with a label or platform before it, a domain or a sender."""
    labelled = _LABELLED.fullmatch(text)
    if labelled:
        kind = guess_kind(labelled[2], country=country)
        if kind in ("email", "ip", "url") and _works(kind, text, country, as_itself=True):
            return kind  # "IP 203.0.113.5", "URL: evil.com/login"
        if kind == "domain" and _works("url", text, country, as_itself=True):
            return "url"  # "Website: evil.com": the link's check covers its domain too
        if kind == "domain" and _works("domain", text, None, as_itself=True):
            return "domain"  # "Domain: evil.com", "Tên miền: evil.com", which no url reads
    words = [w for w in _WORD_SPLIT.split(text) if w]
    if len(words) > 1 and (
        _works("handle", text, country) or _named_kind(words[0], None) == "handle"
    ):
        return "handle"  # "Telegram scam_admin", "LINE ID: abc"; or the handle's own reason
    host = unwrap(without_note(fanged))  # "evil.com," ending a sentence; "evil.com (fake)"
    if host[:2] == "*.":
        host = host[2:]  # "*.evil.com", a blocklist's wildcard: the domain reader drops it
    if _HOST.fullmatch(host) and (_works("domain", host, None) or _slipped_ending(host)):
        return "domain"  # or "evil.con": the domain's reason names the ending meant
    if _HOST_PORT.fullmatch(fanged) and _works("url", fanged, country, as_itself=True):
        return "url"  # the site on that port; its check covers the domain too
    if "," in fanged and _COMMA_HOST.fullmatch(fanged):
        return "domain"  # its reason says that a domain name has dots, not commas
    if _SENDER.fullmatch(text) and not is_money(text):  # "RM1500" is no sender's name
        return "sender_id"
    return None


def _slipped_ending(host: str) -> bool:
    """Tell whether ``host`` ends one slip away from a common ending ("evil.con")."""
    name = host.lower().rstrip(".")
    return name.isascii() and unknown_ending(name, sites=True) and nearest_host(name) is not None


def unguessed_reason(raw: str, *, country: str | None = None) -> str:
    """Say why the kind of ``raw`` cannot be guessed, and how to give it.

    A number alone that is not a valid phone number may be an account: an account is read
    only with its bank or provider, so the answer says that rather than pick one.
    """
    text = ascii_digits(raw.strip()) if isinstance(raw, str) else ""
    if text and is_money(text):
        return (
            f"{shown(raw)} is an amount of money, not an identifier; enter it as the report's "
            "loss or the transaction's amount"
        )
    if text and looks_like_date(text):
        return (
            f"{shown(raw)} is a date, not an identifier; enter it as the report's or the "
            "transaction's date"
        )
    if text and _NUMBER.fullmatch(text):
        try:
            canonicalize("phone", text, country=country)
        except InvalidIdentifier as exc:
            return f"{exc.reason}; {_ACCOUNT_HINT}"
    if text and _phone_said_why(text):
        # A USSD code, "none" in the region's scripts, a masked number or two numbers joined
        # by "atau": the phone reader says what it is, where this said only "choose the kind".
        try:
            canonicalize("phone", text, country=country)
        except InvalidIdentifier as exc:
            return exc.reason
    return _NO_KIND


def _phone_said_why(text: str) -> bool:
    """Tell whether ``text`` is a value the phone reader refuses saying what it is instead."""
    if text[:1] in "*#" or placeholder(text) or masked_number(text):
        return True
    joined = "+" in text[1:] and _NUMBER.fullmatch(text.replace("+", ""))  # "+66...+66..."
    return bool(joined) or (
        several_numbers(text) and not any(ch.isalpha() for ch in SEVERAL.sub(" ", text))
    )
