/* ompt_profile: a small OMPT tool that measures OpenMP load balance.
 *
 * Build:  cc -O2 -shared -fPIC -o libompt_profile.so ompt_profile.c
 *         (self-contained: the few OMPT 5.0 declarations it needs are copied
 *         below, so neither omp-tools.h nor clang's include dir is required)
 * Use:    HPC_PROFILE_OUT=/some/dir OMP_TOOL_LIBRARIES=/path/libompt_profile.so ./prog
 *         A program built with gcc -fopenmp (libgomp has no OMPT) must run on
 *         LLVM's runtime: add LD_PRELOAD=/usr/lib/llvm-<N>/lib/libomp.so.
 *
 * Without HPC_PROFILE_OUT, ompt_start_tool returns NULL and the runtime runs
 * with no tool attached.  With it, at ompt_finalize (program exit) the tool
 * writes <HPC_PROFILE_OUT>/omp-<pid>.json (via a .tmp file and rename):
 *
 *   {"kind": "openmp", "pid": P, "rank": R, "runtime": "...", "wall_s": ...,
 *    "parallel_regions": N, "region_s": ..., "max_team_size": M,
 *    "threads": [{"thread": 0, "parallel_s": ..., "wait_s": ...,
 *                 "regions": ..., "loop_iterations": ...}, ...]}
 *
 *   rank            OMPI_COMM_WORLD_RANK, PMI_RANK or PMIX_RANK, else -1
 *   wall_s          process start -> finalisation.  The start comes from
 *                   /proc/self/stat (10 ms resolution) because libomp (and so
 *                   this tool) initialises only at the first OpenMP call; the
 *                   tool's initialisation time is used if /proc is unreadable.
 *   parallel_regions  parallel_begin events (nested and serialized ones too)
 *   region_s        time inside outermost parallel regions, parallel_begin ->
 *                   parallel_end on the encountering thread (nested regions
 *                   are not counted again)
 *   max_team_size   largest actual team size seen
 *   per thread (a slot per OS thread, numbered in the order the threads first
 *   appear: slot 0 is the initial thread, the others are not
 *   omp_get_thread_num(); listed when it ran an implicit task, or is slot 0;
 *   threads beyond the 1024th are not counted):
 *     parallel_s      implicit-task begin -> end of ompt_task_implicit tasks
 *                     (not the initial task; a task nested on the same thread
 *                     is not counted again)
 *     wait_s          sync_region_wait begin -> end, every kind (barriers,
 *                     taskwait, taskgroup, reduction), less the time the
 *                     waiting thread spent running explicit tasks meanwhile
 *                     (from task_schedule events); nested waits counted once
 *     regions         implicit tasks executed
 *     loop_iterations sum of the `count` of ompt_work_loop scope-begin events.
 *                     LLVM's libomp passes the loop's whole trip count there,
 *                     so this is the iterations of the loops the thread took
 *                     part in, not its own share; 0 where the runtime never
 *                     sees the loop (gcc's inlined schedule(static) loops).
 *
 * LLVM libomp reports a worker's end-of-region barrier end and implicit-task
 * end only when the worker is woken for its next region (or at shutdown).
 * Taken as they come, a worker's parallel_s and wait_s would include all the
 * serial time between regions.  So the encountering thread publishes each
 * region's end time (a small ring per thread, keyed by a sequence number that
 * travels in parallel_data), and a worker clips those late events to the end
 * of the region they belong to.  If that entry has been overwritten (a worker
 * left parked through more than 64 later regions, e.g. after the team shrank)
 * the worker's arrival at the barrier is used instead: that last barrier wait
 * then counts as zero.  The same closing is applied at finalize to workers
 * whose late events never came.
 *
 * The report is written from ompt_finalize, or, if libomp never calls it
 * (exit() called from a worker thread), from this library's destructor.  A
 * process killed by a signal, or ending in _exit(), writes nothing; neither
 * does a fork()ed child.
 *
 * Per-event cost: one clock_gettime and a few stores to the thread's own slot;
 * no locks, atomics only for slot allocation and the region-end ring.
 * Errors go to stderr as one line starting with "[hpc-profile]"; nothing is
 * ever printed to stdout.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* ---- OMPT 5.0 declarations (the subset used here; values from the spec) ---- */
typedef union ompt_data_t {
    uint64_t value;
    void *ptr;
} ompt_data_t;

typedef struct ompt_frame_t {
    ompt_data_t exit_frame;
    ompt_data_t enter_frame;
    int exit_frame_flags;
    int enter_frame_flags;
} ompt_frame_t;

