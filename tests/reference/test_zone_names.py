"""A broken time_zones.yaml is refused with an error naming the file and the problem."""

import shutil
from pathlib import Path

import pytest

from counterscam.reference import ReferenceDataError, load_all
from counterscam.reference._files import DATA_DIR


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for path in DATA_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_the_packaged_zone_names_load(data: Path) -> None:
    zones = {z.name: z for z in load_all(data).zone_names}
    assert zones["MMT"].offset is not None and zones["MMT"].offset.total_seconds() == 6.5 * 3600
    assert zones["WIB"].dot_clock and not zones["ICT"].dot_clock
    assert zones["PST"].offset is None  # ambiguous: refused by intake


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('offset: "+07:00", label: Western', 'offset: "+7", label: Western', "written like"),
        ('offset: "+07:00", label: Western', "offset: +7:00, label: Western", "put it in quotes"),
        ('offset: "+06:30"', 'offset: "+15:00"', "must be from -12:00 to +14:00"),
        ('offset: "+06:30"', 'offset: "-13:00"', "must be from -12:00 to +14:00"),
        ("{name: SGT,", "{name: UTC,", "'UTC' is read without being listed"),
        ("{name: ICT,", "{name: ict,", "2 to 6 capital letters"),
        ("{name: PST,", "{name: WIB,", "duplicate zone name 'WIB'"),
        ("dot_clock: true}", "dot_clock: yes please}", "`dot_clock` must be true or false"),
    ],
)
def test_broken_zone_names_are_refused(data: Path, old: str, new: str, message: str) -> None:
    path = data / "time_zones.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ReferenceDataError) as info:
        load_all(data)
    assert "time_zones.yaml" in str(info.value)
    assert message in str(info.value)
