"""Fully-connected classifiers built from the layers in cs231n.layers."""
from builtins import range
from builtins import object
import numpy as np

from cs231n.layers import *
from cs231n.layer_utils import *


class TwoLayerNet(object):
    """Two-layer network: affine - relu - affine - softmax.

    Inputs have dimension D, the hidden layer H units, and there are C
    classes. The learnable parameters live in self.params:
    W1 (D, H), b1 (H,), W2 (H, C), b2 (C,).
    """

    def __init__(self, input_dim=3 * 32 * 32, hidden_dim=100, num_classes=10,
                 weight_scale=1e-3, reg=0.0):
        """
        input_dim: size of one input
        hidden_dim: number of hidden units
        num_classes: number of classes
        weight_scale: standard deviation of the normally distributed initial
            weights (biases start at zero)
        reg: strength of the L2 regularization
        """
        self.params = {}
        self.reg = reg

        self.params['W1'] = weight_scale * np.random.randn(input_dim, hidden_dim)
        self.params['b1'] = np.zeros(hidden_dim)
        self.params['W2'] = weight_scale * np.random.randn(hidden_dim, num_classes)
        self.params['b2'] = np.zeros(num_classes)

    def loss(self, X, y=None):
        """
        X: inputs, shape (N, d_1, ..., d_k)
        y: labels, shape (N,), or None

        Without y, returns the class scores, shape (N, C). With y, returns
        (loss, grads) where grads maps every parameter name to its gradient.
        """
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']

        hidden, hidden_cache = affine_relu_forward(X, W1, b1)
        scores, scores_cache = affine_forward(hidden, W2, b2)

        if y is None:
            return scores

        grads = {}
        data_loss, dscores = softmax_loss(scores, y)
        reg_loss = 0.5 * self.reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = data_loss + reg_loss

        dhidden, dW2, db2 = affine_backward(dscores, scores_cache)
        _, dW1, db1 = affine_relu_backward(dhidden, hidden_cache)

        grads['W1'] = dW1 + self.reg * W1
        grads['b1'] = db1
        grads['W2'] = dW2 + self.reg * W2
        grads['b2'] = db2
        return loss, grads


class FullyConnectedNet(object):
    """Network with any number of hidden layers:

        {affine - [batch/layer norm] - relu - [dropout]} x (L - 1) - affine - softmax

    Parameters W1..WL and b1..bL, plus gamma1..gamma(L-1) and beta1..beta(L-1)
    when normalization is used, are kept in self.params.
    """

    def __init__(self, hidden_dims, input_dim=3 * 32 * 32, num_classes=10,
                 dropout=1, normalization=None, reg=0.0,
                 weight_scale=1e-2, dtype=np.float32, seed=None):
        """
        hidden_dims: list with the size of each hidden layer
        input_dim: size of one input
        num_classes: number of classes
        dropout: probability of keeping a unit in the dropout layers; 1 means
            the network has no dropout
        normalization: None, 'batchnorm' or 'layernorm'
        reg: strength of the L2 regularization
        weight_scale: standard deviation of the initial weights
        dtype: numpy dtype of every parameter and computation
        seed: if given, dropout masks are drawn from this seed (deterministic,
            for gradient checks)
        """
        self.normalization = normalization
        self.use_dropout = dropout != 1
        self.reg = reg
        self.num_layers = 1 + len(hidden_dims)
        self.dtype = dtype
        self.params = {}

        sizes = [input_dim] + list(hidden_dims) + [num_classes]
        for layer in range(1, self.num_layers + 1):
            fan_in, fan_out = sizes[layer - 1], sizes[layer]
            self.params['W%d' % layer] = weight_scale * np.random.randn(fan_in, fan_out)
            self.params['b%d' % layer] = np.zeros(fan_out)
            if self.normalization is not None and layer < self.num_layers:
                self.params['gamma%d' % layer] = np.ones(fan_out)
                self.params['beta%d' % layer] = np.zeros(fan_out)

        self.dropout_param = {}
        if self.use_dropout:
            self.dropout_param = {'mode': 'train', 'p': dropout}
            if seed is not None:
                self.dropout_param['seed'] = seed

        self.bn_params = []
        if self.normalization == 'batchnorm':
            self.bn_params = [{'mode': 'train'} for _ in range(self.num_layers - 1)]
        if self.normalization == 'layernorm':
            self.bn_params = [{} for _ in range(self.num_layers - 1)]

        for name, value in self.params.items():
            self.params[name] = value.astype(dtype)

    def loss(self, X, y=None):
        """Scores for X when y is None (test mode); otherwise (loss, grads)."""
        X = X.astype(self.dtype)
        mode = 'test' if y is None else 'train'

        if self.use_dropout:
            self.dropout_param['mode'] = mode
        if self.normalization == 'batchnorm':
            for bn_param in self.bn_params:
                bn_param['mode'] = mode

        caches = []
        h = X
        for layer in range(1, self.num_layers):
            W, b = self.params['W%d' % layer], self.params['b%d' % layer]
            a, fc_cache = affine_forward(h, W, b)

            norm_cache = None
            if self.normalization == 'batchnorm':
                gamma, beta = self.params['gamma%d' % layer], self.params['beta%d' % layer]
                a, norm_cache = batchnorm_forward(a, gamma, beta, self.bn_params[layer - 1])
            elif self.normalization == 'layernorm':
                gamma, beta = self.params['gamma%d' % layer], self.params['beta%d' % layer]
                a, norm_cache = layernorm_forward(a, gamma, beta, self.bn_params[layer - 1])

            h, relu_cache = relu_forward(a)

            drop_cache = None
            if self.use_dropout:
                h, drop_cache = dropout_forward(h, self.dropout_param)

            caches.append((fc_cache, norm_cache, relu_cache, drop_cache))

        last = self.num_layers
        scores, last_cache = affine_forward(h, self.params['W%d' % last], self.params['b%d' % last])

        if mode == 'test':
            return scores

        loss, dscores = softmax_loss(scores, y)
        for layer in range(1, self.num_layers + 1):
            W = self.params['W%d' % layer]
            loss += 0.5 * self.reg * np.sum(W * W)

        grads = {}
        dh, dW, db = affine_backward(dscores, last_cache)
        grads['W%d' % last] = dW + self.reg * self.params['W%d' % last]
        grads['b%d' % last] = db

        for layer in range(self.num_layers - 1, 0, -1):
            fc_cache, norm_cache, relu_cache, drop_cache = caches[layer - 1]
            if self.use_dropout:
                dh = dropout_backward(dh, drop_cache)
            da = relu_backward(dh, relu_cache)
            if self.normalization == 'batchnorm':
                da, dgamma, dbeta = batchnorm_backward(da, norm_cache)
                grads['gamma%d' % layer], grads['beta%d' % layer] = dgamma, dbeta
            elif self.normalization == 'layernorm':
                da, dgamma, dbeta = layernorm_backward(da, norm_cache)
                grads['gamma%d' % layer], grads['beta%d' % layer] = dgamma, dbeta
            dh, dW, db = affine_backward(da, fc_cache)
            grads['W%d' % layer] = dW + self.reg * self.params['W%d' % layer]
            grads['b%d' % layer] = db

        return loss, grads
