"""The Splink model of person records: blocking, comparisons, training and scoring."""

from __future__ import annotations

import logging
from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import Linker, SettingsCreator, block_on
from splink.internals.exceptions import EMTrainingException

logger = logging.getLogger(__name__)
# Records the model is trained on at most: a deterministic sample of larger inputs.
TRAIN_SAMPLE = 150_000
# Share of one person's record pairs, both with a phone, whose numbers differ.
PHONE_CHANGED = 0.2
# Blocking rules that generate candidate pairs: any one shared key makes a pair.
# Each key is null where too many records share it (persons.BLOCK_KEYS), so no rule can make
# more than records x cap / 2 pairs.
PREDICTION_BLOCKS = (
    block_on("name_blk"),
    block_on("name_keys_rare", arrays_to_explode=["name_keys_rare"]),
    block_on("name_year_blk"),
    block_on("id_blk"),
    block_on("phone_blk"),
    block_on("dob_first_blk"),
    block_on("dob_last_blk"),
)
# EM sessions: each fixes what it blocks on and learns the m values of everything else.
TRAINING_BLOCKS = {
    "name": block_on("name_sorted"),
    "birth date": block_on("dob"),
    "ID number": block_on("id_clean"),
}
# A pair sharing one of these is almost surely one person: used to estimate the prior.
DETERMINISTIC = (
    block_on("id_clean", "name_sorted"),
    block_on("phone_canon", "name_sorted"),
    block_on("dob", "name_sorted"),
)


def _name() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="name",
        comparison_description="Name tokens after honorifics, spelling variants and order",
        comparison_levels=[
            cll.NullLevel("name_sorted"),
            cll.ExactMatchLevel("name_sorted", term_frequency_adjustments=True),
            cll.ArrayIntersectLevel("name_keys", 1),
            # One typo; no looser similarity, as twins and siblings differ by one name token.
            cll.DamerauLevenshteinLevel("name_sorted", 1),
            cll.ArraySubsetLevel("name_tokens"),
            cll.ElseLevel(),
        ],
    )


def _dob() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="dob",
        comparison_description="Date of birth: equal, day/month swapped, a typo, same year",
        comparison_levels=[
            cll.NullLevel("dob_year"),
            cll.ExactMatchLevel("dob"),
            cll.CustomLevel("dob_l = dob_swapped_r", "day and month swapped"),
            cll.DamerauLevenshteinLevel("dob", 1),
            cll.ExactMatchLevel("dob_year"),
            # Fathers and sons, siblings: a different date counts against the match.
            cll.ElseLevel(),
        ],
    )


def _id_number() -> cl.CustomComparison:
    both = "id_kind_l = '{0}' and id_kind_r = '{0}'"
    return cl.CustomComparison(
        output_column_name="id_number",
        comparison_description="Passport or national ID number",
        comparison_levels=[
            # A passport and a national ID number say nothing about each other.
            cll.Or(cll.NullLevel("id_clean"), cll.Not(cll.ExactMatchLevel("id_kind"))).configure(
                is_null_level=True
            ),
            cll.ExactMatchLevel("id_clean"),
            cll.DamerauLevenshteinLevel("id_clean", 1),
            cll.CustomLevel(both.format("nid"), "two different national ID numbers"),
            # Renewed passports carry new numbers: a mismatch only weighs mildly.
            cll.ElseLevel(),
        ],
    )


def _father() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="father",
        comparison_description="Father's name in a patronymic (bin, binti, s/o)",
        comparison_levels=[
            cll.NullLevel("father"),
            cll.ExactMatchLevel("father"),
            cll.JaroWinklerLevel("father", 0.9),
            cll.ElseLevel(),
        ],
    )


def _generation() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="generation",
        comparison_description="Jr/Sr marks: a son named after his father",
        comparison_levels=[
            cll.CustomLevel(
                "generation_l is null and generation_r is null", "neither marked"
            ).configure(is_null_level=True),
            cll.ExactMatchLevel("generation"),
            cll.ElseLevel(),
        ],
    )


