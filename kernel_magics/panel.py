"""The kernel end of the JupyterLab side panel: a Comm target that serves panel requests.

The panel (``extension/``) opens a Comm with target ``jupyter_hpc`` to the active
notebook's kernel. Every request runs through the magics registered in the shell
(the same ``HPCMagics`` instance, configuration, ``_hpc`` / ``_hpc_gen`` variables
and last failure as ``%%hpc`` and ``%%hpc_run``); only where things are shown
differs: a ``PanelFront`` sends them over the Comm instead of printing into a cell.

Messages are dicts with a ``type``. Panel -> kernel:

    hello                                     -> ready
    request  id, command, text, code, options -> started, then progress, then done
             command: generate | parallelize | run | explain | fix | search
             text: what was typed after the command (words and/or magic options)
             code: the active cell's source (parallelize, run)
             options: the panel's settings (model, threads, ranks, timeout, explain,
                      level, maxRepairs): defaults that typed options override

Kernel -> panel (all but ``ready`` carry the request ``id``):

    ready     version, model, explain, timeout, cores, max_threads, max_ranks
    started   command
    stage     text               a pipeline stage begins (retrieving, generating, ...)
    token     text               a piece of the model's reply, as it streams
    reply_end                    the model's reply is complete
    output    stream, text       live program output
    warning   text
    text      text               a plain answer (e.g. "nothing to fix")
    code      code, lang, api, ok, lines, cell, diff     generated code
    result    ok, lines, build, runs, plots, findings, explanation, interrupted
    analysis  plots, findings, explanation, notes        (/explain)
    hits      query, hits
    insert    cell               put this cell below the active cell
    error     message
    done      ok, cancelled, seconds                     always the last one

Stop: the panel interrupts the kernel (as the notebook's stop button does). The
KeyboardInterrupt ends the request, which is answered with ``done`` and
``cancelled: true``; a program that was running is killed with all its processes.
An interrupt that the pipeline absorbed (it kills a run and records it) is made
to stick: the next progress report raises it again, so no later stage starts.
"""

from __future__ import annotations

import base64
import shlex
import signal
import threading
import time
import traceback

from kernel_magics import __version__
from kernel_magics.generate import GenerationReporter

TARGET = "jupyter_hpc"
COMMANDS = ("generate", "parallelize", "run", "explain", "fix", "search")
# Requests whose options include those of %%hpc (model, repairs) and not only %%hpc_run's.
_GENERATING = ("generate", "parallelize", "fix")


class PanelError(ValueError):
    """A request the panel cannot serve as sent (the message says why)."""


def open_panel(comm, msg) -> PanelSession:
    """Comm target: called by the kernel when the panel opens a Comm."""
    from IPython import get_ipython

    session = PanelSession(comm, get_ipython())
    session.handle((msg.get("content") or {}).get("data") or {})
    return session


