/*---
id: omp-task-fibonacci
title: Recursive Fibonacci with OpenMP tasks, taskwait and a cutoff
descriptions:
  - parallelize a recursive function with OpenMP tasks
  - omp task and taskwait example
  - fibonacci with tasks, how to avoid creating too many small tasks
  - divide and conquer recursion in parallel
api: openmp
lang: c
constructs: [parallel, single, task, taskwait, shared]
pattern: divide and conquer
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define CUTOFF 18 /* below this, recurse serially: a task costs ~1 microsecond */

static long fib_serial(int n) { return n < 2 ? n : fib_serial(n - 1) + fib_serial(n - 2); }

static long fib(int n) {
    if (n < CUTOFF) return fib_serial(n);
    long x, y;
    /* Each task computes one half. Locals of the enclosing function are
       firstprivate in a task by default, so x and y must be declared
       shared for the results to come back. */
#pragma omp task shared(x)
    x = fib(n - 1);
#pragma omp task shared(y)
    y = fib(n - 2);
    /* Wait for the two child tasks (not for grandchildren: each child
       waits for its own children before returning). */
#pragma omp taskwait
    return x + y;
}

int main(void) {
    const int n = 30;
    long result = 0;
    double t0 = omp_get_wtime();

    /* The usual task pattern: create the thread team, let ONE thread start
       the recursion; the tasks it spawns are executed by all threads of the
       team (idle threads pick them up at the barrier ending single). */
#pragma omp parallel
#pragma omp single
    result = fib(n);

    double t = omp_get_wtime() - t0;

    /* Iterative reference. */
    long a = 0, b = 1;
    for (int i = 0; i < n; i++) {
        long c = a + b;
        a = b;
        b = c;
    }
    int ok = result == a;
    printf("fib(%d) = %ld in %.4f s on %d threads: %s\n", n, result, t, omp_get_max_threads(),
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
