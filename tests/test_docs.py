"""The docs stay honest: every command, API route and setting is documented."""

from __future__ import annotations

import importlib
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import typer.main
from pydantic import ValidationError
from typer.testing import CliRunner

from counterscam.api.app import create_app
from counterscam.cli.main import app as cli_app
from counterscam.config import DEFAULT_SECRET, GENERATE_SECRET, InsecureSettings, Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _command_paths(group: typer.Typer) -> list[str]:
    click_group = typer.main.get_command(group)
    paths: list[str] = []

    def walk(cmd: object, prefix: str) -> None:
        commands = getattr(cmd, "commands", None)
        if commands is None:
            paths.append(prefix)
            return
        for name, sub in commands.items():
            walk(sub, f"{prefix} {name}".strip())

    walk(click_group, "")
    return paths


def test_every_cli_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text()
    missing = [p for p in _command_paths(cli_app) if f"counterscam {p}" not in text]
    assert not missing, f"docs/cli.md lacks: {missing}"


def test_every_api_route_is_documented() -> None:
    text = (DOCS / "api.md").read_text()
    app = create_app(settings=Settings(demo=True, database_url="sqlite://"))
    routes = [
        f"{method.upper()} {path}"
        for path, operations in app.openapi()["paths"].items()
        for method in operations
    ]
    assert len(routes) > 10
    missing = [r for r in routes if r not in text]
    assert not missing, f"docs/api.md lacks: {missing}"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "configuration.md").read_text()
    missing = [
        f"COUNTERSCAM_{name.upper()}"
        for name in Settings.model_fields
        if not re.search(rf"\bCOUNTERSCAM_{name.upper()}\b", text)
    ]
    assert not missing, f"docs/configuration.md lacks: {missing}"


def test_every_dependency_is_explained() -> None:
    # docs/dependencies.md had fallen behind pyproject.toml: eight runtime packages (NumPy,
    # Splink, DuckDB...) and PySpark were installed with no word on why.
    project = tomllib.loads((DOCS.parent / "pyproject.toml").read_text())["project"]
    text = (DOCS / "dependencies.md").read_text().lower()
    wanted = [
        *project["dependencies"],
        *(spec for extra in project["optional-dependencies"].values() for spec in extra),
    ]
    names = [re.split(r"[\[<>=!~; ]", spec, maxsplit=1)[0].lower() for spec in wanted]
    missing = [name for name in names if name not in text]
    assert not missing, f"docs/dependencies.md does not say why we need: {missing}"


def test_every_command_the_docs_show_exists() -> None:
    # docs/web.md told operators to run `counterscam link rebuild`, which is no command (the
    # rebuild is `counterscam link --rebuild`); a newcomer copying it got a usage error.
    root = typer.main.get_command(cli_app)
    shown = re.compile(r"(?:`|^\s*|bin/)counterscam((?: [a-z][a-z-]*)+)", re.MULTILINE)
    wrong = []
    for page in [*sorted(DOCS.glob("*.md")), DOCS.parent / "README.md"]:
        for match in shown.finditer(page.read_text()):
            command: object = root
            for word in match.group(1).split():
                commands = getattr(command, "commands", None)
                if commands is None:
                    break  # a leaf command: the rest are its arguments (KIND VALUE...)
                if word not in commands:
                    wrong.append(f"{page.name}: counterscam{match.group(1)}")
                    break
                command = commands[word]
    assert not wrong, f"commands the docs show that do not exist: {wrong}"


def _shown_commands(text: str) -> list[str]:
    """Return each command line the page shows: inline code and code-block lines."""
    spans = re.findall(r"`([^`\n]+)`", text)
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    lines = [line.split(" #")[0] for block in blocks for line in block.splitlines()]
    shown = []
    for candidate in [*spans, *lines]:
        found = re.search(r"(?:^|\s|bin/)counterscam( [a-z].*)$", candidate.strip())
        if found:
            shown.append(found.group(1))
    return shown


