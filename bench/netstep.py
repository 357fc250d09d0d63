"""numpy side of the engine benchmark: one training step (forward + backward + Adam on every
parameter) of a FullyConnectedNet 3072-100-100-100-100-100-10, written the way the CS231n
assignment writes it (affine_forward / relu_forward / softmax_loss / affine_backward /
relu_backward / optim.adam, one numpy expression per line). Prints one line:
  numpy dtype=float64 batch=200 steps=300 median_ms=... p10_ms=... p90_ms=... core=... threads=...
"""
import argparse
import ctypes
import time

import numpy as np


def affine_forward(x, w, b):
    out = x.reshape(x.shape[0], -1).dot(w) + b
    return out, (x, w, b)


def affine_backward(dout, cache):
    x, w, b = cache
    dx = dout.dot(w.T).reshape(x.shape)
    dw = x.reshape(x.shape[0], -1).T.dot(dout)
    db = np.sum(dout, axis=0)
    return dx, dw, db


def relu_forward(x):
    return np.maximum(0, x), x


def relu_backward(dout, cache):
    return dout * (cache > 0)


def softmax_loss(x, y):
    shifted = x - np.max(x, axis=1, keepdims=True)
    z = np.sum(np.exp(shifted), axis=1, keepdims=True)
    log_probs = shifted - np.log(z)
    probs = np.exp(log_probs)
    n = x.shape[0]
    loss = -np.sum(log_probs[np.arange(n), y]) / n
    dx = probs.copy()
    dx[np.arange(n), y] -= 1
    dx /= n
    return loss, dx


def adam(w, dw, config):
    config.setdefault('learning_rate', 1e-3)
    config.setdefault('beta1', 0.9)
    config.setdefault('beta2', 0.999)
    config.setdefault('epsilon', 1e-8)
    config.setdefault('m', np.zeros_like(w))
    config.setdefault('v', np.zeros_like(w))
    config.setdefault('t', 0)
    config['t'] += 1
    config['m'] = config['beta1'] * config['m'] + (1 - config['beta1']) * dw
    mt = config['m'] / (1 - config['beta1'] ** config['t'])
    config['v'] = config['beta2'] * config['v'] + (1 - config['beta2']) * (dw ** 2)
    vt = config['v'] / (1 - config['beta2'] ** config['t'])
    next_w = w - config['learning_rate'] * mt / (np.sqrt(vt) + config['epsilon'])
    return next_w, config


def loss(params, X, y, layers, reg):
    caches = []
    h = X
    for l in range(1, layers):
        h, ac = affine_forward(h, params['W%d' % l], params['b%d' % l])
        h, rc = relu_forward(h)
        caches.append((ac, rc))
    scores, last = affine_forward(h, params['W%d' % layers], params['b%d' % layers])
    data_loss, dscores = softmax_loss(scores, y)
    reg_loss = 0.5 * reg * sum(np.sum(params['W%d' % l] ** 2) for l in range(1, layers + 1))
    grads = {}
    dh, grads['W%d' % layers], grads['b%d' % layers] = affine_backward(dscores, last)
    grads['W%d' % layers] += reg * params['W%d' % layers]
    for l in range(layers - 1, 0, -1):
        ac, rc = caches[l - 1]
        dz = relu_backward(dh, rc)
        dh, grads['W%d' % l], grads['b%d' % l] = affine_backward(dz, ac)
        grads['W%d' % l] += reg * params['W%d' % l]
    return data_loss + reg_loss, grads


def blas_core():
    """The OpenBLAS kernel numpy's bundled library runs (threadpoolctl's `internal_api` info)."""
    try:
        paths = {line.split()[-1] for line in open('/proc/self/maps') if 'openblas' in line}
        for path in paths:
            lib = ctypes.CDLL(path)
            for name in ('scipy_openblas_get_corename64_', 'openblas_get_corename64_', 'openblas_get_corename'):
                if hasattr(lib, name):
                    fn = getattr(lib, name)
                    fn.restype = ctypes.c_char_p
                    threads = 0
                    for tname in ('scipy_openblas_get_num_threads64_', 'openblas_get_num_threads64_', 'openblas_get_num_threads'):
                        if hasattr(lib, tname):
                            threads = getattr(lib, tname)()
                            break
                    return fn().decode(), threads
    except OSError:
        pass
    return 'unknown', 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--dtype', default='float64', choices=['float64', 'float32'])
    parser.add_argument('--batch', type=int, default=200)
    parser.add_argument('--steps', type=int, default=300)
    parser.add_argument('--warmup', type=int, default=10)
    args = parser.parse_args()
    dtype = np.dtype(args.dtype)
    rng = np.random.RandomState(0)
    dims = [3072, 100, 100, 100, 100, 100, 10]
    layers = len(dims) - 1
    params = {}
    for l in range(1, layers + 1):
        params['W%d' % l] = (5e-2 * rng.randn(dims[l - 1], dims[l])).astype(dtype)
        params['b%d' % l] = np.zeros(dims[l], dtype=dtype)
    X = rng.randn(args.batch, 3072).astype(dtype)
    y = rng.randint(10, size=args.batch)
    configs = {name: {'learning_rate': 1e-3} for name in params}
    times = []
    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        value, grads = loss(params, X, y, layers, 1e-3)
        for name in params:
            params[name], configs[name] = adam(params[name], grads[name], configs[name])
        elapsed = (time.perf_counter() - start) * 1e3
        if step >= args.warmup:
            times.append(elapsed)
        if not np.isfinite(value):
            raise SystemExit('numpy side diverged')
    t = np.array(times)
    core, threads = blas_core()
    print('numpy dtype=%s batch=%d steps=%d median_ms=%.3f p10_ms=%.3f p90_ms=%.3f core=%s threads=%d' % (
        args.dtype, args.batch, args.steps, np.median(t), np.percentile(t, 10), np.percentile(t, 90), core, threads))


if __name__ == '__main__':
    main()
