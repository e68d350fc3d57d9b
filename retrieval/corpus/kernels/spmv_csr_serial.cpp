/*---
id: kern-spmv-csr-serial
title: Sparse matrix-vector product in CSR format (serial C++)
descriptions:
  - compressed sparse row matrix times vector in C++
  - build a CSR matrix for the 2D Laplacian and multiply it by a vector
  - how are row_ptr, col_idx and values used in a sparse matvec
api: serial
lang: c++
constructs: [CSR, std::vector, row_ptr/col_idx/values]
pattern: sparse
threads: [1]
ranks: [1]
---*/
#include <cmath>
#include <cstdio>
#include <vector>

struct Csr {
    int n = 0;
    std::vector<int> row_ptr, col; // row i uses entries row_ptr[i] .. row_ptr[i+1]-1
    std::vector<double> val;
};

// The 5-point negative Laplacian on an nx x ny grid (4 on the diagonal, -1 for
// each existing neighbour), one row per grid point.
static Csr laplacian(int nx, int ny) {
    Csr A;
    A.n = nx * ny;
    A.row_ptr.push_back(0);
    for (int y = 0; y < ny; y++)
        for (int x = 0; x < nx; x++) {
            int i = y * nx + x;
            auto add = [&](int j, double v) { A.col.push_back(j); A.val.push_back(v); };
            if (y > 0) add(i - nx, -1.0);
            if (x > 0) add(i - 1, -1.0);
            add(i, 4.0);
            if (x < nx - 1) add(i + 1, -1.0);
            if (y < ny - 1) add(i + nx, -1.0);
            A.row_ptr.push_back(static_cast<int>(A.col.size()));
        }
    return A;
}

static void spmv(const Csr &A, const std::vector<double> &x, std::vector<double> &y) {
    for (int i = 0; i < A.n; i++) {
        double s = 0.0;
        for (int k = A.row_ptr[i]; k < A.row_ptr[i + 1]; k++) s += A.val[k] * x[A.col[k]];
        y[i] = s;
    }
}

int main() {
    const int nx = 300, ny = 200;
    Csr A = laplacian(nx, ny);
    std::vector<double> x(A.n), y(A.n);
    for (int i = 0; i < A.n; i++) x[i] = std::sin(0.37 * i);
    spmv(A, x, y);

    // Independent check: apply the stencil directly on the grid.
    bool ok = A.row_ptr[A.n] == 5 * nx * ny - 2 * nx - 2 * ny; // number of nonzeros
    for (int yy = 0; yy < ny; yy++)
        for (int xx = 0; xx < nx; xx++) {
            int i = yy * nx + xx;
            double s = 4.0 * x[i];
            if (xx > 0) s -= x[i - 1];
            if (xx < nx - 1) s -= x[i + 1];
            if (yy > 0) s -= x[i - nx];
            if (yy < ny - 1) s -= x[i + nx];
            if (std::fabs(s - y[i]) > 1e-12) ok = false;
        }
    std::printf("CSR %d rows, %d nonzeros: %s\n", A.n, A.row_ptr[A.n], ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
