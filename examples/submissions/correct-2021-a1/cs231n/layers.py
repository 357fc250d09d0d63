"""Forward and backward passes of the layers of a fully-connected network.

Every forward function returns ``(out, cache)``; the matching backward function
takes the upstream gradient ``dout`` and that cache and returns the gradients of
the forward function's inputs.
"""
from builtins import range
import numpy as np


def affine_forward(x, w, b):
    """Fully-connected (affine) layer.

    x: array of shape (N, d_1, ..., d_k); each example is flattened to a row of
       length D = d_1 * ... * d_k.
    w: weights, shape (D, M).
    b: biases, shape (M,).

    Returns out of shape (N, M) and cache = (x, w, b).
    """
    rows = x.reshape(x.shape[0], -1)
    out = rows.dot(w) + b
    cache = (x, w, b)
    return out, cache


def affine_backward(dout, cache):
    """Gradients of the affine layer.

    dout: upstream gradient, shape (N, M).
    cache: (x, w, b) from affine_forward.

    Returns dx (shaped like x), dw (D, M) and db (M,).
    """
    x, w, b = cache
    rows = x.reshape(x.shape[0], -1)
    dx = dout.dot(w.T).reshape(x.shape)
    dw = rows.T.dot(dout)
    db = np.sum(dout, axis=0)
    return dx, dw, db


def relu_forward(x):
    """Rectified linear unit, elementwise max(0, x). The cache is x itself."""
    out = np.maximum(x, 0)
    cache = x
    return out, cache


def relu_backward(dout, cache):
    """Gradient of the ReLU: dout where the input was positive, 0 elsewhere
    (including exactly at 0)."""
    x = cache
    dx = dout * (x > 0)
    return dx


def svm_loss(x, y):
    """Multiclass hinge loss (margin 1), averaged over the minibatch.

    x: scores, shape (N, C); y: labels, shape (N,), 0 <= y[i] < C.
    Returns the loss and its gradient dx with respect to x.
    """
    N = x.shape[0]
    rows = np.arange(N)
    correct_scores = x[rows, y][:, np.newaxis]
    margins = np.maximum(0, x - correct_scores + 1.0)
    margins[rows, y] = 0
    loss = np.sum(margins) / N

    dx = (margins > 0).astype(x.dtype)
    dx[rows, y] -= np.sum(dx, axis=1)
    dx /= N
    return loss, dx


def softmax_loss(x, y):
    """Softmax cross-entropy loss, averaged over the minibatch.

    x: scores, shape (N, C); y: labels, shape (N,), 0 <= y[i] < C.
    Returns the loss and its gradient dx with respect to x. The scores of each
    row are shifted by their maximum first, which does not change the result
    but keeps exp from overflowing.
    """
    N = x.shape[0]
    rows = np.arange(N)
    shifted = x - np.max(x, axis=1, keepdims=True)
    log_sum = np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    log_probs = shifted - log_sum
    loss = -np.sum(log_probs[rows, y]) / N

    dx = np.exp(log_probs)
    dx[rows, y] -= 1
    dx /= N
    return loss, dx
