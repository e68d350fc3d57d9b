/*---
id: omp-target-device-query
title: Check for offload devices and choose the device at run time
descriptions:
  - how do I know if OpenMP offloading found a GPU
  - omp_get_num_devices and omp_is_initial_device example
  - run a target region on the host or the device depending on a condition
api: openmp
lang: c
constructs: [omp_get_num_devices, omp_get_default_device, omp_get_initial_device, omp_is_initial_device, target, if(target:), device, map(from)]
pattern: offload
threads: [1, 2]
ranks: [1]
---*/
#include <omp.h>
#include <stdio.h>

#define N 4096

/* Runs the loop through a target region and reports where it executed. */
static int scale_on(int use_device, double *v, int n, double s) {
    int on_host = 1;
    /* if(target: cond): when cond is false the region runs on the host even
       if a device exists (e.g. too little work to pay for the copies). */
#pragma omp target if (target : use_device) map(tofrom : v[0:n]) map(from : on_host)
    {
        on_host = omp_is_initial_device();
        for (int i = 0; i < n; i++) v[i] *= s;
    }
    return on_host;
}

int main(void) {
    int ndev = omp_get_num_devices(); /* 0: no usable offload device */
    printf("offload devices: %d, default device: %d, host device id: %d\n", ndev,
           omp_get_default_device(), omp_get_initial_device());

    static double v[N];
    for (int i = 0; i < N; i++) v[i] = i;

    int host1 = scale_on(0, v, N, 2.0);        /* forced onto the host */
    int host2 = scale_on(ndev > 0, v, N, 0.5); /* device if there is one */

    /* device(omp_get_initial_device()) names the host explicitly. */
    int host3 = 0;
#pragma omp target device(omp_get_initial_device()) map(from : host3)
    host3 = omp_is_initial_device();

    int ok = host1 == 1 && host3 == 1 && (ndev > 0 ? host2 == 0 : host2 == 1);
    for (int i = 0; i < N; i++)
        if (v[i] != i) ok = 0; /* doubled, then halved */
    printf("forced host: %d, auto: ran on %s: %s\n", host1, host2 ? "host" : "device",
           ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
