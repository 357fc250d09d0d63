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


def sgd_momentum(w, dw, config=None):
    """SGD with momentum.

    config: learning_rate (default 1e-2), momentum (default 0.9),
    velocity (array like w, default zeros).
    """
    if config is None:
        config = {}
    config.setdefault('learning_rate', 1e-2)
    config.setdefault('momentum', 0.9)
    config.setdefault('velocity', np.zeros_like(w))

    v = config['momentum'] * config['velocity'] - config['learning_rate'] * dw
    next_w = w + v

    config['velocity'] = v
    return next_w, config


def rmsprop(w, dw, config=None):
    """RMSProp: each weight's step is divided by a moving average of its
    squared gradients.

    config: learning_rate (default 1e-2), decay_rate (default 0.99),
    epsilon (default 1e-8), cache (array like w, default zeros).
    """
    if config is None:
        config = {}
    config.setdefault('learning_rate', 1e-2)
    config.setdefault('decay_rate', 0.99)
    config.setdefault('epsilon', 1e-8)
    config.setdefault('cache', np.zeros_like(w))

    decay = config['decay_rate']
    cache = decay * config['cache'] + (1 - decay) * dw ** 2
    next_w = w - config['learning_rate'] * dw / (np.sqrt(cache) + config['epsilon'])

    config['cache'] = cache
    return next_w, config


def adam(w, dw, config=None):
    """Adam: moving averages of the gradient and of its square, with bias
    correction.

    config: learning_rate (default 1e-3), beta1 (default 0.9), beta2 (default
    0.999), epsilon (default 1e-8), m and v (arrays like w, default zeros),
    t (step count, default 0; incremented before it is used).
    """
    if config is None:
        config = {}
    config.setdefault('learning_rate', 1e-3)
    config.setdefault('beta1', 0.9)
    config.setdefault('beta2', 0.999)
    config.setdefault('epsilon', 1e-8)
    config.setdefault('m', np.zeros_like(w))
    config.setdefault('v', np.zeros_like(w))
    config.setdefault('t', 0)

    beta1, beta2 = config['beta1'], config['beta2']
    config['t'] += 1
    t = config['t']
    m = beta1 * config['m'] + (1 - beta1) * dw
    v = beta2 * config['v'] + (1 - beta2) * (dw ** 2)
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    next_w = w - config['learning_rate'] * m_hat / (np.sqrt(v_hat) + config['epsilon'])

    config['m'] = m
    config['v'] = v
    return next_w, config
