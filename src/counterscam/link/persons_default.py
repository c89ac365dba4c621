"""The model shipped with counterscam, for inputs too small to train a model on.

Expectation maximisation needs thousands of record pairs to estimate anything; a partner's list
of twenty names, or a new installation's first parties, has a handful. Such inputs are scored
with this model instead: the same comparisons, with m and u probabilities estimated on the
persons of a synthetic region (names in the region's romanisations, namesakes, twins, renewed
passports; no real person). Regenerate it after changing the comparisons:

    counterscam synth --reports 1000000 --seed 20261128 --out /tmp/region
    head -80001 /tmp/region/ground_truth/persons.csv > /tmp/persons.csv
    python -m counterscam.link.persons_default /tmp/persons.csv
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("persons_model.json")
# Below this many records a model is not trained on the input but taken from MODEL_PATH.
MIN_TRAIN_RECORDS = 2_000


@cache
def default_model() -> dict[str, Any]:
    """Return the shipped model (the JSON Splink's ``save_model_to_json`` writes)."""
    model: dict[str, Any] = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return model


def without_term_frequencies(model: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of ``model`` whose name matches are not adjusted by name frequency.

    Splink takes a name's frequency from the input itself; in a list of twenty names every
    name is "common", which would mark down exactly the matches the list was sent to find.
    The model's average weight for an exact name is the better guess there.
    """
    copy: dict[str, Any] = json.loads(json.dumps(model))
    for comparison in copy["comparisons"]:
        for level in comparison["comparison_levels"]:
            if "tf_adjustment_column" in level:
                level["tf_adjustment_weight"] = 0.0
    return copy


def main(persons_csv: str) -> None:
    """Train on a persons CSV (the columns of `resolve-persons`) and write MODEL_PATH."""
    import polars as pl

    from counterscam.link.persons import train_model

    frame = pl.read_csv(persons_csv, infer_schema=False)
    model = train_model(frame)
    MODEL_PATH.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {MODEL_PATH} from {frame.height:,} records\n")


if __name__ == "__main__":
    main(sys.argv[1])
