"""Fully-connected classifiers built from the layers in cs231n.layers."""
from builtins import range
from builtins import object
import numpy as np

from cs231n.layers import *
from cs231n.layer_utils import *


class FullyConnectedNet(object):
    """Network with any number of hidden layers:

        {affine - [batch/layer norm] - relu - [dropout]} x (L - 1) - affine - softmax

    Parameters W1..WL and b1..bL, plus gamma1..gamma(L-1) and beta1..beta(L-1)
    when normalization is used, are kept in self.params.
    """

    def __init__(self, hidden_dims, input_dim=3 * 32 * 32, num_classes=10,
                 dropout_keep_ratio=1, normalization=None, reg=0.0,
                 weight_scale=1e-2, dtype=np.float32, seed=None):
        """
        hidden_dims: list with the size of each hidden layer
        input_dim: size of one input
        num_classes: number of classes
        dropout_keep_ratio: probability of keeping a unit in the dropout
            layers; 1 means the network has no dropout
        normalization: None, 'batchnorm' or 'layernorm'
        reg: strength of the L2 regularization
        weight_scale: standard deviation of the initial weights
        dtype: numpy dtype of every parameter and computation
        seed: if given, dropout masks are drawn from this seed (deterministic,
            for gradient checks)
        """
        self.normalization = normalization
        self.use_dropout = dropout_keep_ratio != 1
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
            self.dropout_param = {'mode': 'train', 'p': dropout_keep_ratio}
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
