/*---
id: omp-schedule-auto
title: Let the compiler and runtime choose with schedule(auto)
descriptions:
  - schedule(auto) example
  - let OpenMP pick the loop schedule for me
  - which schedule should I use if I do not know the cost of iterations
api: openmp
lang: c
constructs: [parallel for, schedule(auto), reduction(+)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <math.h>
#include <omp.h>
#include <stdio.h>

#define N 200000

int main(void) {
    /* schedule(auto) delegates the choice of schedule to the compiler and
       runtime. Implementations are free to map it to any schedule (GCC's
       libgomp, for example, treats it as static). The result of a correct
       loop never depends on the schedule, only the speed does. */
    double sum = 0.0;
#pragma omp parallel for schedule(auto) reduction(+ : sum)
    for (int i = 1; i <= N; i++) sum += 1.0 / ((double)i * i);

    /* sum_{i>=1} 1/i^2 = pi^2/6; the tail after N terms is about 1/N. */
    const double pi = acos(-1.0);
    double expected = pi * pi / 6.0 - 1.0 / N;
    int ok = fabs(sum - expected) < 1e-9;
    printf("sum 1/i^2 = %.10f (pi^2/6 - 1/N = %.10f): %s\n", sum, expected, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
