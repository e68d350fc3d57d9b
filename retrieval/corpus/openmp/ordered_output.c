/*---
id: omp-ordered-output
title: Compute in parallel but emit results in loop order with ordered
descriptions:
  - print results in order from a parallel loop
  - omp ordered example
  - keep sequential order for part of a parallel for loop
api: openmp
lang: c
constructs: [parallel for, ordered, schedule(dynamic)]
pattern: pipeline
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <string.h>

#define N 40

/* Expensive part: number of Collatz steps to reach 1 starting from n. */
static int collatz_steps(long n) {
    int steps = 0;
    while (n != 1) {
        n = (n % 2) ? 3 * n + 1 : n / 2;
        steps++;
    }
    return steps;
}

int main(void) {
    char text[N * 8] = "";
    int len = 0;

    /* The loop needs the "ordered" clause, and the block marked
       "omp ordered" then runs in the sequential order of the iterations:
       iteration i waits until i-1 has finished its ordered block. The
       work before it (collatz_steps) still runs in parallel. Keep the
       ordered part short or the loop becomes serial. */
#pragma omp parallel for ordered schedule(dynamic)
    for (int i = 1; i <= N; i++) {
        int s = collatz_steps(1000L + i);
#pragma omp ordered
        len += snprintf(text + len, sizeof text - len, "%d ", s);
    }

    /* Build the expected string serially. */
    char ref[N * 8] = "";
    int rlen = 0;
    for (int i = 1; i <= N; i++)
        rlen += snprintf(ref + rlen, sizeof ref - rlen, "%d ", collatz_steps(1000L + i));

    int ok = strcmp(text, ref) == 0;
    printf("Collatz steps for 1001, 1002, ...: %.40s...\n%s\n", text, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
