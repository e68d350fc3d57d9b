/* Driver for mpi-ring-shift: 2M doubles per rank (too large for eager sends, so a plain
   Send-then-Recv deadlocks); every received value is checked on every rank. The serial
   reference is the equivalent copy of every rank's buffer to its successor. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ring_shift(const double *sendbuf, double *recvbuf, int count, MPI_Comm comm);

static double value(int rank, long i) { return rank * 1e7 + (double)i; }

/* The serial reference, kept out of line: rotate size buffers of count values by one place. */
static __attribute__((noinline)) void reference(const double *all, double *out, int count, int size) {
    for (int r = 0; r < size; r++) memcpy(out + (long)((r + 1) % size) * count, all + (long)r * count, count * sizeof *all);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const int count = 2000003;
    double *sendbuf = malloc(count * sizeof *sendbuf), *recvbuf = malloc(count * sizeof *recvbuf);
    if (!sendbuf || !recvbuf) MPI_Abort(MPI_COMM_WORLD, 2);
    for (long i = 0; i < count; i++) {
        sendbuf[i] = value(rank, i);
        recvbuf[i] = -1.0;
    }

    double ref_time = 0.0;
    if (rank == 0) {
        double *all = malloc((long)count * size * sizeof *all), *out = malloc((long)count * size * sizeof *out);
        if (!all || !out) MPI_Abort(MPI_COMM_WORLD, 2);
        for (int r = 0; r < size; r++)
            for (long i = 0; i < count; i++) all[(long)r * count + i] = value(r, i);
        memset(out, 0, (long)count * size * sizeof *out);
        double t0 = MPI_Wtime();
        reference(all, out, count, size);
        ref_time = MPI_Wtime() - t0;
        free(all);
        free(out);
    }

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    ring_shift(sendbuf, recvbuf, count, MPI_COMM_WORLD);
    double mine = MPI_Wtime() - t0, time;
    MPI_Reduce(&mine, &time, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = 1, all_ok, from = (rank - 1 + size) % size;
    for (long i = 0; i < count; i++)
        if (recvbuf[i] != value(from, i)) {
            fprintf(stderr, "rank %d: wrong recvbuf[%ld]: got %.17g, expected %.17g (from rank %d)\n", rank, i,
                    recvbuf[i], value(from, i), from);
            ok = 0;
            break;
        }
    for (long i = 0; i < count && ok; i++)
        if (sendbuf[i] != value(rank, i)) {
            fprintf(stderr, "rank %d: sendbuf was modified at [%ld]\n", rank, i);
            ok = 0;
        }
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (rank == 0 && all_ok) {
        printf("time: %.6f\n", time);
        printf("ref_time: %.6f\n", ref_time);
    }
    free(sendbuf);
    free(recvbuf);
    MPI_Finalize();
    return all_ok ? 0 : 1;
}
