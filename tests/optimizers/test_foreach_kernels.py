"""The multi-tensor kernels (`foreach=True`) against the per-variable Keras reference."""

import numpy as np
import pytest
import torch

from torchkeras import optimizers
from torchkeras.backend import Variable
from torchkeras.backend import optimizer_ops
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
    "adamw_schedule": lambda: optimizers.AdamW(
        schedules.CosineDecay(0.1, 3, warmup_target=0.2, warmup_steps=1), amsgrad=True),
    "adamax_clipnorm": lambda: optimizers.Adamax(0.05, clipnorm=0.5),
    "adagrad_weight_decay": lambda: optimizers.Adagrad(0.1, weight_decay=0.1),
    "adadelta_schedule": lambda: optimizers.Adadelta(schedules.PolynomialDecay(1.0, 3)),
    "lion_schedule": lambda: optimizers.Lion(schedules.InverseTimeDecay(0.1, 1, 0.5)),
    "nadam_accumulate": lambda: optimizers.Nadam(0.05, gradient_accumulation_steps=2),
    "lamb_clipvalue": lambda: optimizers.Lamb(0.05, clipvalue=0.5),
    "ftrl_regularized_schedule": lambda: optimizers.Ftrl(
        schedules.PiecewiseConstantDecay([2], [0.3, 0.1]), l1_regularization_strength=0.01,
        l2_regularization_strength=0.1, l2_shrinkage_regularization_strength=0.1, beta=0.2),
    "muon_schedule": lambda: optimizers.Muon(schedules.CosineDecayRestarts(0.05, 2)),
    "schedule_free_adamw_warmup": lambda: optimizers.ScheduleFreeAdamW(
        0.05, warmup_steps=3, weight_decay=0.1),
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
    "adamw_cosine": lambda: optimizers.AdamW(
        schedules.CosineDecay(0.1, 4, warmup_target=0.2, warmup_steps=2)),
    "adamax": lambda: optimizers.Adamax(schedules.PolynomialDecay(0.1, 3, cycle=True)),
    "adagrad": lambda: optimizers.Adagrad(schedules.PiecewiseConstantDecay([2], [0.1, 0.05])),
    "adadelta": lambda: optimizers.Adadelta(1.0),
    "lion": lambda: optimizers.Lion(schedules.CosineDecayRestarts(0.1, 2)),
    "nadam": lambda: optimizers.Nadam(schedules.InverseTimeDecay(0.1, 1, 0.5)),
    "lamb": lambda: optimizers.Lamb(0.1),
    "ftrl": lambda: optimizers.Ftrl(0.1, l1_regularization_strength=0.1),
    "adafactor": lambda: optimizers.Adafactor(0.1),
    "schedule_free_adamw": lambda: optimizers.ScheduleFreeAdamW(
        schedules.ExponentialDecay(0.1, 1, 0.5), warmup_steps=2),
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


def _adam_problem(dtype=torch.float32):
    rng = np.random.RandomState(4)
    params = [torch.nn.Parameter(torch.tensor(rng.randn(*shape), dtype=dtype)) for shape in SHAPES]
    grads = [[torch.tensor(rng.randn(*shape), dtype=dtype) for shape in SHAPES]
             for _ in range(4)]
    return params, grads


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("amsgrad", [False, True])
def test_fused_adam_matches_the_multi_tensor_kernels(amsgrad, dtype):
    # The fused kernel runs when the host step count is known; without it the same formula
    # runs on `_foreach_*` kernels.
    results = []
    for step_host in (True, False):
        params, grads = _adam_problem(dtype)
        momentums = [torch.zeros_like(p) for p in params]
        velocities = [torch.zeros_like(p) for p in params]
        hats = [torch.zeros_like(p) for p in params] if amsgrad else None
        with torch.no_grad():
            for t, step_grads in enumerate(grads, start=1):
                kept = [g.clone() for g in step_grads]
                optimizer_ops.adam_step_(
                    params, step_grads, momentums, velocities, hats, 0.05, 0.9, 0.999, 1e-7,
                    torch.tensor(float(t), dtype=dtype), t if step_host else None)
                for g, k in zip(step_grads, kept):  # the kernel leaves the gradients alone
                    assert torch.equal(g, k)
        results.append([p.detach().numpy() for p in params + momentums + velocities])
    for fused, multi_tensor in zip(*results):
        np.testing.assert_allclose(fused, multi_tensor, rtol=1e-6, atol=1e-7)


def test_all_finite():
    assert optimizer_ops.all_finite([torch.ones(3), torch.full((2, 2), 3e38)])
    assert not optimizer_ops.all_finite([torch.ones(3), torch.tensor([1.0, float("nan")])])
    assert not optimizer_ops.all_finite([torch.tensor([-float("inf")])])


@pytest.mark.parametrize("lr", [0.1, 0.01, 1e-12])
def test_fused_sgd_momentum_matches_the_multi_tensor_kernels(lr):
    # A constant rate runs torch's fused SGD (dampening 1 + lr); a 0-d tensor rate, the
    # `_foreach_*` kernels. A rate too small for `1 - (1 + lr)` to round to `-lr` stays on the
    # multi-tensor kernels.
    assert (optimizer_ops._fused_sgd_dampening([torch.ones(1)], [torch.ones(1)], lr) is None) \
        == (lr == 1e-12)
    results = []
    for rate in (lr, torch.tensor(lr)):
        params, grads = _adam_problem()
        momentums = [torch.zeros_like(p) for p in params]
        with torch.no_grad():
            for step_grads in grads:
                kept = [g.clone() for g in step_grads]
                optimizer_ops.sgd_step_(params, step_grads, momentums, rate, 0.9, False)
                assert all(torch.equal(g, k) for g, k in zip(step_grads, kept))
        results.append([p.detach().numpy() for p in params + momentums])
    for fused, multi_tensor in zip(*results):
        np.testing.assert_allclose(fused, multi_tensor, rtol=1e-6, atol=1e-7)
