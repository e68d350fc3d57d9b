/*---
id: omp-reduction-bitwise
title: Bitwise reductions with reduction(^), reduction(|) and reduction(&)
descriptions:
  - xor checksum of an array in parallel
  - combine bit flags from all iterations with bitwise or
  - OpenMP reduction with ^ | & operators
api: openmp
lang: c
constructs: [parallel for, reduction(^), reduction(|), reduction(&)]
pattern: reduce
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdint.h>
#include <stdio.h>

#define N 100000

/* A simple integer hash so the data looks random but is reproducible. */
static uint32_t mix(uint32_t x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

int main(void) {
    /* Identities: ^ and | start from 0, & starts from all bits set (~0).
       All three are associative and commutative, so the result is exactly
       the same as serial, whatever the thread count. */
    uint32_t x_xor = 0, x_or = 0, x_and = ~0U;
#pragma omp parallel for reduction(^ : x_xor) reduction(| : x_or) reduction(& : x_and)
    for (uint32_t i = 0; i < N; i++) {
        uint32_t v = mix(i);
        x_xor ^= v;        /* checksum: detects any single changed element */
        x_or |= v & 0xFF;  /* which low bits appear anywhere */
        x_and &= v | 0x1;  /* bit 0 forced on: survives the AND */
    }

    uint32_t e_xor = 0, e_or = 0, e_and = ~0U;
    for (uint32_t i = 0; i < N; i++) {
        uint32_t v = mix(i);
        e_xor ^= v;
        e_or |= v & 0xFF;
        e_and &= v | 0x1;
    }

    int ok = x_xor == e_xor && x_or == e_or && x_and == e_and && (x_and & 1U);
    printf("xor=%08x or=%02x and=%08x: %s\n", (unsigned)x_xor, (unsigned)x_or, (unsigned)x_and,
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
