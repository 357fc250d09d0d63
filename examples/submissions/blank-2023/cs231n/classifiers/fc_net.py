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

        ######################################################################
        # TODO: initialize W1..WL and b1..bL (and gamma, beta with normalization)
        ######################################################################
        # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****

        pass

        # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
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
        # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****

        pass

        # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
        ######################################################################
        #                              END OF YOUR CODE
        ######################################################################

        if mode == 'test':
            return scores

        loss, grads = 0.0, {}
        ######################################################################
        # TODO: the backward pass; store the loss in loss and the gradients in grads
        ######################################################################
        # *****START OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****

        pass

        # *****END OF YOUR CODE (DO NOT DELETE/MODIFY THIS LINE)*****
        ######################################################################
        #                              END OF YOUR CODE
        ######################################################################

        return loss, grads
