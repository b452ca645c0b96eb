"""The apps depend on each other one way only (docs/architecture.md): an app imports from the layers below its own,
never from a layer above it nor from a peer on its own layer; no app imports the project package; and no app hides
an import of a first-party module inside a function, the usual way to dodge an import cycle."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Top to bottom. Apps of later issues are in the rule already; apps that do not exist yet are skipped.
LAYERS = [
    ["demo"],
    ["pages", "guide", "merkliste", "network", "api"],
    ["counselling"],
    ["offers"],
    ["partners"],
    ["operations"],
    ["places", "accounts", "locking", "multilingual"],
    ["tabular"],
]
LEVEL = {app: level for level, layer in enumerate(LAYERS) for app in layer}
PROJECT = "lotsendienst"  # settings and the root urls: they wire every app, and no app depends on them
FIRST_PARTY = {*LEVEL, PROJECT}
APPS = [app for app in LEVEL if (ROOT / app).is_dir()]


@dataclass(frozen=True)
class Import:
    path: Path
    line: int
    module: str  # the imported module, dotted
    function: str | None  # the function the import statement stands in, if any

    @property
    def app(self) -> str:
        return self.module.split(".")[0]

    def __str__(self) -> str:
        where = f" in {self.function}()" if self.function else ""
        return f"{self.path.relative_to(ROOT)}:{self.line}{where} imports {self.module}"


class _ImportCollector(ast.NodeVisitor):
    def __init__(self, path: Path, package: str):
        self.path, self.package = path, package
        self.functions: list[str] = []
        self.imports: list[Import] = []

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        # A relative import stays in its own app (apps are flat packages, as manage.py startapp makes them).
        module = ".".join(part for part in (self.package if node.level else "", node.module or "") if part)
        for alias in node.names:
            self._add(node, f"{module}.{alias.name}")

    def _add(self, node: ast.stmt, module: str) -> None:
        function = self.functions[-1] if self.functions else None
        self.imports.append(Import(self.path, node.lineno, module, function))


def imports_in(source: str, path: Path, app: str) -> list[Import]:
    collector = _ImportCollector(path, app)
    collector.visit(ast.parse(source, filename=str(path)))
    return collector.imports


def app_imports(app: str) -> list[Import]:
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.relative_to(ROOT).parts:
            found += imports_in(path.read_text(encoding="utf-8"), path, app)
    return found


def wrong_direction(app: str, imports: list[Import]) -> list[Import]:
    """Imports of the project package, of an app on a higher layer or of a peer on the app's own layer."""
    return [
        found
        for found in imports
        if found.app in FIRST_PARTY and found.app != app and (found.app == PROJECT or LEVEL[found.app] <= LEVEL[app])
    ]


def hidden(imports: list[Import]) -> list[Import]:
    """First-party imports inside a function; only AppConfig.ready() may import its app's signals
    and system checks (Django's idiom: registering them as a side effect of the import)."""
    return [
        found
        for found in imports
        if found.app in FIRST_PARTY
        and found.function is not None
        and not (
            found.path.name == "apps.py"
            and found.function == "ready"
            and found.module.endswith((".signals", ".checks"))
        )
    ]


@pytest.mark.parametrize("app", APPS)
def test_app_imports_only_from_the_layers_below(app):
    assert [str(found) for found in wrong_direction(app, app_imports(app))] == []


@pytest.mark.parametrize("app", APPS)
def test_app_imports_nothing_first_party_inside_a_function(app):
    assert [str(found) for found in hidden(app_imports(app))] == []


def test_rules_catch_an_upward_import_a_peer_import_and_a_hidden_import():
    source = (
        "from offers.models import Offer\n"
        "import guide.services\n"
        "from partners import scoping\n"
        "def send():\n"
        "    from counselling.services import audit\n"
    )
    imports = imports_in(source, ROOT / "pages" / "views.py", "pages")

    assert [found.module for found in wrong_direction("pages", imports)] == ["guide.services"]
    assert [str(found) for found in hidden(imports)] == [
        "pages/views.py:5 in send() imports counselling.services.audit"
    ]
    assert [found.app for found in wrong_direction("partners", imports)] == ["offers", "guide", "counselling"]


def test_rules_allow_the_signals_import_in_app_config_ready():
    source = "class Config:\n    def ready(self):\n        from offers import signals\n"

    assert hidden(imports_in(source, ROOT / "offers" / "apps.py", "offers")) == []
    assert len(hidden(imports_in(source, ROOT / "offers" / "views.py", "offers"))) == 1
