"""The package keeps the shape ARCHITECTURE.md describes: a listed public API, families that
use each other's public names only, no import of the package root, modules of one concern."""

import ast
import re
from pathlib import Path

import pytest

import analysis

PACKAGE = Path(analysis.__file__).resolve().parent
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _family(module: str) -> str:
    """``analysis.terms.counting`` -> ``terms``; ``analysis._run`` -> ``_run``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path):
    """``(target module, [names])`` of every ``from ... import`` in the file."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            yield target, [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []


def test_the_package_root_lists_every_public_name_and_holds_no_logic():
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    kinds = {type(node).__name__ for node in tree.body}
    assert kinds <= {"Expr", "ImportFrom", "Assign"}, kinds      # docstring, imports, __all__
    assert all(name in analysis.__doc__ for name in analysis.__all__ if name != "__version__")
    assert all(hasattr(analysis, name) for name in analysis.__all__)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_the_package_root(path):
    if path == PACKAGE / "__init__.py":
        return
    for target, names in _imports(path):
        assert target != "analysis" or not names or all(
            (PACKAGE / f"{n}.py").exists() or (PACKAGE / n).is_dir() for n in names), \
            f"{path.name} imports {names} from the package root"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_private_names_stay_inside_their_family(path):
    here = _family(_module_name(path))
    for target, names in _imports(path):
        if not target.startswith("analysis.") or _family(target) == here:
            continue
        private = [n for n in names if n.startswith("_") and n != "__version__"]
        assert not private, f"{path.relative_to(PACKAGE)} imports {private} from {target}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path):
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines; split it"


def test_one_home_for_how_work_runs():
    """Only the execution layer and the Dask module fork, start pools, talk to a scheduler
    or read the cache folder option; the families hand it their work."""
    pattern = re.compile(r"ProcessPoolExecutor|multiprocessing|scheduler_client|"
                         r"cache_folder\(|is_dask\(|paused_gc\(\)|map_blocks|map_reduce")
    allowed = {"_run.py", "engine.py", "cache.py", "runner.py"}
    offenders = [str(p.relative_to(PACKAGE)) for p in MODULES
                 if p.name not in allowed and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


# The table "What each layer may import" of ARCHITECTURE.md.
SHARED = {"_version", "errors", "types", "_validate"}
MAY_IMPORT = {
    "_version": SHARED, "errors": SHARED, "types": SHARED, "_validate": SHARED,
    "engine": SHARED,
    "cache": SHARED | {"text"},
    "text": SHARED | {"_punkt"},
    "_punkt": SHARED,
    "_run": SHARED | {"engine", "cache", "text"},
    "corpus": SHARED | {"_run", "cache", "text"},
    "terms": SHARED | {"_run", "cache", "text"},
    "actors": SHARED | {"_run", "cache", "text"},
    "quotes": SHARED | {"_run", "cache", "text", "actors"},
    "overview": SHARED | {"corpus"},
    "plots": SHARED | {"overview"},
    "report": SHARED | {"cache", "overview"},
}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_layer_imports_only_the_layers_below(path):
    here = _family(_module_name(path))
    if here in ("", "__main__"):
        return
    assert here in MAY_IMPORT, f"{here} is not in ARCHITECTURE.md's table"
    for target, _ in _imports(path):
        there = _family(target) if target.startswith("analysis.") else None
        if there is not None and there != here:
            assert there in MAY_IMPORT[here], f"{path.relative_to(PACKAGE)} imports {target}"
