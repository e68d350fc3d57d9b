/*---
id: kern-montecarlo-pi-serial
title: Monte Carlo estimate of pi with a hand-written random generator (serial)
descriptions:
  - estimate pi by random sampling in the unit square
  - Monte Carlo pi with a simple linear congruential generator
  - throw random darts at a circle to compute pi
api: serial
lang: c
constructs: [LCG random numbers, Monte Carlo]
pattern: monte-carlo
threads: [1]
ranks: [1]
---*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#define SAMPLES 2000000L
#define PI 3.14159265358979323846

/* 64-bit LCG (Knuth's MMIX constants); the top 53 bits give a double in [0,1). */
static double uniform(uint64_t *state) {
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*state >> 11) / 9007199254740992.0;
}

int main(void) {
    uint64_t state = 42;
    long hits = 0;
    for (long i = 0; i < SAMPLES; i++) {
        double x = uniform(&state), y = uniform(&state);
        if (x * x + y * y < 1.0) hits++; /* inside the quarter circle */
    }
    /* area of quarter circle / area of square = pi/4 */
    double pi = 4.0 * (double)hits / SAMPLES;
    /* Standard error ~ 1.64/sqrt(SAMPLES) ~ 0.0012; allow a wide margin. */
    int ok = fabs(pi - PI) < 0.01;
    printf("pi ~ %.5f (error %.5f): %s\n", pi, fabs(pi - PI), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
