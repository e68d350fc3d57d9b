/*---
id: omp-if-clause
title: Go parallel only when the problem is big enough with the if clause
descriptions:
  - avoid the overhead of threads for small loops
  - parallel if clause example
  - run serially for small input and in parallel for large input
api: openmp
lang: c
constructs: [parallel for, if clause, omp_get_num_threads, reduction(+)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define THRESHOLD 10000 /* below this, starting threads costs more than it saves */

/* Sum of squares of v[0..n-1]; reports the team size that was used. */
static double sum_squares(const double *v, int n, int *team) {
    double s = 0.0;
    /* if(cond): when cond is false the region runs with a team of ONE
       thread (the encountering thread) - same code, no thread overhead. */
#pragma omp parallel for if (n > THRESHOLD) reduction(+ : s)
    for (int i = 0; i < n; i++) {
        if (i == 0) *team = omp_get_num_threads(); /* only one iteration writes */
        s += v[i] * v[i];
    }
    return s;
}

int main(void) {
    const int big = 1000000;
    double *v = malloc(big * sizeof *v);
    if (!v) return 1;
    for (int i = 0; i < big; i++) v[i] = (i % 3) - 1.0; /* -1, 0, 1, ... */

    int team_small = -1, team_big = -1;
    double small = sum_squares(v, 100, &team_small);
    double large = sum_squares(v, big, &team_big);

    /* Serial references: same additions of 0s and 1s, so exact. */
    double ref_small = 0.0, ref_large = 0.0;
    for (int i = 0; i < big; i++) {
        if (i < 100) ref_small += v[i] * v[i];
        ref_large += v[i] * v[i];
    }
    int ok = small == ref_small && large == ref_large;
    ok = ok && team_small == 1 && team_big == omp_get_max_threads();
    printf("n=100 used %d thread(s), n=%d used %d thread(s): %s\n", team_small, big, team_big,
           ok ? "PASS" : "FAIL");
    free(v);
    return ok ? 0 : 1;
}
