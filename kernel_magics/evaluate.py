"""``jupyter hpc eval TASKS_DIR``: score the generation pipeline on a folder of tasks.

Task format (one folder per task)::

    task.toml   prompt = "..."         the request, as a user types it
                api = "openmp"         openmp | mpi | hybrid
                lang = "c"             c | c++
                entry = "sum_array"    the function the answer must define (no main)
                threads = [1, 2]       counts every scoring run uses
                ranks = [1]
                expect = ["regex"]     whole-program tasks only (no entry): regexes
                                       that must all match the program's stdout
    driver.c    (entry tasks) main(): makes inputs, calls the entry, checks it
                against a serial reference, exits 0 on success, prints
                `time: S` (the answer's call) and `ref_time: S` (the reference)

Scoring is honest: generation, verification and repair see only what a user's
request would (the prompt, their own builds and tests, the race checker). The
driver is compiled and run only afterwards, to score the final answer, and its
verdict is never fed back. A task passes when every (threads, ranks) run
passes. Speedup is ``ref_time / time`` at the largest count (whole programs:
the time at 1 over the time at the largest count).
"""

from __future__ import annotations

import re
import statistics
import subprocess
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kernel_magics.generate import GenerationError, GenerationRequest, generate
from kernel_magics.llm import LLMConfig, ProviderError
from kernel_magics.options import DEFAULT_EXAMPLES
from kernel_magics.pipeline import RequestError, RunRequest, run_program
from kernel_magics.settings import Settings

SCORE_TIMEOUT_S = 20  # per run; the drivers' references take well under a second
_TIME = re.compile(r"^time:\s*([0-9.eE+-]+)", re.MULTILINE)
_REF_TIME = re.compile(r"^ref_time:\s*([0-9.eE+-]+)", re.MULTILINE)


class EvalError(ValueError):
    """A task folder that cannot be read."""


@dataclass
class Task:
    name: str
    folder: Path
    prompt: str
    api: str
    lang: str
    entry: str | None
    threads: list[int]
    ranks: list[int]
    expect: list[str] = field(default_factory=list)
    difficulty: str = ""

    @property
    def driver(self) -> Path | None:
        for name in ("driver.c", "driver.cpp"):
            if (self.folder / name).exists():
                return self.folder / name
        return None


def load_tasks(folder: Path, only: list[str] | None = None) -> list[Task]:
    """Every task folder under ``folder`` (sorted by name)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise EvalError(f"{folder} is not a folder of tasks")
    tasks = []
    for sub in sorted(p for p in folder.iterdir() if (p / "task.toml").exists()):
        if only and sub.name not in only:
            continue
        try:
            meta = tomllib.loads((sub / "task.toml").read_text())
            task = Task(
                name=sub.name,
                folder=sub,
                prompt=meta["prompt"],
                api=meta["api"],
                lang=meta.get("lang", "c"),
                entry=meta.get("entry"),
                threads=list(meta.get("threads", [1])),
                ranks=list(meta.get("ranks", [1])),
                expect=list(meta.get("expect", [])),
                difficulty=meta.get("difficulty", ""),
            )
        except (KeyError, tomllib.TOMLDecodeError) as err:
            raise EvalError(f"{sub / 'task.toml'}: {err}") from None
        if task.entry and task.driver is None:
            raise EvalError(f"{sub}: an entry task needs driver.c or driver.cpp")
        if not task.entry and not task.expect:
            raise EvalError(f"{sub}: a whole-program task needs expect = [regexes]")
        tasks.append(task)
    if not tasks:
        raise EvalError(f"no task folders (with task.toml) in {folder}")
    return tasks


def _driver_object(task: Task, settings: Settings, work: Path) -> Path:
    """Compile the task's driver once, with the compiler the answer will be linked by."""
    mpi = task.api in ("mpi", "hybrid")
    cxx = task.lang == "c++"
    compiler = (
        (settings.mpicxx if cxx else settings.mpicc)
        if mpi
        else (settings.cxx if cxx else settings.cc)
    )
    obj = work / f"{task.name}-driver.o"
    argv = [compiler, "-O2", "-fopenmp", "-c", str(task.driver), "-o", str(obj)]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise EvalError(f"{task.name}: the driver does not compile:\n{proc.stderr[:2000]}")
    return obj


