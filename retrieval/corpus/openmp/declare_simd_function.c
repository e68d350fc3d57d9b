/*---
id: omp-declare-simd
title: Call a function inside a vectorized loop with declare simd
descriptions:
  - loop with a function call does not vectorize
  - declare simd uniform linear example
  - make a user function callable from a simd loop
api: openmp
lang: c
constructs: [declare simd, uniform, linear, notinbranch, parallel for simd]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 50000

/* declare simd asks the compiler to also generate vector versions of the
   function, taking several arguments at once. Clauses describe the
   arguments across SIMD lanes:
     uniform(coef):         the same value in every lane,
     linear(i : 1):         lane k receives i + k (consecutive indices),
     notinbranch:           never called under an if inside the loop.
   Without it, a call to an out-of-line function blocks vectorization. */
#pragma omp declare simd uniform(coef) linear(i : 1) notinbranch
double cubic_at(const double *coef, int i) {
    double x = 0.001 * i;
    return coef[0] + x * (coef[1] + x * (coef[2] + x * coef[3])); /* Horner's rule */
}

int main(void) {
    static double y[N];
    const double coef[4] = {1.0, -2.0, 0.5, 0.25}; /* 1 - 2x + x^2/2 + x^3/4 */

#pragma omp parallel for simd
    for (int i = 0; i < N; i++) y[i] = cubic_at(coef, i);

    int ok = 1;
    for (int i = 0; i < N; i++) {
        double x = 0.001 * i;
        double want = 1.0 - 2.0 * x + 0.5 * x * x + 0.25 * x * x * x;
        if (fabs(y[i] - want) > 1e-9 * (1.0 + fabs(want))) ok = 0;
    }
    printf("p(%.1f) = %.4f: %s\n", 0.001 * (N - 1), y[N - 1], ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
