/*---
id: omp-threadprivate-rng
title: Monte Carlo with a per-thread random number generator
descriptions:
  - random numbers in parallel OpenMP without rand()
  - estimate pi with Monte Carlo using several threads
  - each thread needs its own random seed
api: openmp
lang: c
constructs: [threadprivate, parallel, for, reduction(+), omp_get_thread_num]
pattern: monte carlo
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>

/* rand() shares one hidden state between all threads: it is not
   thread-safe (or is serialised internally), so each thread gets its own
   generator state instead. threadprivate makes the state per thread while
   keeping the simple "global function" interface. */
static uint64_t rng_state;
#pragma omp threadprivate(rng_state)

static double uniform01(void) { /* xorshift64*: small, fast, decent */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (double)((rng_state * 2685821657736338717ULL) >> 11) * 0x1.0p-53;
}

int main(void) {
    const long samples = 2000000;
    long inside = 0;

#pragma omp parallel reduction(+ : inside)
    {
        /* Different, nonzero seed per thread: streams must not coincide. */
        rng_state = 0x9E3779B97F4A7C15ULL * (uint64_t)(omp_get_thread_num() + 1);
#pragma omp for
        for (long s = 0; s < samples; s++) {
            double x = uniform01(), y = uniform01();
            if (x * x + y * y <= 1.0) inside++;
        }
    }

    double pi = 4.0 * inside / samples;
    /* Statistical error ~ 4 * sqrt(p(1-p)/samples) ~ 0.0012; allow 5 sigma. */
    int ok = fabs(pi - acos(-1.0)) < 0.006;
    printf("pi ~ %.5f from %ld samples: %s\n", pi, samples, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
