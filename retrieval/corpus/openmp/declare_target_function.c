/*---
id: omp-declare-target-function
title: Call your own function inside a target region with declare target
descriptions:
  - call a function from inside an OpenMP target region
  - declare target example for GPU offloading
  - compile a helper function for the device
api: openmp
lang: c
constructs: [declare target, end declare target, target parallel for, map(to), map(from)]
pattern: offload
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 20000

/* Functions called inside a target region must also be compiled for the
   device. Wrapping them (and any global data they use) in
   declare target / end declare target asks the compiler to do so. */
#pragma omp declare target
static const double coeffs[3] = {1.0, 0.5, 0.25};

static double smooth(double x) { /* 1 + x/2 + x^2/4, by Horner's rule */
    return coeffs[0] + x * (coeffs[1] + x * coeffs[2]);
}
#pragma omp end declare target

int main(void) {
    static double in[N], out[N];
    for (int i = 0; i < N; i++) in[i] = 0.001 * i;

#pragma omp target parallel for map(to : in) map(from : out)
    for (int i = 0; i < N; i++) out[i] = smooth(in[i]);

    int ok = 1;
    for (int i = 0; i < N; i++) {
        double x = 0.001 * i;
        if (fabs(out[i] - (1.0 + 0.5 * x + 0.25 * x * x)) > 1e-12 * (1.0 + x * x)) ok = 0;
    }
    printf("out[N-1] = %.4f: %s\n", out[N - 1], ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
