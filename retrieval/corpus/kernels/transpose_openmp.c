/*---
id: kern-transpose-openmp
title: Parallel cache-blocked matrix transpose with OpenMP collapse(2) over tiles
descriptions:
  - parallel matrix transpose with OpenMP
  - distribute the tiles of a blocked transpose over threads
  - out-of-place transpose using collapse(2)
api: openmp
lang: c
constructs: [parallel for, collapse(2), schedule(static), loop tiling]
pattern: transpose
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define R 1200
#define C 900
#define BS 64

int main(void) {
    float *A = malloc((size_t)R * C * sizeof *A), *T = malloc((size_t)R * C * sizeof *T);
    for (size_t k = 0; k < (size_t)R * C; k++) A[k] = (float)(k % 1013);

    /* Every tile is independent and writes its own part of T: collapse(2)
       gives the threads (R/BS)*(C/BS) tiles to share instead of R/BS rows. */
#pragma omp parallel for collapse(2) schedule(static)
    for (int ii = 0; ii < R; ii += BS)
        for (int jj = 0; jj < C; jj += BS)
            for (int i = ii; i < ii + BS && i < R; i++)
                for (int j = jj; j < jj + BS && j < C; j++) T[(size_t)j * R + i] = A[(size_t)i * C + j];

    int ok = 1; /* serial reference: element by element */
    for (int i = 0; i < R; i++)
        for (int j = 0; j < C; j++)
            if (T[(size_t)j * R + i] != A[(size_t)i * C + j]) ok = 0;
    printf("transpose %dx%d with %d threads: %s\n", R, C, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    free(A);
    free(T);
    return ok ? 0 : 1;
}
