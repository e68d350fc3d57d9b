/* Bug: scatters n / size rows to every rank; when n % size != 0 the last rows of C are never
   computed. */
#include <mpi.h>
#include <stdlib.h>

void matmul_hybrid(const double *A, const double *B, double *C, int n, MPI_Comm comm) {
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    int rows = n / size;
    double *b = malloc((long)n * n * sizeof *b);
    double *a = malloc((long)rows * n * sizeof *a), *c = malloc((long)rows * n * sizeof *c);
    if (rank == 0)
        for (long k = 0; k < (long)n * n; k++) b[k] = B[k];
    MPI_Bcast(b, n * n, MPI_DOUBLE, 0, comm);
    MPI_Scatter(A, rows * n, MPI_DOUBLE, a, rows * n, MPI_DOUBLE, 0, comm);
#pragma omp parallel for
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int k = 0; k < n; k++) s += a[(long)i * n + k] * b[(long)k * n + j];
            c[(long)i * n + j] = s;
        }
    MPI_Gather(c, rows * n, MPI_DOUBLE, C, rows * n, MPI_DOUBLE, 0, comm);
    free(a); free(b); free(c);
}
