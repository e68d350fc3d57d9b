"""Let ThreadSanitizer see the state of the C library's random number generators.

``rand_r(&seed)`` with one ``seed`` shared by all threads is a data race, and so is
``drand48()`` (one hidden global state, no lock in glibc). ThreadSanitizer misses
both: the state is read and written inside libc, which is not instrumented. For the
race-check build only, the program gets wrappers of these functions (appended to its
source, under a ``#line`` of their own so that reports point at the caller's line):
each wrapper writes the generator's state in instrumented code, then calls libc's
function. Two threads that share a state then race in a way ThreadSanitizer reports.
"""

from __future__ import annotations

import re

SHIM_FILE = "jupyter-hpc-rng-shim.c"

_XSUBI = "xsubi, 3 * sizeof *xsubi"
_GLOBAL = "drand48_global_state, sizeof drand48_global_state"
_BUFFER = "buffer, sizeof *buffer"
# name -> (return type, parameters, arguments, the states it writes: "pointer, size")
_WRAPPERS = {
    "rand_r": ("int", "unsigned int *seed", "seed", ["seed, sizeof *seed"]),
    "erand48": ("double", "unsigned short xsubi[3]", "xsubi", [_XSUBI]),
    "nrand48": ("long", "unsigned short xsubi[3]", "xsubi", [_XSUBI]),
    "jrand48": ("long", "unsigned short xsubi[3]", "xsubi", [_XSUBI]),
    "drand48": ("double", "void", "", [_GLOBAL]),
    "lrand48": ("long", "void", "", [_GLOBAL]),
    "mrand48": ("long", "void", "", [_GLOBAL]),
    "drand48_r": (
        "int",
        "struct drand48_data *buffer, double *result",
        "buffer, result",
        [_BUFFER],
    ),
    "lrand48_r": ("int", "struct drand48_data *buffer, long *result", "buffer, result", [_BUFFER]),
    "mrand48_r": ("int", "struct drand48_data *buffer, long *result", "buffer, result", [_BUFFER]),
    "erand48_r": (
        "int",
        "unsigned short xsubi[3], struct drand48_data *buffer, double *result",
        "xsubi, buffer, result",
        [_XSUBI, _BUFFER],
    ),
    "random_r": ("int", "struct random_data *buffer, int32_t *result", "buffer, result", [_BUFFER]),
}
_CALL = re.compile(rf"\b({'|'.join(_WRAPPERS)})\s*\(")

_HEAD = """
#line 1 "{file}"
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#ifdef __cplusplus
#define RNG_SHIM_NOTHROW noexcept
extern "C" {{
#else
#define RNG_SHIM_NOTHROW
#endif
static void rng_shim_write(void *state, unsigned long size) {{
    volatile unsigned char *bytes = (volatile unsigned char *)state;
    for (unsigned long i = 0; i < size; i++) bytes[i] = bytes[i];
}}
"""
_WRAPPER = """
static {ret} (*real_{name})({params});
__attribute__((constructor)) static void find_real_{name}(void) {{
    *(void **)&real_{name} = dlsym((void *)-1l /* RTLD_NEXT */, "{name}");
}}
{ret} {name}({params}) RNG_SHIM_NOTHROW {{
{writes}    return real_{name}({args});
}}
"""
_GLOBAL_STATE = """
/* stands for the state drand48(), lrand48() and mrand48() share in libc */
static unsigned short drand48_global_state[3];
"""
_TAIL = """
#ifdef __cplusplus
}
#endif
"""


def calls_libc_generators(code: str) -> list[str]:
    """The libc generators with a state that ``code`` calls (wrapped for the race check)."""
    from kernel_magics.codegen import function_definition

    defined = {name for name in _WRAPPERS if function_definition(code, name)}
    return sorted({m.group(1) for m in _CALL.finditer(code)} - defined)


def with_rng_shims(code: str) -> str:
    """``code`` with race-visible wrappers of the libc generators it calls appended
    (``code`` itself when it calls none). Only for the ThreadSanitizer build."""
    names = calls_libc_generators(code)
    if not names:
        return code
    parts = [_HEAD.format(file=SHIM_FILE)]
    if any(_GLOBAL in _WRAPPERS[name][3] for name in names):
        parts.append(_GLOBAL_STATE)
    for name in names:
        ret, params, args, states = _WRAPPERS[name]
        writes = "".join(f"    rng_shim_write({state});\n" for state in states)
        parts.append(_WRAPPER.format(name=name, ret=ret, params=params, args=args, writes=writes))
    return code.rstrip("\n") + "\n" + "".join(parts) + _TAIL


def shared_generator_hint(check) -> str:
    """What to do when ThreadSanitizer saw a race in a wrapper's write of a generator
    state (``check``: a RaceCheck); '' otherwise."""
    if "rng_shim_write" not in check.log:
        return ""
    code = "".join(race.code_a + race.code_b for race in check.races)
    names = sorted({m.group(1) for m in _CALL.finditer(code)})
    return (
        f"The racing lines call {', '.join(names) or 'a random number generator'}: the "
        "threads share one generator state. Give each thread its own state, declared "
        "inside the parallel region and seeded with its thread number (e.g. "
        "`unsigned int seed = 1234u + omp_get_thread_num();` with `rand_r(&seed)`)."
    )
