"""Mechanical fixes for what the run-time checks found, made by the tool itself.

Like the compile fix-its (``fixits.py``), these are small rewrites whose meaning
leaves no doubt; the checks then run again on the fixed code, so a fix that does not
help is never kept as verified. The 1.5B default model rarely makes them itself, even
when the repair message says exactly what to change.

- ``in_place_collectives``: ``MPI_Allreduce(&s, &s, ...)`` gives the same buffer as
  send and receive buffer, which MPI forbids (Open MPI stops with MPI_ERR_BUFFER):
  the send buffer becomes ``MPI_IN_PLACE``. ``MPI_Reduce(&s, &s, ..., root, comm)``
  becomes ``MPI_Allreduce(MPI_IN_PLACE, &s, ..., comm)``, which leaves the result on
  the root as asked (and on the other ranks too).
- ``rootless_reduces``: ``MPI_Reduce(send, recv, count, type, op, comm)`` has no root
  (MPI_Reduce takes 7 arguments, so it does not compile): those are ``MPI_Allreduce``'s
  6 arguments, and it becomes that call, which leaves the result on every rank.
- ``reduce_to_allreduce``: the request wants the result on every rank, and the answer
  combines the ranks' parts with ``MPI_Reduce`` to one root (``properties.py`` saw the
  other ranks without it): each ``MPI_Reduce`` becomes ``MPI_Allreduce``.
- ``zero_first``: an output the function only adds to (a histogram's ``bins``,
  ``C +=`` in a matrix product) depends on what it held before the call
  (``properties.py``): the function now sets it to zero first, for as many elements
  as it writes.
"""

from __future__ import annotations

import re
from itertools import combinations_with_replacement

from kernel_magics.codegen import function_definition


def _call_arguments(code: str, open_paren: int) -> tuple[list[str], int] | None:
    """The top-level arguments of the call whose ``(`` is at ``open_paren``, and the
    index just past its ``)``; None when the parentheses do not close."""
    depth, start, args = 0, open_paren + 1, []
    for index in range(open_paren, len(code)):
        char = code[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                args.append(code[start:index].strip())
                return args, index + 1
        elif char == "," and depth == 1:
            args.append(code[start:index].strip())
            start = index + 1
    return None


def _rewrite_calls(code: str, name: str, rewrite) -> tuple[str, list[str]]:
    """``code`` with each call of ``name`` replaced by ``rewrite(args)`` (a new call
    text, or None to keep it), and the original calls that were replaced."""
    pattern = re.compile(rf"\b{name}\s*\(")
    pieces, changed, position = [], [], 0
    for match in pattern.finditer(code):
        if match.start() < position:
            continue
        parsed = _call_arguments(code, match.end() - 1)
        if parsed is None:
            continue
        args, end = parsed
        new = rewrite(args)
        if new is None:
            continue
        pieces += [code[position : match.start()], new]
        changed.append(code[match.start() : end])
        position = end
    pieces.append(code[position:])
    return "".join(pieces), changed


def _same_buffer(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b) and "MPI_IN_PLACE" not in a


def rootless_reduces(code: str) -> tuple[str, list[str]]:
    """``code`` with each ``MPI_Reduce`` called without a root (6 arguments) made an
    ``MPI_Allreduce`` with the same arguments, and a description of each fix."""

    def rewrite(args):
        return f"MPI_Allreduce({', '.join(args)})" if len(args) == 6 else None

    code, changed = _rewrite_calls(code, "MPI_Reduce", rewrite)
    return code, [f"MPI_Allreduce instead of `{_short(call)}` (it has no root)" for call in changed]


def in_place_collectives(code: str) -> tuple[str, list[str]]:
    """``code`` with ``MPI_IN_PLACE`` where a reduction names one buffer twice (see the
    module docstring), and a description of each fix."""

    def allreduce(args):
        if len(args) == 6 and _same_buffer(args[0], args[1]):
            return f"MPI_Allreduce(MPI_IN_PLACE, {', '.join(args[1:])})"
        return None

    def reduce(args):
        if len(args) == 7 and _same_buffer(args[0], args[1]):
            return f"MPI_Allreduce(MPI_IN_PLACE, {', '.join(args[1:5])}, {args[6]})"
        return None

    code, first = _rewrite_calls(code, "MPI_Allreduce", allreduce)
    code, second = _rewrite_calls(code, "MPI_Reduce", reduce)
    return code, [
        f"MPI_IN_PLACE in `{_short(call)}` (its send and receive buffers were the same)"
        for call in first + second
    ]


def reduce_to_allreduce(code: str) -> tuple[str, list[str]]:
    """``code`` with every ``MPI_Reduce`` made an ``MPI_Allreduce`` (the root argument
    dropped), and a description of each fix."""

    def rewrite(args):
        if len(args) != 7:
            return None
        send = "MPI_IN_PLACE" if "MPI_IN_PLACE" in args[0] else args[0]
        return f"MPI_Allreduce({send}, {', '.join(args[1:5])}, {args[6]})"

    code, changed = _rewrite_calls(code, "MPI_Reduce", rewrite)
    return code, [
        f"MPI_Allreduce instead of `{_short(call)}` (the result is wanted on every rank)"
        for call in changed
    ]


def _short(call: str) -> str:
    call = re.sub(r"\s+", " ", call)
    return call if len(call) <= 60 else call[:57] + "..."


def length_expression(extent: int, sizes: dict[str, int], body: str = "") -> str | None:
    """An expression of the function's integer parameters (``sizes``: name -> the test
    program's value) equal to ``extent``: one parameter (``nbins``), else the product of
    two (``n * n``). Among several, a parameter the ``body`` compares against
    (``i < nbins``) comes first. None when nothing fits."""

    def bound(name: str) -> bool:
        return re.search(rf"<=?\s*\(?\s*{re.escape(name)}\b", body) is not None

    names = sorted(sizes, key=lambda name: not bound(name))
    for name in names:
        if sizes[name] == extent:
            return name
    for first, second in combinations_with_replacement(names, 2):
        if sizes[first] * sizes[second] == extent:
            return f"{first} * {second}"
    return None


def zero_first(code: str, entry: str, buffer: str, length: str) -> str | None:
    """``code`` with a loop at the start of ``entry`` that sets ``length`` elements of
    ``buffer`` to zero; None when the definition is not found."""
    definition = function_definition(code, entry)
    if definition is None:
        return None
    start = definition.end()
    index = next(
        (name for name in ("i0", "z", "zero_i") if not re.search(rf"\b{name}\b", code)),
        "hpc_zero_i",
    )
    loop = (
        f"\n    for (long {index} = 0; {index} < (long)({length}); {index}++)"
        f" {buffer}[{index}] = 0; /* added by jupyter-hpc: {buffer} starts from zero */"
    )
    return code[:start] + loop + code[start:]
