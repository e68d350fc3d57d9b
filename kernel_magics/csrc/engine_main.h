/* Lets an ipyparallel engine run a user's program as a function call.
 *
 * The program is compiled with -Dmain=hpc_user_main into a shared library, with
 * this file appended, and linked with -Bsymbolic: the program's own calls to
 * MPI_Init, MPI_Finalize and exit then reach the versions below instead of the
 * MPI library's and libc's. An MPI engine has already initialised MPI (its
 * communicator is the program's MPI_COMM_WORLD) and finalises it when it stops;
 * exit() returns to the engine instead of ending it.
 *
 * HPC_MAIN_CALL is how main is called: (argc, argv) or () for int main(void).
 */
#include <setjmp.h>
#include <stdio.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#ifdef HPC_ENGINE_MPI
#include <mpi.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
#define HPC_NOEXCEPT noexcept /* as glibc declares exit in C++ */
#else
#define HPC_NOEXCEPT
#endif

static jmp_buf hpc_exit_point;
static int hpc_exit_code;

#ifdef HPC_ENGINE_MPI
int MPI_Init(int *argc, char ***argv) {
    int ready = 0;
    MPI_Initialized(&ready);
    return ready ? MPI_SUCCESS : PMPI_Init(argc, argv);
}

int MPI_Init_thread(int *argc, char ***argv, int required, int *provided) {
    int ready = 0;
    MPI_Initialized(&ready);
    if (!ready) return PMPI_Init_thread(argc, argv, required, provided);
    return MPI_Query_thread(provided);
}

int MPI_Finalize(void) { return MPI_SUCCESS; }
#endif

void exit(int code) HPC_NOEXCEPT {
    hpc_exit_code = code;
    fflush(NULL);
    longjmp(hpc_exit_point, 1);
}

/* Run the program's main with these arguments and this many OpenMP threads (0: unchanged). */
int hpc_engine_run(int argc, char **argv, int threads) {
    (void)argc;
    (void)argv;
#ifdef _OPENMP
    if (threads > 0) omp_set_num_threads(threads);
#else
    (void)threads;
#endif
    if (setjmp(hpc_exit_point)) return hpc_exit_code;
    int code = hpc_user_main HPC_MAIN_CALL;
    fflush(NULL);
    return code;
}

#ifdef __cplusplus
}
#endif
