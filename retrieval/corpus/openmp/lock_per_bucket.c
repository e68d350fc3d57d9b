/*---
id: omp-lock-per-bucket
title: Fine-grained locking - one lock per hash-table bucket
descriptions:
  - insert into a shared hash table from many threads
  - array of OpenMP locks to reduce contention
  - lock striping example so threads do not all wait on one lock
api: openmp
lang: c
constructs: [omp_lock_t, omp_set_lock, omp_unset_lock, parallel for]
pattern: mutual exclusion
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define NBUCKETS 64
#define NKEYS 20000

typedef struct Entry {
    int key, count;
    struct Entry *next;
} Entry;

static Entry *bucket[NBUCKETS];
static omp_lock_t bucket_lock[NBUCKETS]; /* lock b protects bucket[b] only */

/* Count one occurrence of key. Threads working on different buckets
   proceed in parallel; only threads hitting the same bucket wait. */
static int add_key(int key) {
    int b = (unsigned)key * 2654435761u % NBUCKETS;
    omp_set_lock(&bucket_lock[b]);
    Entry *e = bucket[b];
    while (e && e->key != key) e = e->next;
    if (!e) {
        e = malloc(sizeof *e);
        if (!e) {
            omp_unset_lock(&bucket_lock[b]);
            return 0;
        }
        e->key = key;
        e->count = 0;
        e->next = bucket[b];
        bucket[b] = e;
    }
    e->count++;
    omp_unset_lock(&bucket_lock[b]);
    return 1;
}

int main(void) {
    for (int b = 0; b < NBUCKETS; b++) omp_init_lock(&bucket_lock[b]);

    int ok = 1;
    /* key = 7i mod 1000 takes each of the 1000 values NKEYS/1000 times. */
#pragma omp parallel for reduction(&& : ok)
    for (int i = 0; i < NKEYS; i++) ok = add_key((i * 7) % 1000) && ok;

    int distinct = 0;
    long total = 0;
    for (int b = 0; b < NBUCKETS; b++) {
        for (Entry *e = bucket[b]; e;) {
            if (e->count != NKEYS / 1000) ok = 0;
            distinct++;
            total += e->count;
            Entry *next = e->next;
            free(e);
            e = next;
        }
        omp_destroy_lock(&bucket_lock[b]);
    }
    ok = ok && distinct == 1000 && total == NKEYS;
    printf("%d distinct keys, %ld insertions: %s\n", distinct, total, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
