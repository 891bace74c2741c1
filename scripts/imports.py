"""Map the imports between remembrancer's own modules, and the circles among them.

    python scripts/imports.py            # a Markdown table: each module, what it imports at load time and later
    python scripts/imports.py --circles  # only the circles (strongly connected groups)

"At load": imported when the module is (top of the file); "later": inside a function, when it runs. A circle
of "later" imports loads nothing early, but still ties the modules together: neither can be read, tested
or changed alone.
"""
from __future__ import annotations

import argparse
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "remembrancer"
STORE = "remembrancer.store"
DOOR = {"remembrancer", STORE}  # Memory, and the package that exports it


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def resolve(current: str, is_package: bool, node: ast.ImportFrom, known: set[str]) -> list[str]:
    """The package modules an `import` names: `from . import a, b` names a and b when they are modules (the
    package itself only for a name defined in it, `from . import __version__`)."""
    base = current.split(".") if is_package else current.split(".")[:-1]
    if node.level:
        base = base[:len(base) - node.level + 1]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    return [f"{target}.{a.name}" if f"{target}.{a.name}" in known else target for a in node.names]


def imports(path: Path, known: set[str]) -> tuple[set[str], set[str]]:
    """(modules imported at load time, modules imported inside functions) of one file."""
    name = module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    early, late = set(), set()

    def visit(node, inside: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, True)
                continue
            names = []
            if isinstance(child, ast.ImportFrom):
                names = resolve(name, path.name == "__init__.py", child, known)
            elif isinstance(child, ast.Import):
                names = [a.name for a in child.names]
            for n in names:
                if n in known and n != name:
                    (late if inside else early).add(n)
            visit(child, inside)

    visit(tree, False)
    return early, late - early


def graph() -> dict[str, tuple[set[str], set[str]]]:
    files = sorted(p for p in PACKAGE.rglob("*.py") if "web" not in p.parts)
    known = {module_name(p) for p in files}
    return {module_name(p): imports(p, known) for p in files}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of two modules or more (Tarjan)."""
    index, low, stack, on, out, n = {}, {}, [], set(), [], [0]

    def strong(v):
        index[v] = low[v] = n[0]
        n[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            strong(v)
    return sorted(out)


def short(name: str) -> str:
    return name.removeprefix("remembrancer.") if name != "remembrancer" else "(package)"


def said(groups) -> str:
    return "; ".join(" <-> ".join(short(m) for m in c) for c in groups) or "none"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--circles", action="store_true", help="Only the circles.")
    args = parser.parse_args()
    g = graph()
    if not args.circles:
        print("| module | imports at load | imports later (inside functions) |")
        print("|---|---|---|")
        for name, (early, late) in g.items():
            print(f"| `{short(name)}` | {', '.join(short(m) for m in sorted(early)) or '-'} |"
                  f" {', '.join(short(m) for m in sorted(late)) or '-'} |")
        print()
    print("- Circles at load time:", said(circles({k: e for k, (e, _) in g.items()})))
    # `Memory` (store.py, and the package that exports it) hands each call to the module that does it, so
    # it imports nearly all of them inside its methods: below it, a module should need no other back.
    below = {k: e | l for k, (e, l) in g.items() if k not in DOOR}
    print("- Circles below the door (leaving out the calls `Memory` hands down):", said(circles(below)))
    print("- Modules that import store.py back:", ", ".join(short(k) for k, (e, l) in g.items() if STORE in e | l) or "none")
    print("- Circles counting every import, inside functions too:", said(circles({k: e | l for k, (e, l) in g.items()})))


if __name__ == "__main__":
    main()
