// Fused elementwise kernels of the update rules, in C so that the compiler may vectorize
// square roots and divisions (no errno semantics) and pick AVX-512 / AVX2 / SSE2 code at load
// time (target_clones). Each is one pass over the parameter; formulas in gc_kernels.c.
#ifndef GC_KERNELS_H
#define GC_KERNELS_H
#include <stddef.h>

void gc_adam_f64(size_t n, double *w, double *m, double *v, const double *g,
                 double lr, double beta1, double beta2, double correction1, double correction2, double eps);
void gc_adam_f32(size_t n, float *w, float *m, float *v, const float *g,
                 float lr, float beta1, float beta2, float correction1, float correction2, float eps);
void gc_rmsprop_f64(size_t n, double *w, double *cache, const double *g, double lr, double decay, double eps);
void gc_rmsprop_f32(size_t n, float *w, float *cache, const float *g, float lr, float decay, float eps);

#endif
