"""Small generated regions shared by the synth tests (generated once per session)."""

from __future__ import annotations

import pytest

from counterscam.synth import SynthSummary, generate


@pytest.fixture(scope="session")
def region(tmp_path_factory: pytest.TempPathFactory) -> SynthSummary:
    """A 5,000-report region: big enough for every kind of noise to occur."""
    return generate(reports=5000, seed=11, out=tmp_path_factory.mktemp("region"))
