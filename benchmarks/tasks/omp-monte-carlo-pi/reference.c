#include <omp.h>
#include <stdint.h>
#include <stdio.h>

/* xorshift64*: a small generator whose state is private to each thread */
static double next_uniform(uint64_t *s) {
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) * (1.0 / 9007199254740992.0);
}

int main(void) {
    const long samples = 20000000;
    long hits = 0;
#pragma omp parallel reduction(+ : hits)
    {
        uint64_t state = 0x9E3779B97F4A7C15ULL * (uint64_t)(omp_get_thread_num() + 1);
#pragma omp for
        for (long i = 0; i < samples; i++) {
            double x = next_uniform(&state), y = next_uniform(&state);
            if (x * x + y * y <= 1.0) hits++;
        }
    }
    printf("pi = %.6f\n", 4.0 * (double)hits / (double)samples);
    return 0;
}
