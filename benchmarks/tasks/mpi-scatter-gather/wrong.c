/* Bug: MPI_Scatter/MPI_Gather with n / size elements each; the last n % size are never done. */
#include <math.h>
#include <mpi.h>
#include <stdlib.h>

void transform_on_root(double *data, long n, MPI_Comm comm) {
    int size;
    MPI_Comm_size(comm, &size);
    int chunk = (int)(n / size);
    double *part = malloc(chunk * sizeof *part);
    MPI_Scatter(data, chunk, MPI_DOUBLE, part, chunk, MPI_DOUBLE, 0, comm);
    for (int i = 0; i < chunk; i++) part[i] = sqrt(part[i]) * sin(part[i]) + cos(3 * part[i]) / (1 + part[i]);
    MPI_Gather(part, chunk, MPI_DOUBLE, data, chunk, MPI_DOUBLE, 0, comm);
    free(part);
}
