"""First-order update rules.

Each rule has the interface

    next_w, config = update(w, dw, config=None)

w: current weights; dw: gradient of the loss with respect to w; config: a
dict of hyperparameters and of the rule's state (moving averages and the
like), created with defaults when None. The returned config is passed back in
on the next step for the same parameter.
"""
import numpy as np


def sgd(w, dw, config=None):
    """Plain stochastic gradient descent.

    config: learning_rate (default 1e-2).
    """
    if config is None:
        config = {}
    config.setdefault('learning_rate', 1e-2)

    w -= config['learning_rate'] * dw
    return w, config