def score_answer(task: Task, answer: str | None, settings: Settings, work: Path) -> dict:
    """Build the answer (with the driver for entry tasks) and run every count; the verdict."""
    verdict = {"built": False, "passed": False, "speedup": None, "runs": [], "why": ""}
    if not answer:
        verdict["why"] = "no code"
        return verdict
    ldflags = "-fopenmp"
    if task.entry:
        ldflags += f" {_driver_object(task, settings, work)}"
    request = RunRequest(
        source=answer,
        lang=task.lang,
        threads=task.threads,
        ranks=task.ranks if task.api in ("mpi", "hybrid") else None,
        ldflags=ldflags,
        timeout=SCORE_TIMEOUT_S,
        source_name=task.name,
    )
    try:
        result = run_program(request, settings)
    except RequestError as err:  # e.g. an MPI task answered without MPI
        verdict["why"] = str(err)
        return verdict
    verdict["built"] = result.build.ok
    if not result.build.ok:
        verdict["why"] = "build failed: " + result.build.log[:300]
        return verdict
    passed = True
    for run in result.runs:
        ok = run.ok
        if ok and task.expect:
            ok = all(re.search(pattern, run.stdout) for pattern in task.expect)
        passed = passed and ok
        verdict["runs"].append(
            {
                "threads": run.threads,
                "ranks": run.ranks,
                "ok": ok,
                "time_s": run.time_s,
                "stdout": run.stdout[-300:],
                "error": run.error,
            }
        )
    verdict["passed"] = passed and bool(result.runs)
    if not verdict["passed"]:
        bad = next((r for r in verdict["runs"] if not r["ok"]), None)
        verdict["why"] = (bad["error"] or "wrong result") if bad else "no run"
        return verdict
    last = result.runs[-1]
    if task.entry:
        t, ref = _TIME.search(last.stdout), _REF_TIME.search(last.stdout)
        if t and ref and float(t.group(1)) > 0:
            verdict["speedup"] = float(ref.group(1)) / float(t.group(1))
    elif len(result.runs) > 1 and last.time_s:
        verdict["speedup"] = result.runs[0].time_s / last.time_s
    return verdict


def evaluate_tasks(
    folder: Path,
    llm: str | None = None,
    k: int = DEFAULT_EXAMPLES,
    max_repairs: int = 2,
    samples: int = 1,
    baseline: bool = False,
    only: list[str] | None = None,
    settings: Settings | None = None,
    config: LLMConfig | None = None,
    model=None,
    log=None,
) -> dict:
    """Generate ``samples`` answers per task and score them; the report as a dict."""
    settings = settings or Settings()
    config = config or LLMConfig()
    log = log or (lambda message: None)
    tasks = load_tasks(folder, only)
    rows = []
    with tempfile.TemporaryDirectory(prefix="hpc-eval-") as tmp:
        for number, task in enumerate(tasks, start=1):
            verdicts = []
            for sample in range(samples):
                request = GenerationRequest(
                    text=task.prompt,
                    api=task.api,
                    lang=task.lang,
                    entry=task.entry,
                    k=0 if baseline else k,
                    max_repairs=0 if baseline else max_repairs,
                    llm=llm,
                    verify=not baseline,
                )
                started = time.perf_counter()
                try:
                    generation = generate(request, settings, config=config, model=model)
                except (GenerationError, ProviderError) as err:
                    raise EvalError(str(err)) from None
                answer = generation.answer  # for entry tasks: without any main()
                verdict = score_answer(task, answer, settings, Path(tmp))
                verdict.update(
                    sample=sample,
                    seconds=round(time.perf_counter() - started, 1),
                    generation_s=round(generation.seconds, 1),
                    repairs=generation.repairs,
                    verified=generation.ok and not baseline,
                    first_token_s=generation.first_token_s,
                    answer=answer,  # kept in the report, so every score can be audited
                    checks=generation.best.checks if generation.best else {},
                    fixes=generation.provenance.get("fixes", []),  # made by the tool
                    sampled_rounds=generation.sampled_rounds,  # repairs answered afresh
                )
                verdicts.append(verdict)
            first = verdicts[0]
            row = {
                "task": task.name,
                "api": task.api,
                "lang": task.lang,
                "difficulty": task.difficulty,
                "build@1": first["built"],
                "pass@1": first["passed"],
                "pass@k": any(v["passed"] for v in verdicts),
                "speedup": first["speedup"],
                "samples": verdicts,
            }
            rows.append(row)
            log(
                f"[{number}/{len(tasks)}] {task.name}: {'PASS' if row['pass@1'] else 'fail'}"
                + (f" ({first['why'][:100]})" if first["why"] else "")
                + f" in {first['seconds']} s"
            )
    speedups = [r["speedup"] for r in rows if r["pass@1"] and r["speedup"]]
    n = len(rows)
    summary = {
        "tasks": n,
        "samples": samples,
        "mode": "baseline (model alone)"
        if baseline
        else f"pipeline (k={k}, max_repairs={max_repairs})",
        "build@1": sum(r["build@1"] for r in rows) / n,
        "pass@1": sum(r["pass@1"] for r in rows) / n,
        "pass@k": sum(r["pass@k"] for r in rows) / n,
        "speedup": statistics.median(speedups) if speedups else None,
        "efficiency": None,
        "median_seconds": statistics.median(r["samples"][0]["seconds"] for r in rows),
    }
    return {"summary": summary, "tasks": rows}
