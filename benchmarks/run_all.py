"""Run every benchmark, print a summary, write benchmarks/results/latest.{json,md}.

    .venv/bin/python benchmarks/run_all.py [--reps N] [--load-reps N] [--only SUITE ...]
    (`make bench` runs them all)

Exit status: 0 when every target is met, 1 when one is missed (the results are
written first either way), 2 when a benchmark could not run at all.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_cluster  # noqa: E402
import bench_llm  # noqa: E402
import bench_load_ext  # noqa: E402
import bench_overhead  # noqa: E402
import bench_profile  # noqa: E402
import bench_retrieval  # noqa: E402
from benchutil import RESULTS, machine_info  # noqa: E402


def _log(message: str) -> None:
    print(message, flush=True)


def _status(t: dict, markdown: bool = False) -> str:
    """PASS or MISS; "(within noise)" when the 95% interval contains the target."""
    status = "PASS" if t["passed"] else ("**MISS**" if markdown else "MISS")
    if not t.get("conclusive", True):
        status += " (within noise)"
    return status


def _format_value(t: dict) -> str:
    if t["value"] is None:
        return "-"
    if t["unit"] == "x":
        return f"{t['value']:.2f}x"
    if t["unit"] == "ms":
        return f"{t['value']:.0f} ms"
    return f"{t['value']:g} {t['unit']}"


def _format_limit(t: dict) -> str:
    if t.get("at_least"):
        return f">= {t['limit']:g} {t['unit']}".rstrip()
    if t["unit"] == "x":
        return f"<= {t['limit']:.2f}x"
    return f"<= {t['limit']:g} {t['unit']}"


def markdown(report: dict) -> str:
    """The results as a markdown table (for the README)."""
    m = report["machine"]
    lines = [
        "| Benchmark | Measured | Target | Status | Detail |",
        "|---|---|---|---|---|",
    ]
    for t in report["targets"]:
        status = _status(t, markdown=True)
        lines.append(
            f"| {t['name']} | {_format_value(t)} | {_format_limit(t)} | {status} | {t['detail']} |"
        )
    for name, error in report.get("errors", {}).items():
        lines.append(f"| {name} | - | - | **ERROR** | {error.splitlines()[-1]} |")
    info = report.get("info", [])
    if info:
        lines += ["", "For information (no target):", ""]
        lines += [f"- {line}" for line in info]
    lines += [
        "",
        f"Measured {m['date']} on {m['cpu_model']}, {m['nproc']} cores "
        f"(load average {m['load_average'][0]:.1f} at the start, "
        f"{report['machine_end']['load_average'][0]:.1f} at the end), {m['mpirun']}, {m['gcc']}; "
        "medians of interleaved repetitions. `make bench` reproduces them.",
    ]
    return "\n".join(lines) + "\n"


def _info_lines(report: dict) -> list[str]:
    out = []
    cluster = report["benchmarks"].get("cluster")
    if cluster:
        out += bench_cluster.describe(cluster)
    overhead = report["benchmarks"].get("overhead")
    if overhead:
        warm, cold = overhead["warm"], overhead["cold"]
        out.append(
            f"cold run, absolute: jupyter hpc {cold['tool_median_s']:.3f} s vs "
            f"mpicc && mpirun {cold['plain_median_s']:.3f} s (+{cold['overhead_ms']:.0f} ms)"
        )
    if overhead and "plain_same_transport_median_s" in cold:  # older results lack it
        ucx_ms = (cold["plain_median_s"] - cold["plain_same_transport_median_s"]) * 1e3
        out.append(
            "the tool's own cost, with plain mpirun given the same Open MPI transport"
            f" ({bench_overhead._transport_text()}): cold {cold['ratio_same_transport']:.2f}x"
            f" (+{cold['overhead_same_transport_ms']:.0f} ms), cached run_program"
            f" +{warm['api_overhead_same_transport_ms']:.0f} ms; the default transport"
            f" (UCX) costs ~{ucx_ms:.0f} ms per start on this machine"
        )
    if overhead:
        out.append(
            f"cached re-run through the CLI: `jupyter hpc run --json`"
            f" +{warm['cli_overhead_ms']:.0f} ms, `jupyter-hpc run --json`"
            f" +{warm['cli_direct_overhead_ms']:.0f} ms over mpirun"
            f" ({warm['plain_median_s']:.3f} s)"
        )
    return out


def _keep_earlier_suites(report: dict, ran: set[str]) -> None:
    """With --only, keep the other suites' results from the last full results file.

    Their targets are marked with the date they were measured on.
    """
    try:
        earlier = json.loads((RESULTS / "latest.json").read_text())
    except (OSError, ValueError):
        return
    when = earlier.get("machine", {}).get("date", "earlier")
    for key, result in earlier.get("benchmarks", {}).items():
        if key in ran or key in report["benchmarks"]:
            continue
        result.setdefault("measured", when)  # results written before suites carried their date
        report["benchmarks"][key] = result
        for t in result.get("targets", []):
            report["targets"].append(
                {**t, "detail": f"{t['detail']} (measured {result['measured']})"}
            )


def _write(path: Path, text: str) -> None:
    """Write atomically: a half-written results file is never left behind."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=10, help="repetitions of each overhead variant")
    parser.add_argument("--load-reps", type=int, default=9, help="fresh processes for load_ext")
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="SUITE",
        help="run only these (load_ext overhead profile cluster retrieval llm)",
    )
    parser.add_argument(
        "--llm-every", type=int, default=2, help="score every N-th task in the llm suite"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    report: dict = {"machine": machine_info(), "benchmarks": {}, "targets": [], "errors": {}}
    describe = {}
    suites = [
        (
            "load_ext",
            "load_ext: %load_ext kernel_magics in fresh processes",
            lambda: bench_load_ext.run(args.load_reps, log=_log),
            bench_load_ext.describe,
        ),
        (
            "overhead",
            "overhead: jupyter-hpc vs mpicc/mpirun on a ~0.5 s MPI program",
            lambda: bench_overhead.run(args.reps, log=_log),
            bench_overhead.describe,
        ),
        (
            "profile",
            "profile: --profile overhead on ~1 s OpenMP and MPI programs",
            lambda: bench_profile.run(log=_log),
            bench_profile.describe,
        ),
        (
            "cluster",
            "cluster: --on cluster (warm MPI engines) vs local mpirun; cluster start",
            lambda: bench_cluster.run(args.reps, log=_log),
            bench_cluster.describe,
        ),
        (
            "retrieval",
            "retrieval: dev-query recall, warm query latency, index load",
            lambda: bench_retrieval.run(log=_log),
            bench_retrieval.describe,
        ),
        (
            "llm",
            "llm: %%hpc pipeline vs the model alone on benchmarks/tasks",
            lambda: bench_llm.run(log=_log, every=args.llm_every),
            bench_llm.describe,
        ),
    ]
    if args.only:
        unknown = set(args.only) - {key for key, *_ in suites}
        if unknown:
            parser.error(f"unknown suite(s) {', '.join(sorted(unknown))}")
        suites = [suite for suite in suites if suite[0] in args.only]
    for key, title, run, describer in suites:
        _log(f"== {title}")
        try:
            result = run()
        except Exception:  # record it, keep going, fail at the end
            report["errors"][key] = traceback.format_exc()
            _log(report["errors"][key])
            continue
        result["measured"] = report["machine"]["date"]
        report["benchmarks"][key] = result
        report["targets"] += result["targets"]
        # Saved at once: a suite can take an hour, and nothing later may lose it.
        RESULTS.mkdir(parents=True, exist_ok=True)
        _write(RESULTS / f"suite-{key}.json", json.dumps(result, indent=1, default=str) + "\n")
        describe[key] = describer(result)
    if args.only:
        _keep_earlier_suites(report, {key for key, *_ in suites})
    report["machine_end"] = {"load_average": list(os.getloadavg())}
    report["seconds"] = time.perf_counter() - started
    report["info"] = _info_lines(report)
    report["all_passed"] = not report["errors"] and all(t["passed"] for t in report["targets"])

    RESULTS.mkdir(parents=True, exist_ok=True)
    _write(RESULTS / "latest.json", json.dumps(report, indent=1, default=str) + "\n")
    _write(RESULTS / "latest.md", markdown(report))

    m = report["machine"]
    print()
    print(
        f"== summary ({m['cpu_model']}, {m['nproc']} cores, load {m['load_average'][0]:.1f}"
        f" -> {report['machine_end']['load_average'][0]:.1f}, {report['seconds']:.0f} s)"
    )
    for key, lines in describe.items():
        print(f"-- {key}")
        for line in lines:
            print(f"   {line}")
    print()
    width = max(len(t["name"]) for t in report["targets"]) if report["targets"] else 10
    for t in report["targets"]:
        print(
            f"{_status(t):<20}  {t['name']:<{width}}  {_format_value(t):>10}"
            f"  (target {_format_limit(t)})  {t['detail']}"
        )
    for key in report["errors"]:
        print(f"ERROR {key}: see above")
    print(f"\nwritten: {RESULTS / 'latest.json'}, {RESULTS / 'latest.md'}")
    if report["errors"]:
        return 2
    return 0 if report["all_passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
