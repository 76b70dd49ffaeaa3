"""The apps depend on each other one way: a module may import only from its own app and the apps
below it. An import inside a function that reaches another app needs a reason on its line.

Bottom to top: the schakelteam kernel (what every app needs), organisation, accounts, kennisbank,
scan, cases, monitoring, privacy. The composition root (urls, settings, wsgi, load_demo and the
demo loader in schakelteam/demo/) wires them all together and may import any of them.

Selectors are the only way in for reads: a view or form module never touches `Model.objects` of
one of our own models (a queryset a selector built is fine).
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps

BASE_DIR = Path(__file__).resolve().parent.parent

LAYERS = [
    "schakelteam",
    "schakelteam.organisation",
    "schakelteam.accounts",
    "kennisbank",
    "scan",
    "cases",
    "schakelteam.monitoring",
    "schakelteam.privacy",
]
RANK = {app: rank for rank, app in enumerate(LAYERS)}
COMPOSITION_ROOT = (
    "schakelteam.urls",
    "schakelteam.settings",
    "schakelteam.wsgi",
    "schakelteam.management.commands.load_demo",
    "schakelteam.demo",
)


def app_of(module: str) -> str | None:
    """The layer a dotted module name belongs to (the longest matching app), or None."""
    matches = [app for app in LAYERS if module == app or module.startswith(app + ".")]
    return max(matches, key=len) if matches else None


def our_modules() -> dict[str, Path]:
    found = {}
    for top in ("schakelteam", "kennisbank", "scan", "cases"):
        for path in (BASE_DIR / top).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(BASE_DIR).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imported_modules(node: ast.AST, module: str, path: Path) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level == 0:
        base = node.module or ""
    else:
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join(package + ([node.module] if node.module else []))
    if node.module is None:  # from . import a, b: each name may be a module of the package
        return [f"{base}.{alias.name}" for alias in node.names]
    return [base]


def function_scoped(tree: ast.AST) -> set[int]:
    """ids of import nodes that sit inside a function body."""
    inside = set()
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(fn):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    inside.add(id(node))
    return inside


def has_reason(lines: list[str], node: ast.AST) -> bool:
    """A comment on the import's first line, or on the line just above it."""
    first = lines[node.lineno - 1]
    above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
    return "#" in first or above.startswith("#")


def import_edges():
    """(module, line, imported app, importer app, function-local, has reason) for each import
    between two of our apps."""
    for module, path in our_modules().items():
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        lines = source.splitlines()
        local = function_scoped(tree)
        own = app_of(module)
        for node in ast.walk(tree):
            for target in imported_modules(node, module, path):
                other = app_of(target)
                if other is None or other == own:
                    continue
                yield (
                    module,
                    node.lineno,
                    other,
                    own,
                    id(node) in local,
                    has_reason(lines, node),
                )


def test_every_module_of_ours_belongs_to_a_layer():
    assert all(app_of(module) for module in our_modules())


def test_no_app_imports_an_app_above_it():
    upward = [
        f"{module}:{line} imports {target} (above {own})"
        for module, line, target, own, _local, _reason in import_edges()
        if not module.startswith(COMPOSITION_ROOT) and RANK[target] > RANK[own]
    ]
    assert upward == []


def test_an_import_of_another_app_inside_a_function_says_why():
    hidden = [
        f"{module}:{line} imports {target} inside a function without a reason"
        for module, line, target, _own, local, reason in import_edges()
        if local and not reason
    ]
    assert hidden == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from scan.models import ScanResponse\n", ["scan.models"]),
        ("from . import selectors\n", ["kennisbank.selectors"]),
        ("from ..models import Casus\n", ["kennisbank.models"]),
    ],
)
def test_the_checker_resolves_absolute_and_relative_imports(source, expected):
    node = ast.parse(source).body[0]
    path = BASE_DIR / "kennisbank" / "views.py"
    module = "kennisbank.sub.views" if source.startswith("from ..") else "kennisbank.views"
    assert imported_modules(node, module, path) == expected


def test_the_checker_finds_an_upward_import_in_a_function():
    """The rules would fail on the code they guard against (an upward import hidden in a function)."""
    tree = ast.parse("def f():\n    from cases.models import Casus\n")
    node = tree.body[0].body[0]
    assert id(node) in function_scoped(tree)
    assert not has_reason(["def f():", "    from cases.models import Casus"], node)
    assert RANK[app_of("cases.models")] > RANK[app_of("kennisbank.matching")]


# ---- selectors are the only query door -------------------------------------------------------


def is_view_or_form(path: Path) -> bool:
    """views.py, views/*.py, *_views.py, forms.py, *_forms.py."""
    name = path.name
    return (
        name in {"views.py", "forms.py"}
        or name.endswith(("_views.py", "_forms.py"))
        or (path.parent.name == "views" and name != "__init__.py")
    )


def our_model_names() -> set[str]:
    tops = ("schakelteam", "kennisbank", "scan", "cases")
    return {m.__name__ for m in apps.get_models() if m.__module__.split(".")[0] in tops}


def _imported_names(tree: ast.AST) -> dict[str, str]:
    """Local name -> the name it was imported as (`from x import Casus as C` gives C -> Casus)."""
    return {
        alias.asname or alias.name: alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def _names_in(node: ast.AST, imported: dict[str, str]) -> list[str]:
    """The identifiers of an attribute chain: `m.RegelingPage` gives ["m", "RegelingPage"]."""
    if isinstance(node, ast.Attribute):
        return [*_names_in(node.value, imported), node.attr]
    if isinstance(node, ast.Name):
        return [imported.get(node.id, node.id)]
    return []


def model_manager_uses(source: str, models: set[str]) -> list[tuple[int, str]]:
    """(line, model) for every `<our model>.objects` in `source`."""
    tree = ast.parse(source)
    imported = _imported_names(tree)
    return [
        (node.lineno, name)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "objects"
        for name in _names_in(node.value, imported)
        if name in models
    ]


def test_views_and_forms_read_through_selectors_only():
    models = our_model_names()
    direct = [
        f"{module}:{line} uses {model}.objects; ask a selector"
        for module, path in our_modules().items()
        if is_view_or_form(path)
        for line, model in model_manager_uses(path.read_text(encoding="utf-8"), models)
    ]
    assert direct == []


def test_the_query_checker_finds_a_model_manager_under_any_name():
    source = (
        "from cases.models import Casus as C\n"
        "from kennisbank import models as m\n"
        "a = C.objects.get(pk=1)\n"
        "b = m.RegelingPage.objects.live()\n"
        "c = selectors.casus_list(user=u).filter(pk=1)\n"
        "d = get_user_model().objects.all()\n"
    )
    found = model_manager_uses(source, our_model_names())
    assert found == [(3, "Casus"), (4, "RegelingPage")]
    assert is_view_or_form(BASE_DIR / "cases" / "views" / "staff.py")
    assert is_view_or_form(BASE_DIR / "kennisbank" / "regelingencheck_forms.py")
    assert not is_view_or_form(BASE_DIR / "cases" / "selectors.py")
