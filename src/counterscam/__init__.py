"""counterscam: the software of a regional anti-scam centre."""

__version__ = "0.1.0"
