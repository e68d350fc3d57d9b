/*---
id: kern-spmv-csr-openmp
title: Parallel CSR sparse matrix-vector product with OpenMP and uneven rows
descriptions:
  - parallelize a sparse matrix vector product with OpenMP
  - rows of my sparse matrix have very different lengths, how do I balance the threads
  - CSR spmv with schedule(dynamic) in C++
api: openmp
lang: c++
constructs: [parallel for, schedule(dynamic), CSR, std::vector]
pattern: sparse
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <cmath>
#include <cstdio>
#include <vector>

int main() {
    const int n = 20000;
    // A matrix whose row lengths vary a lot: row i has 1 + (i % 64) entries.
    std::vector<int> row_ptr(n + 1, 0), col;
    std::vector<double> val;
    for (int i = 0; i < n; i++) {
        int len = 1 + i % 64;
        for (int k = 0; k < len; k++) {
            col.push_back((i + k * 97) % n);
            val.push_back(1.0 / (1.0 + k));
        }
        row_ptr[i + 1] = static_cast<int>(col.size());
    }
    std::vector<double> x(n), y(n), ref(n);
    for (int j = 0; j < n; j++) x[j] = std::cos(0.01 * j);

    // Each row is independent.  Rows cost different amounts of work, so hand
    // them out in chunks of 256 on demand instead of one fixed block per thread.
#pragma omp parallel for schedule(dynamic, 256)
    for (int i = 0; i < n; i++) {
        double s = 0.0;
        for (int k = row_ptr[i]; k < row_ptr[i + 1]; k++) s += val[k] * x[col[k]];
        y[i] = s;
    }

    for (int i = 0; i < n; i++) { // serial reference
        double s = 0.0;
        for (int k = row_ptr[i]; k < row_ptr[i + 1]; k++) s += val[k] * x[col[k]];
        ref[i] = s;
    }
    bool ok = true;
    for (int i = 0; i < n; i++)
        if (std::fabs(y[i] - ref[i]) > 1e-12) ok = false;
    std::printf("spmv with %zu nonzeros on %d threads: %s\n", val.size(), omp_get_max_threads(), ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
