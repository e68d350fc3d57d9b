#include <math.h>
#include <mpi.h>
#include <stdlib.h>

void transform_on_root(double *data, long n, MPI_Comm comm) {
    int rank, size;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &size);
    int *counts = malloc(size * sizeof *counts), *displs = malloc(size * sizeof *displs);
    for (int r = 0, off = 0; r < size; r++) {
        counts[r] = (int)(n / size + (r < n % size));
        displs[r] = off;
        off += counts[r];
    }
    double *part = malloc((counts[rank] > 0 ? counts[rank] : 1) * sizeof *part);
    MPI_Scatterv(data, counts, displs, MPI_DOUBLE, part, counts[rank], MPI_DOUBLE, 0, comm);
    for (int i = 0; i < counts[rank]; i++) {
        double x = part[i];
        part[i] = sqrt(x) * sin(x) + cos(3 * x) / (1 + x);
    }
    MPI_Gatherv(part, counts[rank], MPI_DOUBLE, data, counts, displs, MPI_DOUBLE, 0, comm);
    free(part);
    free(counts);
    free(displs);
}
