"""A test program written by the tool for a function answer.

When a request asks for a function (``double dot(const double *x, ...)``), the
model writes only that function and the tool writes the ``main()`` that calls
it: inputs are made from the parameter types (buffers of pseudo-random numbers,
small sizes, ``MPI_COMM_WORLD``, a simple integrand for a function pointer),
and every output (return value, written buffers) is printed as checksums. The
checks then run it at 1 and N threads (the checksums must agree: races and
broken reductions change them), at 1 and N ranks (with the same global data at
every rank count, see ``harness_source``; ``verify.same_checksums`` compares),
and under ThreadSanitizer.

Nothing here knows what the function means, so the inputs can be ones the
function does not expect (an index array of random numbers, say): a run that
fails at 1 thread and 1 rank too is inconclusive, not the answer's fault.
Buffers are much larger than the sizes passed, so reading a little past the
expected end stays deterministic and does not crash.

Built with ``-DHPC_FRESH=1``, the program calls the function a second time with
other values in its result-only buffers (``result_only_params``) and non-zero
fresh ``malloc`` memory: ``properties.py`` checks that nothing it reports
depends on memory it never set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kernel_magics.codegen import function_body
from kernel_magics.verify import ABS_TOL, REL_TOL  # the checks' tolerance, also in C

SIZE = 40  # value of size-like integer parameters (n, rows, nx ...)
CAPACITY = 4 * SIZE * SIZE  # elements in every buffer (room for n*n, 3*n, n*d ...)
VECTOR_LENGTH = SIZE * SIZE  # size() of std::vector inputs (room for n*n; capacity CAPACITY)
MARKER = "// ---- test program written by jupyter-hpc"
SPLIT = 12  # MPI: the global data are SPLIT blocks of SIZE rows (12: any of 1-4 ranks)
ALL_RANKS = ", summed over ranks"  # label of the checksum of all ranks' changes
FRESH_PREFIX = "with other initial memory, "  # label of the fresh-memory build's 2nd call

_INTEGER = {
    "int",
    "long",
    "long long",
    "short",
    "unsigned",
    "unsigned int",
    "unsigned long",
    "unsigned long long",
    "size_t",
    "std::size_t",
    "ptrdiff_t",
    "int64_t",
    "int32_t",
    "uint64_t",
    "uint32_t",
    "std::int64_t",
    "long int",
}
_FLOATING = {"double", "float", "long double"}
_NUMERIC = _INTEGER | _FLOATING


@dataclass
class Param:
    """One parameter of the function: how the harness makes a value for it."""

    name: str
    kind: str  # integer | floating | pointer | vector | reference | comm | function
    base: str  # the scalar or element type ("double", "long" ...)
    const: bool = False


@dataclass
class Signature:
    name: str
    returns: str  # "void", a scalar type, or "std::vector<T>"
    params: list[Param]


def split_params(text: str) -> list[str]:
    """Parameters split at top-level commas (not inside <...>, (...) or [...])."""
    parts, depth, current = [], 0, ""
    for char in text:
        if char in "<([":
            depth += 1
        elif char in ">)]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current)
    return [" ".join(p.split()) for p in parts]


def _clean(type_text: str) -> str:
    text = re.sub(r"\b(restrict|__restrict__|__restrict|register|volatile)\b", "", type_text)
    return " ".join(text.split())


def _param(text: str) -> Param | None:
    """A Param for one declaration (``const double *x``), or None if it is not supported."""
    function = re.fullmatch(r"(?:const\s+)?(double|float)\s*\(\s*\*\s*(\w+)\s*\)\s*\((.*)\)", text)
    if function:
        args = [a.strip() for a in function.group(3).split(",")]
        if all(re.fullmatch(r"(?:const\s+)?(double|float)(\s+\w+)?", a) for a in args):
            return Param(function.group(2), "function", function.group(1))
        return None
    text = _clean(text)
    match = re.fullmatch(r"(.*?)(\w+)\s*(\[\s*\w*\s*\])?", text)
    if not match or not match.group(1).strip():
        return None
    type_text, name = match.group(1).strip(), match.group(2)
    if match.group(3):
        type_text += " *"
    const = bool(re.match(r"const\b", type_text))
    bare = re.sub(r"\bconst\b", "", type_text).strip()
    vector = re.fullmatch(r"std::vector\s*<\s*([\w: ]+?)\s*>\s*(&?)", bare)
    if vector:
        if vector.group(1) not in _NUMERIC:
            return None
        return Param(name, "vector", vector.group(1), const)
    if bare == "MPI_Comm":
        return Param(name, "comm", bare)
    stars = bare.count("*")
    base = " ".join(bare.replace("*", " ").replace("&", " ").split())
    if base not in _NUMERIC:
        return None
    if stars == 1:
        return Param(name, "pointer", base, const)
    if stars == 0 and "&" in bare:
        return Param(name, "reference", base, const)
    if stars == 0:
        return Param(name, "integer" if base in _INTEGER else "floating", base)
    return None


def parse_signature(code: str, entry: str) -> Signature | None:
    """The signature of ``entry`` as defined in ``code``; None if a type is unsupported."""
    head = re.compile(
        rf"([\w:<>,\s\*&]*?)\b{re.escape(entry)}\s*\(([^;{{}}]*)\)\s*(?:const\s*)?(?:noexcept\s*)?\{{"
    )
    match = head.search(code)
    if match is None:
        return None
    # the return type: the last non-blank line before the name (the match may start
    # earlier, e.g. inside "#include <mpi.h>")
    returns = next((ln for ln in reversed(match.group(1).split("\n")) if ln.strip()), "")
    returns = " ".join(returns.split())
    returns = re.sub(r"\b(static|inline|extern|constexpr)\b", "", returns).strip()
    returns = " ".join(returns.split())
    vector = re.fullmatch(r"std::vector\s*<\s*([\w: ]+?)\s*>", returns)
    if returns != "void" and returns not in _NUMERIC and not vector:
        return None
    params = []
    raw = match.group(2).strip()
    for text in [] if raw in ("", "void") else split_params(raw):
        param = _param(text)
        if param is None:
            return None
        params.append(param)
    return Signature(entry, returns, params)


UNEVEN_SIZE = SIZE + 3  # MPI, every rank with the same inputs: 43 splits unevenly over 2-4


def _integer_value(name: str, uneven: bool = False) -> int:
    """A plausible value for an integer parameter, from its name; ``uneven``: sizes
    that no rank count from 2 to 4 divides."""
    low = name.lower()
    if re.search(r"iter|step|round|sweep|repeat", low):
        return 3
    if re.fullmatch(r"k|d|dim|dims|nbins?|bins|n_?clusters?|clusters|ncent\w*", low):
        return 4
    if re.fullmatch(r"root|source|src|start|first|lo|low|lower|begin|offset|key|seed", low):
        return 0 if low != "key" else 1
    return UNEVEN_SIZE if uneven else SIZE


_DIVISIBLE = re.compile(r"\b(?:evenly\s+)?divisible\b|\bdivides\b", re.IGNORECASE)
_NOT = re.compile(r"(\bnot|n't|\bnever|\bnecessarily)\b[\w\s]*$", re.IGNORECASE)


def assumes_divisible(request_text: str) -> bool:
    """Whether the request says its sizes divide evenly among the ranks ("n is divisible
    by the number of ranks"); "need not be divisible" says the opposite."""
    return any(
        not _NOT.search(request_text[max(0, m.start() - 30) : m.start()])
        for m in _DIVISIBLE.finditer(request_text)
    )


# "the blocks can have different sizes", "n_local can differ between ranks"
_BLOCKS_DIFFER = re.compile(
    r"\b(?:can|may|might|could|will|often|usually)\s+((?:\w+\s+){0,2}?)(?:differ|vary)\b"
    r"|\b(?:different|differing|unequal|varying)\s+(?:block\s+)?(?:sizes?|lengths?|counts?)\b"
    r"|\bsizes?\s+(?:can|may)\s+((?:\w+\s+){0,2}?)(?:be\s+)?(?:different|unequal)\b",
    re.IGNORECASE,
)


def blocks_may_differ(request_text: str) -> bool:
    """Whether the request says each rank's share can have its own size ("n_local can
    differ between ranks", "the blocks can have different sizes"); "cannot differ" and
    "may not vary" say the opposite."""
    for m in _BLOCKS_DIFFER.finditer(request_text):
        between = " ".join(g or "" for g in m.groups())
        if not re.search(r"\b(not|never)\b", between, re.IGNORECASE):
            return True
    return False


def integer_values(signature: Signature, uses_mpi: bool, uneven: bool = False) -> dict[str, int]:
    """The value the test program gives each integer parameter (at one rank)."""
    return {
        p.name: SIZE * SPLIT if _scales_with_ranks(p, uses_mpi) else _integer_value(p.name, uneven)
        for p in signature.params
        if p.kind == "integer"
    }


def _floating_value(name: str, names: set[str]) -> str:
    low = name.lower()
    if low in ("a", "lo", "low", "lower", "xmin", "x0") and names & {"b", "hi", "high", "upper"}:
        return "0.0"
    if low in ("b", "hi", "high", "upper", "xmax", "x1"):
        return "1.0"
    return "0.25"


def _scales_with_ranks(p: Param, uses_mpi: bool) -> bool:
    """An MPI size or vector that is one rank's share of the data, by its name
    (n_local, local_rows, x_local ...): it shrinks as the rank count grows."""
    return uses_mpi and p.kind in ("integer", "vector") and "local" in p.name.lower()


# a rank's number of elements, not of rows: a pointer "local" of n_local values
_ELEMENT_COUNT = re.compile(
    r"n_?local|local_?n|(?:local_?(?:size|len|length|count))|"
    r"(?:size|len|length|count)_?local"
)


def _follows_global_index(p: Param, signature: Signature, uses_mpi: bool) -> bool:
    """The one ``*local*`` buffer of the signature, when its offset in the global array
    is known: a vector (its size() is the block), or a pointer whose only sizes are
    rank-scaled counts of elements (``n_local``, not rows, and no ``d`` or ``nx`` that
    would multiply them). Its values then follow the global index (``hpc_rising``),
    so every rank's block differs, and a function that looks at only one element per
    rank is seen.
    With two or more such buffers (positions and masses), how their lengths relate is
    unknown, and they stay periodic."""
    local = [q for q in signature.params if q.kind in ("vector", "pointer")]
    local = [q for q in local if "local" in q.name.lower()]
    if not uses_mpi or local != [p]:
        return False
    if p.kind == "vector":
        return True
    integers = [q for q in signature.params if q.kind == "integer"]
    return bool(integers) and all(
        _scales_with_ranks(q, True) and _ELEMENT_COUNT.fullmatch(q.name.lower()) for q in integers
    )


# Buffers that by their name only receive results: their contents on entry must not matter.
_RESULT_NAME = re.compile(
    r"(out|outs|output|outputs|result|results|res|dst|dest|bins|hist|histogram|counts|"
    r"levels?|assign|assignments?|labels)(_\w+)?|\w+_(out|result)"
)
# Words that make a named buffer an input too ("add the counts to bins", "update out").
_UPDATE_WORDS = re.compile(
    r"\b(add|adds|added|adding|accumulat\w*|increment\w*|updat\w*|in[- ]place|modif\w*)\b",
    re.IGNORECASE,
)


def result_only_params(signature: Signature, request_text: str = "") -> list[str]:
    """Buffers that only receive results, by name: ``out``, ``result``, ``bins``,
    ``level``, ``*_out`` ..., and an upper-case matrix (``C``) when every other buffer
    is const (``C = A B``). A correct function sets every element of them it reports,
    so what they held on entry must not change the result. A buffer the request says
    is added to or updated (a sentence naming it with "add", "accumulate", "update",
    "in place" ...) is left out: it is an input too."""
    buffers = [p for p in signature.params if p.kind in ("pointer", "vector")]
    sentences = re.split(r"(?<=[.;:])\s+", request_text)
    names = []
    for p in buffers:
        if p.const:
            continue
        by_name = _RESULT_NAME.fullmatch(p.name.lower()) is not None
        matrix = re.fullmatch(r"[A-Z]", p.name) is not None and all(
            o.const for o in buffers if o is not p
        )
        updated = any(
            re.search(rf"\b{re.escape(p.name)}\b", sentence) and _UPDATE_WORDS.search(sentence)
            for sentence in sentences
        )
        if (by_name or matrix) and not updated:
            names.append(p.name)
    return names


def scalar_outputs(signature: Signature, answer: str) -> list[str]:
    """The outputs that hold one value, as the checksum lines name them: the return
    value, written references, and written pointers the answer's body uses as ``*p``
    or ``p[0]`` and never with another index (``double *mean``)."""
    one_value = signature.returns != "void" and "vector" not in signature.returns
    names = ["return value"] if one_value else []
    body = function_body(answer, signature.name) or answer
    for p in signature.params:
        if p.const:
            continue
        if p.kind == "reference":
            names.append(p.name)
        elif p.kind == "pointer":
            name = re.escape(p.name)
            as_value = re.search(rf"\*\s*{name}\b|\b{name}\s*\[\s*0\s*\]", body)
            indexed = re.search(rf"\b{name}\s*\[\s*(?!0\s*\])", body)
            if as_value and not indexed:
                names.append(p.name)
    return names


def harness_source(
    signature: Signature,
    lang: str,
    uses_mpi: bool,
    result_only: list[str] = (),
    uneven: bool = False,
    uneven_blocks: bool = False,
) -> str:
    """A main() that calls the function on made-up inputs and prints checksums of the outputs.

    With MPI, the global data are the same at every rank count: of ``SPLIT`` blocks
    of SIZE elements, each of P ranks holds SPLIT / P (``n_local``-like sizes and
    ``*local*`` vectors scale with that); ``uneven_blocks`` (the request says the
    shares can differ): at 2 or 3 ranks, rank 0 holds 3 blocks less and the last rank
    3 more (3 blocks: a whole number of the 3-element tuples of xyz data too). A
    ``*local*`` block whose offset is known (``_follows_global_index``) holds the
    values of its global indices, which rise with the index (plus noise: each rank's
    first value is larger than rank 0's, and the largest and the smallest value are in
    the last rank's block, so a maximum of each rank's first element, or a minimum's
    index that is not global, is seen); every other buffer repeats with period SIZE, so a
    rank's part looks the same whatever its offset and stride. Outputs are printed as
    changes from their inputs, on rank 0 and summed over all ranks: a correct
    function matches its 1-rank result in one of the two (replicated or root-only
    results on rank 0, distributed ones in the sum). Without such sizes every rank
    gets the same inputs; ``uneven``: sizes like ``n`` are then 43, which 2, 3 and 4
    ranks do not divide, so an answer that drops the remainder of a split is seen.

    Built with ``-DHPC_FRESH=1`` (not with MPI), it calls the function a second time
    with other values in the ``result_only`` buffers and non-zero fresh ``malloc``
    memory, prints that call's checksums prefixed with ``FRESH_PREFIX``, and one line
    ``fresh NAME: READ FIRST SKIPPED FIRST LAST`` per result-only buffer: how many
    elements the function wrote that depend on the buffer's old contents, how many
    between the first and the last written element it never wrote (each with the first
    such index), and the last index it wrote (``properties.py``).
    """
    cxx = lang == "c++"
    names = {p.name for p in signature.params}
    fresh = [] if uses_mpi else [p for p in signature.params if p.name in result_only]
    lines = [MARKER, "#include <stdio.h>", "#include <stdlib.h>"]
    if cxx:
        lines.append("#include <vector>")
    if uses_mpi:
        lines.append("#include <mpi.h>")
    lines += [
        "#ifndef HPC_FRESH",
        "#define HPC_FRESH 0",
        "#endif",
        "#if HPC_FRESH && defined(__GLIBC__)",
        "#include <malloc.h>",
        "#endif",
        "static int hpc_pass = 0; /* 1: the second call of the fresh-memory build */",
        "static double hpc_integrand(double x) { return 4.0 / (1.0 + x * x); }",
        "static double hpc_random(unsigned long *state) {",
        "    *state = *state * 6364136223846793005UL + 1442695040888963407UL;",
        "    return (double)(*state >> 11) / 9007199254740992.0;",
        "}",
        "static double hpc_value_at(long i, int which) { /* element i of the global data */",
        "    unsigned long state = (unsigned long)i * 2654435761UL + which * 97UL + 1;",
        "    hpc_random(&state);",
        "    return hpc_random(&state);",
        "}",
        "/* a block's values at their global indices, in [0, 1): rising with noise, so",
        "   that each rank's first element is larger than rank 0's and the largest values",
        f"   are in the last rank's block; the smallest is there too, at {SIZE * SPLIT - 7} */",
        "static double hpc_rising(long i, int which) {",
        f"    if (i == {SIZE * SPLIT - 7}) return 0.01;",
        f"    return 0.05 + 0.15 * hpc_value_at(i, which) + 0.75 * (double)i / {SIZE * SPLIT}.0;",
        "}",
        "static double hpc_value(long i, int which) { /* periodic: the same in every block */",
        f"    return hpc_value_at(i % {SIZE}, which);",
        "}",
        "static void hpc_checksum(const char *what, double sum, double weighted) {",
        f'    printf("checksum %s%s: %.12g %.12g\\n", hpc_pass ? "{FRESH_PREFIX}" : "", what,',
        "           sum, weighted);",
        "}",
        "int main(int argc, char **argv) {",
        "    int hpc_rank = 0, hpc_ranks = 1;",
    ]
    if uses_mpi:
        lines += [
            "    MPI_Init(&argc, &argv);",
            "    MPI_Comm_rank(MPI_COMM_WORLD, &hpc_rank);",
            "    MPI_Comm_size(MPI_COMM_WORLD, &hpc_ranks);",
            f"    long hpc_base = {SPLIT} / hpc_ranks > 0 ? {SPLIT} / hpc_ranks : 1;",
            "    /* blocks of different sizes: rank 0 holds SHIFT blocks less, the last rank",
            "       SHIFT more (3 blocks: 120 elements, a whole number of 2-, 3- and 4-tuples) */",
            f"    long hpc_shift = {int(uneven_blocks)} && hpc_ranks > 1 && hpc_base > 3 ? 3 : 0;",
            "    long hpc_copies = hpc_base - (hpc_rank == 0 ? hpc_shift : 0)"
            " + (hpc_rank == hpc_ranks - 1 ? hpc_shift : 0);",
            "    /* where this rank's block starts in the global data */",
            f"    long hpc_offset = {SIZE}L * (hpc_rank * hpc_base"
            " - (hpc_rank > 0 ? hpc_shift : 0));",
        ]
    else:
        lines += ["    (void)argc; (void)argv;", "    long hpc_copies = 1, hpc_offset = 0;"]
    lines.append("    unsigned long hpc_state = 12345;")
    lines.append("    (void)hpc_state; (void)hpc_ranks; (void)hpc_copies; (void)hpc_offset;")
    lines += _fresh_declarations(fresh)
    lines += [
        "    for (hpc_pass = 0; hpc_pass <= HPC_FRESH; hpc_pass++) {",
        "#if HPC_FRESH && defined(__GLIBC__)",
        "    if (hpc_pass == 1) mallopt(M_PERTURB, 0x5a); /* fresh malloc memory: not zeros */",
        "#endif",
        "    hpc_state = 12345;",
    ]
    capacity = f"{CAPACITY} * hpc_copies"
    outputs = []
    for index, p in enumerate(signature.params):
        var = f"hpc_{p.name}"
        if p.kind == "integer" and _scales_with_ranks(p, uses_mpi):
            lines.append(f"    {p.base} {var} = ({p.base})({SIZE} * hpc_copies);")
        elif p.kind == "integer":
            lines.append(f"    {p.base} {var} = {_integer_value(p.name, uneven)};")
        elif p.kind == "floating":
            lines.append(f"    {p.base} {var} = {_floating_value(p.name, names)};")
        elif p.kind in ("comm", "function"):
            pass  # passed as a constant: see _argument
        elif p.kind == "reference":
            lines.append(f"    {p.base} {var} = {1 if p.base in _INTEGER else 0.5};")
            if not p.const:
                outputs.append((p.name, f"(double){var}", None, None))
        else:  # pointer or vector: a buffer of CAPACITY (times the copies) elements
            if p.kind == "vector":
                lines.append(f"    std::vector<{p.base}> {var}({capacity});")
                data = f"{var}.data()"
            else:
                cast = f"({p.base} *)" if not cxx else f"static_cast<{p.base} *>("
                close = "" if not cxx else ")"
                lines.append(
                    f"    {p.base} *{var} = {cast}calloc({capacity}, sizeof({p.base})){close};"
                )
                data = var
            global_index = _follows_global_index(p, signature, uses_mpi)
            fill = _fill(p, index, uses_mpi, salted=p in fresh, global_index=global_index)
            lines.append(
                f"    for (long hpc_i = 0; hpc_i < {capacity}; hpc_i++) {data}[hpc_i] = {fill};"
            )
            if p.kind == "vector":
                # shrink the size, keep the capacity: reads past size() stay in filled memory
                length = (
                    f"{SIZE} * hpc_copies" if _scales_with_ranks(p, uses_mpi) else VECTOR_LENGTH
                )
                lines.append(f"    {var}.resize({length});")
            if not p.const:
                length = _data_and_length(p, capacity)[1]
                outputs.append((p.name, var, length, fill if uses_mpi else "0"))
    lines += _fresh_before_call(fresh, capacity)
    call = call_expression(signature)
    if signature.returns == "void":
        lines.append(f"    {call};")
    elif signature.returns.startswith("std::vector"):
        lines.append(f"    {signature.returns} hpc_result = {call};")
        outputs.insert(0, ("return value", "hpc_result", "(long)hpc_result.size()", "0"))
    else:
        lines.append(f"    double hpc_result = (double){call};")
        outputs.insert(0, ("return value", "hpc_result", None, None))
    for what, var, length, initial in outputs:
        lines += _checksum_lines(what, var, length, initial, uses_mpi)
    lines += _fresh_after_call(fresh)
    for p in signature.params:
        if p.kind == "pointer":
            lines.append(f"    free(hpc_{p.name});")
    lines.append("    }")
    lines += _fresh_report(fresh)
    if uses_mpi:
        lines.append("    MPI_Finalize();")
    lines += ["    return 0;", "}"]
    return "\n".join(lines) + "\n"


def _fresh_declarations(fresh: list[Param]) -> list[str]:
    """Per result-only buffer: its values after each of the two calls, which elements
    each call wrote, and its length (fresh-memory build only)."""
    lines = ["#if HPC_FRESH"]
    for p in fresh:
        lines.append(
            f"    double *hpc_kept_{p.name}[2] = {{0, 0}}; unsigned char *hpc_set_{p.name}[2]"
            f" = {{0, 0}}; long hpc_len_{p.name} = 0;"
        )
    return lines + ["#endif"]


def _data_and_length(p: Param, capacity: str) -> tuple[str, str]:
    """The C expressions for a buffer parameter's elements and its length."""
    var = f"hpc_{p.name}"
    if p.kind == "vector":
        return f"{var}.data()", f"(long){var}.size()"
    return var, capacity


def _fresh_before_call(fresh: list[Param], capacity: str) -> list[str]:
    """Keep each result-only buffer's values before the call."""
    lines = ["#if HPC_FRESH"]
    for p in fresh:
        data, length = _data_and_length(p, capacity)
        lines += [
            f"    long hpc_before_len_{p.name} = {length};",
            f"    double *hpc_before_{p.name} = (double *)malloc("
            f"sizeof(double) * (hpc_before_len_{p.name} + 1));",
            f"    for (long hpc_i = 0; hpc_i < hpc_before_len_{p.name}; hpc_i++)"
            f" hpc_before_{p.name}[hpc_i] = (double){data}[hpc_i];",
        ]
    return lines + ["#endif"]


def _fresh_after_call(fresh: list[Param]) -> list[str]:
    """Keep each result-only buffer's values after the call, and which elements changed."""
    lines = ["#if HPC_FRESH"]
    for p in fresh:
        data, length = _data_and_length(p, f"hpc_before_len_{p.name}")
        n = p.name
        lines += [
            f"    {{ long hpc_n = {length} < hpc_before_len_{n} ? {length} : hpc_before_len_{n};",
            f"      hpc_len_{n} = hpc_n;",
            f"      hpc_kept_{n}[hpc_pass] = (double *)malloc(sizeof(double) * (hpc_n + 1));",
            f"      hpc_set_{n}[hpc_pass] = (unsigned char *)malloc(hpc_n + 1);",
            "      for (long hpc_i = 0; hpc_i < hpc_n; hpc_i++) {",
            f"          hpc_kept_{n}[hpc_pass][hpc_i] = (double){data}[hpc_i];",
            f"          hpc_set_{n}[hpc_pass][hpc_i] ="
            f" (double){data}[hpc_i] != hpc_before_{n}[hpc_i];",
            "      }",
            f"      free(hpc_before_{n}); }}",
        ]
    return lines + ["#endif"]


def _fresh_report(fresh: list[Param]) -> list[str]:
    """Compare the two calls' result-only buffers: written elements that depend on the
    old contents, and unwritten ones between the first and last written element."""
    lines = ["#if HPC_FRESH"]
    for p in fresh:
        n = p.name
        lines += [
            "    { long hpc_read = 0, hpc_first_read = -1, hpc_skipped = 0, hpc_first_skip = -1;",
            "      long hpc_lo = -1, hpc_hi = -1;",
            f"      double *hpc_a = hpc_kept_{n}[0], *hpc_b = hpc_kept_{n}[1];",
            f"      unsigned char *hpc_sa = hpc_set_{n}[0], *hpc_sb = hpc_set_{n}[1];",
            f"      for (long hpc_i = 0; hpc_i < hpc_len_{n}; hpc_i++)",
            "          if (hpc_sa[hpc_i] || hpc_sb[hpc_i]) { if (hpc_lo < 0) hpc_lo = hpc_i;"
            " hpc_hi = hpc_i; }",
            f"      for (long hpc_i = 0; hpc_i < hpc_len_{n}; hpc_i++) {{",
            "          double hpc_d = hpc_a[hpc_i] - hpc_b[hpc_i];",
            "          double hpc_m = hpc_a[hpc_i] < 0 ? -hpc_a[hpc_i] : hpc_a[hpc_i];",
            "          if (hpc_d < 0) hpc_d = -hpc_d;",
            "          if (hpc_sa[hpc_i] || hpc_sb[hpc_i]) {",
            f"              if (!(hpc_d <= {ABS_TOL!r} + {REL_TOL!r} * hpc_m)) {{",
            "                  if (hpc_first_read < 0) hpc_first_read = hpc_i;",
            "                  hpc_read++;",
            "              }",
            "          } else if (hpc_i > hpc_lo && hpc_i < hpc_hi) {",
            "              if (hpc_first_skip < 0) hpc_first_skip = hpc_i;",
            "              hpc_skipped++;",
            "          }",
            "      }",
            f'      printf("fresh {n}: %ld %ld %ld %ld %ld\\n", hpc_read, hpc_first_read,'
            " hpc_skipped, hpc_first_skip, hpc_hi); }",
        ]
    return lines + ["#endif"]


def _fill(
    p: Param, index: int, uses_mpi: bool, salted: bool = False, global_index: bool = False
) -> str:
    """The value of element hpc_i of a buffer parameter (periodic with MPI unless it
    follows ``global_index``: see above). ``salted``: shifted in the second call of
    the fresh-memory build."""
    if p.base in _INTEGER:  # small values: index-like arrays stay in range
        salt = " + 3 * hpc_pass" if salted else ""
        return f"({p.base})((hpc_i * 7 + {index}) % 4{salt})"
    if global_index:
        return f"({p.base})hpc_rising(hpc_offset + hpc_i, {index})"
    if uses_mpi:
        return f"({p.base})hpc_value(hpc_i, {index})"
    salt = " + 0.5 * hpc_pass" if salted else ""
    return f"({p.base})(hpc_random(&hpc_state){salt})"


def _checksum_lines(what: str, var: str, length: str | None, initial: str | None, uses_mpi: bool):
    """Print the checksum of one output: a scalar's value (``length`` None), or a
    buffer's change from ``initial`` (its fill expression), element by element."""
    if length is None:  # a scalar
        lines = [f"    {{ double hpc_sum = {var}, hpc_weighted = {var};"]
    else:
        period = SIZE if uses_mpi else 97  # MPI: the period of the data (see harness_source)
        lines = [
            "    { double hpc_sum = 0, hpc_weighted = 0;",
            f"      for (long hpc_i = 0; hpc_i < {length}; hpc_i++) {{",
            f"          double hpc_change = (double){var}[hpc_i] - (double)({initial});",
            "          hpc_sum += hpc_change;",
            f"          hpc_weighted += hpc_change * (double)(hpc_i % {period} + 1);",
            "      }",
        ]
    lines.append(f'      if (hpc_rank == 0) hpc_checksum("{what}", hpc_sum, hpc_weighted);')
    if uses_mpi:
        lines += [
            "      double hpc_total = 0;",
            "      MPI_Reduce(&hpc_sum, &hpc_total, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);",
            f'      if (hpc_rank == 0) printf("checksum {what}{ALL_RANKS}: %.12g\\n", hpc_total);',
        ]
    lines.append("    }")
    return lines


def _argument(p: Param) -> str:
    """What main() passes for a parameter: the variable it made, or a constant."""
    return {"comm": "MPI_COMM_WORLD", "function": "hpc_integrand"}.get(p.kind, f"hpc_{p.name}")


def call_expression(signature: Signature) -> str:
    """How the tool's main() calls the function, e.g. ``dot(hpc_x, hpc_y, hpc_n)``."""
    return f"{signature.name}({', '.join(_argument(p) for p in signature.params)})"


@dataclass
class HarnessProgram:
    source: str  # the answer followed by the tool's test main()
    call: str  # how that main() calls the function (shown to the model when a check fails)
    blocks: bool = False  # MPI: "local" sizes scale with the rank count (global data fixed)
    result_only: list[str] = field(default_factory=list)  # see harness_source (HPC_FRESH)
    scalar_outputs: list[str] = field(default_factory=list)  # outputs holding one value
    sizes: dict[str, int] = field(default_factory=dict)  # integer parameter -> its value
    uneven_blocks: bool = False  # MPI blocks: the ranks' shares differ in size (see above)


def with_test_main(
    answer: str, entry: str, lang: str, uses_mpi: bool, request_text: str = ""
) -> HarnessProgram | None:
    """The answer followed by the tool's test main(); None if the signature is unsupported.

    ``request_text`` (the user's words) tells result-only buffers from updated ones."""
    signature = parse_signature(answer, entry)
    if signature is None:
        return None
    result_only = [] if uses_mpi else result_only_params(signature, request_text)
    blocks = any(_scales_with_ranks(p, uses_mpi) for p in signature.params)
    uneven = uses_mpi and not blocks and not assumes_divisible(request_text)
    uneven_blocks = blocks and blocks_may_differ(request_text)
    test_main = harness_source(signature, lang, uses_mpi, result_only, uneven, uneven_blocks)
    return HarnessProgram(
        answer.rstrip() + "\n\n" + test_main,
        call_expression(signature),
        blocks,
        result_only,
        scalar_outputs(signature, answer),
        integer_values(signature, uses_mpi, uneven),
        uneven_blocks,
    )


def without_test_main(code: str) -> str:
    """The function answer alone: the tool's test program (or the model's main) removed."""
    from kernel_magics.codegen import remove_main

    if MARKER in code:
        return code[: code.index(MARKER)].rstrip() + "\n"
    return remove_main(code)
