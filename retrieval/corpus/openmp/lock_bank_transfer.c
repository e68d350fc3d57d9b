/*---
id: omp-lock-bank-transfer
title: Lock two objects at once without deadlock (ordered locking)
descriptions:
  - transfer money between accounts in parallel without deadlock
  - how do I take two locks safely in OpenMP
  - my OpenMP program hangs when threads lock two resources
api: openmp
lang: c
constructs: [omp_lock_t, omp_set_lock, omp_unset_lock, parallel for]
pattern: mutual exclusion
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define NACC 32
#define NTRANSFERS 50000

typedef struct {
    long balance;
    omp_lock_t lock;
} Account;

static Account acc[NACC];

/* Move amount from a to b. Both accounts must be locked together.
   If thread 1 locks a then b while thread 2 locks b then a, each can hold
   one lock and wait forever for the other (deadlock). Fix: always take the
   two locks in the same global order (lower index first). */
static void transfer(int from, int to, long amount) {
    if (from == to) return;
    int first = from < to ? from : to;
    int second = from < to ? to : from;
    omp_set_lock(&acc[first].lock);
    omp_set_lock(&acc[second].lock);
    acc[from].balance -= amount;
    acc[to].balance += amount;
    omp_unset_lock(&acc[second].lock);
    omp_unset_lock(&acc[first].lock);
}

int main(void) {
    for (int a = 0; a < NACC; a++) {
        acc[a].balance = 1000;
        omp_init_lock(&acc[a].lock);
    }

#pragma omp parallel for
    for (int t = 0; t < NTRANSFERS; t++) {
        int from = (t * 17) % NACC, to = (t * 29 + 3) % NACC;
        transfer(from, to, t % 10);
    }

    /* Money is conserved; each balance equals the serial replay. */
    long total = 0, ref[NACC];
    for (int a = 0; a < NACC; a++) ref[a] = 1000;
    for (int t = 0; t < NTRANSFERS; t++) {
        int from = (t * 17) % NACC, to = (t * 29 + 3) % NACC;
        if (from != to) {
            ref[from] -= t % 10;
            ref[to] += t % 10;
        }
    }
    int ok = 1;
    for (int a = 0; a < NACC; a++) {
        total += acc[a].balance;
        if (acc[a].balance != ref[a]) ok = 0;
        omp_destroy_lock(&acc[a].lock);
    }
    ok = ok && total == 1000L * NACC;
    printf("total money %ld after %d transfers: %s\n", total, NTRANSFERS, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