typedef void (*ompt_interface_fn_t)(void);
typedef ompt_interface_fn_t (*ompt_function_lookup_t)(const char *interface_function_name);
typedef void (*ompt_callback_t)(void);
typedef int (*ompt_initialize_t)(ompt_function_lookup_t lookup, int initial_device_num,
                                 ompt_data_t *tool_data);
typedef void (*ompt_finalize_t)(ompt_data_t *tool_data);
typedef struct ompt_start_tool_result_t {
    ompt_initialize_t initialize;
    ompt_finalize_t finalize;
    ompt_data_t tool_data;
} ompt_start_tool_result_t;

typedef enum ompt_callbacks_t {
    ompt_callback_thread_begin = 1,
    ompt_callback_parallel_begin = 3,
    ompt_callback_parallel_end = 4,
    ompt_callback_task_schedule = 6,
    ompt_callback_implicit_task = 7,
    ompt_callback_sync_region_wait = 16,
    ompt_callback_work = 20
} ompt_callbacks_t;

typedef enum ompt_set_result_t {
    ompt_set_error = 0,
    ompt_set_never = 1,
    ompt_set_impossible = 2,
    ompt_set_sometimes = 3,
    ompt_set_sometimes_paired = 4,
    ompt_set_always = 5
} ompt_set_result_t;
typedef ompt_set_result_t (*ompt_set_callback_t)(ompt_callbacks_t event, ompt_callback_t callback);

typedef enum ompt_thread_t {
    ompt_thread_initial = 1,
    ompt_thread_worker = 2,
    ompt_thread_other = 3,
    ompt_thread_unknown = 4
} ompt_thread_t;

typedef enum ompt_scope_endpoint_t {
    ompt_scope_begin = 1,
    ompt_scope_end = 2,
    ompt_scope_beginend = 3
} ompt_scope_endpoint_t;

typedef enum ompt_sync_region_t {
    ompt_sync_region_barrier = 1,
    ompt_sync_region_barrier_implicit = 2,
    ompt_sync_region_barrier_explicit = 3,
    ompt_sync_region_barrier_implementation = 4,
    ompt_sync_region_taskwait = 5,
    ompt_sync_region_taskgroup = 6,
    ompt_sync_region_reduction = 7,
    ompt_sync_region_barrier_implicit_workshare = 8,
    ompt_sync_region_barrier_implicit_parallel = 9,
    ompt_sync_region_barrier_teams = 10
} ompt_sync_region_t;

typedef enum ompt_work_t {
    ompt_work_loop = 1,
    ompt_work_sections = 2,
    ompt_work_single_executor = 3,
    ompt_work_single_other = 4,
    ompt_work_workshare = 5,
    ompt_work_distribute = 6,
    ompt_work_taskloop = 7,
    ompt_work_scope = 8
} ompt_work_t;

typedef enum ompt_task_status_t {
    ompt_task_complete = 1,
    ompt_task_yield = 2,
    ompt_task_cancel = 3,
    ompt_task_detach = 4,
    ompt_task_early_fulfill = 5,
    ompt_task_late_fulfill = 6,
    ompt_task_switch = 7,
    ompt_taskwait_complete = 8
} ompt_task_status_t;

enum { ompt_task_initial = 0x1, ompt_task_implicit = 0x2 };

/* ---- tool state ---- */
#ifndef MAX_SLOTS
#define MAX_SLOTS 1024 /* threads with a slot of their own; later threads are not counted */
#endif
#define RING 64 /* region end times remembered per encountering thread */
#define MAX_NEST 8 /* nesting levels of implicit tasks tracked per thread */
#define SLOT_BITS 11
#define SLOT_MASK ((UINT64_C(1) << SLOT_BITS) - 1)

#define LOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define STORE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)
#define ADD(x, v) STORE((x), LOAD(x) + (v)) /* only the owning thread writes */

struct ring_entry {
    uint64_t seq; /* 0: empty or being rewritten */
    uint64_t end_ns;
};

