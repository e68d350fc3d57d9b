/*---
id: omp-lock-nested
title: Re-entrant locking with omp_nest_lock_t
descriptions:
  - a function that holds a lock calls another function that takes the same lock
  - nested lock omp_set_nest_lock example
  - recursive mutex in OpenMP
api: openmp
lang: c
constructs: [omp_nest_lock_t, omp_init_nest_lock, omp_set_nest_lock, omp_unset_nest_lock, omp_test_nest_lock, parallel for]
pattern: mutual exclusion
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

/* A tiny "account" whose operations call each other. deposit() locks the
   account and then calls add_fee(), which locks it again. With a simple
   omp_lock_t the second lock by the same thread would deadlock (it is
   undefined behaviour). A nestable lock counts how many times its owner
   has set it and is released only when the count drops back to zero. */
typedef struct {
    long balance;
    long fees;
    int deepest; /* largest nesting depth seen (diagnostic) */
    omp_nest_lock_t lock;
} Account;

static void add_fee(Account *a, long fee) {
    omp_set_nest_lock(&a->lock); /* already owned by this thread: depth 2 */
    a->balance -= fee;
    a->fees += fee;
    /* omp_test_nest_lock returns the new nesting count (here 3) if it
       succeeds; release the extra level immediately. */
    int depth = omp_test_nest_lock(&a->lock);
    if (depth > a->deepest) a->deepest = depth;
    omp_unset_nest_lock(&a->lock);
    omp_unset_nest_lock(&a->lock);
}

static void deposit(Account *a, long amount) {
    omp_set_nest_lock(&a->lock); /* depth 1 */
    a->balance += amount;
    if (amount > 50) add_fee(a, 1); /* re-enters the same lock */
    omp_unset_nest_lock(&a->lock);  /* fully released here */
}

int main(void) {
    Account acct = {0, 0, 0};
    omp_init_nest_lock(&acct.lock);
    const int n = 10000;

#pragma omp parallel for
    for (int i = 0; i < n; i++) deposit(&acct, i % 100);

    omp_destroy_nest_lock(&acct.lock);

    /* Per 100 deposits: amounts 0..99 sum to 4950, and 49 of them (51..99)
       pay a fee of 1. */
    long fees = (n / 100) * 49L;
    long expected = (n / 100) * 4950L - fees;
    int ok = acct.balance == expected && acct.fees == fees && acct.deepest == 3;
    printf("balance %ld, fees %ld, max nesting depth %d: %s\n", acct.balance, acct.fees,
           acct.deepest, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
