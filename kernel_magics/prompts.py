"""What the language model is told: rules, verified examples, the user's code, repair feedback.

Prompts are langchain ``ChatPromptTemplate``s, so any chat model (local,
OpenAI-compatible, Ollama) gets the same messages.
"""

from __future__ import annotations

import hashlib
import json
import re

API_WORDS = {
    "openmp": "a program parallelized with OpenMP (#pragma omp), compiled with -fopenmp",
    "mpi": "an MPI program (#include <mpi.h>), compiled with mpicc/mpicxx, run with mpirun",
    "hybrid": "an MPI + OpenMP program (MPI_Init_thread), compiled with mpicc -fopenmp",
    "serial": "a plain serial program, no OpenMP or MPI",
}

# The system message is the same for every request, so llama.cpp's prompt cache keeps
# it: only the request-specific part (examples, code, words) is processed each time.
# On a CPU that part costs ~20 ms per token before the first token appears, so
# everything that does not depend on the request lives here.
RULES = """You are an HPC expert who writes correct, fast, idiomatic parallel C and C++ code.
Rules:
- Reply with ONE code block and nothing else.
- A program must compile without warnings and run without input or arguments.
- The thread or rank count comes from the environment (OMP_NUM_THREADS or mpirun -np);
  never hard-code it, and the code must work for any count including 1.
- Allocate large arrays with malloc/new (never big arrays on the stack); free them.
- Make the problem big enough to time (about 0.1-1 s) but never read files or stdin.
- Print the result(s) with printf/std::cout; results must not depend on the thread or
  rank count (use reductions; avoid races: no unsynchronised writes to shared data).
- Where cheap, compare with a serial computation in the same program and print PASS or FAIL.
- When the request names a function to write: write only that function, exactly as
  requested (same name and signature, not static), with the #includes and helper
  functions it needs, and no main(): the tool writes the program that tests it."""

TASK = """Write {language}: {api_words}. Reply in a ```{fence} block.{entry_rule}"""

ENTRY_RULE = """
Write only the function `{entry}` (no main())."""

EXAMPLES_HEADER = """Verified examples (they compile, run correctly and are race-free): a guide
to correct API usage; do not copy what is not needed."""

REPAIR = """The code you wrote failed verification.
What failed: {what}
{log}
{examples}Fix the problem and reply with the complete corrected {kind}
in one ```{fence} code block."""

FRESH_START = """

Note: an earlier answer to this request was wrong. {what}
Write a new answer that avoids this."""

MAX_EXAMPLE_LINES = 20
MAX_LOG_LINES = 40


def _fence(lang: str) -> str:
    return "cpp" if lang == "c++" else "c"


_KEY_LINE = re.compile(r"#\s*pragma|\bMPI_\w+\s*\(|\bomp_\w+\s*\(")
MAX_USAGE_LINES = 12
# every MPI program has these; a function answer must not call them
_BOILERPLATE = re.compile(r"#\s*include|MPI_Init|MPI_Finalize")


def compact_example(code: str) -> str:
    """A snippet without blank lines and multi-line comments (one-line comments stay:
    they say why): every prompt token costs time on a CPU."""
    code = re.sub(r"/\*(?:[^*]|\*(?!/))*\n(?:[^*]|\*(?!/))*\*/\n?", "", code)
    return "\n".join(ln.rstrip() for ln in code.splitlines() if ln.strip())


def usage_lines(code: str, max_lines: int = MAX_USAGE_LINES) -> list[str]:
    """The parallel constructs of a snippet (pragmas, whole MPI and omp statements).

    A long example is shown this way rather than cut short: a 1.5B model copies an
    abridged program, gaps included, as its answer (seen in eval).
    """
    lines = compact_example(code).splitlines()
    found: list[str] = []
    i = 0
    while i < len(lines) and len(found) < max_lines:
        line = lines[i].strip()
        i += 1
        if not _KEY_LINE.search(line) or _BOILERPLATE.search(line):
            continue
        statement = line
        # an MPI call spread over several lines: join it up to its semicolon
        while not line.startswith("#") and ";" not in statement and i < len(lines):
            statement += " " + lines[i].strip()
            i += 1
        statement = re.sub(r"\s*//.*$", "", statement) if "MPI_" in statement else statement
        if statement not in found:
            found.append(statement)
    return found


