"""The IPython magics: ``%%hpc_run`` (the cell is C/C++) and ``%hpc`` (commands).

Configuration is traitlets: ``%config HPCMagics.timeout = 30`` in a notebook,
or ``c.HPCMagics.max_ranks = 16`` in ``ipython_config.py`` for a whole class.
"""

from __future__ import annotations

import dataclasses
import shlex

from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, line_magic, magics_class
from IPython.core.magic_arguments import argument, magic_arguments
from traitlets import CaselessStrEnum, Float, Int, Unicode

from kernel_magics.llm import LLMConfig
from kernel_magics.options import (
    DEFAULT_EXAMPLES,
    RUN_OPTIONS,
    explain_choice,
    glue_dash_values,
    request_from_args,
)
from kernel_magics.settings import Settings
from retrieval.snippets import APIS

_DEFAULTS = Settings()
_LLM = LLMConfig()

HPC_HELP = """\
%hpc commands:
  %hpc list                   programs kept with %%hpc_run --name NAME
  %hpc run NAME [options]     run a kept program again (-t, -n, --repeat, --timeout, --args,
                              --race-check override what it was run with)
  %hpc search QUERY [-k 5] [--api openmp|mpi|hybrid|serial] [-l c|c++] [--insert N]
                              find verified examples (and your learned code) by meaning
  %hpc learn PATH | --list | --remove PATH
                              index your own C/C++/Fortran code for %hpc search
  %hpc help                   this text
  %hpc models                 language models: configured, reachable, key set
  %hpc fix                    explain and repair the last failed %%hpc_run / %%hpc
  %hpc explain [VAR] [--level student|expert] [--with llm|template]
                              findings and prose for the last Result (or VAR) again
  %hpc cluster start [-n N] [--engines local|mpi|slurm] | status | stop
                              ipyparallel engines; then %%hpc_run --on cluster
  %hpc submit [NAME] [-n LIST] [-t LIST] [--time HH:MM:SS] [--partition P] [--wait]
                              a kept program (or the last one run) as a Slurm batch job
  %hpc jobs | %hpc job ID [--wait] [--cancel]
                              submitted jobs; a finished job's output and runs table
Cell magics:
  %%hpc [options] [words]     request in words (+ code) -> verified, measured parallel code
  %%hpc_run [options]         build, run, time and check the C/C++ code in the cell
                              (%%hpc_run? lists the options)
The last Result is in the variable _hpc."""


def _run_options(func):
    """Apply the shared run options (see options.RUN_OPTIONS) as magic arguments."""
    for flags, kwargs in reversed(RUN_OPTIONS):
        func = argument(*flags, **kwargs)(func)
    return func


