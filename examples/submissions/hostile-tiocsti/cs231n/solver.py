"""A Solver trains a classification model with minibatch stochastic gradient
descent and one of the update rules in cs231n.optim.

The model must provide:
  - model.params: dict from parameter names to numpy arrays
  - model.loss(X, y): (loss, grads) with grads keyed like model.params at
    training time; model.loss(X) returns class scores of shape (N, C)

Example:

    data = {'X_train': ..., 'y_train': ..., 'X_val': ..., 'y_val': ...}
    model = MyAwesomeModel(hidden_size=100, reg=10)
    solver = Solver(model, data, update_rule='sgd',
                    optim_config={'learning_rate': 1e-3},
                    lr_decay=0.95, num_epochs=10, batch_size=100,
                    print_every=100)
    solver.train()

After training, model.params holds the parameters with the best validation
accuracy, and solver.loss_history, solver.train_acc_history and
solver.val_acc_history record the run.
"""
from __future__ import print_function, division
from builtins import range
from builtins import object
import os
import pickle as pickle

import numpy as np

from cs231n import optim


class Solver(object):

    def __init__(self, model, data, **kwargs):
        """
        model: a model object as described above
        data: dict with X_train, y_train, X_val, y_val

        Optional keyword arguments:
        update_rule: name of a rule in cs231n.optim (default 'sgd')
        optim_config: hyperparameters of the update rule; every parameter
            gets its own copy (default {})
        lr_decay: the learning rate is multiplied by this after every epoch
            (default 1.0)
        batch_size: minibatch size (default 100)
        num_epochs: number of epochs (default 10)
        num_train_samples: training examples used to measure training
            accuracy (default 1000; None for all)
        num_val_samples: validation examples used to measure validation
            accuracy (default None: all)
        checkpoint_name: if given, a checkpoint is pickled after every epoch
        print_every: print the loss every this many iterations (default 10)
        verbose: whether to print anything (default True)
        """
        self.model = model
        self.X_train = data['X_train']
        self.y_train = data['y_train']
        self.X_val = data['X_val']
        self.y_val = data['y_val']

        self.update_rule = kwargs.pop('update_rule', 'sgd')
        self.optim_config = kwargs.pop('optim_config', {})
        self.lr_decay = kwargs.pop('lr_decay', 1.0)
        self.batch_size = kwargs.pop('batch_size', 100)
        self.num_epochs = kwargs.pop('num_epochs', 10)
        self.num_train_samples = kwargs.pop('num_train_samples', 1000)
        self.num_val_samples = kwargs.pop('num_val_samples', None)

        self.checkpoint_name = kwargs.pop('checkpoint_name', None)
        self.print_every = kwargs.pop('print_every', 10)
        self.verbose = kwargs.pop('verbose', True)

        if len(kwargs) > 0:
            unknown = ', '.join('"%s"' % k for k in list(kwargs.keys()))
            raise ValueError('Unrecognized arguments %s' % unknown)

        if not hasattr(optim, self.update_rule):
            raise ValueError('Invalid update_rule "%s"' % self.update_rule)
        self.update_rule = getattr(optim, self.update_rule)

        self._reset()

    def _reset(self):
        """Book-keeping; called by the constructor."""
        self.epoch = 0
        self.best_val_acc = 0
        self.best_params = {}
        self.loss_history = []
        self.train_acc_history = []
        self.val_acc_history = []

        self.optim_configs = {}
        for name in self.model.params:
            self.optim_configs[name] = {k: v for k, v in self.optim_config.items()}

    def _step(self):
        """One gradient update on a random minibatch."""
        num_train = self.X_train.shape[0]
        batch_mask = np.random.choice(num_train, self.batch_size)
        X_batch = self.X_train[batch_mask]
        y_batch = self.y_train[batch_mask]

        loss, grads = self.model.loss(X_batch, y_batch)
        self.loss_history.append(loss)

        for name, w in self.model.params.items():
            dw = grads[name]
            config = self.optim_configs[name]
            next_w, next_config = self.update_rule(w, dw, config)
            self.model.params[name] = next_w
            self.optim_configs[name] = next_config

    def _save_checkpoint(self):
        if self.checkpoint_name is None:
            return
        checkpoint = {
            'model': self.model,
            'update_rule': self.update_rule,
            'lr_decay': self.lr_decay,
            'optim_config': self.optim_config,
            'batch_size': self.batch_size,
            'num_train_samples': self.num_train_samples,
            'num_val_samples': self.num_val_samples,
            'epoch': self.epoch,
            'loss_history': self.loss_history,
            'train_acc_history': self.train_acc_history,
            'val_acc_history': self.val_acc_history,
        }
        filename = '%s_epoch_%d.pkl' % (self.checkpoint_name, self.epoch)
        if self.verbose:
            print('Saving checkpoint to "%s"' % filename)
        with open(filename, 'wb') as f:
            pickle.dump(checkpoint, f)

    def check_accuracy(self, X, y, num_samples=None, batch_size=100):
        """Fraction of the examples in X that the model classifies as y.

        num_samples: if given and X has more examples, a random subsample of
            this size (drawn with replacement) is used
        batch_size: examples per call of model.loss
        """
        N = X.shape[0]
        if num_samples is not None and N > num_samples:
            subset = np.random.choice(N, num_samples)
            N = num_samples
            X = X[subset]
            y = y[subset]

        num_batches = N // batch_size
        if N % batch_size != 0:
            num_batches += 1
        predictions = []
        for i in range(num_batches):
            start, end = i * batch_size, (i + 1) * batch_size
            scores = self.model.loss(X[start:end])
            predictions.append(np.argmax(scores, axis=1))
        predictions = np.hstack(predictions)
        return np.mean(predictions == y)

    def train(self):
        """Runs the optimization."""
        num_train = self.X_train.shape[0]
        iterations_per_epoch = max(num_train // self.batch_size, 1)
        num_iterations = self.num_epochs * iterations_per_epoch

        for t in range(num_iterations):
            self._step()

            if self.verbose and t % self.print_every == 0:
                print('(Iteration %d / %d) loss: %f' % (
                    t + 1, num_iterations, self.loss_history[-1]))

            epoch_end = (t + 1) % iterations_per_epoch == 0
            if epoch_end:
                self.epoch += 1
                for name in self.optim_configs:
                    self.optim_configs[name]['learning_rate'] *= self.lr_decay

            first_it = (t == 0)
            last_it = (t == num_iterations - 1)
            if first_it or last_it or epoch_end:
                train_acc = self.check_accuracy(self.X_train, self.y_train,
                                                num_samples=self.num_train_samples)
                val_acc = self.check_accuracy(self.X_val, self.y_val,
                                              num_samples=self.num_val_samples)
                self.train_acc_history.append(train_acc)
                self.val_acc_history.append(val_acc)
                self._save_checkpoint()

                if self.verbose:
                    print('(Epoch %d / %d) train acc: %f; val_acc: %f' % (
                        self.epoch, self.num_epochs, train_acc, val_acc))

                if val_acc > self.best_val_acc:
                    self.best_val_acc = val_acc
                    self.best_params = {}
                    for name, value in self.model.params.items():
                        self.best_params[name] = value.copy()

        self.model.params = self.best_params