class PanelSession:
    """One open Comm: dispatches the panel's messages to the shell's HPCMagics."""

    def __init__(self, comm, shell):
        self.comm = comm
        self.shell = shell
        comm.on_msg(self._on_msg)

    @property
    def magics(self):
        magics = self.shell.magics_manager.registry.get("HPCMagics")
        if magics is None:
            raise PanelError("kernel_magics is not loaded: run %load_ext kernel_magics")
        return magics

    def send(self, kind: str, **fields) -> None:
        self.comm.send({"type": kind, **fields})

    def _on_msg(self, msg) -> None:
        self.handle((msg.get("content") or {}).get("data") or {})

    def handle(self, data: dict) -> None:
        kind = data.get("type")
        if kind == "hello":
            self.send("ready", **self.describe())
        elif kind == "request":
            self.serve(data)
        else:
            self.send("error", id=data.get("id"), message=f"unknown message type {kind!r}")

    def describe(self) -> dict:
        """What the panel shows about this kernel's configuration."""
        from kernel_magics.settings import Settings

        magics = self.magics
        return {
            "version": __version__,
            "model": magics.llm,
            "explain": magics.explain,
            "timeout": magics.timeout,
            "max_threads": magics.max_threads,
            "max_ranks": magics.max_ranks,
            "cores": Settings.default_parallelism(),
            "commands": list(COMMANDS),
        }

    def serve(self, data: dict) -> None:
        """Run one request; whatever happens, end with a ``done`` message."""
        request_id = str(data.get("id") or "")
        command = data.get("command") or "generate"
        options = data.get("options") or {}
        front = PanelFront(self, request_id, llm=(options.get("model") or "").strip() or None)
        started = time.perf_counter()
        self.send("started", id=request_id, command=command)
        previous = _catch_interrupts(front)
        cancelled = False
        try:
            if command not in COMMANDS:
                raise PanelError(f"unknown command /{command} (try /help)")
            handler = getattr(self, "_" + command)
            handler(front, data.get("text") or "", data.get("code"), options)
        except KeyboardInterrupt:
            cancelled = True
        except Exception as err:  # every failure becomes a short message, never a dead kernel
            front.error(_error_text(err), details=_details(err))
        finally:
            _restore_interrupts(previous)
            self.send(
                "done",
                id=request_id,
                ok=front.ok and not (cancelled or front.cancelled),
                cancelled=cancelled or front.cancelled,
                seconds=round(time.perf_counter() - started, 3),
            )

    # ------------------------------------------------------------------ commands

    def _generate(self, front, text, code, options) -> None:
        words = _words(text)
        if not words:
            raise PanelError("say what the program should do, e.g. /generate sum an array")
        argv = _defaults(options, _api(words, None), generating=True) + words
        self.magics._hpc_cell(shlex.join(argv), "", front=front)

    def _parallelize(self, front, text, code, options) -> None:
        source, _, _ = _cell_code(code, "parallelize")
        words = _words(text)
        argv = _defaults(options, _api(words, source), generating=True) + words
        # A fenced block is taken as code whole (comments included) by %%hpc.
        self.magics._hpc_cell(shlex.join(argv), f"```\n{source}\n```", front=front)

    def _run(self, front, text, code, options) -> None:
        from kernel_magics.source import analyse_source

        source, magic_line, offset = _cell_code(code, "run")
        try:
            api = analyse_source(source).api
        except ValueError:
            api = "serial"
        argv = _defaults(options, api, generating=False) + _words(magic_line) + _words(text)
        self.magics._run_cell(shlex.join(argv), source, front=front, line_offset=offset)

    def _explain(self, front, text, code, options) -> None:
        argv = []
        if options.get("level") in ("student", "expert"):
            argv += ["--level", options["level"]]
        if options.get("explain") in ("llm", "template"):
            argv += ["--with", options["explain"]]
        self.magics._explain(argv + _words(text), front=front)

    def _fix(self, front, text, code, options) -> None:
        failure = self.magics.last_failure
        api = failure["api"] if failure else "openmp"
        self.magics._fix(_defaults(options, api, generating=True) + _words(text), front=front)

    def _search(self, front, text, code, options) -> None:
        words = _words(text)
        if not words:
            raise PanelError("say what to look for, e.g. /search exchange ghost cells")
        self.magics._search(words, front=front)


class PanelReporter(GenerationReporter):
    """Pipeline progress as Comm messages; raises again an interrupt the pipeline absorbed."""

    def __init__(self, front: PanelFront):
        self.front = front

    def stage(self, message: str) -> None:
        self.front.check_cancel()
        self.front.send("stage", text=message)

    def output(self, stream: str, text: str) -> None:
        self.front.send("output", stream=stream, text=text)

    def warning(self, message: str) -> None:
        self.front.send("warning", text=message)

    def token(self, text: str) -> None:
        self.front.check_cancel()
        self.front.send("token", text=text)

    def end_of_reply(self) -> None:
        self.front.send("reply_end")


