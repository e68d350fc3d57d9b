"""The findings in prose: by a language model whose numbers are checked, or by a template.

The model sees only the findings. Its text is accepted when every number in it
is one of the findings' numbers (or a rounding of one); otherwise it is asked
once more with the invented numbers named, and after that the template's text
is used. The template writer needs no model, so explanations always work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kernel_magics.findings import Finding
from kernel_magics.reporter import Reporter

LEVELS = ("student", "expert")
WRITERS = ("llm", "template")
MAX_WORDS = 120
MAX_REPLY_CHUNKS = 400  # streamed tokens; a reply this long has lost its way: stop it
ALWAYS_ALLOWED = (0.0, 1.0, 100.0)  # "1 thread", "100% efficiency" as the ideal

# A number not glued to a word or identifier (MPI_Send2, O2, x86_64 are not numbers).
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)(?!\d)")


@dataclass
class Explanation:
    """Prose about a Result's findings, and how it was written."""

    text: str
    writer: str  # "llm" or "template"
    level: str = "student"
    model: str | None = None
    rejected: list[list[str]] = field(default_factory=list)  # invented numbers per rejected draft
    note: str = ""  # e.g. why the template was used
    drafts: list[str] = field(default_factory=list)  # the rejected drafts' text

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "writer": self.writer,
            "level": self.level,
            "model": self.model,
            "rejected": self.rejected,
            "note": self.note,
            "drafts": self.drafts,
        }


# --------------------------------------------------------------------------- number check


def numbers_in(text: str) -> list[tuple[str, float, int]]:
    """Every number written in ``text``: (as written, value, decimals)."""
    found = []
    for match in _NUMBER.finditer(text):
        written = match.group(1)
        plain = written.replace(",", "")
        decimals = len(plain.split(".")[1]) if "." in plain else 0
        found.append((written, float(plain), decimals))
    return found


def allowed_numbers(findings: list[Finding]) -> set[float]:
    """The numbers the prose may use: everything the findings state."""
    allowed = set(ALWAYS_ALLOWED)
    for finding in findings:
        values = list(finding.numbers.values())
        if finding.value is not None:
            values.append(finding.value)
        for value in values:
            allowed |= {float(value), float(value) * 100}
        for text in (finding.message, finding.suggestion):
            allowed |= {value for _, value, _ in numbers_in(text)}
    return allowed


def invented_numbers(text: str, findings: list[Finding]) -> list[str]:
    """Numbers in ``text`` that are not in the findings (a rounding of one is fine)."""
    allowed = allowed_numbers(findings)
    invented = []
    for written, value, decimals in numbers_in(text):
        tolerance = 0.5 * 10**-decimals + 1e-9
        if not any(abs(value - a) <= tolerance for a in allowed):
            invented.append(written)
    return invented


# --------------------------------------------------------------------------- template


_TERMS = (
    "Speedup is the time of the least parallel run divided by the time of this run; "
    "parallel efficiency is the speedup divided by the number of workers, so 100% means "
    "every added core did useful work."
)


def template_explanation(findings: list[Finding], level: str = "student") -> Explanation:
    """Two paragraphs built from the findings alone (no model)."""
    level = _check_level(level)
    first: list[str] = []
    speedups = [f for f in findings if f.kind == "speedup"]
    if speedups:
        best = max(speedups, key=lambda f: f.value or 0)
        first.append(_sentence(best.message))
        others = [f for f in speedups if f is not best]
        if others and level == "expert":
            first += [_sentence(f.message) for f in others]
        if level == "student":
            first.append(_TERMS)
    for kind in ("serial_fraction", "mpi_time_share", "load_imbalance", "barrier_wait_share"):
        first += [_sentence(f.message) for f in findings if f.kind == kind and f.severity == "info"]
    if not first:
        first.append("There is a single configuration, so there is no speedup to report.")
    warnings = [f for f in findings if f.severity == "warning" and f.kind != "speedup"]
    warnings.sort(key=_priority)
    second: list[str] = []
    for finding in warnings[: 3 if level == "student" else 5]:
        second.append(_sentence(finding.message))
        if finding.suggestion:
            second.append("To try: " + _sentence(finding.suggestion))
    if not second:
        second.append(
            "No problem stood out in these measurements. To learn more, sweep more thread or "
            "rank counts and run with --profile."
        )
    text = " ".join(first) + "\n\n" + " ".join(second)
    return Explanation(text=text, writer="template", level=level)


_ORDER = (
    "failed_runs",
    "oversubscription",
    "too_little_work",
    "load_imbalance",
    "rank_imbalance",
    "mpi_time_share",
    "serial_fraction",
    "barrier_wait_share",
    "karp_flatt",
    "bytes_moved",
)


def _priority(finding: Finding) -> int:
    return _ORDER.index(finding.kind) if finding.kind in _ORDER else len(_ORDER)


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:] if text else text
    return text if text.endswith((".", "!", "?")) else text + "."


def _check_level(level: str) -> str:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}: use {' or '.join(LEVELS)}")
    return level


# --------------------------------------------------------------------------- language model


