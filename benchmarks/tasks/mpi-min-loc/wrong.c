/* Bug: reports the index inside the rank's own block instead of the global index. */
#include <mpi.h>

void global_argmin(const double *local, long n_local, MPI_Comm comm, double *min_value, long *min_index) {
    long best = 0;
    for (long i = 1; i < n_local; i++)
        if (local[i] < local[best]) best = i;
    struct { double v; int i; } in = {local[best], (int)best}, out;
    MPI_Allreduce(&in, &out, 1, MPI_DOUBLE_INT, MPI_MINLOC, comm);
    *min_value = out.v;
    *min_index = out.i;
}