class PanelFront:
    """Where the magics show things when the panel asked: messages over the Comm.

    Has the methods of ``magics.CellFront``; ``llm`` is the panel's model setting.
    """

    def __init__(self, session: PanelSession, request_id: str, llm: str | None = None):
        self.session = session
        self.id = request_id
        self.llm = llm
        self.ok = True  # False once a failure was shown
        self.cancelled = False  # set by the SIGINT handler while the request runs
        self._reporter = PanelReporter(self)

    def send(self, kind: str, **fields) -> None:
        self.session.send(kind, id=self.id, **fields)

    def check_cancel(self) -> None:
        if self.cancelled:
            raise KeyboardInterrupt

    def error(self, message: str, details: str = "") -> None:
        self.ok = False
        self.send("error", message=message, **({"details": details} if details else {}))

    # the CellFront methods

    def reporter(self, tokens: bool = False) -> PanelReporter:
        return self._reporter

    def say(self, text: str) -> None:
        self.send("text", text=text)

    def insert_cell(self, text: str) -> None:
        self.send("insert", cell=text)

    def show_result(self, result) -> None:
        self.ok = self.ok and result.ok
        if any(run.interrupted for run in result.runs):
            self.cancelled = True
        self.send("result", **result_message(result))

    def show_analysis(self, result) -> None:
        self.send("analysis", **analysis_message(result))

    def show_generation(self, generation, run_cell: str | None) -> None:
        from kernel_magics.display import generation_lines

        self.ok = self.ok and generation.ok
        if generation.code is None:
            self.send("text", text="\n".join(_plain(generation_lines(generation))))
            return
        self.send(
            "code",
            code=generation.code,
            lang=generation.lang,
            api=generation.api,
            ok=generation.ok,
            lines=_plain(generation_lines(generation)),
            cell=run_cell,
            diff=_diff(generation.request.code, generation.code),
        )

    def show_hits(self, hits, query: str) -> None:
        self.send(
            "hits",
            query=query,
            hits=[
                {
                    "id": hit.id,
                    "title": hit.title,
                    "score": round(float(hit.score), 3),
                    "api": hit.api,
                    "lang": hit.lang,
                    "source": hit.source,
                    "code": hit.code,
                    "cell": hit.run_cell(),
                }
                for hit in hits
            ],
        )


# ---------------------------------------------------------------------- messages


def _png(data: bytes | None, title: str) -> list[dict]:
    return [{"title": title, "png": base64.b64encode(data).decode("ascii")}] if data else []


def result_message(result) -> dict:
    """A Result as the panel shows it: lines, runs table, plots, findings, prose."""
    from kernel_magics.display import summary_lines
    from kernel_magics.measure import speedup_plot_png

    build = result.build
    message = {
        "ok": result.ok,
        "api": result.api,
        "lang": result.lang,
        "mpi": any(run.mpi for run in result.runs),
        "build": {
            "ok": build.ok,
            "command": build.command_line,
            "log": build.log,
            "cache_hit": build.cache_hit,
        },
        "lines": _plain(summary_lines(result)),
        "runs": [],
        "interrupted": any(run.interrupted for run in result.runs),
        "plots": [],
    }
    if build.ok and result.runs:
        labels = {(run.threads, run.ranks): run.label for run in result.runs}
        message["runs"] = [
            {**row, "label": labels[(row["threads"], row["ranks"])]}
            for row in result.scaling_rows()
        ]
        message["plots"] = _png(speedup_plot_png(result.runs), "Speedup")
    if result.findings or result.explanation or result.profile:
        analysis = analysis_message(result)
        message["plots"] += analysis.pop("plots")
        message.update(analysis)
    return message


def analysis_message(result) -> dict:
    """Findings, prose and the charts of ``display.show_analysis``."""
    from kernel_magics.charts import efficiency_plot_png, profile_bars_png

    plots = _png(efficiency_plot_png(result.runs), "Parallel efficiency")
    profiled = [run for run in result.runs if run.profile is not None]
    if profiled:
        widest = max(profiled, key=lambda run: (run.workers, run.threads))
        plots += _png(profile_bars_png(widest.profile), f"Time per worker ({widest.label})")
    return {
        "plots": plots,
        "notes": sorted({note for profile in result.profile for note in profile.notes}),
        "findings": [finding.to_dict() for finding in result.findings],
        "explanation": result.explanation.to_dict() if result.explanation else None,
    }


