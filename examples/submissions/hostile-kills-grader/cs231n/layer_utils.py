"""Convenience layers made of the basic ones in layers.py."""
from cs231n.layers import *


def affine_relu_forward(x, w, b):
    """An affine layer followed by a ReLU. Returns the output and a cache
    holding both layers' caches."""
    a, fc_cache = affine_forward(x, w, b)
    out, relu_cache = relu_forward(a)
    cache = (fc_cache, relu_cache)
    return out, cache


def affine_relu_backward(dout, cache):
    """Backward pass of affine_relu_forward: through the ReLU, then the
    affine layer. Returns dx, dw, db."""
    fc_cache, relu_cache = cache
    da = relu_backward(dout, relu_cache)
    dx, dw, db = affine_backward(da, fc_cache)
    return dx, dw, db