struct slot {
    /* written by the owning thread only (read at finalize) */
    uint64_t parallel_ns, wait_ns, regions, loop_iterations;
    uint64_t task_begin_ns, wait_begin_ns;
    uint32_t task_depth, wait_depth;
    uint64_t task_key[MAX_NEST];   /* parallel_data value of each open implicit task */
    uint8_t task_worker[MAX_NEST]; /* ... and whether this thread is a worker there */
    uint32_t wait_paused;          /* the waiting task is running an explicit task */
    const void *waiter;            /* task_data of the task in the outermost wait */
    /* as an encountering thread */
    uint64_t seq;                  /* regions encountered so far */
    uint64_t par_depth;            /* regions open on this thread */
    uint64_t outer_level;          /* par_depth of the open outermost region + 1, 0 if none */
    uint64_t outer_begin_ns, region_ns, parallel_regions;
    uint64_t max_team;
    struct ring_entry ring[RING];  /* written by this thread, read by its workers */
} __attribute__((aligned(64)));

static struct slot g_slots[MAX_SLOTS];
static struct slot g_overflow; /* threads beyond MAX_SLOTS: counted nowhere */
static unsigned g_next_slot = 1;  /* next free slot (atomic) */
static int g_slot0_taken;         /* atomic flag */
static __thread struct slot *t_slot;

static uint64_t g_init_ns;
static int g_active, g_written; /* atomic flags: tool initialised, report written */
static pid_t g_pid;              /* the process that initialised the tool */
static char g_out_dir[4096];
static char g_runtime[256];

