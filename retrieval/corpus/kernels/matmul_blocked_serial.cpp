/*---
id: kern-matmul-blocked-serial
title: Cache-blocked (tiled) matrix multiplication in C++ (serial)
descriptions:
  - loop tiling for matrix multiplication to use the cache better
  - blocked matrix multiply with std::vector in C++
  - make matrix multiplication faster without threads
api: serial
lang: c++
constructs: [loop tiling, std::vector, std::min]
pattern: matmul
threads: [1]
ranks: [1]
---*/
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

// C += A * B for n x n row-major matrices, working on BS x BS tiles so that
// the tiles of A, B and C being combined stay in cache.
static void matmul_blocked(const std::vector<double> &A, const std::vector<double> &B, std::vector<double> &C, int n) {
    const int BS = 32;
    for (int ii = 0; ii < n; ii += BS)
        for (int kk = 0; kk < n; kk += BS)
            for (int jj = 0; jj < n; jj += BS)
                // min() handles the ragged last tile when n % BS != 0.
                for (int i = ii; i < std::min(ii + BS, n); i++)
                    for (int k = kk; k < std::min(kk + BS, n); k++) {
                        const double aik = A[i * n + k];
                        for (int j = jj; j < std::min(jj + BS, n); j++) C[i * n + j] += aik * B[k * n + j];
                    }
}

int main() {
    const int n = 200; // not a multiple of the tile size on purpose
    std::vector<double> A(n * n), B(n * n), C(n * n, 0.0);
    for (int i = 0; i < n * n; i++) {
        A[i] = std::sin(0.01 * i);
        B[i] = std::cos(0.02 * i);
    }
    matmul_blocked(A, B, C, n);

    // Independent check: the plain triple loop.
    bool ok = true;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int k = 0; k < n; k++) s += A[i * n + k] * B[k * n + j];
            if (std::fabs(s - C[i * n + j]) > 1e-10 * (1.0 + std::fabs(s))) ok = false;
        }
    std::printf("blocked %dx%d product: %s\n", n, n, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
