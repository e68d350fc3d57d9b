/* Bug: no halo exchange; every block treats its own ends as the ends of the rod. */
#include <mpi.h>
#include <stdlib.h>

void heat1d(double *u, long n_local, int steps, double r, MPI_Comm comm) {
    (void)comm;
    double *old = malloc(n_local * sizeof *old);
    for (int s = 0; s < steps; s++) {
        for (long i = 0; i < n_local; i++) old[i] = u[i];
        for (long i = 0; i < n_local; i++) {
            double l = i > 0 ? old[i - 1] : 0.0, rr = i < n_local - 1 ? old[i + 1] : 0.0;
            u[i] = old[i] + r * (l - 2 * old[i] + rr);
        }
    }
    free(old);
}