def format_examples(hits) -> str:
    """Retrieved snippets as prompt text: whole when short, else their parallel constructs."""
    blocks = []
    for hit in hits:
        code = compact_example(hit.code)
        if len(code.splitlines()) <= MAX_EXAMPLE_LINES:
            blocks.append(f"### {hit.title}\n```{_fence(hit.lang)}\n{code}\n```")
            continue
        usage = usage_lines(hit.code)
        if usage:
            listed = "\n".join(f"- `{line}`" for line in usage)
            blocks.append(
                f"### {hit.title} (its parallel constructs, not a whole program)\n{listed}"
            )
    if not blocks:
        return ""
    return EXAMPLES_HEADER + "\n\n" + "\n\n".join(blocks)


def build_messages(
    request: str,
    api: str,
    lang: str,
    hits=(),
    user_code: str | None = None,
    entry: str | None = None,
) -> list:
    """The chat messages for a first attempt (a langchain ChatPromptTemplate, filled in)."""
    from langchain_core.prompts import ChatPromptTemplate

    language = "C++" if lang == "c++" else "C"
    human_parts = []
    examples = format_examples(hits) if hits else ""
    if examples:
        human_parts.append("{examples}")
    if user_code:
        human_parts.append(f"My code:\n```{_fence(lang)}\n{{user_code}}\n```")
    human_parts.append(TASK)
    human_parts.append("Request: {request}")
    template = ChatPromptTemplate.from_messages(
        [("system", RULES), ("human", "\n\n".join(human_parts))]
    )
    return template.format_messages(
        language=language,
        fence=_fence(lang),
        api_words=API_WORDS.get(api, API_WORDS["openmp"]),
        entry_rule=ENTRY_RULE.format(entry=entry) if entry else "",
        examples=examples,
        user_code=user_code or "",
        request=request,
    )


def shorten_log(text: str, max_lines: int = MAX_LOG_LINES) -> str:
    """The first lines of a log (compiler errors: the first ones matter most)."""
    lines = text.strip().splitlines()
    if len(lines) > max_lines:
        lines = lines[:max_lines] + [f"... ({len(lines) - max_lines} more lines)"]
    return "\n".join(lines)


def repair_messages(
    history: list,
    reply: str,
    what: str,
    log: str,
    lang: str,
    entry: str | None = None,
    examples: str = "",
) -> list:
    """The conversation so far plus the model's reply, what went wrong with it and,
    in the first repair, the verified examples (``format_examples``)."""
    from langchain_core.messages import AIMessage, HumanMessage

    feedback = REPAIR.format(
        what=what,
        log=f"Log:\n{shorten_log(log)}" if log.strip() else "",
        fence=_fence(lang),
        kind=f"function `{entry}` (no main())" if entry else "program",
        examples=f"{examples}\n\n" if examples else "",
    )
    return [*history, AIMessage(content=reply), HumanMessage(content=feedback)]


def fresh_start_messages(first: list, what: str, max_chars: int = 600) -> list:
    """The first prompt again, its request followed by a note on what was wrong with an
    earlier answer: a start without the failed code, which a small model tends to copy."""
    from langchain_core.messages import HumanMessage

    what = what if len(what) <= max_chars else what[: max_chars - 3] + "..."
    note = FRESH_START.format(what=what[:1].upper() + what[1:].rstrip(".") + ".")
    return [*first[:-1], HumanMessage(content=first[-1].content + note)]


def prompt_hash(messages: list) -> str:
    """A short hash of the exact prompt (for provenance)."""
    payload = json.dumps([(m.type, m.content) for m in messages])
    return hashlib.sha256(payload.encode()).hexdigest()[:16]
