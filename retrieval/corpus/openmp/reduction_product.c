/*---
id: omp-reduction-product
title: Multiply many factors together with reduction(*)
descriptions:
  - parallel product of all array elements
  - reduction with multiplication in OpenMP
  - compute a big product in parallel without overflow using logs or scaling
api: openmp
lang: c
constructs: [parallel for, reduction(*)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 2000

int main(void) {
    /* Product of (1 + 1/(i*(i+2))) for i = 1..N. It telescopes to
       2(N+1)/(N+2), so the answer is known exactly. Each factor is close
       to 1, so the product neither overflows nor underflows. */
    double prod = 1.0; /* reduction(*) starts every private copy at 1 */
#pragma omp parallel for reduction(* : prod)
    for (int i = 1; i <= N; i++) prod *= 1.0 + 1.0 / ((double)i * (i + 2));

    double expected = 2.0 * (N + 1) / (N + 2);

    /* Integer products work the same way; here 2^30 from 30 factors of 2. */
    long long p2 = 1;
#pragma omp parallel for reduction(* : p2)
    for (int i = 0; i < 30; i++) p2 *= 2;

    int ok = fabs(prod - expected) <= 1e-12 * expected && p2 == (1LL << 30);
    printf("product = %.15f (exact %.15f), 2^30 = %lld: %s\n", prod, expected, p2,
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
