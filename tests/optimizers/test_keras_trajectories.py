"""Every optimizer option against final values recorded with real Keras, on both update paths
(multi-tensor `foreach` kernels and the per-variable `update_step` reference), and through
PyTorch's API where the option exists there."""

import numpy as np
import pytest
import torch

from optimizer_reference import KERAS_ADAM_DECAYING
from optimizer_reference import KERAS_AMSGRAD_DECAYING
from optimizer_reference import KERAS_AMSGRAD_VARIABLES
from optimizer_reference import B0
from optimizer_reference import KERAS_TRAJECTORIES
from optimizer_reference import W0
from optimizer_reference import assert_matches
from optimizer_reference import gradient_sequence
from optimizer_reference import make_variables
from optimizer_reference import run_keras_style
from optimizer_reference import run_torch_style
from torchkeras import optimizers
from torchkeras.backend import Variable
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


def _adamw_amsgrad_exclude():
    optimizer = optimizers.AdamW(0.1, weight_decay=0.1, amsgrad=True)
    optimizer.exclude_from_weight_decay(var_names=["bias"])
    return optimizer


# The rest of the catalogue: name -> optimizer factory (no hook, no constraint).
NEW_KERAS_OPTIMIZERS = {
    "adamw": lambda: optimizers.AdamW(0.1),
    "adamw_amsgrad_exclude": _adamw_amsgrad_exclude,
    "adamax": lambda: optimizers.Adamax(0.1),
    "adamax_betas": lambda: optimizers.Adamax(0.05, beta_1=0.8, beta_2=0.9, epsilon=1e-3),
    "adagrad": lambda: optimizers.Adagrad(0.1),
    "adagrad_options": lambda: optimizers.Adagrad(
        0.5, initial_accumulator_value=0.0, epsilon=1e-3),
    "adadelta": lambda: optimizers.Adadelta(1.0),
    "adadelta_options": lambda: optimizers.Adadelta(0.5, rho=0.8, epsilon=1e-4),
    "adafactor": lambda: optimizers.Adafactor(0.1),
    "adafactor_schedule": lambda: optimizers.Adafactor(schedules.ExponentialDecay(0.5, 2, 0.5)),
    "adafactor_options": lambda: optimizers.Adafactor(
        0.1, relative_step=False, clip_threshold=0.5, beta_2_decay=-0.5, epsilon_2=0.01),
    "ftrl": lambda: optimizers.Ftrl(0.1),
    "ftrl_regularized": lambda: optimizers.Ftrl(
        0.5, learning_rate_power=-0.3, initial_accumulator_value=0.2,
        l1_regularization_strength=0.01, l2_regularization_strength=0.02,
        l2_shrinkage_regularization_strength=0.05, beta=0.1),
    "ftrl_fixed_rate": lambda: optimizers.Ftrl(
        0.2, learning_rate_power=0.0, l1_regularization_strength=0.3),
    "lamb": lambda: optimizers.Lamb(0.1),
    "lamb_options": lambda: optimizers.Lamb(0.05, beta_1=0.8, beta_2=0.99, epsilon=1e-3),
    "lion": lambda: optimizers.Lion(0.1),
    "lion_betas": lambda: optimizers.Lion(0.05, beta_1=0.5, beta_2=0.9),
    "nadam": lambda: optimizers.Nadam(0.1),
    "nadam_options": lambda: optimizers.Nadam(0.05, beta_1=0.8, beta_2=0.99, epsilon=1e-3),
    "muon": lambda: optimizers.Muon(0.1),
    "muon_options": lambda: optimizers.Muon(
        0.1, nesterov=False, rms_rate=None, weight_decay=0.1, adam_weight_decay=0.2,
        adam_lr_ratio=0.5, ns_steps=3, momentum=0.9),
    "muon_exclude": lambda: optimizers.Muon(0.1, exclude_layers=["kern"]),
    "nadam_accumulate_ema": lambda: optimizers.Nadam(
        0.1, gradient_accumulation_steps=2, use_ema=True),
    "lion_weight_decay_clip": lambda: optimizers.Lion(0.1, weight_decay=0.5, global_clipnorm=1.0),
    "adafactor_accumulate": lambda: optimizers.Adafactor(0.1, gradient_accumulation_steps=2),
    "schedule_free_adamw": lambda: optimizers.ScheduleFreeAdamW(0.1),
    "schedule_free_adamw_options": lambda: optimizers.ScheduleFreeAdamW(
        0.05, beta_1=0.8, beta_2=0.99, epsilon=1e-3, warmup_steps=3, weight_decay=0.1),
}
KERAS_OPTIMIZERS.update({name: (make, None, None) for name, make in NEW_KERAS_OPTIMIZERS.items()})


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


@pytest.mark.parametrize("foreach", [True, False], ids=["foreach", "per_variable"])
def test_muon_transposed_kernel_matches_keras(foreach):
    # A (3, 2) kernel: Newton-Schulz runs on its transpose, as in Keras.
    optimizer = optimizers.Muon(0.1)
    optimizer.foreach = foreach
    kernel = Variable(W0.T.copy(), name="kernel")
    bias = Variable(B0.copy(), name="bias")
    for gw, gb in gradient_sequence():
        optimizer.apply([gw.T.copy(), gb], [kernel, bias])
    assert_matches((kernel, bias), KERAS_TRAJECTORIES["muon_transposed"])


TORCH_STYLE_NEW = {
    "adamw": lambda params: optimizers.AdamW(params, lr=0.1),
    "adagrad": lambda params: optimizers.Adagrad(params, 0.1),
    "lion": lambda params: optimizers.Lion(params, lr=0.1),
    "nadam": lambda params: optimizers.Nadam(params, lr=0.1),
    "adafactor": lambda params: optimizers.Adafactor(params, lr=0.1),
    "ftrl": lambda params: optimizers.Ftrl(params, lr=0.1),
    "schedule_free_adamw": lambda params: optimizers.ScheduleFreeAdamW(params, lr=0.1),
}


@pytest.mark.parametrize("name", sorted(TORCH_STYLE_NEW))
def test_torch_style_step_matches_keras_catalogue(name):
    kernel, bias = run_torch_style(TORCH_STYLE_NEW[name])
    assert_matches((kernel, bias), KERAS_TRAJECTORIES[name])
