"""How long ``%load_ext kernel_magics`` takes in a fresh kernel, and what it imports.

Every repetition is a fresh ``python`` process that creates an IPython
``InteractiveShell`` (not timed) and then times only
``shell.run_line_magic("load_ext", "kernel_magics")``. The report is the
median. The extension must not import heavy libraries at load time (they are
imported when first needed): if any of HEAVY_MODULES is in ``sys.modules``
after the load, the benchmark fails whatever the time.

    .venv/bin/python benchmarks/bench_load_ext.py [--reps N] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from benchutil import PYTHON, REPO, bench_env, print_report, summary, target

LOAD_TARGET_MS = 300.0
HEAVY_MODULES = ("pandas", "matplotlib", "numpy", "torch", "faiss", "langchain")

# Runs in the fresh process; prints one JSON line.
_CHILD = """
import json, sys, time
from IPython.core.interactiveshell import InteractiveShell

heavy = {heavy!r}
shell = InteractiveShell.instance()
before = set(sys.modules)
start = time.perf_counter()
shell.run_line_magic("load_ext", "kernel_magics")
elapsed = time.perf_counter() - start
loaded = "hpc_run" in shell.magics_manager.magics["cell"]
print(json.dumps({{
    "load_s": elapsed,
    "registered": loaded,
    "heavy_after": [m for m in heavy if m in sys.modules],
    "heavy_before": [m for m in heavy if m in before],
    "new_modules": len(set(sys.modules) - before),
}}))
"""


def _once(importtime: bool = False) -> tuple[dict, str]:
    code = _CHILD.format(heavy=HEAVY_MODULES)
    argv = [PYTHON, *(["-X", "importtime"] if importtime else []), "-c", code]
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=REPO, env=bench_env())
    if proc.returncode != 0:
        raise RuntimeError(f"the load_ext child failed:\n{proc.stdout}\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), proc.stderr


def slowest_imports(limit: int = 10) -> list[str]:
    """The modules imported during load_ext that took longest (python -X importtime)."""
    _, log = _once(importtime=True)
    # The child imports IPython before the load; keep what comes after kernel_magics starts.
    lines = log.splitlines()
    first = next((i for i, line in enumerate(lines) if "kernel_magics" in line), None)
    start = 0
    if first is not None:  # walk back to the first module of the load (deepest-first order)
        start = first
        while start > 0 and lines[start - 1].split("|")[-1].startswith("    "):
            start -= 1
    rows = []
    for line in lines[start:]:
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    rows.sort(reverse=True)
    return [f"{us / 1000:.1f} ms {name}" for us, name in rows[:limit]]


def run(reps: int = 9, log=print) -> dict:
    started = time.perf_counter()
    samples = []
    for rep in range(reps):
        data, _ = _once()
        if not data["registered"]:
            raise RuntimeError("%load_ext kernel_magics did not register %%hpc_run")
        samples.append(data)
        log(f"  load_ext rep {rep + 1}/{reps}: {data['load_s'] * 1e3:.0f} ms")
    times = summary([s["load_s"] for s in samples])
    heavy = sorted({m for s in samples for m in s["heavy_after"]})
    heavy_before = sorted({m for s in samples for m in s["heavy_before"]})
    median_ms = times["median"] * 1e3
    result = {
        "repetitions": reps,
        "load_s": times,
        "load_median_ms": median_ms,
        "heavy_modules_checked": list(HEAVY_MODULES),
        "heavy_modules_after_load": heavy,
        "heavy_modules_before_load": heavy_before,
        "new_modules_median": sorted(s["new_modules"] for s in samples)[len(samples) // 2],
        "targets": [
            target(
                "%load_ext kernel_magics (fresh process)",
                median_ms,
                LOAD_TARGET_MS,
                "ms",
                f"min {times['min'] * 1e3:.0f} ms, max {times['max'] * 1e3:.0f} ms",
            ),
            target(
                "heavy modules imported by the load",
                len(heavy),
                0,
                "modules",
                ", ".join(heavy) or "none of " + ", ".join(HEAVY_MODULES),
            ),
        ],
    }
    if median_ms > LOAD_TARGET_MS or heavy:
        result["slowest_imports"] = slowest_imports()
    result["seconds"] = time.perf_counter() - started
    return result


def describe(result: dict) -> list[str]:
    t = result["load_s"]
    lines = [
        f"%load_ext kernel_magics: median {t['median'] * 1e3:.0f} ms"
        f" (min {t['min'] * 1e3:.0f}, max {t['max'] * 1e3:.0f}; {result['repetitions']} fresh"
        f" processes; {result['new_modules_median']} modules imported)",
        "heavy modules after the load: "
        + (", ".join(result["heavy_modules_after_load"]) or "none"),
    ]
    if result.get("slowest_imports"):
        lines.append("slowest imports during the load: " + "; ".join(result["slowest_imports"]))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=9, help="fresh processes (>= 7)")
    parser.add_argument("--json", action="store_true", help="print all numbers as JSON")
    args = parser.parse_args(argv)
    result = run(args.reps, log=lambda s: print(s, file=sys.stderr))
    return print_report(result, describe, args.json)


if __name__ == "__main__":
    sys.exit(main())
