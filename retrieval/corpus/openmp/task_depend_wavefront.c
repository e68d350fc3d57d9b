/*---
id: omp-task-depend-wavefront
title: Blocked wavefront computation driven by task dependencies
descriptions:
  - each block depends on the block above and the block to the left
  - dynamic programming table in parallel with OpenMP tasks
  - wavefront parallelism using depend clauses on array elements
api: openmp
lang: c
constructs: [parallel, single, task, depend(in), depend(out), taskwait]
pattern: wavefront
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 600 /* table size */
#define B 100 /* block size: 6 x 6 = 36 blocks, each a sizeable task */
#define NB (N / B)
#define MOD 1000003

static int t[N][N];
static int ref[N][N];

/* One dummy "token" per block, used only to name dependencies. Shifted by
   one so that block (bi,bj) can always name the tokens of (bi-1,bj) and
   (bi,bj-1); on the border those tokens belong to no task, so that
   dependency is simply satisfied. */
char token[NB + 1][NB + 1];

/* Lattice-path style recurrence: each cell needs its upper and left
   neighbours, so cells on the same anti-diagonal are independent. */
static void fill_block(int (*g)[N], int bi, int bj) {
    for (int i = bi * B; i < (bi + 1) * B; i++)
        for (int j = bj * B; j < (bj + 1) * B; j++)
            g[i][j] = (i == 0 || j == 0) ? 1 : (g[i - 1][j] + g[i][j - 1] + i % 3) % MOD;
}

int main(void) {
#pragma omp parallel
#pragma omp single
    {
        for (int bi = 0; bi < NB; bi++)
            for (int bj = 0; bj < NB; bj++) {
                /* Created in row order; the runtime starts a block as soon
                   as the two blocks it reads from are finished, so blocks
                   on the same anti-diagonal run in parallel. */
#pragma omp task depend(in : token[bi][bj + 1], token[bi + 1][bj]) depend(out : token[bi + 1][bj + 1])
                fill_block(t, bi, bj);
            }
#pragma omp taskwait
    }

    for (int bi = 0; bi < NB; bi++)
        for (int bj = 0; bj < NB; bj++) fill_block(ref, bi, bj);
    int ok = 1;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            if (t[i][j] != ref[i][j]) ok = 0;
    printf("%dx%d table in %dx%d blocks, corner = %d: %s\n", N, N, NB, NB, t[N - 1][N - 1],
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