def _phone() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="phone_canon",
        comparison_description="Phone number",
        comparison_levels=[
            cll.NullLevel("phone_canon"),
            cll.ExactMatchLevel("phone_canon"),
            # Suspects change SIM cards every few weeks, so one person's records often carry
            # different numbers. Fixed rather than learnt: where the data show no one with two
            # numbers, EM drives this m to 0 and Splink refuses the whole training session.
            cll.ElseLevel().configure(m_probability=PHONE_CHANGED, fix_m_probability=True),
        ],
    )


def settings() -> SettingsCreator:
    """Return the untrained model settings."""
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        blocking_rules_to_generate_predictions=list(PREDICTION_BLOCKS),
        comparisons=[
            _name(),
            _dob(),
            cl.ExactMatch("nationality"),
            _id_number(),
            _phone(),
            _father(),
            _generation(),
        ],
        retain_intermediate_calculation_columns=True,  # gamma_* explain each pair
        retain_matching_columns=False,
    )


def train(registered: Any, *, records: int, seed: int = 42) -> dict[str, Any]:
    """Estimate the prior, u by random sampling and m by EM on several blocking rules.

    Returns the trained model as Splink saves it. An EM session that fails is skipped, and
    the model is restored to what it was before that session: a failed session leaves its
    linker's settings half-updated (on the 20,000-report region the prior went from 0.0006 to
    0.087 and the birth-date comparison lost its levels, so a shared name alone scored 0.994
    and pairwise precision fell to 0.79).
    """
    linker = make_linker(registered)
    training = linker.training
    training.estimate_probability_two_random_records_match(list(DETERMINISTIC), recall=0.6)
    training.estimate_u_using_random_sampling(
        max_pairs=float(min(max(records * 200, 2_000_000), 5_000_000)), seed=seed
    )
    for name, rule in TRAINING_BLOCKS.items():
        before = linker.misc.save_model_to_json()
        # Capped so training time stays flat however common the commonest name is.
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, estimate_without_term_frequencies=True, max_pairs=2_000_000
            )
        except (ValueError, EMTrainingException) as exc:
            # A level never seen among matches drives its m to 0, which Splink refuses, and a
            # small input may have no pair at all on a rule; the other sessions still
            # estimate those comparisons.
            # Said as what it is, expected and handled: `make demo` showed Splink's words alone,
            # which read to a newcomer as a failure of the build.
            logger.warning(
                "Person matching: the training pass blocked on the %s was skipped, as planned "
                "when its pairs cannot be estimated (%s); the other passes train the model.",
                name,
                exc,
            )
            linker = make_linker(registered, before)
    model: dict[str, Any] = linker.misc.save_model_to_json()
    return model


def make_linker(table: Any, model: dict[str, Any] | None = None) -> Linker:
    """Return a linker on a registered table: untrained, or with a trained ``model``'s values.

    A saved model holds SQL of the backend it was trained on, so its probabilities are copied
    level by level into the settings written for this table's backend instead.
    """
    if model is None:
        return Linker(table, settings(), log_level=logging.ERROR)
    dialect = table.db_api.sql_dialect.sql_dialect_str
    fresh = settings().get_settings(dialect).as_dict()  # type: ignore[no-untyped-call]
    fresh["probability_two_random_records_match"] = model["probability_two_random_records_match"]
    trained = {c["output_column_name"]: c["comparison_levels"] for c in model["comparisons"]}
    for target in fresh["comparisons"]:
        # Levels are matched by label: their SQL differs between backends.
        by_label = {
            lv.get("label_for_charts"): lv for lv in trained.get(target["output_column_name"], [])
        }
        for level in target["comparison_levels"]:
            source = by_label.get(level.get("label_for_charts"), {})
            for key in ("m_probability", "u_probability", "tf_adjustment_weight"):
                if key in source:
                    level[key] = source[key]
            if source.get("tf_adjustment_weight") == 0 or (
                source and "tf_adjustment_column" not in source
            ):
                # Splink reads a weight of 0 back as its default of 1: drop the adjustment.
                level.pop("tf_adjustment_column", None)
                level.pop("tf_adjustment_weight", None)
    return Linker(table, fresh, log_level=logging.ERROR)