@magics_class
class HPCMagics(Magics):
    """Build, run, time and race-check C/C++ OpenMP/MPI code from notebook cells."""

    cc = Unicode(_DEFAULTS.cc, help="C compiler for serial and OpenMP programs").tag(config=True)
    cxx = Unicode(_DEFAULTS.cxx, help="C++ compiler for serial and OpenMP programs").tag(
        config=True
    )
    mpicc = Unicode(_DEFAULTS.mpicc, help="MPI C compiler wrapper").tag(config=True)
    mpicxx = Unicode(_DEFAULTS.mpicxx, help="MPI C++ compiler wrapper").tag(config=True)
    clang = Unicode(_DEFAULTS.clang, help="clang for the race check").tag(config=True)
    clangxx = Unicode(_DEFAULTS.clangxx, help="clang++ for the race check").tag(config=True)
    mpiexec = Unicode(
        _DEFAULTS.mpiexec,
        help="MPI launcher command, e.g. 'mpirun' or 'mpirun --mca btl self,vader'",
    ).tag(config=True)
    default_cflags = Unicode(_DEFAULTS.default_cflags, help="flags every build gets").tag(
        config=True
    )
    timeout = Float(_DEFAULTS.timeout, help="default wall-clock limit per run (s)").tag(config=True)
    max_timeout = Float(_DEFAULTS.max_timeout, help="largest --timeout users may ask").tag(
        config=True
    )
    memory_limit_mb = Int(
        _DEFAULTS.memory_limit_mb, help="address-space limit per process in MB (0: none)"
    ).tag(config=True)
    file_size_limit_mb = Int(
        _DEFAULTS.file_size_limit_mb, help="largest file a program may write, MB (0: none)"
    ).tag(config=True)
    max_processes = Int(
        _DEFAULTS.max_processes, help="processes + threads one run may have (0: no limit)"
    ).tag(config=True)
    max_threads = Int(_DEFAULTS.max_threads, help="largest thread count allowed").tag(config=True)
    max_ranks = Int(_DEFAULTS.max_ranks, help="largest MPI rank count allowed").tag(config=True)
    output_limit_kb = Int(
        _DEFAULTS.output_limit_kb, help="program output shown live before it is truncated, KB"
    ).tag(config=True)
    explain = CaselessStrEnum(
        ["llm", "template", "none"],
        _DEFAULTS.explain,
        help="who explains --profile runs: the language model (its numbers are checked "
        "against the findings), a template, or none",
    ).tag(config=True)
    mpi_env = Unicode(
        _DEFAULTS.mpi_env,
        help="NAME=VALUE pairs set for local MPI runs unless already in the environment "
        "(default: Open MPI's shared-memory transport; '' for Open MPI's own defaults)",
    ).tag(config=True)

    slurm_launcher = Unicode(
        _DEFAULTS.slurm_launcher,
        help="how %hpc submit starts MPI ranks in a job ({ranks}, {threads} are filled in), "
        "e.g. 'mpirun -np {ranks}'",
    ).tag(config=True)
    slurm_modules = Unicode(
        _DEFAULTS.slurm_modules, help="modules %hpc submit loads in the job, space-separated"
    ).tag(config=True)
    slurm_partition = Unicode(
        _DEFAULTS.slurm_partition, help="default Slurm partition ('' = the site default)"
    ).tag(config=True)
    slurm_account = Unicode(
        _DEFAULTS.slurm_account, help="default Slurm account ('' = your default account)"
    ).tag(config=True)

    llm = Unicode(
        _LLM.llm, help="language model: local, local:/path.gguf, openai:MODEL or ollama:MODEL"
    ).tag(config=True)
    local_model_path = Unicode(
        _LLM.local_model_path, help="GGUF file for the local model ('' = the packaged one)"
    ).tag(config=True)
    local_context = Int(_LLM.local_context, help="context length of the local model").tag(
        config=True
    )
    openai_base_url = Unicode(
        _LLM.openai_base_url, help="OpenAI-compatible server (vLLM, llama.cpp, a gateway)"
    ).tag(config=True)
    openai_api_key_env = Unicode(
        _LLM.openai_api_key_env, help="name of the environment variable holding the API key"
    ).tag(config=True)
    ollama_base_url = Unicode(_LLM.ollama_base_url, help="Ollama server URL").tag(config=True)
    llm_max_tokens = Int(_LLM.max_tokens, help="longest model reply, in tokens").tag(config=True)

    def __init__(self, shell=None, **kwargs):
        super().__init__(shell=shell, **kwargs)
        self.programs: dict = {}  # name -> RunRequest kept with --name
        self.last_failure: dict | None = None  # what %hpc fix works on

    def settings(self) -> Settings:
        """The current configuration as the pipeline's Settings."""
        return Settings(**{f.name: getattr(self, f.name) for f in dataclasses.fields(Settings)})

    def llm_config(self, llm: str | None = None) -> LLMConfig:
        """The current language-model configuration (``llm``: another model for this use)."""
        fields = {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(LLMConfig)
            if hasattr(self, f.name)
        }
        config = LLMConfig(**fields, max_tokens=self.llm_max_tokens)
        return dataclasses.replace(config, llm=llm) if llm else config

    def _parse(self, func, line: str):
        argv = glue_dash_values(shlex.split(line))
        return func.parser.parse_args(argv)

    def _execute(self, request, out_var: str | None = None, front=None):
        """Run a request, show the result (in the cell, or through ``front``: the side
        panel), store it in _hpc (and out_var)."""
        from kernel_magics.build import CompilerNotFound
        from kernel_magics.pipeline import RequestError, run_program

        front = front or CellFront(self.shell)
        try:
            result = run_program(
                request, self.settings(), front.reporter(), llm_config=self.llm_config(front.llm)
            )
        except (RequestError, CompilerNotFound) as err:
            raise UsageError(str(err)) from None
        self.shell.user_ns["_hpc"] = result
        if out_var:
            self.shell.user_ns[out_var] = result
        if request.name and result.build.ok:
            self.programs[request.name] = request
        front.show_result(result)
        if not result.ok:
            self.last_failure = {
                "code": request.source,
                "lang": result.lang,
                "what": _what_failed(result),
                "api": result.api,
            }
        return result

    @magic_arguments()
    @_run_options
    @argument(
        "-o",
        "--out",
        default=None,
        metavar="VAR",
        help="also store the Result in this notebook variable",
    )
    @cell_magic
    def hpc_run(self, line, cell):
        """Compile the C/C++ program in this cell, run it and measure it.

        OpenMP and MPI are detected from the code; the compiler used is printed.
        A sweep (-t and/or -n) gives a table of median time, speedup and
        efficiency and a speedup plot. The Result is stored in ``_hpc``.
        """
        self._run_cell(line, cell)

    def _run_cell(self, line, cell, front=None, line_offset=1):
        """%%hpc_run's work; the side panel passes its front and the cell's line offset."""
        args = self._parse(self.hpc_run, line)
        if args.out and not args.out.isidentifier():
            raise UsageError(f"-o/--out needs a variable name, not {args.out!r}")
        if args.name and not args.name.isidentifier():
            raise UsageError(f"--name needs a simple name (letters, digits, _), not {args.name!r}")
        request = request_from_args(
            args,
            cell,
            explain_default=self.explain,
            source_name=args.name or "cell",
            line_offset=line_offset,
        )
        self._execute(request, args.out, front)

    @magic_arguments()
    @argument("words", nargs="*", help="the request, in words (the cell may hold more, and code)")
    @argument("--api", choices=APIS, help="kind of parallelism")
    @_run_options
    @argument(
        "-k",
        type=int,
        default=DEFAULT_EXAMPLES,
        help="verified examples retrieved and shown to the model in its first repair (0: none)",
    )
    @argument("--no-run", action="store_true", help="generate and verify, but do not run the sweep")
    @argument(
        "--insert", action="store_true", help="put the final code below as a %%%%hpc_run cell"
    )
    @argument("--llm", default=None, help="language model for this cell (see %%hpc models)")
    @argument("--max-repairs", type=int, default=2, help="repair rounds after a failed check")
    @argument("-o", "--out", default=None, metavar="VAR", help="store the Generation here")
    @cell_magic
    def hpc(self, line, cell):
        """Natural-language request -> parallel code, compiled, checked, timed.

        Write what you want in words (on the magic line and/or in the cell); add
        serial code below the words to have it parallelized. ``{name}`` is
        replaced by the notebook variable's value and ``{In[3]}`` by input cell 3.
        The code is checked (builds, same result at 1 and N threads/ranks, race
        check for OpenMP), repaired by the model when a check fails, then run
        over the sweep like %%hpc_run. The Generation is stored in ``_hpc_gen``.
        """
        self._hpc_cell(line, cell)

    def _hpc_cell(self, line, cell, front=None):
        """%%hpc's work; the side panel passes its front."""
        from kernel_magics.codegen import split_request_cell
        from kernel_magics.interpolate import interpolate

        try:
            args = self.hpc.parser.parse_intermixed_args(glue_dash_values(shlex.split(line)))
        except ValueError as err:
            raise UsageError(f"cannot split the line into words: {err}") from None
        if args.out and not args.out.isidentifier():
            raise UsageError(f"-o/--out needs a variable name, not {args.out!r}")
        if args.k < 0 or args.max_repairs < 0:
            raise UsageError("-k and --max-repairs must be 0 or more")
        words, code = split_request_cell(cell)
        text = interpolate(" ".join([*args.words, words]).strip(), self.shell.user_ns)
        if not text and not code:
            raise UsageError(
                "say what you want, e.g.\n%%hpc -t 1,2\nsum an array of 10 million doubles "
                "with OpenMP\n(or put serial code under the words to parallelize it)"
            )
        self._generate_and_run(text, code, args, front)

    def _generate_and_run(self, text, code, args, front=None):
        from kernel_magics.generate import GenerationError, GenerationRequest, generate
        from kernel_magics.llm import ProviderError
        from kernel_magics.pipeline import RunRequest

        request = GenerationRequest(
            text=text,
            code=code,
            api=args.api,
            lang=args.lang,
            k=args.k,
            max_repairs=args.max_repairs,
            llm=args.llm,
        )
        front = front or CellFront(self.shell)
        try:
            generation = generate(
                request, self.settings(), front.reporter(tokens=True), self.llm_config()
            )
        except (GenerationError, ProviderError) as err:
            raise UsageError(str(err)) from None
        self.shell.user_ns["_hpc_gen"] = generation
        if args.out:
            self.shell.user_ns[args.out] = generation
        if generation.code is None:
            front.show_generation(generation, None)
            return
        if not generation.ok:
            self.last_failure = {
                "code": generation.code,
                "lang": generation.lang,
                "what": generation.failure_summary(),
                "api": generation.api,
            }
        run_request = RunRequest(
            source=generation.code,
            lang=generation.lang,
            threads=args.threads,
            ranks=args.ranks,
            cflags=args.cflags,
            ldflags=args.ldflags,
            args=args.args,
            repeat=args.repeat,
            timeout=args.timeout,
            race_check=False,
            profile=args.profile,
            explain=explain_choice(args, self.explain),
            explain_level=args.level,
            name=args.name,
            source_name="generated",
            on=args.on,  # verification runs here; the sweep where the user asked
            inputs=args.input or [],
        )
        run_cell = _run_cell_text(run_request, generation.api)
        front.show_generation(generation, run_cell)
        if args.insert:
            front.insert_cell(run_cell)
        if not args.no_run and generation.ok:
            self._execute(run_request, front=front)

    @line_magic("hpc")
    def hpc_line(self, line):
        """jupyter-hpc commands: ``%hpc search``, ``learn``, ``list``, ``run NAME``, ``help``."""
        from kernel_magics.search_front import CommandUsageError

        try:
            words = shlex.split(line)
        except ValueError as err:
            raise UsageError(f"cannot split the line into words: {err}") from None
        command = words[0] if words else "help"
        handlers = {
            "help": lambda rest: print(HPC_HELP),
            "list": lambda rest: self._list_programs(),
            "run": self._run_named,
            "search": self._search,
            "learn": self._learn,
            "models": self._models,
            "fix": self._fix,
            "explain": self._explain,
            "cluster": self._cluster,
            "submit": self._submit,
            "jobs": self._jobs,
            "job": self._job,
        }
        if command not in handlers:
            raise UsageError(f"unknown %hpc command {command!r}\n\n{HPC_HELP}")
        try:
            handlers[command](words[1:])
        except CommandUsageError as err:
            raise UsageError(str(err)) from None

    def _cluster(self, words: list[str]):
        """%hpc cluster start|status|stop (ipyparallel engines; see cluster_front)."""
        from kernel_magics.cluster_front import cluster_command

        cluster_command(words, self.settings(), print)

    def _submit(self, words: list[str], front=None):
        """%hpc submit [NAME] ...: a kept program (or the last Result) as a Slurm job."""
        from kernel_magics.cluster_front import show_job, submit_parser, submit_program
        from kernel_magics.result import Result

        args, rest = submit_parser("%hpc submit").parse_known_args(words)
        names = [w for w in rest if not w.startswith("-")]
        if len(names) != len(rest) or len(names) > 1:
            raise UsageError(
                f"unknown options {rest}\n{submit_parser('%hpc submit').format_usage()}"
            )
        if names:
            if names[0] not in self.programs:
                known = ", ".join(self.programs) or "none yet"
                raise UsageError(f"no program named {names[0]!r} (kept programs: {known})")
            kept = self.programs[names[0]]
            source, lang, name = kept.source, kept.lang, names[0]
        else:
            last = self.shell.user_ns.get("_hpc")
            if not isinstance(last, Result):
                raise UsageError(
                    "nothing to submit: run a %%hpc_run cell first, or name a program kept "
                    "with %%hpc_run --name NAME"
                )
            source, lang, name = last.source, last.lang, last.name or "cell"
        settings = self.settings()
        job = submit_program(source, lang, args, settings, name, print)
        if args.wait:
            result = show_job(job.id, True, args.wait_timeout, print)
            if result is not None:
                self._keep_job_result(result, front)

    def _jobs(self, words: list[str]):
        from kernel_magics.cluster_front import jobs_table

        if words:
            raise UsageError("usage: %hpc jobs")
        print(jobs_table())

    def _job(self, words: list[str], front=None):
        """%hpc job ID [--wait] [--cancel]: a job's state; its runs table when done."""
        from kernel_magics.cluster_front import show_job
        from kernel_magics.search_front import SubcommandParser
        from kernel_magics.slurm import cancel

        parser = SubcommandParser(prog="%hpc job", description="a Slurm job's state and results")
        parser.add_argument("id")
        parser.add_argument("--wait", action="store_true")
        parser.add_argument("--wait-timeout", type=float, default=600.0, metavar="S")
        parser.add_argument("--cancel", action="store_true")
        args = parser.parse_args(words)
        if args.cancel:
            cancel(args.id)
            print(f"[hpc] asked Slurm to cancel job {args.id}")
        result = show_job(args.id, args.wait, args.wait_timeout, print)
        if result is not None:
            self._keep_job_result(result, front)

    def _keep_job_result(self, result, front=None):
        """A finished job: each configuration's output, then the usual table and plot."""
        front = front or CellFront(self.shell)
        for run in result.runs:
            if run.stdout or run.stderr:
                front.say(f"--- {run.label} ---\n{(run.stdout + run.stderr).rstrip()}")
        self.shell.user_ns["_hpc"] = result
        front.show_result(result)

    def _models(self, words: list[str]):
        from kernel_magics.llm import provider_status

        config = self.llm_config()
        print(f"configured: {config.llm}   (change: %config HPCMagics.llm = '...' or --llm)")
        for row in provider_status(config):
            mark = "ok " if row["reachable"] else "-- "
            print(f"  {mark} {row['provider']:7s} {row['endpoint']}  ({row['note']})")

    def _fix(self, words: list[str], front=None):
        """Explain and repair the last failed %%hpc_run or %%hpc."""
        front = front or CellFront(self.shell)
        if self.last_failure is None:
            front.say("Nothing to fix: the last %%hpc_run / %%hpc cells succeeded.")
            return
        failure = self.last_failure
        parser_args = self.hpc.parser.parse_intermixed_args(glue_dash_values(words))
        text = (
            f"This program failed: {failure['what']}. Explain the cause in one or two sentences "
            "and give the complete fixed program."
        )
        parser_args.api = parser_args.api or failure["api"]
        parser_args.lang = parser_args.lang or failure["lang"]
        self._generate_and_run(text, failure["code"], parser_args, front)

    def _explain(self, words: list[str], front=None):
        """Findings and prose for the last Result (``_hpc``) or a named one, again."""
        from kernel_magics.pipeline import analyse
        from kernel_magics.result import Result
        from kernel_magics.search_front import SubcommandParser

        parser = SubcommandParser(prog="%hpc explain", description="explain a Result again")
        parser.add_argument("var", nargs="?", default="_hpc", help="a Result (default: _hpc)")
        parser.add_argument("--level", choices=("student", "expert"), default="student")
        parser.add_argument("--with", dest="writer", choices=("llm", "template"), default=None)
        args = parser.parse_args(words)
        result = self.shell.user_ns.get(args.var)
        if not isinstance(result, Result):
            raise UsageError(
                f"{args.var} holds no Result: run a %%hpc_run cell first "
                "(add --profile for per-thread and per-rank data)"
            )
        if not result.runs:
            raise UsageError(f"{args.var} has no runs to explain (did the build fail?)")
        writer = args.writer or (self.explain if self.explain != "none" else "template")
        front = front or CellFront(self.shell)
        analyse(result, writer, args.level, front.reporter(), self.llm_config(front.llm))
        front.show_analysis(result)

    def _search(self, words: list[str], front=None):
        from kernel_magics.search_front import run_search, search_parser

        front = front or CellFront(self.shell)
        args = search_parser("%hpc search").parse_args(words)
        hits = run_search(args, notice=front.reporter().stage)
        self.shell.user_ns["_hpc_hits"] = hits
        front.show_hits(hits, " ".join(args.query))
        if args.insert is not None:
            if not 1 <= args.insert <= len(hits):
                raise UsageError(f"--insert {args.insert}: there are {len(hits)} hits")
            front.insert_cell(hits[args.insert - 1].run_cell())

    def _learn(self, words: list[str]):
        from kernel_magics.display import NotebookReporter
        from kernel_magics.search_front import learn_parser, run_learn

        args = learn_parser("%hpc learn").parse_args(words)
        for line in run_learn(args, notice=NotebookReporter().stage):
            print(line)

    def _list_programs(self):
        if not self.programs:
            print("No programs kept yet: use %%hpc_run --name NAME.")
            return
        for name, request in self.programs.items():
            first = next((ln for ln in request.source.splitlines() if ln.strip()), "")
            print(f"{name}: threads={request.threads} ranks={request.ranks}  {first[:60]}")

    def _run_named(self, words: list[str]):
        if not words or words[0].startswith("-"):
            raise UsageError("usage: %hpc run NAME [options]")
        name, rest = words[0], words[1:]
        if name not in self.programs:
            known = ", ".join(self.programs) or "none yet"
            raise UsageError(f"no program named {name!r} (kept programs: {known})")
        args = self.hpc_run.parser.parse_args(glue_dash_values(rest))
        given = {
            k: v
            for k, v in vars(args).items()
            if v not in (None, False, "")
            and not (k == "repeat" and v == 1)
            and not (k == "on" and v == "local")
        }
        overrides = {
            k: v
            for k, v in given.items()
            if k in {"threads", "ranks", "repeat", "timeout", "args", "race_check", "profile", "on"}
        }
        if "input" in given:
            overrides["inputs"] = given.pop("input")
        if args.profile or args.explain:
            overrides["explain"] = explain_choice(args, self.explain)
            overrides["explain_level"] = args.level
        given.pop("explain", None)
        given.pop("level", None)
        ignored = sorted(set(given) - set(overrides) - {"out"})
        if ignored:
            raise UsageError(
                f"%hpc run cannot change {', '.join(ignored)}: edit the %%hpc_run cell instead"
            )
        request = dataclasses.replace(self.programs[name], **overrides)
        self._execute(request, args.out)


