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