static inline uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static struct slot *assign_slot(int initial) {
    int expected = 0;
    if (initial && __atomic_compare_exchange_n(&g_slot0_taken, &expected, 1, 0,
                                               __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return t_slot = &g_slots[0];
    unsigned i = __atomic_fetch_add(&g_next_slot, 1, __ATOMIC_RELAXED);
    return t_slot = (i < MAX_SLOTS ? &g_slots[i] : &g_overflow);
}

static inline struct slot *my_slot(void) {
    struct slot *s = t_slot;
    if (__builtin_expect(s == NULL, 0)) s = assign_slot(getpid() == (pid_t)syscall(SYS_gettid));
    return s;
}

static inline uint64_t slot_index(const struct slot *s) {
    return s == &g_overflow ? MAX_SLOTS : (uint64_t)(s - g_slots);
}

/* End time of the region identified by key, if its encountering thread has
 * published it; 0 otherwise.  Seqlock-style read of the ring entry. */
static uint64_t region_end(uint64_t key) {
    uint64_t idx = key & SLOT_MASK, seq = key >> SLOT_BITS;
    if (seq == 0 || idx >= MAX_SLOTS) return 0;
    struct ring_entry *e = &g_slots[idx].ring[seq % RING];
    uint64_t s1 = __atomic_load_n(&e->seq, __ATOMIC_ACQUIRE);
    uint64_t end = __atomic_load_n(&e->end_ns, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    uint64_t s2 = __atomic_load_n(&e->seq, __ATOMIC_RELAXED);
    return (s1 == seq && s2 == seq) ? end : 0;
}

static inline unsigned level(const struct slot *s) {
    return s->task_depth <= MAX_NEST ? s->task_depth - 1 : MAX_NEST - 1;
}

/* The end of a worker's join-barrier wait or implicit task, which libomp
 * reports only when the worker is next woken: the region's end time when its
 * encountering thread has published it, else `fallback` (the worker's arrival
 * at the barrier: the last wait then counts as zero rather than as the whole
 * idle time since the region). */
static inline uint64_t late_end(const struct slot *s, uint64_t t, uint64_t begin,
                                uint64_t fallback) {
    uint64_t end = region_end(s->task_key[level(s)]);
    if (!end) end = fallback;
    if (end < t) t = end;
    return t > begin ? t : begin;
}

/* ---- callbacks ---- */
static void on_thread_begin(ompt_thread_t type, ompt_data_t *thread_data) {
    (void)thread_data;
    if (t_slot == NULL) assign_slot(type == ompt_thread_initial);
}

static void on_parallel_begin(ompt_data_t *encountering_task_data,
                              const ompt_frame_t *encountering_task_frame,
                              ompt_data_t *parallel_data, unsigned int requested_parallelism,
                              int flags, const void *codeptr_ra) {
    (void)encountering_task_data; (void)encountering_task_frame;
    (void)requested_parallelism; (void)flags; (void)codeptr_ra;
    struct slot *s = my_slot();
    if (s == &g_overflow) {
        if (parallel_data) parallel_data->value = 0;
        return;
    }
    uint64_t seq = s->seq + 1;
    STORE(s->seq, seq);
    if (parallel_data) parallel_data->value = (seq << SLOT_BITS) | slot_index(s);
    ADD(s->parallel_regions, 1);
    if (s->task_depth == 0 && s->outer_level == 0) {
        STORE(s->outer_begin_ns, now_ns());
        STORE(s->outer_level, s->par_depth + 1);
    }
    STORE(s->par_depth, s->par_depth + 1);
}

static void on_parallel_end(ompt_data_t *parallel_data, ompt_data_t *encountering_task_data,
                            int flags, const void *codeptr_ra) {
    (void)encountering_task_data; (void)flags; (void)codeptr_ra;
    struct slot *s = my_slot();
    if (s == &g_overflow) return;
    uint64_t t = now_ns();
    uint64_t key = parallel_data ? parallel_data->value : 0;
    uint64_t seq = key >> SLOT_BITS;
    if (seq && (key & SLOT_MASK) == slot_index(s)) {
        struct ring_entry *e = &s->ring[seq % RING];
        __atomic_store_n(&e->seq, 0, __ATOMIC_RELAXED);
        __atomic_thread_fence(__ATOMIC_RELEASE);
        __atomic_store_n(&e->end_ns, t, __ATOMIC_RELAXED);
        __atomic_store_n(&e->seq, seq, __ATOMIC_RELEASE);
    }
    if (s->par_depth > 0) STORE(s->par_depth, s->par_depth - 1);
    if (s->outer_level && s->par_depth + 1 == s->outer_level) {
        ADD(s->region_ns, t - s->outer_begin_ns);
        STORE(s->outer_level, 0);
    }
}

static void on_implicit_task(ompt_scope_endpoint_t endpoint, ompt_data_t *parallel_data,
                             ompt_data_t *task_data, unsigned int actual_parallelism,
                             unsigned int index, int flags) {
    (void)task_data;
    if (flags & ompt_task_initial) return;
    struct slot *s = my_slot();
    if (s == &g_overflow) return;
    if (endpoint == ompt_scope_begin) {
        ADD(s->regions, 1);
        if (actual_parallelism > s->max_team) STORE(s->max_team, actual_parallelism);
        STORE(s->task_depth, s->task_depth + 1);
        STORE(s->task_key[level(s)], parallel_data ? parallel_data->value : 0);
        STORE(s->task_worker[level(s)], index != 0);
        if (s->task_depth == 1) STORE(s->task_begin_ns, now_ns());
    } else if (endpoint == ompt_scope_end && s->task_depth > 0) {
        if (s->task_depth == 1) {
            uint64_t t = now_ns(), b = s->task_begin_ns;
            if (s->task_worker[0])
                t = late_end(s, t, b, s->wait_begin_ns >= b ? s->wait_begin_ns : t);
            ADD(s->parallel_ns, t - b);
        }
        STORE(s->task_depth, s->task_depth - 1);
    }
}

static void on_sync_region_wait(ompt_sync_region_t kind, ompt_scope_endpoint_t endpoint,
                                ompt_data_t *parallel_data, ompt_data_t *task_data,
                                const void *codeptr_ra) {
    (void)kind; (void)codeptr_ra;
    struct slot *s = my_slot();
    if (s == &g_overflow) return;
    if (endpoint == ompt_scope_begin) {
        STORE(s->wait_depth, s->wait_depth + 1);
        if (s->wait_depth == 1) {
            s->waiter = task_data;
            STORE(s->wait_paused, 0);
            STORE(s->wait_begin_ns, now_ns());
        }
    } else if (endpoint == ompt_scope_end && s->wait_depth > 0) {
        STORE(s->wait_depth, s->wait_depth - 1);
        if (s->wait_depth == 0) {
            if (!s->wait_paused) {
                uint64_t t = now_ns(), b = s->wait_begin_ns;
                /* a join-barrier wait of a worker ends with parallel_data NULL */
                if (parallel_data == NULL && s->task_depth > 0 && s->task_worker[level(s)])
                    t = late_end(s, t, b, b);
                ADD(s->wait_ns, t - b);
            }
            STORE(s->wait_paused, 0);
            s->waiter = NULL;
        }
    }
}

/* A thread waiting in a barrier or taskwait runs queued explicit tasks; that is
 * work, not waiting, so the wait clock stops while the waiting task is
 * switched out and restarts when it is switched back in. */
static void on_task_schedule(ompt_data_t *prior_task_data, ompt_task_status_t prior_task_status,
                             ompt_data_t *next_task_data) {
    (void)prior_task_status;
    struct slot *s = t_slot;
    if (s == NULL || s == &g_overflow || s->wait_depth == 0 || s->waiter == NULL) return;
    if (!s->wait_paused && prior_task_data == s->waiter && next_task_data != s->waiter) {
        uint64_t t = now_ns();
        if (t > s->wait_begin_ns) ADD(s->wait_ns, t - s->wait_begin_ns);
        STORE(s->wait_paused, 1);
    } else if (s->wait_paused && next_task_data == s->waiter) {
        STORE(s->wait_begin_ns, now_ns());
        STORE(s->wait_paused, 0);
    }
}

static void on_work(ompt_work_t wstype, ompt_scope_endpoint_t endpoint, ompt_data_t *parallel_data,
                    ompt_data_t *task_data, uint64_t count, const void *codeptr_ra) {
    (void)parallel_data; (void)task_data; (void)codeptr_ra;
    if (wstype != ompt_work_loop || endpoint != ompt_scope_begin) return;
    struct slot *s = my_slot();
    if (s == &g_overflow) return;
    ADD(s->loop_iterations, count);
}

/* ---- output ---- */
static void json_string(FILE *f, const char *text) {
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
        else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
        else fputc(*p, f);
    }
    fputc('"', f);
}

static long env_rank(void) {
    const char *names[] = {"OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *v = getenv(names[i]);
        char *end;
        if (!v || !*v) continue;
        errno = 0;
        long r = strtol(v, &end, 10);
        if (errno == 0 && *end == '\0') return r;
    }
    return -1;
}

static void write_report(void) {
    uint64_t t_end = now_ns();
    int pid = (int)getpid();
    char path[4200], tmp[4210];
    snprintf(path, sizeof path, "%s/omp-%d.json", g_out_dir, pid);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "[hpc-profile] cannot write %s: %s\n", tmp, strerror(errno));
        return;
    }
    unsigned n = __atomic_load_n(&g_next_slot, __ATOMIC_RELAXED);
    if (n > MAX_SLOTS) n = MAX_SLOTS;

    uint64_t parallel_regions = 0, region_ns = 0, max_team = 0;
    for (unsigned i = 0; i < n; i++) {
        struct slot *s = &g_slots[i];
        parallel_regions += LOAD(s->parallel_regions);
        region_ns += LOAD(s->region_ns);
        if (LOAD(s->outer_level)) { /* still inside a region (exit from a region) */
            uint64_t b = LOAD(s->outer_begin_ns);
            if (t_end > b) region_ns += t_end - b;
        }
        if (LOAD(s->max_team) > max_team) max_team = LOAD(s->max_team);
    }

    fprintf(f, "{\"kind\": \"openmp\", \"pid\": %d, \"rank\": %ld, \"runtime\": ", pid, env_rank());
    json_string(f, g_runtime);
    fprintf(f, ", \"wall_s\": %.9g, \"parallel_regions\": %llu, \"region_s\": %.9g, "
               "\"max_team_size\": %llu, \"threads\": [",
            (double)(t_end - g_init_ns) * 1e-9, (unsigned long long)parallel_regions,
            (double)region_ns * 1e-9, (unsigned long long)max_team);
    int first = 1;
    for (unsigned i = 0; i < n; i++) {
        struct slot *s = &g_slots[i];
        uint64_t regions = LOAD(s->regions);
        if (i != 0 && regions == 0) continue;
        uint64_t par = LOAD(s->parallel_ns), wait = LOAD(s->wait_ns);
        /* close a task / wait whose end event never came (worker still parked) */
        if (LOAD(s->task_depth) > 0) {
            uint64_t b = LOAD(s->task_begin_ns);
            uint64_t e = region_end(LOAD(s->task_key[0]));
            if (!e) e = LOAD(s->wait_depth) > 0 ? LOAD(s->wait_begin_ns) : t_end;
            if (e > b) par += e - b;
            if (LOAD(s->wait_depth) > 0 && !LOAD(s->wait_paused)) {
                uint64_t wb = LOAD(s->wait_begin_ns);
                if (e > wb) wait += e - wb;
            }
        }
        fprintf(f, "%s{\"thread\": %u, \"parallel_s\": %.9g, \"wait_s\": %.9g, "
                   "\"regions\": %llu, \"loop_iterations\": %llu}",
                first ? "" : ", ", i, (double)par * 1e-9, (double)wait * 1e-9,
                (unsigned long long)regions, (unsigned long long)LOAD(s->loop_iterations));
        first = 0;
    }
    fputs("]}\n", f);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        fprintf(stderr, "[hpc-profile] cannot write %s: %s\n", tmp, strerror(errno ? errno : EIO));
        unlink(tmp);
        return;
    }
    if (rename(tmp, path) != 0) {
        fprintf(stderr, "[hpc-profile] cannot rename %s: %s\n", tmp, strerror(errno));
        unlink(tmp);
    }
}

