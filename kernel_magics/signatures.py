"""Does the answer's function have the signature the request asked for?

A request often states the exact declaration ("a C function
`double dot(const double *x, const double *y, long n)`"): the caller's code is
written against it. An answer that changes a type (``int n`` for ``long n``,
``double *`` for ``const std::vector<double>&``) may still compile on its own,
but it no longer links with, or silently misreads the arguments of, that caller.
Types are compared after normalising spelling (spaces, parameter names,
``long int`` / ``long``, ``x[]`` / ``*x``, ``restrict``).
"""

from __future__ import annotations

import re

from kernel_magics.harness import split_params

_QUALIFIERS = re.compile(r"\b(restrict|__restrict__|__restrict|register|extern|static|inline)\b")
_SYNONYMS = [
    (re.compile(r"\blong\s+int\b"), "long"),
    (re.compile(r"\blong\s+long\s+int\b"), "long long"),
    (re.compile(r"\bunsigned\s+int\b"), "unsigned"),
    (re.compile(r"\bsigned\s+int\b|\bsigned\b(?!\s+(char|long|short))"), "int"),
    (re.compile(r"\bstd::size_t\b"), "size_t"),
]
_TYPE_WORDS = {
    "const",
    "unsigned",
    "signed",
    "long",
    "short",
    "int",
    "char",
    "float",
    "double",
    "void",
    "bool",
    "struct",
}


def _type_of(declaration: str) -> str:
    """The type of one parameter declaration, its name removed, spelled one way."""
    text = _QUALIFIERS.sub(" ", declaration)
    text = re.sub(r"\s*=.*$", "", text)  # a default argument
    if "(" in text:  # a function pointer: double (*f)(double x)
        text = re.sub(r"\(\s*\*\s*\w+\s*\)", "(*)", text, count=1)
        head, _, args = text.partition("(*)")
        inner = args.strip()[1:-1] if args.strip().startswith("(") else args
        return f"{_spelled(head)}(*)({','.join(_type_of(a) for a in split_params(inner))})"
    arrays = len(re.findall(r"\[[^\]]*\]", text))
    text = re.sub(r"\[[^\]]*\]", "", text) + " *" * arrays
    words = re.findall(r"[A-Za-z_][\w:]*(?:\s*<[^>]*>)?|[*&]", text)
    # the parameter's name: the last identifier that is not a type word, when a type
    # comes before it (`MPI_Comm` alone is a type, `MPI_Comm comm` a type and a name)
    identifiers = [i for i, w in enumerate(words) if w not in "*&" and w not in _TYPE_WORDS]
    if len(identifiers) >= 2 or (
        identifiers and any(w in _TYPE_WORDS for w in words[: identifiers[-1]])
    ):
        del words[identifiers[-1]]
    return _spelled(" ".join(words))


def _spelled(type_text: str) -> str:
    text = " ".join(type_text.split())
    for pattern, replacement in _SYNONYMS:
        text = pattern.sub(replacement, text)
    # "double const" -> "const double" (before any * or &)
    text = re.sub(r"^([\w:<> ]+?)\s+const\b", r"const \1", text)
    text = re.sub(r"\s*([*&<>,])\s*", r"\1", text)
    return " ".join(text.split())


_NOT_TYPES = {"return", "else", "case", "do", "goto", "sizeof", "new", "delete", "throw"}


def declared_signature(
    code: str, entry: str, definition: bool = True
) -> tuple[str, list[str]] | None:
    """(return type, parameter types) of ``entry`` as declared or defined in ``code``.

    With ``definition``, only a definition or prototype counts (not a call).
    """
    head = rf"([\w:<>,\*&\s]*?)\b{re.escape(entry)}\s*\(((?:[^()]|\([^()]*\))*)\)"
    if definition:
        head += r"(?=\s*(?:const\s*)?(?:noexcept\s*)?[{;])"
    for match in re.finditer(head, code, re.S):
        lines = [line for line in match.group(1).split("\n") if line.strip()]
        words = _QUALIFIERS.sub(" ", lines[-1] if lines else "").split()
        if not words or words[-1] in _NOT_TYPES:
            continue  # a call, not a declaration
        # the return type: the last word and the type words before it
        start = len(words) - 1
        while start > 0 and (words[start - 1] in _TYPE_WORDS or words[start - 1][-1] in "*&"):
            start -= 1
        raw = match.group(2).strip()
        params = [] if raw in ("", "void") else split_params(raw)
        return _spelled(" ".join(words[start:])), [_type_of(p) for p in params]
    return None


def _requested_span(text: str, entry: str) -> str | None:
    """The backticked declaration of ``entry`` in a request ("`double dot(...)`"), or None."""
    for span in re.findall(r"`([^`]+)`", text or ""):
        if re.search(rf"\b{re.escape(entry)}\s*\(", span):
            return span.strip()
    return None


def requested_signature(text: str, entry: str) -> tuple[str, list[str]] | None:
    """The signature of ``entry`` written in backticks in a request, or None."""
    span = _requested_span(text, entry)
    return declared_signature(span, entry, definition=False) if span else None


def signature_problem(code: str, request_text: str, entry: str) -> str | None:
    """Why the answer's ``entry`` does not match the declaration in the request, or None."""
    asked = requested_signature(request_text, entry)
    given = declared_signature(code, entry)
    if asked is None or given is None or asked == given:
        return None
    if len(asked[1]) != len(given[1]):
        difference = f"it takes {len(given[1])} parameters, the request {len(asked[1])}"
    elif asked[0] != given[0]:
        difference = f"it returns {given[0]}, the request {asked[0]}"
    else:
        number = next(i for i, (a, g) in enumerate(zip(asked[1], given[1], strict=True)) if a != g)
        difference = (
            f"parameter {number + 1} is {given[1][number]}, the request says {asked[1][number]}"
        )
    return (
        f"`{entry}` does not have the requested signature: {difference}. "
        f"Use exactly `{_requested_span(request_text, entry)}` (callers are compiled against it)"
    )
