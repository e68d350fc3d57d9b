/*---
id: omp-lastprivate-clause
title: Keep the value from the last iteration with lastprivate
descriptions:
  - get the value of a private variable after the parallel loop
  - lastprivate clause example
  - variable is undefined after the parallel for, how do I keep it
api: openmp
lang: c
constructs: [parallel for, lastprivate]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 1000

int main(void) {
    static double y[N];
    double x = -1.0; /* written in every iteration */
    int i;           /* loop variable declared outside the loop */

    /* lastprivate(x): x is private inside the loop, and after the loop the
       original x receives the value from the sequentially LAST iteration
       (i == N-1), no matter which thread ran it - exactly as if the loop
       had run serially. The same holds for the loop variable i when it
       is declared outside: lastprivate(i) gives it the value N. */
#pragma omp parallel for lastprivate(x, i)
    for (i = 0; i < N; i++) {
        x = 0.5 * i;
        y[i] = x * x;
    }

    int ok = x == 0.5 * (N - 1) && i == N;
    for (int k = 0; k < N; k++)
        if (y[k] != 0.25 * k * k) ok = 0;
    printf("after the loop: x = %.1f, i = %d: %s\n", x, i, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
