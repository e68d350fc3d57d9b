/* Bug: integer division, prints pi = 3.000000. */
#include <omp.h>
#include <stdio.h>

int main(void) {
    const long samples = 20000000;
    long hits = 0;
#pragma omp parallel reduction(+ : hits)
    {
        unsigned int seed = 1234u + 17u * omp_get_thread_num();
#pragma omp for
        for (long i = 0; i < samples; i++) {
            seed = seed * 1103515245u + 12345u;
            double x = (seed >> 8) / 16777216.0;
            seed = seed * 1103515245u + 12345u;
            double y = (seed >> 8) / 16777216.0;
            if (x * x + y * y <= 1.0) hits++;
        }
    }
    double pi = 4 * hits / samples;
    printf("pi = %.6f\n", pi);
    return 0;
}
