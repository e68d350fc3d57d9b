"""Getting code out of a model's reply, and splitting a request cell into words and code."""

from __future__ import annotations

import re

_FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+\-]*)[^\n]*\n(.*?)(?:```|\Z)", re.DOTALL)
_CODE_LANGS = {"", "c", "cpp", "c++", "cc", "cxx", "h", "hpp"}
_CODE_LINE = re.compile(
    r"^\s*(#\s*(include|pragma|define|ifdef|ifndef|if|endif)\b|"
    r"(static\s+|inline\s+|const\s+|unsigned\s+)*(int|void|double|float|long|char|size_t|bool|"
    r"auto|std::\w+|struct\s+\w+)\s*[\w\*&]+.*[({;]\s*$|"
    r"for\s*\(|while\s*\(|do\s*\{|\}|.*;\s*$)"
)


def extract_code(reply: str) -> str | None:
    """The program in a reply: the largest C/C++ fenced block, or the reply if it is code."""
    blocks = [
        body
        for lang, body in _FENCE.findall(reply)
        if lang.lower() in _CODE_LANGS and ("{" in body or "#include" in body)
    ]
    if blocks:
        return max(blocks, key=len).strip() + "\n"
    stripped = reply.strip()
    if "#include" in stripped and "main" in stripped and "{" in stripped:
        return stripped + "\n"
    return None


def defines_main(code: str) -> bool:
    return re.search(r"\bint\s+main\s*\(", code) is not None


def function_definition(code: str, entry: str) -> re.Match | None:
    """Where ``entry`` is defined in ``code``: from its name to the ``{`` that opens
    its body (the match ends just past it); None when there is no definition.

    Comments, strings and preprocessor lines are not searched (the match is made on
    a copy of ``code`` with them blanked, so its positions hold in ``code``)."""
    from retrieval.chunking import blank_comments_and_strings

    return _definition_in(blank_comments_and_strings(code), entry)


def _definition_in(masked: str, entry: str) -> re.Match | None:
    name = re.escape(entry)
    definition = re.compile(rf"\b{name}\s*\([^;{{}}]*\)\s*(const\s*)?(noexcept\s*)?\{{", re.S)
    return definition.search(masked)


def function_body(code: str, entry: str) -> str | None:
    """The body of ``entry``'s definition in ``code``, from its ``{`` to the matching
    ``}`` (the rest of the code when the braces do not close); None when ``entry`` is
    not defined. Prototypes and calls above the definition are skipped, and braces in
    comments and strings are not counted."""
    from retrieval.chunking import blank_comments_and_strings, matching_brace

    masked = blank_comments_and_strings(code)
    match = _definition_in(masked, entry)
    if match is None:
        return None
    opening = match.end() - 1
    return code[opening : matching_brace(masked, opening) + 1]


def entry_problem(code: str, entry: str) -> str | None:
    """Why ``code`` does not provide the function ``entry`` a caller will link to, or None.

    A definition is the name, its parameters and a body; ``static`` hides it from
    the caller's object file.
    """
    match = function_definition(code, entry)
    if match is None:
        return (
            f"the program does not define the function `{entry}` that the request asks for "
            "(use exactly the requested name and signature, at file scope)"
        )
    line_start = code.rfind("\n", 0, match.start()) + 1
    if re.search(r"\bstatic\b", code[line_start : match.start()]):
        return f"`{entry}` is declared static, so other files cannot call it: remove `static`"
    return None


def remove_main(code: str) -> str:
    """The program without its ``main`` function (what a function-only answer is)."""
    from retrieval.chunking import split_source

    mains = [c for c in split_source(code, "c") if c.kind == "function" and c.name == "main"]
    if not mains:
        return code
    lines = code.splitlines()
    first, last = mains[0].start, mains[0].end
    return "\n".join(lines[: first - 1] + lines[last:]).rstrip() + "\n"


def split_request_cell(cell: str) -> tuple[str, str | None]:
    """A ``%%hpc`` cell's text -> (request words, code or None).

    Code is what is inside ``` fences, or else everything from the first line
    that looks like C/C++ (an #include, a declaration, a loop, a line ending in ;).
    """
    fenced = _FENCE.search(cell)
    if fenced:
        words = (cell[: fenced.start()] + " " + cell[fenced.end() :]).strip()
        return " ".join(words.split()), fenced.group(2).strip() + "\n"
    lines = cell.splitlines()
    for i, line in enumerate(lines):
        if _CODE_LINE.match(line):
            words = " ".join(" ".join(lines[:i]).split())
            code = "\n".join(lines[i:]).strip()
            return words, (code + "\n") if code else None
    return " ".join(cell.split()), None
