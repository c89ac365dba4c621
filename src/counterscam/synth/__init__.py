"""Synthetic region generator: realistic reports, noise and ground truth for tests and demos."""

from counterscam.synth.generate import SynthSummary, generate

__all__ = ["SynthSummary", "generate"]
