"""The docs stay honest: every command, API route and setting is documented."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import typer.main

from counterscam.api.app import create_app
from counterscam.cli.main import app as cli_app
from counterscam.config import Settings

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
