"""A whole region's folder, as `synth` and `demo` write one: agencies.csv and a folder per agency.

`agency import` reads its agencies.csv; `import` reads the agency folders inside it, never the
region folder itself.
"""

from __future__ import annotations

from pathlib import Path

AGENCIES_FILE = "agencies.csv"


def agencies_file(folder: Path) -> Path | None:
    """Return the agencies.csv of the region folder ``folder``, or None when it has none."""
    listed = folder / AGENCIES_FILE
    return listed if listed.is_file() else None


def whole_region(folder: Path) -> str | None:
    """Return how to import ``folder`` when it is a whole region, or None when it is not.

    Given to `import`, a region's only file of its own, agencies.csv, was read as reports and
    rejected as "not one of the intake files", which said nothing of the agency folders beside
    it nor of the two commands that import a region.
    """
    if agencies_file(folder) is None or not any(p.is_dir() for p in folder.iterdir()):
        return None
    return (
        f"{folder}: a whole region (its {AGENCIES_FILE} and a folder per agency, as synth "
        "writes one), not one agency's report files: add its agencies with 'counterscam agency "
        f"import {folder}', then import every agency's folder with 'counterscam import "
        f"{folder / '*-*'} --agency-from-folder' (or one of them with --agency CODE)"
    )
