"""The multi-tensor kernels (`foreach=True`) against the per-variable Keras reference."""

import numpy as np
import pytest
import torch

from torchkeras import optimizers
from torchkeras.backend import Variable
from torchkeras.optimizers import schedules

SHAPES = [(4, 5), (5,), (3, 3, 2, 4), (1,)]


def _run(make, foreach, steps=4, dtypes=("float32",) * 4):
    rng = np.random.RandomState(1)
    variables = [
        Variable(rng.randn(*shape).astype(dtype), dtype=dtype, name=f"v{i}")
        for i, (shape, dtype) in enumerate(zip(SHAPES, dtypes))
    ]
    optimizer = make()
    optimizer.foreach = foreach
    for _ in range(steps):
        grads = [rng.randn(*shape) for shape in SHAPES]
        optimizer.apply(grads, variables)
    return [v.numpy() for v in variables], [v.numpy() for v in optimizer.variables]


CONFIGS = {
    "sgd": lambda: optimizers.SGD(0.1),
    "sgd_nesterov_wd": lambda: optimizers.SGD(0.1, momentum=0.8, nesterov=True, weight_decay=0.1),
    "sgd_schedule": lambda: optimizers.SGD(schedules.ExponentialDecay(0.1, 1, 0.7)),
    "adam_amsgrad_clipnorm": lambda: optimizers.Adam(0.05, amsgrad=True, clipnorm=0.5),
    "adam_schedule_global_clip": lambda: optimizers.Adam(
        schedules.ExponentialDecay(0.1, 2, 0.5), global_clipnorm=1.0, weight_decay=0.05),
    "adam_accumulate_ema": lambda: optimizers.Adam(
        0.1, gradient_accumulation_steps=2, use_ema=True, ema_overwrite_frequency=1),
    "rmsprop_centered_momentum": lambda: optimizers.RMSprop(
        0.01, momentum=0.9, centered=True, clipvalue=0.3),
    "rmsprop_loss_scale": lambda: optimizers.RMSprop(0.01, loss_scale_factor=16.0),
}


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_foreach_matches_per_variable_reference(name):
    fast_values, fast_state = _run(CONFIGS[name], foreach=True)
    slow_values, slow_state = _run(CONFIGS[name], foreach=False)
    for fast, slow in zip(fast_values + fast_state, slow_values + slow_state):
        np.testing.assert_allclose(fast, slow, rtol=2e-6, atol=2e-7)


def test_mixed_dtypes_use_the_per_variable_path():
    make = CONFIGS["adam_amsgrad_clipnorm"]
    mixed, _ = _run(make, foreach=True, dtypes=("float32", "float64", "float32", "float64"))
    reference, _ = _run(make, foreach=False, dtypes=("float32", "float64", "float32", "float64"))
    for value, expected in zip(mixed, reference):
        np.testing.assert_array_equal(value, expected)
    assert mixed[1].dtype == np.float64


NO_SYNC_CONFIGS = {
    "adam_schedule_weight_decay": lambda: optimizers.Adam(
        schedules.ExponentialDecay(0.1, 1, 0.5), weight_decay=0.1),
    "sgd_accumulate_ema_clip": lambda: optimizers.SGD(
        0.1, momentum=0.9, gradient_accumulation_steps=2, use_ema=True,
        ema_overwrite_frequency=2, global_clipnorm=1.0),
    "rmsprop_centered_clipnorm": lambda: optimizers.RMSprop(0.1, centered=True, clipnorm=1.0,
                                                            loss_scale_factor=2.0),
}


@pytest.mark.parametrize("name", sorted(NO_SYNC_CONFIGS))
def test_step_has_no_host_sync(name, monkeypatch):
    # Scheduled rates, step counts and norms stay device tensors: turning one into a Python
    # number would call Tensor.item / __float__ / __bool__, which are forbidden during the steps.
    weight = torch.nn.Parameter(torch.ones(3))
    optimizer = NO_SYNC_CONFIGS[name]()
    optimizer.build([weight])
    forbidden = lambda *args, **kwargs: pytest.fail("host sync in the update step")  # noqa: E731
    for method in ("item", "__float__", "__bool__", "__int__", "tolist"):
        monkeypatch.setattr(torch.Tensor, method, forbidden)
    for _ in range(4):
        weight.grad = torch.ones(3)
        optimizer.step()
        optimizer.apply([torch.ones(3)], [weight])
    monkeypatch.undo()
    assert int(optimizer._iterations) == 8
