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

        ######################################################################
        # TODO: initialize W1, b1, W2, b2
        ######################################################################
        ######################################################################
        #                              END OF YOUR CODE
        ######################################################################

    def loss(self, X, y=None):
        """
        X: inputs, shape (N, d_1, ..., d_k)
        y: labels, shape (N,), or None

        Without y, returns the class scores, shape (N, C). With y, returns
        (loss, grads) where grads maps every parameter name to its gradient.
        """
        scores = None
        ######################################################################
        # TODO: the forward pass, computing the class scores
        ######################################################################
        ######################################################################
        #                              END OF YOUR CODE
        ######################################################################

        if y is None:
            return scores

        loss, grads = 0, {}
        ######################################################################
        # TODO: the backward pass; store the loss in loss and the gradients in grads
        ######################################################################
        ######################################################################
        #                              END OF YOUR CODE
        ######################################################################

        return loss, grads


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

        ######################################################################
        # TODO: initialize W1..WL and b1..bL (and gamma, beta with normalization)
        ######################################################################
        ######################################################################
        #                              END OF YOUR CODE
        ######################################################################

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

        scores = None
        ######################################################################
        # TODO: the forward pass of the network, computing the class scores
        ######################################################################
        ######################################################################
        #                              END OF YOUR CODE
        ######################################################################

        if mode == 'test':
            return scores

        loss, grads = 0.0, {}
        ######################################################################
        # TODO: the backward pass; store the loss in loss and the gradients in grads
        ######################################################################
        ######################################################################
        #                              END OF YOUR CODE
        ######################################################################

        return loss, grads
