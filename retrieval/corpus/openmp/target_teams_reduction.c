/*---
id: omp-target-teams-reduction
title: Reduction on the device - target teams distribute parallel for reduction
descriptions:
  - sum an array on the GPU with OpenMP
  - reduction inside a target region
  - dot product offloaded with OpenMP target
api: openmp
lang: c
constructs: [target teams distribute parallel for, reduction(+), map(to), map(tofrom)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

/* clang 14's ThreadSanitizer OpenMP support (libarcher) crashes on
   "teams": sanitizer builds use the equivalent target parallel for. */
#if defined(__SANITIZE_THREAD__)
#define NO_TEAMS 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define NO_TEAMS 1
#endif
#endif

int main(void) {
    const int n = 500000;
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    if (!x || !y) return 1;
    for (int i = 0; i < n; i++) {
        x[i] = sin(0.001 * i);
        y[i] = cos(0.001 * i);
    }

    /* The reduction combines partial sums across threads AND teams. The
       result variable is mapped tofrom so the final value comes back to
       the host (OpenMP 5.0 maps reduction variables like this implicitly;
       writing it out is clearer and works with older compilers). */
    double dot = 0.0;
#ifndef NO_TEAMS
#pragma omp target teams distribute parallel for reduction(+ : dot) map(to : x[0:n], y[0:n]) map(tofrom : dot)
#else
#pragma omp target parallel for reduction(+ : dot) map(to : x[0:n], y[0:n]) map(tofrom : dot)
#endif
    for (int i = 0; i < n; i++) dot += x[i] * y[i];

    double ref = 0.0;
    for (int i = 0; i < n; i++) ref += x[i] * y[i];
    int ok = fabs(dot - ref) <= 1e-9 * fabs(ref);
    printf("dot = %.6f (host %.6f): %s\n", dot, ref, ok ? "PASS" : "FAIL");
    free(x);
    free(y);
    return ok ? 0 : 1;
}
