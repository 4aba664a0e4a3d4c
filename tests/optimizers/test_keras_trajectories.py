"""Every optimizer option against final values recorded with real Keras, on both update paths
(multi-tensor `foreach` kernels and the per-variable `update_step` reference), and through
PyTorch's API where the option exists there."""

import numpy as np
import pytest
import torch

from optimizer_reference import KERAS_ADAM_DECAYING
from optimizer_reference import KERAS_AMSGRAD_DECAYING
from optimizer_reference import KERAS_AMSGRAD_VARIABLES
from optimizer_reference import KERAS_TRAJECTORIES
from optimizer_reference import assert_matches
from optimizer_reference import make_variables
from optimizer_reference import run_keras_style
from optimizer_reference import run_torch_style
from torchkeras import optimizers
from torchkeras.optimizers import schedules


def _adam_weight_decay():
    optimizer = optimizers.Adam(0.1, weight_decay=0.1)
    optimizer.exclude_from_weight_decay(var_names=["bias"])
    return optimizer


def _set_learning_rate_at_step_2(optimizer, step):
    if step == 2:
        optimizer.learning_rate = 0.05


# name -> (optimizer factory, hook run before each step, constraint on the bias)
KERAS_OPTIMIZERS = {
    "sgd": (lambda: optimizers.SGD(), None, None),
    "sgd_momentum": (lambda: optimizers.SGD(0.1, momentum=0.9), None, None),
    "sgd_nesterov": (lambda: optimizers.SGD(0.1, momentum=0.9, nesterov=True), None, None),
    "adam": (lambda: optimizers.Adam(0.1), None, None),
    "adam_amsgrad": (lambda: optimizers.Adam(0.1, amsgrad=True), None, None),
    "rmsprop": (lambda: optimizers.RMSprop(0.1), None, None),
    "rmsprop_momentum_centered": (
        lambda: optimizers.RMSprop(0.1, momentum=0.5, centered=True), None, None),
    "sgd_clipnorm": (lambda: optimizers.SGD(0.1, clipnorm=1.0), None, None),
    "adam_clipvalue": (lambda: optimizers.Adam(0.1, clipvalue=0.5), None, None),
    "sgd_global_clipnorm": (lambda: optimizers.SGD(0.1, global_clipnorm=1.0), None, None),
    "adam_weight_decay": (_adam_weight_decay, None, None),
    "sgd_weight_decay": (
        lambda: optimizers.SGD(0.1, momentum=0.9, weight_decay=0.5), None, None),
    "sgd_schedule": (
        lambda: optimizers.SGD(schedules.ExponentialDecay(0.1, 2, 0.5), momentum=0.9),
        None, None),
    "adam_schedule_staircase": (
        lambda: optimizers.Adam(schedules.ExponentialDecay(0.1, 2, 0.5, staircase=True)),
        None, None),
    "sgd_lr_setter": (
        lambda: optimizers.SGD(0.1, momentum=0.9), _set_learning_rate_at_step_2, None),
    "sgd_ema": (
        lambda: optimizers.SGD(0.1, use_ema=True, ema_momentum=0.5, ema_overwrite_frequency=2),
        None, None),
    "sgd_ema_no_overwrite": (
        lambda: optimizers.SGD(0.1, use_ema=True, ema_momentum=0.5), None, None),
    "adam_accumulate": (
        lambda: optimizers.Adam(0.1, gradient_accumulation_steps=2), None, None),
    "sgd_loss_scale": (lambda: optimizers.SGD(0.1, loss_scale_factor=4.0), None, None),
    "sgd_constraint": (lambda: optimizers.SGD(0.1), None, lambda x: torch.clamp(x, min=0.0)),
    "rmsprop_weight_decay_clipnorm": (
        lambda: optimizers.RMSprop(0.1, rho=0.8, weight_decay=0.2, clipnorm=0.5), None, None),
    "adam_accumulate_ema_clip": (
        lambda: optimizers.Adam(
            0.1, gradient_accumulation_steps=2, use_ema=True, global_clipnorm=1.0),
        None, None),
}


@pytest.mark.parametrize("foreach", [True, False], ids=["foreach", "per_variable"])
@pytest.mark.parametrize("name", sorted(KERAS_OPTIMIZERS))
def test_matches_keras(name, foreach):
    make, before_step, constraint = KERAS_OPTIMIZERS[name]
    optimizer = make()
    optimizer.foreach = foreach
    kernel, bias = make_variables()
    if constraint is not None:
        bias.constraint = constraint
    run_keras_style(optimizer, before_step=before_step, variables=(kernel, bias))
    assert_matches((kernel, bias), KERAS_TRAJECTORIES[name])
    if name + "_averages" in KERAS_TRAJECTORIES:
        assert_matches(optimizer.variables[2:4], KERAS_TRAJECTORIES[name + "_averages"])


TORCH_STYLE = {
    "sgd": lambda params: optimizers.SGD(params),
    "sgd_momentum": lambda params: optimizers.SGD(params, lr=0.1, momentum=0.9),
    "sgd_nesterov": lambda params: optimizers.SGD(params, 0.1, 0.9, True),
    "adam": lambda params: optimizers.Adam(params, lr=0.1),
    "rmsprop_momentum_centered": lambda params: optimizers.RMSprop(
        params=params, learning_rate=0.1, momentum=0.5, centered=True),
    "adam_clipvalue": lambda params: optimizers.Adam(params, lr=0.1, clipvalue=0.5),
    "adam_accumulate": lambda params: optimizers.Adam(
        params, lr=0.1, gradient_accumulation_steps=2),
}


@pytest.mark.parametrize("name", sorted(TORCH_STYLE))
def test_torch_style_step_matches_keras(name):
    kernel, bias = run_torch_style(TORCH_STYLE[name])
    assert_matches((kernel, bias), KERAS_TRAJECTORIES[name])


@pytest.mark.parametrize("foreach", [True, False], ids=["foreach", "per_variable"])
def test_amsgrad_differs_from_adam_as_in_keras(foreach):
    optimizer = optimizers.Adam(0.1, amsgrad=True, name="adam")
    optimizer.foreach = foreach
    variables = run_keras_style(optimizer, decay=0.3)
    assert_matches(variables, KERAS_AMSGRAD_DECAYING)
    assert [v.path for v in optimizer.variables] == [p for p, _ in KERAS_AMSGRAD_VARIABLES]
    assert_matches(optimizer.variables, [value for _, value in KERAS_AMSGRAD_VARIABLES])
    plain = optimizers.Adam(0.1)
    plain.foreach = foreach
    assert_matches(run_keras_style(plain, decay=0.3), KERAS_ADAM_DECAYING)
    assert not np.allclose(KERAS_ADAM_DECAYING[0], KERAS_AMSGRAD_DECAYING[0], atol=1e-5)
