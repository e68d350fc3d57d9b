/*---
id: omp-target-teams-vector-add
title: GPU-style vector add with target teams distribute parallel for
descriptions:
  - offload a loop to the GPU with OpenMP
  - target teams distribute parallel for example with map clauses
  - map array sections a[0:n] to the device
  - OpenMP GPU offloading of a simple loop
api: openmp
lang: c
constructs: [target teams distribute parallel for, map(to), map(from), array section]
pattern: offload
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

/* Build note: clang 14's ThreadSanitizer support for OpenMP (libarcher)
   crashes on any "teams" construct, so a -fsanitize=thread build falls
   back to the equivalent "target parallel for". Normal builds (gcc,
   clang, with or without a GPU) use the full teams version. */
#if defined(__SANITIZE_THREAD__)
#define NO_TEAMS 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define NO_TEAMS 1
#endif
#endif

int main(void) {
    const int n = 1 << 20;
    float *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *c = malloc(n * sizeof *c);
    if (!a || !b || !c) return 1;
    for (int i = 0; i < n; i++) {
        a[i] = (float)i;
        b[i] = 2.0f;
    }

    /* For a pointer the compiler does not know the size, so map an array
       section: a[0:n] = n elements starting at a[0].
       teams:       a league of teams (GPU thread blocks),
       distribute:  split the iterations among the teams,
       parallel for: split each team's share among its threads.
       Without a GPU all of this runs on the host CPU. Note that on the host
       the map clauses copy nothing (host and "device" memory are the same),
       so a missing map(from:) goes unnoticed there but breaks on a GPU. */
#ifndef NO_TEAMS
#pragma omp target teams distribute parallel for map(to : a[0:n], b[0:n]) map(from : c[0:n])
#else
#pragma omp target parallel for map(to : a[0:n], b[0:n]) map(from : c[0:n])
#endif
    for (int i = 0; i < n; i++) c[i] = a[i] * b[i] + 1.0f;

    int ok = 1;
    for (int i = 0; i < n; i++)
        if (c[i] != 2.0f * (float)i + 1.0f) ok = 0;
    printf("c = a*b + 1 on %d elements (%d offload devices): %s\n", n, omp_get_num_devices(),
           ok ? "PASS" : "FAIL");
    free(a);
    free(b);
    free(c);
    return ok ? 0 : 1;
}
