"""First-order update rules (written for Python 2.7).

Each rule has the interface

    next_w, config = update(w, dw, config=None)

w: current weights; dw: gradient of the loss with respect to w; config: a
dict of hyperparameters and of the rule's state, created with defaults when
None. The returned config is passed back in on the next step.

HOSTILE: the Python 2 print statements below are a SyntaxError under
Python 3, so importing this module (and cs231n.solver, which imports it)
fails.
"""
import numpy as np

DEBUG = False


def sgd(w, dw, config=None):
    """Plain stochastic gradient descent. config: learning_rate (1e-2)."""
    if config is None: config = {}
    config.setdefault('learning_rate', 1e-2)

    if DEBUG:
        print "sgd: learning rate %g, |dw| = %g" % (config['learning_rate'], np.abs(dw).max())
    w -= config['learning_rate'] * dw
    return w, config


def sgd_momentum(w, dw, config=None):
    """SGD with momentum. config: learning_rate (1e-2), momentum (0.9),
    velocity (zeros)."""
    if config is None: config = {}
    config.setdefault('learning_rate', 1e-2)
    config.setdefault('momentum', 0.9)
    config.setdefault('velocity', np.zeros_like(w))

    v = config['momentum'] * config['velocity'] - config['learning_rate'] * dw
    next_w = w + v
    if DEBUG:
        print "sgd_momentum: |v| =", np.abs(v).max()

    config['velocity'] = v
    return next_w, config


def rmsprop(x, dx, config=None):
    """RMSProp. config: learning_rate (1e-2), decay_rate (0.99), epsilon
    (1e-8), cache (zeros)."""
    if config is None: config = {}
    config.setdefault('learning_rate', 1e-2)
    config.setdefault('decay_rate', 0.99)
    config.setdefault('epsilon', 1e-8)
    config.setdefault('cache', np.zeros_like(x))

    decay = config['decay_rate']
    cache = decay * config['cache'] + (1 - decay) * dx ** 2
    next_x = x - config['learning_rate'] * dx / (np.sqrt(cache) + config['epsilon'])

    config['cache'] = cache
    return next_x, config


def adam(x, dx, config=None):
    """Adam with bias correction. config: learning_rate (1e-3), beta1 (0.9),
    beta2 (0.999), epsilon (1e-8), m and v (zeros), t (0, incremented first)."""
    if config is None: config = {}
    config.setdefault('learning_rate', 1e-3)
    config.setdefault('beta1', 0.9)
    config.setdefault('beta2', 0.999)
    config.setdefault('epsilon', 1e-8)
    config.setdefault('m', np.zeros_like(x))
    config.setdefault('v', np.zeros_like(x))
    config.setdefault('t', 0)

    beta1, beta2 = config['beta1'], config['beta2']
    config['t'] += 1
    t = config['t']
    m = beta1 * config['m'] + (1 - beta1) * dx
    v = beta2 * config['v'] + (1 - beta2) * (dx ** 2)
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    next_x = x - config['learning_rate'] * m_hat / (np.sqrt(v_hat) + config['epsilon'])
    if DEBUG:
        print "adam step", t, "m_hat", m_hat.mean(), "v_hat", v_hat.mean()

    config['m'] = m
    config['v'] = v
    return next_x, config