def _plain(lines: list[str]) -> list[str]:
    """Lines without the "[hpc]" mark that tells the tool's lines from a program's in a cell."""
    from kernel_magics.display import PREFIX

    return [line.removeprefix(PREFIX + " ") for line in lines]


def _diff(before: str | None, after: str) -> str | None:
    if not before:
        return None
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(), after.splitlines(), "your code", "parallel version", lineterm="", n=1
    )
    return "\n".join(lines) or None


# ---------------------------------------------------------------------- helpers


def _words(text: str | None) -> list[str]:
    """Shell-like words; an apostrophe in plain English ("don't") is just a letter."""
    text = (text or "").strip()
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


def _api(words: list[str], code: str | None) -> str:
    """The kind of program a generating request will produce (decides which sweep
    defaults apply: thread counts to OpenMP, rank counts to MPI)."""
    from kernel_magics.generate import infer_api

    for i, word in enumerate(words):
        if word.startswith("--api="):
            return word.split("=", 1)[1]
        if word == "--api" and i + 1 < len(words):
            return words[i + 1]
    return infer_api(" ".join(w for w in words if not w.startswith("-")), code)


def _defaults(options: dict, api: str, generating: bool) -> list[str]:
    """The panel's settings as magic options (typed options come later and win).

    Empty thread / rank lists mean 1 and all cores, so that every answer comes with
    a speedup; they apply to programs of the matching kind only (``-n`` is refused
    for a program without MPI).
    """
    from kernel_magics.settings import Settings

    cores = Settings.default_parallelism()
    sweep = sorted({1, cores})
    argv: list[str] = []
    if api in ("openmp", "hybrid"):
        argv += ["-t", ",".join(str(n) for n in (options.get("threads") or sweep))]
    if api in ("mpi", "hybrid"):
        argv += ["-n", ",".join(str(n) for n in (options.get("ranks") or sweep))]
    if options.get("timeout"):
        argv += ["--timeout", f"{float(options['timeout']):g}"]
    if options.get("explain") in ("llm", "template", "none"):
        argv += ["--explain", options["explain"]]
    if options.get("level") in ("student", "expert"):
        argv += ["--level", options["level"]]
    if generating:
        if (options.get("model") or "").strip():
            argv += ["--llm", options["model"].strip()]
        if options.get("maxRepairs") is not None:
            argv += ["--max-repairs", str(int(options["maxRepairs"]))]
    return argv


def _cell_code(code: str | None, command: str) -> tuple[str, str, int]:
    """The active cell's program, the options on its %%hpc_run line, and the line offset."""
    code = code or ""
    if not code.strip():
        raise PanelError(
            f"/{command} works on the active notebook cell: click a code cell holding a C or "
            "C++ program first"
        )
    first, _, rest = code.partition("\n")
    if first.startswith("%%"):
        magic, _, line = first[2:].partition(" ")
        if magic == "hpc":
            raise PanelError(
                "the active cell is a %%hpc request, not a program: run the cell, or send its "
                "words here (plain words are a /generate request)"
            )
        if magic != "hpc_run":
            raise PanelError(f"the active cell is a %%{magic} cell, not a C or C++ program")
        if not rest.strip():
            raise PanelError("the active cell has no code below its %%hpc_run line")
        return rest, line, 1
    return code, "", 0


def _catch_interrupts(front: PanelFront):
    """While a request runs, an interrupt also marks it cancelled (see PanelReporter)."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupted(signum, frame):
        front.cancelled = True
        raise KeyboardInterrupt

    return signal.signal(signal.SIGINT, interrupted)


def _restore_interrupts(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGINT, previous)


def _user_caused(err: Exception) -> bool:
    from IPython.core.error import UsageError

    from kernel_magics.search_front import CommandUsageError

    return isinstance(err, (UsageError, CommandUsageError, PanelError))


def _error_text(err: Exception) -> str:
    if _user_caused(err):
        return str(err)
    return f"the request failed: {type(err).__name__}: {err}"


def _details(err: Exception) -> str:
    """A traceback for bug reports, only for errors the user did not cause."""
    if _user_caused(err):
        return ""
    return "".join(traceback.format_exception(type(err), err, err.__traceback__))
