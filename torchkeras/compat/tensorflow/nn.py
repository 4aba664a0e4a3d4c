"""`tf.nn`: the activation and loss functions Keras examples use."""

import torch
import torch.nn.functional as F

from torchkeras.compat.tensorflow.ops import _t


def relu(features, name=None):
    return torch.relu(_t(features))


def sigmoid(x, name=None):
    return torch.sigmoid(_t(x))


def tanh(x, name=None):
    return torch.tanh(_t(x))


def softmax(logits, axis=None, name=None):
    return torch.softmax(_t(logits), dim=-1 if axis is None else axis)


def log_softmax(logits, axis=None, name=None):
    return torch.log_softmax(_t(logits), dim=-1 if axis is None else axis)


def gelu(features, approximate=False, name=None):
    return F.gelu(_t(features), approximate="tanh" if approximate else "none")


def leaky_relu(features, alpha=0.2, name=None):
    return F.leaky_relu(_t(features), alpha)


def softmax_cross_entropy_with_logits(labels, logits, axis=-1, name=None):
    return -(_t(labels) * torch.log_softmax(_t(logits), dim=axis)).sum(dim=axis)


def sparse_softmax_cross_entropy_with_logits(labels, logits, name=None):
    return F.cross_entropy(_t(logits), _t(labels).long(), reduction="none")


def sigmoid_cross_entropy_with_logits(labels=None, logits=None, name=None):
    return F.binary_cross_entropy_with_logits(_t(logits), _t(labels), reduction="none")