class CellFront:
    """Where the magics show progress and results: the notebook cell.

    The side panel (``kernel_magics.panel.PanelFront``) has the same methods and
    sends everything over its Comm instead: one code path for both.
    """

    llm = None  # the configured model (the panel may choose another)

    def __init__(self, shell):
        self.shell = shell

    def reporter(self, tokens: bool = False):
        from kernel_magics.display import GenerationDisplay, NotebookReporter

        return GenerationDisplay() if tokens else NotebookReporter()

    def say(self, text: str) -> None:
        print(text)

    def insert_cell(self, text: str) -> None:
        self.shell.set_next_input(text, replace=False)

    def show_result(self, result) -> None:
        from kernel_magics.display import show_result

        show_result(result)

    def show_analysis(self, result) -> None:
        from kernel_magics.display import show_analysis

        show_analysis(result)

    def show_generation(self, generation, run_cell: str | None) -> None:
        from kernel_magics.display import show_generation

        show_generation(generation)

    def show_hits(self, hits, query: str) -> None:
        from IPython.display import display

        from kernel_magics.search_front import hits_html, hits_text

        display(
            {"text/plain": hits_text(hits), "text/html": hits_html(hits, query)},
            raw=True,
            metadata={"jupyter_hpc": {"query": query, "hits": [h.id for h in hits]}},
        )


def _what_failed(result) -> str:
    """One line saying what went wrong in a Result."""
    if not result.build.ok:
        return "it does not compile:\n" + "\n".join(result.build.log.splitlines()[:20])
    for run in result.runs:
        if not run.ok:
            return f"the run with {run.label} failed: {run.error}\n{run.stderr[-600:]}"
    if result.race_check is not None and result.race_check.races:
        return "data races: " + "; ".join(r.describe() for r in result.race_check.races)
    return "it did not succeed"


def _run_cell_text(request, api: str) -> str:
    """A %%hpc_run cell that runs ``request`` again."""
    flags = []
    if request.threads:
        flags.append("-t " + ",".join(map(str, request.threads)))
    elif api in ("openmp", "hybrid"):
        flags.append("-t 1,2")
    if request.on == "cluster":  # one rank per engine: the cluster decides the count
        flags.append("--on cluster")
    elif request.ranks:
        flags.append("-n " + ",".join(map(str, request.ranks)))
    elif api in ("mpi", "hybrid"):
        flags.append("-n 1,2")
    return " ".join(["%%hpc_run", *flags]) + "\n" + request.source
