#include <mpi.h>
#include <stdlib.h>

void matmul_hybrid(const double *A, const double *B, double *C, int n, MPI_Comm comm) {
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    int *counts = malloc(size * sizeof *counts), *displs = malloc(size * sizeof *displs);
    for (int r = 0, off = 0; r < size; r++) { /* in elements: whole rows */
        counts[r] = (n / size + (r < n % size)) * n;
        displs[r] = off;
        off += counts[r];
    }
    const int rows = counts[rank] / n;
    double *b = malloc((long)n * n * sizeof *b);
    double *a = malloc(((long)rows * n + 1) * sizeof *a), *c = malloc(((long)rows * n + 1) * sizeof *c);
    if (rank == 0)
        for (long k = 0; k < (long)n * n; k++) b[k] = B[k];
    MPI_Bcast(b, n * n, MPI_DOUBLE, 0, comm);
    MPI_Scatterv(A, counts, displs, MPI_DOUBLE, a, counts[rank], MPI_DOUBLE, 0, comm);
#pragma omp parallel for schedule(static)
    for (int i = 0; i < rows; i++) {
        double *ci = c + (long)i * n;
        for (int j = 0; j < n; j++) ci[j] = 0.0;
        for (int k = 0; k < n; k++) {
            const double aik = a[(long)i * n + k];
            const double *bk = b + (long)k * n;
            for (int j = 0; j < n; j++) ci[j] += aik * bk[j];
        }
    }
    MPI_Gatherv(c, counts[rank], MPI_DOUBLE, C, counts, displs, MPI_DOUBLE, 0, comm);
    free(a); free(b); free(c); free(counts); free(displs);
}
