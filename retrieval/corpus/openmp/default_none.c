/*---
id: omp-default-none
title: Force explicit data-sharing with default(none)
descriptions:
  - how to avoid accidental shared variables in OpenMP
  - default(none) shared firstprivate example
  - make the compiler tell me which variables I forgot to scope
api: openmp
lang: c
constructs: [parallel for, default(none), shared, firstprivate, reduction(+)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 20000

int main(void) {
    static double x[N], y[N];
    const int n = N;
    double alpha = 0.5;
    double norm2 = 0.0;
    for (int i = 0; i < n; i++) x[i] = i % 17;

    /* default(none) switches off the implicit rules: every variable used
       inside the region must be listed, or the code does not compile.
       This forces you to decide, for each variable, whether threads share
       it (the arrays), get an initialised copy (alpha, n) or combine into
       it (norm2). Loop indices and variables declared inside the region
       need no listing. (const variables used to be predetermined shared;
       listing n explicitly keeps this portable across compilers.) */
#pragma omp parallel for default(none) shared(x, y) firstprivate(alpha, n) reduction(+ : norm2)
    for (int i = 0; i < n; i++) {
        double v = alpha * x[i] + 1.0;
        y[i] = v;
        norm2 += v * v;
    }

    double ref = 0.0;
    int ok = 1;
    for (int i = 0; i < n; i++) {
        double v = 0.5 * (i % 17) + 1.0;
        if (y[i] != v) ok = 0;
        ref += v * v;
    }
    ok = ok && fabs(norm2 - ref) <= 1e-12 * ref;
    printf("||y||^2 = %.3f: %s\n", norm2, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