def test_every_option_the_docs_show_exists() -> None:
    # Nothing checked that an option shown beside a command is one it takes: a renamed or
    # misspelt option in an example fails the newcomer who copies it with a usage error.
    root = typer.main.get_command(cli_app)
    wrong = []
    for page in [*sorted(DOCS.glob("*.md")), DOCS.parent / "README.md"]:
        for shown in _shown_commands(page.read_text()):
            command: Any = root
            words = shown.split()
            while words and words[0] in getattr(command, "commands", {}):
                command = command.commands[words.pop(0)]
            taken = {"--help"}
            for param in command.params:
                taken |= {*param.opts, *param.secondary_opts}
            wrong += [
                f"{page.name}: counterscam {shown.strip()} ({option})"
                for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", " ".join(words))
                if option not in taken
            ]
    assert not wrong, f"options the docs show that the command does not take: {wrong}"


def test_every_option_of_a_command_is_in_its_row_of_the_cli_reference() -> None:
    # docs/cli.md showed `counterscam user add USERNAME --agency CODE [--role ...]` and never
    # named --password, the way to add a user from a script without a prompt.
    root = typer.main.get_command(cli_app)
    rows = [line for line in (DOCS / "cli.md").read_text().splitlines() if line.startswith("| `")]
    missing = []
    for path in _command_paths(cli_app):
        command: Any = root
        for word in path.split():
            command = command.commands[word]
        row = " ".join(r for r in rows if r.startswith(f"| `counterscam {path}"))
        missing += [
            f"counterscam {path} {param.opts[0]}"
            for param in command.params
            if param.opts[0].startswith("--")
            and not any(opt in row for opt in (*param.opts, *param.secondary_opts))
        ]
    assert not missing, f"docs/cli.md does not name these options in their command's row: {missing}"


def _resolves(dotted: str) -> bool:
    """Tell whether ``counterscam.x.y`` names a module, or an attribute of one."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            if not hasattr(found, name):
                return False
            found = getattr(found, name)
        return True
    return False


def test_every_module_and_file_the_docs_name_exists() -> None:
    # docs/web.md sent readers to web/coordinates.py after the module had moved to intake/.
    root = DOCS.parent
    wrong = []
    for page in [*sorted(DOCS.glob("*.md")), root / "README.md"]:
        text = page.read_text()
        for dotted in sorted(set(re.findall(r"`(counterscam(?:\.[A-Za-z_]\w*)+)", text))):
            if not _resolves(dotted):
                wrong.append(f"{page.name}: {dotted}")
        for path in sorted(set(re.findall(r"`((?:[a-z_]+/)+[a-z_]+\.py)`", text))):
            if not (root / path).exists() and not (root / "src" / "counterscam" / path).exists():
                wrong.append(f"{page.name}: {path}")
    assert not wrong, f"names in the docs that lead nowhere: {wrong}"


def _help_of_every_command(columns: int) -> dict[str, str]:
    """Return each command's ``--help`` as a terminal of ``columns`` columns shows it."""
    runner = CliRunner()
    env = {"COLUMNS": str(columns)}
    return {
        path: runner.invoke(cli_app, [*path.split(), "--help"], env=env).output
        for path in ["", *_group_and_command_paths(typer.main.get_command(cli_app), "")]
    }


def _group_and_command_paths(command: Any, prefix: str) -> list[str]:
    paths = []
    for name, sub in getattr(command, "commands", {}).items():
        path = f"{prefix} {name}".strip()
        paths += [path, *_group_and_command_paths(sub, path)]
    return paths


def test_no_help_is_cut_short_in_a_terminal_of_80_columns() -> None:
    # At 80 columns `counterscam serve --help` named an option "--forwarded-allo…" and cut its
    # help to "X-Forwarded-Proto…" and "$FORWARDED_ALLOW_…": the reader could not copy it.
    cut = {
        path or "(counterscam)": [line.strip("│ ") for line in said.splitlines() if "…" in line]
        for path, said in _help_of_every_command(80).items()
        if "…" in said
    }
    assert cut == {}


