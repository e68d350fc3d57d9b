/*---
id: omp-schedule-dynamic
title: Balance an uneven loop with schedule(dynamic, chunk)
descriptions:
  - my loop iterations take very different times, how do I balance them
  - schedule(dynamic) load balancing example
  - threads finish at different times, some cores sit idle
  - count primes in parallel where some numbers cost more than others
api: openmp
lang: c
constructs: [parallel for, schedule(dynamic, chunk), reduction(+)]
pattern: map
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 200000

/* Trial division: cost grows with sqrt(n) and varies a lot between
   numbers (even numbers exit at once, primes run the whole loop). */
static int is_prime(int n) {
    if (n < 2) return 0;
    if (n % 2 == 0) return n == 2;
    for (int d = 3; d * d <= n; d += 2)
        if (n % d == 0) return 0;
    return 1;
}

int main(void) {
    /* schedule(dynamic, 256): threads grab the next chunk of 256 iterations
       from a shared queue whenever they finish one. A thread that drew cheap
       iterations simply takes more chunks, so nobody waits idle at the end.
       The chunk size trades balance (small chunks) against queue overhead
       (each grab costs a little synchronisation). */
    int count = 0;
    double t0 = omp_get_wtime();
#pragma omp parallel for schedule(dynamic, 256) reduction(+ : count)
    for (int n = 0; n < N; n++) count += is_prime(n);
    double t1 = omp_get_wtime();

    /* Serial check with a sieve of Eratosthenes. */
    static char composite[N];
    int expected = 0;
    for (int i = 2; i < N; i++) {
        if (composite[i]) continue;
        expected++;
        for (long j = (long)i * i; j < N; j += i) composite[j] = 1;
    }

    int ok = count == expected;
    printf("%d primes below %d (%.4f s, %d threads): %s\n", count, N, t1 - t0,
           omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
