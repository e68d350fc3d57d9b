"""``jupyter hpc``: the same pipeline from the shell.

    jupyter hpc run prog.c -t 1,2,4 [--json]

Exit status: 0 when the program built, every run succeeded and no race was
found; 1 otherwise; 2 for bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kernel_magics.options import add_run_options, glue_dash_values, request_from_args
from kernel_magics.pipeline import Reporter


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


def run_command(args: argparse.Namespace) -> int:
    from kernel_magics.build import CompilerNotFound
    from kernel_magics.display import summary_lines
    from kernel_magics.pipeline import RequestError, run_program

    try:
        source = args.file.read_text()
    except (OSError, UnicodeDecodeError) as err:
        print(f"jupyter hpc: cannot read {args.file}: {err}", file=sys.stderr)
        return 2
    if not args.lang:  # the file's suffix says what gcc would compile it as
        args.lang = {".c": "c", ".cpp": "c++", ".cc": "c++", ".cxx": "c++"}.get(args.file.suffix)
    request = request_from_args(args, source, source_name=args.file.stem)
    try:
        result = run_program(request, reporter=TerminalReporter(quiet=args.json))
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
    return 0 if result.ok else 1


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``jupyter-hpc`` console script."""
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(glue_dash_values(argv))
    if args.command == "run":
        return run_command(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