SYSTEM = (
    "You explain measurements of a parallel C/C++ program (OpenMP and/or MPI) to {audience}. "
    "Write one or two short paragraphs, at most {words} words, plain prose without headings, "
    "lists or code blocks. Use only the facts and numbers given in FINDINGS, written exactly as "
    "there; do not compute, estimate or add any other number (no other thread counts, chunk "
    "sizes or percentages). Say what limits the speed and the one or two concrete changes to "
    "try first, taken from the suggestions."
)
AUDIENCE = {
    "student": "a student who is learning parallel programming (explain the terms you use)",
    "expert": "an experienced HPC developer (be brief and technical)",
}


def findings_prompt(findings: list[Finding], words: int = MAX_WORDS) -> str:
    """The findings as the model sees them, and the form of the answer (small models
    follow the last instruction best)."""
    lines = ["FINDINGS:"]
    for finding in findings:
        line = f"- [{finding.kind}] {_sentence(finding.message)}"
        if finding.suggestion:
            line += f" Suggestion: {_sentence(finding.suggestion)}"
        lines.append(line)
    lines.append(
        f"\nExplain these findings in one or two paragraphs of plain text, at most {words} "
        "words: no headings, no lists, no numbers that are not in FINDINGS."
    )
    return "\n".join(lines)


def llm_explanation(
    findings: list[Finding],
    level: str = "student",
    *,
    model=None,
    config=None,
    llm: str | None = None,
    reporter: Reporter | None = None,
) -> Explanation:
    """Prose by the language model, checked for invented numbers; the template if it fails.

    ``model`` is a langchain chat model (tests pass one); otherwise the configured
    provider is used (``llm`` overrides ``config.llm``).
    """
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    from kernel_magics.llm import LLMConfig, ProviderError, chat_model, model_id, parse_spec

    level = _check_level(level)
    reporter = reporter or Reporter()
    config = config or LLMConfig()
    try:
        spec = parse_spec(llm or config.llm, config)
        name = model_id(spec) if model is None else type(model).__name__
        if model is None:
            model = chat_model(spec, config, progress=reporter.stage)
    except ProviderError as err:
        return _fallback(findings, level, f"the language model is not available ({err})")
    messages = [
        SystemMessage(SYSTEM.format(audience=AUDIENCE[level], words=MAX_WORDS)),
        HumanMessage(findings_prompt(findings)),
    ]
    rejected: list[list[str]] = []
    drafts: list[str] = []
    for attempt in range(2):
        reporter.stage("explaining: the model writes" + (" (again)" if attempt else ""))
        try:
            reply, cut = _stream(model, messages, reporter)
            text = _clean(reply, cut)
        except KeyboardInterrupt:
            raise
        except Exception as err:  # an unreachable or broken provider: the template still works
            return _fallback(findings, level, f"the language model failed ({err})", name)
        invented = invented_numbers(text, findings)
        if text and not invented:
            return Explanation(text, "llm", level, model=name, rejected=rejected, drafts=drafts)
        rejected.append(invented)
        drafts.append(text)
        reporter.stage(
            "draft rejected: it used numbers that are not in the findings ("
            + (", ".join(invented) or "no text")
            + ")"
        )
        messages += [
            AIMessage(text),
            HumanMessage(
                "Your text used numbers that are not in FINDINGS: "
                + ", ".join(invented or ["(no text)"])
                + ". Rewrite it using only numbers that appear in FINDINGS."
            ),
        ]
    explanation = _fallback(
        findings, level, "the model's drafts used numbers not in the findings", name
    )
    explanation.rejected = rejected
    explanation.drafts = drafts
    return explanation


def _stream(model, messages, reporter) -> tuple[str, bool]:
    """The reply (streamed to the reporter when it shows tokens) and whether it was cut
    because it ran on."""
    show = getattr(reporter, "token", None)
    parts: list[str] = []
    for chunk in model.stream(messages):
        text = chunk.content if isinstance(chunk.content, str) else ""
        if text:
            parts.append(text)
            if show:
                show(text)
        if len(parts) >= MAX_REPLY_CHUNKS:
            break
    end = getattr(reporter, "end_of_reply", None)
    if end and show:
        end()
    return "".join(parts), len(parts) >= MAX_REPLY_CHUNKS


def _clean(text: str, cut: bool = False) -> str:
    """Plain prose out of a reply: no code, headings, list markers or emphasis.

    List numbers ("1.", "2.") are layout, not measurements, so they must not reach
    the number check. A reply cut at the length limit ends at its last full sentence.
    """
    text = re.sub(r"```.*?(```|$)", "", text, flags=re.S)  # no code in explanations
    text = re.sub(r"^\s*#+\s*.*$", "", text, flags=re.M)  # headings
    text = re.sub(r"^\s*(?:\d+[.)]|[-*+])\s+", "", text, flags=re.M)  # list markers
    text = text.replace("**", "").replace("__", "")
    if cut and "." in text:
        text = text[: text.rfind(".") + 1]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _fallback(findings, level, note, model=None) -> Explanation:
    explanation = template_explanation(findings, level)
    explanation.note = note + "; the template's text is shown"
    explanation.model = model
    return explanation


def explain(
    findings: list[Finding],
    writer: str = "llm",
    level: str = "student",
    **llm_options,
) -> Explanation:
    """Prose for ``findings`` by ``writer`` ("llm" or "template")."""
    if writer not in WRITERS:
        raise ValueError(f"unknown explanation writer {writer!r}: use llm or template")
    if writer == "template":
        return template_explanation(findings, level)
    return llm_explanation(findings, level, **llm_options)
