"""The walls between the layers, read from the source (every import, also
the ones inside functions):

    neutral (model, textnorm, moments, i18n, errors, config)
      <- ingest (pure: bytes in, a Page out)
      <- library (stores Pages, never parses)
      <- pipeline (fetch, sources, feeds, follow, seeding: joins the three)
      <- app (reads the library, asks the pipeline) and cli (prints)

and no two modules import each other, directly or round a longer circle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tui"
NEUTRAL = {"tui.model", "tui.textnorm", "tui.moments", "tui.i18n", "tui.errors", "tui.config"}

# layer -> what it must never import (module prefixes)
FORBIDDEN = {
    "tui.ingest": ["tui.library", "tui.pipeline", "tui.app", "tui.cli", "httpx", "textual",
                   "sqlite3"],
    "tui.library": ["tui.ingest", "tui.pipeline", "tui.app", "tui.cli", "httpx", "textual",
                    "selectolax", "lxml", "trafilatura", "markdownify"],
    "tui.pipeline": ["tui.app", "tui.cli", "textual"],
    # The app reads the library and asks the pipeline to refresh: it never
    # fetches or parses itself.
    "tui.app": ["tui.ingest", "tui.cli", "tui.pipeline.fetch", "tui.pipeline.sources",
                "httpx", "selectolax", "lxml", "trafilatura", "markdownify", "feedparser"],
    **{name: ["tui.ingest", "tui.library", "tui.pipeline", "tui.app", "tui.cli", "textual"]
       for name in NEUTRAL},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str) -> set[str]:
    """Every module `name` imports, at any depth of its code. `from pkg
    import sub` counts as importing pkg.sub when sub is a module."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
    return found


def _layer(name: str) -> str | None:
    for layer in sorted(FORBIDDEN, key=len, reverse=True):
        if name == layer or name.startswith(layer + "."):
            return layer
    return None


def test_the_walls_see_every_module_and_function_level_imports() -> None:
    assert {"tui.ingest.html", "tui.library.merge", "tui.app.reader", "tui.cli"} <= set(MODULES)
    # an import inside a function body is seen
    assert "tui.pipeline.seeding" in imports("tui.app.reader")


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_crosses_a_wall(name: str) -> None:
    layer = _layer(name)
    if layer is None:
        return
    crossed = sorted(
        target for target in imports(name)
        for bad in FORBIDDEN[layer] if target == bad or target.startswith(bad + "."))
    assert not crossed, f"{name} ({layer}) imports {crossed}"


def test_no_circle_of_imports() -> None:
    graph = {name: {t for t in imports(name) if t in MODULES and t != name} for name in MODULES}
    # A package's __init__ runs before its modules: importing a package from
    # inside it is importing its __init__, a circle when __init__ imports back.
    circles: list[list[str]] = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for name in graph:
        if name not in index:
            visit(name)
    assert circles == []


def test_the_checker_can_fail() -> None:
    """The wall check sees a crossing when there is one."""
    assert "tui.library" in {t for t in imports("tui.pipeline.sources")
                             if t.startswith("tui.library")}
    assert _layer("tui.ingest.html.anchors") == "tui.ingest"
