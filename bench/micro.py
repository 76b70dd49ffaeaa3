"""In-process micro-benchmarks, one module per topic: `bench/<topic>_bench.py` (nothing else to
register), each with:

- functions named `bench_<something>()`: no required arguments (those with some are taken
  for helpers and skipped); they prepare their data (in the fresh
  bench database) and return a dict of label -> either a zero-argument callable, which this module
  times (median of repeated calls), or a number/str the function measured itself, shown as is.
  Example: `def bench_check(): return {"evaluate 600 regelingen": lambda: evaluate(facts, rs)}`.
- optionally `bench_pages() -> list[tuple]`: extra (name, path[, request headers]) pages for the HTTP load
  phase, for pages whose URL needs data made first (a scan result behind a token).

Runs after django.setup() in bench/run.py's process, on the demo database. A benchmark that
raises is reported and does not stop the others.
"""

from __future__ import annotations

import inspect
import statistics
import time
import traceback
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from types import ModuleType

BENCH_DIR = Path(__file__).resolve().parent


def modules() -> list[ModuleType]:
    """Every bench/*_bench.py module."""
    return [import_module(f"bench.{path.stem}") for path in sorted(BENCH_DIR.glob("*_bench.py"))]


def takes_no_arguments(func: Callable) -> bool:
    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(
        p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in parameters
    )


def functions(prefix: str) -> list[tuple[str, Callable]]:
    """(qualified name, function) of every bench function, once even when re-exported."""
    seen, found = set(), []
    for module in modules():
        for attr in sorted(dir(module)):
            func = getattr(module, attr)
            if not (attr.startswith(prefix) and callable(func)) or id(func) in seen:
                continue
            # Only argument-free functions written in a bench module: not the helpers it
            # imports or defines (bench_regelingen_build(n), bench_answers(snapshot)).
            module_name = str(getattr(func, "__module__", ""))
            if module_name.endswith("_bench") and takes_no_arguments(func):
                seen.add(id(func))
                found.append((f"{func.__module__}.{func.__name__}", func))
    return found


def extra_pages() -> tuple[list[tuple], list[str]]:
    pages, notes = [], []
    for source, provider in functions("bench_pages"):
        try:
            pages.extend(provider())
        except Exception:  # noqa: BLE001 - one broken provider must not stop the run
            notes.append(f"{source} failed:\n{traceback.format_exc()}")
    return pages, notes


def time_callable(func: Callable[[], object], *, budget_seconds: float = 2.0) -> dict:
    """Median wall time of repeated calls: at least 3 runs, then until the budget is spent."""
    func()  # warm-up: caches, lazy imports, the first query's connection
    durations: list[float] = []
    spent_until = time.perf_counter() + budget_seconds
    while len(durations) < 3 or (time.perf_counter() < spent_until and len(durations) < 1000):
        start = time.perf_counter()
        func()
        durations.append(time.perf_counter() - start)
    return {
        "runs": len(durations),
        "median_ms": round(statistics.median(durations) * 1000, 3),
        "min_ms": round(min(durations) * 1000, 3),
    }


def run_all(*, budget_seconds: float = 2.0) -> tuple[list[dict], list[str]]:
    notes: list[str] = []
    results: list[dict] = []
    for source, func in functions("bench_"):
        if source.endswith(".bench_pages"):
            continue
        try:
            figures = func()
            for label, value in figures.items():
                entry = {"source": source, "name": label}
                if callable(value):
                    entry.update(time_callable(value, budget_seconds=budget_seconds))
                else:
                    entry["value"] = value
                results.append(entry)
        except Exception:  # noqa: BLE001 - report and carry on with the next benchmark
            notes.append(f"{source} failed:\n{traceback.format_exc()}")
    return results, notes
