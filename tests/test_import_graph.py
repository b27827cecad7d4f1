"""Layers import one way: no cycle among the project's own modules.

Every `import` counts, at module level and inside functions alike (a function-level import only
hides a cycle until the function first runs). Imports under `if TYPE_CHECKING:` never run and
do not count.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _modules():
    """Module name -> source path, for every first-party package at the top of the repo."""
    found = {}
    for package in sorted(ROOT.iterdir()):
        if not (package / "__init__.py").is_file():
            continue
        for path in package.rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _runtime_nodes(tree):
    """Every node of the tree, except those under `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                stack.extend(child.orelse)
            else:
                stack.append(child)


def _imported(name, path, modules):
    """The first-party modules that `name`'s source at `path` imports."""
    is_package = path.name == "__init__.py"
    package = name.split(".") if is_package else name.split(".")[:-1]
    for node in _runtime_nodes(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            # `from package import name`: the submodule when there is one, else the package.
            targets = [
                f"{module}.{alias.name}" if f"{module}.{alias.name}" in modules else module
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            # `import a.b.c` runs a.b.c; stop at the deepest part that is one of our modules.
            parts = target.split(".")
            while parts and ".".join(parts) not in modules:
                parts.pop()
            if parts and ".".join(parts) != name:
                yield ".".join(parts)


def import_graph():
    modules = _modules()
    return {name: set(_imported(name, path, modules)) for name, path in modules.items()}


def cycles(graph):
    """One cycle through each group of modules that import each other."""
    return [_cycle_within(group, graph) for group in _groups(graph)]


def _groups(graph):
    """The groups of modules that import each other: strongly connected components (Tarjan)."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups, key=min)


def _cycle_within(group, graph):
    """A shortest path from the group's first module back to itself, inside the group."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & group):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError(f"no cycle in {group}")


def test_the_graph_sees_module_and_function_level_imports():
    graph = import_graph()
    assert "articles.models" in graph["articles.views"]
    assert "authors.models" in graph["articles.models"]
    # articles.apps imports its signals inside ready(): that import counts.
    assert "articles.signals" in graph["articles.apps"]


def test_cycles_are_found_and_shown():
    graph = {"a": {"b", "d"}, "b": {"c"}, "c": {"a"}, "d": {"b"}, "e": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert _report(graph) == "a, b, c, d import each other, e.g. a -> b -> c -> a"


def _report(graph):
    return "\n".join(
        f"{', '.join(sorted(group))} import each other, e.g. {' -> '.join(cycle)}"
        for group, cycle in zip(_groups(graph), cycles(graph), strict=True)
    )


def test_no_module_of_ours_imports_itself_through_others():
    graph = import_graph()

    if cycles(graph):
        pytest.fail("import cycles:\n" + _report(graph), pytrace=False)
