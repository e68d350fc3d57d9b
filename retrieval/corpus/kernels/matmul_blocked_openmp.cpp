/*---
id: kern-matmul-blocked-openmp
title: Cache-blocked matrix multiplication with OpenMP over output tiles
descriptions:
  - tiled matrix multiplication with OpenMP threads
  - parallelize a blocked matmul with collapse(2) over the tiles of C
  - combine cache blocking and multithreading for a faster matrix product
api: openmp
lang: c++
constructs: [parallel for, collapse(2), schedule(static), loop tiling, std::vector]
pattern: matmul
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

int main() {
    const int n = 192, BS = 48;
    std::vector<double> A(n * n), B(n * n), C(n * n, 0.0);
    for (int i = 0; i < n * n; i++) {
        A[i] = (i % 7) * 0.25 - 0.5;
        B[i] = (i % 5) * 0.5 - 1.0;
    }

    // Each (ii, jj) pair is one tile of C.  Different tiles never overlap, so
    // threads can own whole tiles; the kk loop runs inside one iteration, i.e. on one
    // thread, which keeps the += updates race-free.
#pragma omp parallel for collapse(2) schedule(static)
    for (int ii = 0; ii < n; ii += BS)
        for (int jj = 0; jj < n; jj += BS)
            for (int kk = 0; kk < n; kk += BS)
                for (int i = ii; i < std::min(ii + BS, n); i++)
                    for (int k = kk; k < std::min(kk + BS, n); k++) {
                        const double aik = A[i * n + k];
                        for (int j = jj; j < std::min(jj + BS, n); j++) C[i * n + j] += aik * B[k * n + j];
                    }

    bool ok = true; // serial reference
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int k = 0; k < n; k++) s += A[i * n + k] * B[k * n + j];
            if (std::fabs(s - C[i * n + j]) > 1e-10 * (1.0 + std::fabs(s))) ok = false;
        }
    std::printf("tiled %dx%d product with %d threads: %s\n", n, n, omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
