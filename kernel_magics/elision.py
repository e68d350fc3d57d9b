"""The serial elision of OpenMP code: the same source with its OpenMP removed.

OpenMP is designed so that a program with its pragmas ignored is the plain
serial program it parallelizes. Comparing the two is a stronger check than
comparing 1 and N threads: a clause that changes the result even on one thread
(``reduction(min: value, index)`` folding in the index's initial 0,
``private(sum)`` dropping the sum, a wrong ``firstprivate``) gives the same wrong
number at every thread count, but not in the serial elision.

The ``omp_*`` runtime calls get serial stand-ins (one thread, thread number 0),
so code that splits work by thread number still computes everything.
"""

from __future__ import annotations

import re

_PRAGMA = re.compile(r"^[ \t]*#[ \t]*pragma[ \t]+omp\b(?:[^\n]*\\\n)*[^\n]*$", re.M)
_OMP_INCLUDE = re.compile(r"^[ \t]*#[ \t]*include[ \t]*[<\"]omp\.h[>\"][^\n]*$", re.M)

SERIAL_RUNTIME = """/* serial stand-ins for the OpenMP runtime (jupyter-hpc's serial elision) */
#include <time.h>
typedef int omp_lock_t;
static inline int omp_get_thread_num(void) { return 0; }
static inline int omp_get_num_threads(void) { return 1; }
static inline int omp_get_max_threads(void) { return 1; }
static inline int omp_get_num_procs(void) { return 1; }
static inline int omp_get_thread_limit(void) { return 1; }
static inline int omp_in_parallel(void) { return 0; }
static inline int omp_get_level(void) { return 0; }
static inline void omp_set_num_threads(int n) { (void)n; }
static inline void omp_set_dynamic(int on) { (void)on; }
static inline void omp_init_lock(omp_lock_t *lock) { *lock = 0; }
static inline void omp_destroy_lock(omp_lock_t *lock) { (void)lock; }
static inline void omp_set_lock(omp_lock_t *lock) { *lock = 1; }
static inline void omp_unset_lock(omp_lock_t *lock) { *lock = 0; }
static inline int omp_test_lock(omp_lock_t *lock) { *lock = 1; return 1; }
static inline double omp_get_wtime(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + 1e-9 * (double)now.tv_nsec;
}
"""


def serial_elision(code: str) -> str | None:
    """``code`` without its OpenMP pragmas, the runtime replaced by serial stand-ins.

    None when the code has no ``#pragma omp`` (there is nothing to elide).
    """
    if not _PRAGMA.search(code):
        return None
    serial = _PRAGMA.sub("", code)
    if _OMP_INCLUDE.search(serial):
        serial = _OMP_INCLUDE.sub(lambda _: SERIAL_RUNTIME, serial, count=1)
        serial = _OMP_INCLUDE.sub("", serial)
    elif re.search(r"\bomp_\w+\s*\(", serial):
        serial = SERIAL_RUNTIME + serial
    return serial
