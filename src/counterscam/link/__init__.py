"""Linking: reports into syndicates, parties into persons."""