def test_every_help_paragraph_is_one_line_in_a_wide_terminal() -> None:
    # Typer kept the line breaks of a docstring's later paragraphs: `counterscam import --help`
    # printed "commit as they" and "go; re-running..." as lines of their own, at any width.
    broken = {}
    for path, said in _help_of_every_command(1000).items():
        lines = said.splitlines()
        start = next(i for i, line in enumerate(lines) if "Usage:" in line) + 1
        end = next((i for i, line in enumerate(lines) if line.startswith("╭")), len(lines))
        text = [line.strip() for line in lines[start:end]]
        joined = [a for a, b in zip(text, text[1:], strict=False) if a and b]
        if joined:
            broken[path] = joined
    assert broken == {}


def test_every_numbered_section_a_page_points_to_is_the_one_it_names() -> None:
    # docs/deployment.md said to back up "(section 7)" before an upgrade; section 7 is the path
    # prefix, the backups had become section 8 when a section was added above them.
    wrong = []
    for page in sorted(DOCS.glob("*.md")):
        text = page.read_text()
        headings = dict(re.findall(r"^#+ (\d+)\. (.+)$", text, re.MULTILINE))
        for number, title in re.findall(r"\(section (\d+)(?:, ([^)]+))?\)", text):
            if headings.get(number) != title:
                wrong.append(f"{page.name}: (section {number}, {title or '?'})")
    assert not wrong, f"section references that name no heading of their page: {wrong}"


def test_every_variable_the_docs_name_is_one_the_code_reads() -> None:
    # The settings test above goes from the code to the docs; this one goes back, so that a
    # variable the docs name wrongly (COUNTERSCAM_SECRET for COUNTERSCAM_SECRET_KEY) is caught
    # before an administrator sets it and sees nothing change.
    root = DOCS.parent
    settings = {f"COUNTERSCAM_{name.upper()}" for name in Settings.model_fields}
    code = "\n".join(
        path.read_text()
        for folder in (root / "src", root / "tests", root / "benchmarks")
        for path in folder.rglob("*.py")
    )
    wrong = sorted(
        f"{page.name}: {name}"
        for page in [*sorted(DOCS.glob("*.md")), root / "README.md"]
        for name in set(re.findall(r"\bCOUNTERSCAM_[A-Z0-9_]*[A-Z0-9]", page.read_text()))
        if name not in settings and not re.search(rf"\b{name}\b", code)
    )
    assert not wrong, f"variables the docs name that nothing reads: {wrong}"


@pytest.mark.parametrize("secret", [DEFAULT_SECRET, "too-short"])
def test_the_secret_key_refusal_shows_the_command_the_deployment_guide_runs(secret: str) -> None:
    # On Debian, where the guide was followed, `python -c ...` is "command not found".
    shown = re.findall(r"^python3? -c .*$", (DOCS / "deployment.md").read_text(), re.MULTILINE)
    assert shown == [GENERATE_SECRET]
    with pytest.raises(InsecureSettings) as refused:
        Settings(secret_key=secret, demo=False).require_safe_secrets()
    assert GENERATE_SECRET in str(refused.value)


def test_the_compounds_file_the_docs_show_is_read_and_one_without_version_is_not(
    tmp_path: Path,
) -> None:
    # configuration.md described the file without the `version` line every such file needs.
    link = (DOCS / "link.md").read_text()
    shown = re.search(r"```yaml\n(version: 1\ncompounds:\n.*?)```", link, re.S)
    assert shown is not None
    described = (DOCS / "configuration.md").read_text()
    assert "`version: 1`" in described.split("COUNTERSCAM_COMPOUNDS_FILE |")[1].split("\n")[0]
    good = tmp_path / "ours.yaml"
    good.write_text(shown.group(1), encoding="utf-8")
    assert Settings(compounds_file=good).compounds_file == good
    bad = tmp_path / "unversioned.yaml"
    bad.write_text(shown.group(1).removeprefix("version: 1\n"), encoding="utf-8")
    with pytest.raises(ValidationError, match="version"):
        Settings(compounds_file=bad)
