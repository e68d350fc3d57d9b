/*---
id: omp-cancel-for-search
title: Stop a parallel search early with cancel for
descriptions:
  - exit a parallel for loop early when a result is found
  - break out of an OpenMP loop
  - omp cancel for and cancellation point example
  - OMP_CANCELLATION environment variable
api: openmp
lang: c
constructs: [parallel, for, cancel for, cancellation point, omp_get_cancellation, atomic write]
pattern: search
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N 2000000

int main(void) {
    int *a = malloc(N * sizeof *a);
    if (!a) return 1;
    for (int i = 0; i < N; i++) a[i] = (int)((i * 7919L) % N); /* a permutation of 0..N-1 */
    const int target = 123456;

    /* "break" is not allowed in an omp for loop. cancel for asks all
       threads to stop the loop: the thread that finds the target cancels,
       the others notice at their next cancellation point (or at "cancel")
       and skip their remaining iterations.
       Cancellation only works when the program is started with
       OMP_CANCELLATION=true; otherwise cancel is ignored and the loop just
       runs to completion. The code below is correct in both cases: only
       the time differs. */
    int found = -1;
    long checked = 0;
#pragma omp parallel reduction(+ : checked)
    {
#pragma omp for
        for (int i = 0; i < N; i++) {
            checked++;
            if (a[i] == target) {
#pragma omp atomic write
                found = i;
#pragma omp cancel for
            }
            /* Where the other threads look for a pending cancellation.
               Checking costs a little, so do not put one in a tiny loop
               body that never needs it; here it is needed. */
#pragma omp cancellation point for
        }
    }

    /* Serial reference. The target occurs exactly once, so the answer does
       not depend on which thread found it. */
    int ref = -1;
    for (int i = 0; i < N; i++)
        if (a[i] == target) ref = i;

    int ok = found == ref && found >= 0 && checked >= 1 && checked <= N;
    printf("cancellation %s; found %d at index %d after checking %ld of %d elements: %s\n",
           omp_get_cancellation() ? "enabled" : "disabled (set OMP_CANCELLATION=true)", target,
           found, checked, N, ok ? "PASS" : "FAIL");
    free(a);
    return ok ? 0 : 1;
}
