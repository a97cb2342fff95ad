"""The layout shows the architecture: each app owns its part, nothing imports in a circle,
migrations stand alone and developer tooling stays out of the production apps."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("otandastar", "editing", "faq", "clinics", "search", "journeys", "twofactor", "backups", "bench")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """First-party modules a module imports, anywhere in it (a function-level import is still an import)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from package import module` imports the module; `from module import name` the module.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        found |= {t for t in targets if t in known and t != name}
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node):
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_first_party_modules_import_no_circle():
    graph = import_graph()
    assert len(graph) > 50 and graph["search.engine"] >= {"search.index", "search.query", "faq.models"}
    assert find_cycle(graph) is None, " → ".join(find_cycle(graph))


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize(
    "path", sorted(ROOT.glob("*/migrations/0*.py")), ids=lambda p: f"{p.parent.parent.name}/{p.name}"
)
def test_migrations_import_no_application_code(path):
    # A migration must give the same result whatever the live code becomes.
    modules = _modules()
    assert not _imports(_module_name(path), path, set(modules) - {_module_name(path)})


def test_the_project_package_holds_only_the_site_frame():
    """otandastar/: settings, URLs, WSGI, the HTTP edge, site-wide views, i18n; the apps own the rest."""
    modules = {
        str(p.relative_to(ROOT / "otandastar"))
        for p in (ROOT / "otandastar").rglob("*.py")
        if "formats" not in p.parts and p.name != "__init__.py"
    }
    assert modules == {
        "settings.py",
        "test_settings.py",
        "urls.py",
        "wsgi.py",
        "apps.py",
        "middleware.py",
        "pagecache.py",
        "views.py",
        "context_processors.py",
        "sitemaps.py",
        "templatetags/site_tags.py",
    }


@pytest.mark.parametrize("app", ["faq", "clinics", "search", "editing", "journeys"])
def test_each_app_owns_its_models(app):
    assert (ROOT / app / "models.py").exists() and (ROOT / app / "migrations").is_dir()


def test_manage_py_lists_no_benchmark_or_budget_command():
    commands = get_commands()
    assert {"load_content", "rebuild_search", "migrate"} <= set(commands)
    assert not [name for name in commands if "bench" in name or "budget" in name or "scratch" in name]


def test_production_code_does_not_import_tooling_or_tests():
    graph = import_graph()
    production = {name: targets for name, targets in graph.items() if not name.startswith("bench")}
    assert not {t for targets in production.values() for t in targets if t.startswith(("bench", "tests"))}
