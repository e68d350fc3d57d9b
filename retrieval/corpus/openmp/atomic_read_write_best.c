/*---
id: omp-atomic-read-write-best
title: Share a best-so-far value with atomic read and atomic write
descriptions:
  - branch and bound pruning with a shared best value
  - atomic read and atomic write example
  - threads need to see the current best solution without locking every time
api: openmp
lang: c
constructs: [parallel for, atomic read, atomic write, critical, reduction(+), schedule(dynamic)]
pattern: search
threads: [1, 2]
ranks: [1]
---*/
#include <float.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define NCAND 2000

/* A cheap lower bound on the cost of candidate c, in [0, 1]... */
static double lower_bound(int c) { return 0.01 * ((c * 37) % 101); }

/* ...and the exact cost: the bound plus an expensive extra term in [0, 0.1]. */
static double exact_cost(int c) {
    double s = 0.0;
    for (int k = 1; k <= 400; k++) s += fabs(sin(0.001 * c * k));
    return lower_bound(c) + 0.1 * s / 400;
}

int main(void) {
    double best = DBL_MAX; /* shared best cost found so far */
    int pruned = 0;

#pragma omp parallel for schedule(dynamic, 16) reduction(+ : pruned)
    for (int c = 1; c <= NCAND; c++) {
        /* atomic read: get a consistent (untorn) snapshot of best without
           a lock. It may be slightly stale, which is fine for pruning. */
        double b;
#pragma omp atomic read
        b = best;
        if (lower_bound(c) >= b) {
            pruned++; /* cannot beat the best: skip the costly evaluation */
            continue;
        }
        double v = exact_cost(c);
        if (v < b) {
            /* Check-and-set must be one step, so it goes in a critical
               section; the store is atomic because other threads read
               best with atomic read outside the critical section. */
#pragma omp critical(best_update)
            if (v < best) {
#pragma omp atomic write
                best = v;
            }
        }
    }

    double ref = DBL_MAX;
    for (int c = 1; c <= NCAND; c++) ref = fmin(ref, exact_cost(c));

    int ok = best == ref;
    printf("best cost %.6f, %d of %d candidates pruned: %s\n", best, pruned, NCAND,
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