/* When the process started, on the CLOCK_MONOTONIC scale, from /proc/self/stat
 * (clock-tick resolution, 10 ms); 0 if unknown.  libomp initialises on the
 * first OpenMP call, which for gcc-built programs is the first parallel
 * region, so the tool's own start would hide any serial time before it. */
static uint64_t process_start_ns(void) {
    char buf[1024];
    FILE *f = fopen("/proc/self/stat", "r");
    if (!f) return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')'); /* the command name may contain spaces */
    if (!p) return 0;
    p++;
    for (int field = 3; field < 22 && p; field++) p = strchr(p + 1, ' '); /* p: the space before field 22, starttime */
    if (!p) return 0;
    unsigned long long ticks = strtoull(p + 1, NULL, 10);
    long hz = sysconf(_SC_CLK_TCK);
    struct timespec boot;
    if (ticks == 0 || hz <= 0 || clock_gettime(CLOCK_BOOTTIME, &boot) != 0) return 0;
    uint64_t boot_ns = (uint64_t)boot.tv_sec * 1000000000u + (uint64_t)boot.tv_nsec;
    uint64_t start_boot_ns = ticks * (1000000000u / (uint64_t)hz);
    uint64_t mono = now_ns();
    if (start_boot_ns > boot_ns || boot_ns - start_boot_ns > mono) return 0;
    return mono - (boot_ns - start_boot_ns);
}

