#include "gc_kernels.h"
#include <math.h>

#if defined(__x86_64__) && defined(__linux__) && (defined(__clang__) || defined(__GNUC__))
#define GC_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define GC_CLONES
#endif

// Adam with t already incremented: m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
// w -= lr * (m * c1) / (sqrt(v * c2) + eps), where c1 = 1 / (1 - b1^t), c2 = 1 / (1 - b2^t).
#define GC_ADAM(T, SQRT)                                                          \
    for (size_t i = 0; i < n; i++) {                                              \
        T gi = g[i];                                                              \
        T mi = beta1 * m[i] + (1 - beta1) * gi;                                   \
        T vi = beta2 * v[i] + (1 - beta2) * gi * gi;                              \
        m[i] = mi;                                                                \
        v[i] = vi;                                                                \
        w[i] -= lr * (mi * correction1) / (SQRT(vi * correction2) + eps);         \
    }

GC_CLONES void gc_adam_f64(size_t n, double *restrict w, double *restrict m, double *restrict v,
                           const double *restrict g, double lr, double beta1, double beta2,
                           double correction1, double correction2, double eps) {
    GC_ADAM(double, __builtin_sqrt)
}

GC_CLONES void gc_adam_f32(size_t n, float *restrict w, float *restrict m, float *restrict v,
                           const float *restrict g, float lr, float beta1, float beta2,
                           float correction1, float correction2, float eps) {
    GC_ADAM(float, __builtin_sqrtf)
}

// RMSProp: cache = decay cache + (1 - decay) g^2; w -= lr g / (sqrt(cache) + eps).
#define GC_RMSPROP(T, SQRT)                                                       \
    for (size_t i = 0; i < n; i++) {                                              \
        T gi = g[i];                                                              \
        T ci = decay * cache[i] + (1 - decay) * gi * gi;                          \
        cache[i] = ci;                                                            \
        w[i] -= lr * gi / (SQRT(ci) + eps);                                       \
    }

GC_CLONES void gc_rmsprop_f64(size_t n, double *restrict w, double *restrict cache, const double *restrict g,
                              double lr, double decay, double eps) {
    GC_RMSPROP(double, __builtin_sqrt)
}

GC_CLONES void gc_rmsprop_f32(size_t n, float *restrict w, float *restrict cache, const float *restrict g,
                              float lr, float decay, float eps) {
    GC_RMSPROP(float, __builtin_sqrtf)
}

#include <stdint.h>
#include <string.h>

#define GC_SUMSQ(T)                                                               \
    T acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};                                          \
    size_t i = 0;                                                                 \
    for (; i + 8 <= n; i += 8) {                                                  \
        for (int k = 0; k < 8; k++) {                                             \
            T wi = w[i + k];                                                      \
            out[i + k] = scale * wi;                                              \
            acc[k] += wi * wi;                                                    \
        }                                                                         \
    }                                                                             \
    for (int k = 0; i < n; i++, k++) {                                            \
        T wi = w[i];                                                              \
        out[i] = scale * wi;                                                      \
        acc[k] += wi * wi;                                                        \
    }                                                                             \
    return (double)(((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7])));

GC_CLONES double gc_scaled_copy_sumsq_f64(size_t n, const double *restrict w, double *restrict out, double scale) {
    GC_SUMSQ(double)
}

GC_CLONES double gc_scaled_copy_sumsq_f32(size_t n, const float *restrict w, float *restrict out, float scale) {
    GC_SUMSQ(float)
}

#define GC_NONFINITE(T, U, MASK)                                                  \
    size_t i = 0;                                                                 \
    for (; i + 8 <= n; i += 8) {                                                  \
        U bad = 0;                                                                \
        for (int k = 0; k < 8; k++) {                                             \
            U bits;                                                               \
            memcpy(&bits, &x[i + k], sizeof bits);                                \
            bad |= (U)((bits & MASK) == MASK);                                    \
        }                                                                         \
        if (bad) break;                                                           \
    }                                                                             \
    for (; i < n; i++) {                                                          \
        U bits;                                                                   \
        memcpy(&bits, &x[i], sizeof bits);                                        \
        if ((bits & MASK) == MASK) return (long)i;                                \
    }                                                                             \
    return -1;

GC_CLONES long gc_first_nonfinite_f64(size_t n, const double *x) {
    GC_NONFINITE(double, uint64_t, UINT64_C(0x7ff0000000000000))
}

GC_CLONES long gc_first_nonfinite_f32(size_t n, const float *x) {
    GC_NONFINITE(float, uint32_t, UINT32_C(0x7f800000))
}