/* ---- OMPT entry points ---- */
static int tool_initialize(ompt_function_lookup_t lookup, int initial_device_num,
                           ompt_data_t *tool_data) {
    (void)initial_device_num; (void)tool_data;
    g_init_ns = now_ns();
    g_pid = getpid();
    uint64_t start = process_start_ns();
    if (start && start < g_init_ns) g_init_ns = start;
    ompt_set_callback_t set_callback = (ompt_set_callback_t)lookup("ompt_set_callback");
    if (!set_callback) {
        fprintf(stderr, "[hpc-profile] OpenMP runtime has no ompt_set_callback\n");
        return 0;
    }
    set_callback(ompt_callback_thread_begin, (ompt_callback_t)on_thread_begin);
    set_callback(ompt_callback_parallel_begin, (ompt_callback_t)on_parallel_begin);
    set_callback(ompt_callback_parallel_end, (ompt_callback_t)on_parallel_end);
    set_callback(ompt_callback_implicit_task, (ompt_callback_t)on_implicit_task);
    set_callback(ompt_callback_sync_region_wait, (ompt_callback_t)on_sync_region_wait);
    set_callback(ompt_callback_work, (ompt_callback_t)on_work);
    set_callback(ompt_callback_task_schedule, (ompt_callback_t)on_task_schedule);
    __atomic_store_n(&g_active, 1, __ATOMIC_RELEASE);
    return 1; /* keep the tool active */
}

static void write_once(void) {
    if (!__atomic_load_n(&g_active, __ATOMIC_ACQUIRE)) return;
    if (getpid() != g_pid) return; /* a fork()ed child: its counters are the parent's */
    if (__atomic_exchange_n(&g_written, 1, __ATOMIC_ACQ_REL)) return;
    write_report();
}

static void tool_finalize(ompt_data_t *tool_data) {
    (void)tool_data;
    write_once();
}

/* libomp does not call ompt_finalize when exit() is called from a worker
 * thread; the report is then written when this library is unloaded at exit. */
__attribute__((destructor)) static void tool_unload(void) {
    write_once();
}

__attribute__((visibility("default")))
ompt_start_tool_result_t *ompt_start_tool(unsigned int omp_version, const char *runtime_version) {
    static ompt_start_tool_result_t result = {tool_initialize, tool_finalize, {0}};
    (void)omp_version;
    const char *dir = getenv("HPC_PROFILE_OUT");
    if (!dir || !*dir) return NULL;
    if (strlen(dir) >= sizeof g_out_dir) {
        fprintf(stderr, "[hpc-profile] HPC_PROFILE_OUT is too long\n");
        return NULL;
    }
    strcpy(g_out_dir, dir);
    if (runtime_version) snprintf(g_runtime, sizeof g_runtime, "%s", runtime_version);
    return &result;
}
