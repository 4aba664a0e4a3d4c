"""Optimizers used as `torch.optim.Optimizer`s: PyTorch loops, schedulers, state dicts, groups."""

import io
import re

import numpy as np
import pytest
import torch
from torch import nn

from optimizer_reference import gradient_sequence
from optimizer_reference import make_variables
from torchkeras import optimizers


def _data():
    generator = torch.Generator().manual_seed(0)
    return torch.randn(16, 3, generator=generator), torch.randn(16, 2, generator=generator)


def _linear():
    torch.manual_seed(0)
    return nn.Linear(3, 2)


def _train(model, optimizer, steps):
    x, y = _data()
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


def test_is_a_torch_optimizer_and_trains_a_linear_layer():
    model = _linear()
    optimizer = optimizers.Adam(model.parameters(), lr=0.05)
    assert isinstance(optimizer, torch.optim.Optimizer)
    assert optimizer.built and len(optimizer.param_groups) == 1
    losses = _train(model, optimizer, 20)
    assert losses[-1] < losses[0] * 0.8
    assert int(optimizer.iterations) == 20
    assert all(p.grad is not None for p in model.parameters())
    optimizer.zero_grad()
    assert all(p.grad is None for p in model.parameters())


@pytest.mark.parametrize("nesterov", [False, True])
def test_sgd_momentum_equals_torch_sgd_for_a_constant_rate(nesterov):
    # The Keras velocity is -lr times torch's buffer: with a constant rate the paths coincide.
    ours, theirs = _linear(), _linear()
    _train(ours, optimizers.SGD(ours.parameters(), lr=0.1, momentum=0.9, nesterov=nesterov), 10)
    _train(theirs, torch.optim.SGD(theirs.parameters(), lr=0.1, momentum=0.9, nesterov=nesterov),
           10)
    for mine, reference in zip(ours.parameters(), theirs.parameters()):
        np.testing.assert_allclose(mine.detach().numpy(), reference.detach().numpy(), rtol=1e-5,
                                   atol=1e-6)


def test_torch_style_and_keras_style_agree():
    torch_model, keras_model = _linear(), _linear()
    _train(torch_model, optimizers.RMSprop(torch_model.parameters(), lr=0.01, centered=True), 5)
    optimizer = optimizers.RMSprop(0.01, centered=True)
    x, y = _data()
    params = list(keras_model.parameters())
    for _ in range(5):
        loss = ((keras_model(x) - y) ** 2).mean()
        optimizer.apply(torch.autograd.grad(loss, params), params)
    for a, b in zip(torch_model.parameters(), keras_model.parameters()):
        np.testing.assert_array_equal(a.detach().numpy(), b.detach().numpy())


def test_closure():
    model = _linear()
    optimizer = optimizers.SGD(model.parameters(), lr=0.1)
    x, y = _data()

    def closure():
        optimizer.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        return loss

    first = optimizer.step(closure)
    second = optimizer.step(closure)
    assert second.item() < first.item()


def test_positional_params_and_named_parameters():
    model = _linear()
    sgd = optimizers.SGD(model.parameters(), 0.2, 0.5)  # torch's positional lr, then momentum
    assert sgd.param_groups[0]["lr"] == 0.2 and sgd.momentum == 0.5
    adam = optimizers.Adam(model.named_parameters(), name="adam")
    assert [v.path for v in adam.variables[2:]] == [
        "adam/weight_momentum", "adam/weight_velocity", "adam/bias_momentum",
        "adam/bias_velocity"]
    assert adam.state[model.weight]["momentum"] is adam.variables[2]
    assert adam.state[model.weight]["step"] is adam.variables[0]
    with pytest.raises(ValueError, match=r"^optimizer got an empty parameter list$"):
        optimizers.Adam(iter([]))


def test_step_before_build():
    optimizer = optimizers.Adam(name="adam")
    with pytest.raises(RuntimeError, match="^" + re.escape(
            "Optimizer 'adam': `step()` was called before the optimizer knew its parameters. "
            "Pass them to the constructor (e.g. `Adam(model.parameters())`) or call "
            "`optimizer.build(variables)` first. Received: no parameters.") + "$"):
        optimizer.step()


def test_parameters_without_grad_are_skipped():
    model = _linear()
    optimizer = optimizers.SGD(model.parameters(), lr=0.1)
    bias_before = model.bias.detach().clone()
    model.weight.grad = torch.ones_like(model.weight)
    optimizer.step()  # no warning, no change to the bias: PyTorch semantics
    torch.testing.assert_close(model.bias.detach(), bias_before)
    optimizer.zero_grad()
    optimizer.step()  # nothing has a gradient: a no-op
    assert int(optimizer.iterations) == 1


def test_torch_lr_scheduler_drives_the_rate():
    kernel, bias = (nn.Parameter(torch.zeros(2, 3)), nn.Parameter(torch.zeros(3)))
    optimizer = optimizers.SGD([kernel, bias], lr=0.1)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
    for _ in range(3):
        kernel.grad, bias.grad = torch.ones(2, 3), torch.ones(3)
        optimizer.step()
        scheduler.step()
    # w = -(0.1 + 0.05 + 0.025) after three unit gradients.
    np.testing.assert_allclose(bias.detach().numpy(), np.full(3, -0.175), rtol=1e-6)
    np.testing.assert_allclose(float(optimizer.learning_rate), 0.0125, rtol=1e-6)
    assert optimizer.get_config()["learning_rate"] == pytest.approx(0.0125)


def test_state_dict_round_trip_through_torch_save():
    def make():
        model = _linear()
        return model, optimizers.Adam(model.parameters(), lr=0.05, amsgrad=True)

    model, optimizer = make()
    _train(model, optimizer, 3)
    state = optimizer.state_dict()
    assert sorted(state["state"][0]) == ["momentum", "step", "velocity", "velocity_hat"]
    assert type(state["state"][0]["momentum"]) is torch.Tensor
    assert state["param_groups"][0]["lr"] == 0.05
    buffer = io.BytesIO()
    torch.save(state, buffer)
    buffer.seek(0)
    loaded = torch.load(buffer, weights_only=True)

    other_model, other = make()
    other_model.load_state_dict(model.state_dict())
    other.load_state_dict(loaded)
    assert int(other.iterations) == 3
    for mine, theirs in zip(other.variables, optimizer.variables):
        np.testing.assert_array_equal(mine.numpy(), theirs.numpy())
    assert other.state[other_model.weight]["momentum"] is other.variables[2]
    _train(model, optimizer, 2)
    _train(other_model, other, 2)
    for a, b in zip(model.parameters(), other_model.parameters()):
        np.testing.assert_array_equal(a.detach().numpy(), b.detach().numpy())


def test_load_state_dict_errors():
    optimizer = optimizers.Adam(name="adam")
    with pytest.raises(RuntimeError, match="^" + re.escape(
            "Optimizer 'adam': `load_state_dict()` was called before the optimizer was built. "
            "Build it on the same parameters first (pass them to the constructor or call "
            "`optimizer.build(variables)`). Received: an unbuilt optimizer.") + "$"):
        optimizer.load_state_dict({"state": {}, "param_groups": []})
    model = _linear()
    sgd_state = optimizers.SGD(model.parameters(), momentum=0.9).state_dict()
    adam = optimizers.Adam(model.parameters(), name="adam")
    with pytest.raises(ValueError, match="^" + re.escape(
            "Optimizer 'adam': the state dict has no 'velocity' for parameter 0. Expected the "
            "state dict of a `Adam` with the same configuration. Received: keys ['momentum', "
            "'step'].") + "$"):
        adam.load_state_dict(sgd_state)


def test_param_groups_with_their_own_rate_and_weight_decay():
    kernel, bias = (nn.Parameter(torch.ones(2, 3)), nn.Parameter(torch.ones(3)))
    optimizer = optimizers.SGD(
        [{"params": [kernel], "lr": 0.5, "weight_decay": 0.1}, {"params": [bias]}], lr=0.1)
    kernel.grad, bias.grad = torch.ones(2, 3), torch.ones(3)
    optimizer.step()
    # kernel: w - w * 0.1 * 0.5 - 0.5 * g; bias: w - 0.1 * g (group defaults: no decay).
    np.testing.assert_allclose(kernel.detach().numpy(), np.full((2, 3), 1 - 0.05 - 0.5), rtol=1e-6)
    np.testing.assert_allclose(bias.detach().numpy(), np.full(3, 0.9), rtol=1e-6)
    # Keras's setter writes every group.
    optimizer.learning_rate = 0.2
    assert [group["lr"] for group in optimizer.param_groups] == [pytest.approx(0.2)] * 2
    # apply() splits by group too, whatever the order of the variables.
    optimizer.apply([torch.ones(3), torch.ones(2, 3)], [bias, kernel])
    np.testing.assert_allclose(bias.detach().numpy(), np.full(3, 0.7), rtol=1e-6)


def test_add_param_group_keeps_existing_state():
    keras_kernel, keras_bias = make_variables()
    reference = optimizers.Adam(0.1)
    kernel = nn.Parameter(keras_kernel.detach().clone())
    bias = nn.Parameter(keras_bias.detach().clone())
    optimizer = optimizers.Adam([kernel], lr=0.1)
    (gw, gb), (gw2, gb2) = gradient_sequence(2)
    kernel.grad = torch.tensor(gw)
    optimizer.step()
    reference.apply([gw], [keras_kernel])
    optimizer.add_param_group({"params": [bias]})
    assert [v.path.split("/")[1] for v in optimizer.variables[2:]] == [
        "param_0_momentum", "param_0_velocity", "param_1_momentum", "param_1_velocity"]
    np.testing.assert_array_equal(optimizer.variables[2].numpy(), reference.variables[2].numpy())
    kernel.grad, bias.grad = torch.tensor(gw2), torch.tensor(gb2)
    optimizer.step()
    reference.apply([gw2], [keras_kernel])
    np.testing.assert_allclose(kernel.detach().numpy(), keras_kernel.numpy(), rtol=1e-6)


def test_group_without_gradients_is_skipped():
    kernel, bias = (nn.Parameter(torch.ones(2, 3)), nn.Parameter(torch.ones(3)))
    optimizer = optimizers.SGD([{"params": [kernel]}, {"params": [bias], "lr": 0.5}], lr=0.1,
                               momentum=0.9)
    bias.grad = torch.ones(3)
    optimizer.step()
    np.testing.assert_array_equal(kernel.detach().numpy(), np.ones((2, 3)))
    np.testing.assert_allclose(bias.detach().numpy(), np.full(3, 0.5), rtol=1e-6)
    np.testing.assert_array_equal(optimizer.state[kernel]["momentum"].numpy(), np.zeros((2, 3)))
    np.testing.assert_allclose(optimizer.state[bias]["momentum"].numpy(), np.full(3, -0.5))


def test_weight_decay_exclusion_by_parameter_name():
    model = _linear()
    bias_before = model.bias.detach().clone()
    weight_before = model.weight.detach().clone()
    optimizer = optimizers.SGD(model.named_parameters(), lr=0.5, weight_decay=0.1)
    optimizer.exclude_from_weight_decay(var_names=["bias"])
    for p in model.parameters():
        p.grad = torch.zeros_like(p)
    optimizer.step()
    torch.testing.assert_close(model.bias.detach(), bias_before)
    torch.testing.assert_close(model.weight.detach(), weight_before * (1 - 0.05))


def test_constraints_apply_to_updated_variables_only():
    kernel, bias = make_variables()
    kernel.constraint = lambda x: torch.clamp(x, min=0.0)
    bias.constraint = lambda x: torch.clamp(x, min=0.0)
    optimizer = optimizers.SGD(0.1)
    optimizer.build([kernel, bias])
    with pytest.warns(UserWarning, match="Gradients do not exist for variables"):
        optimizer.apply([None, np.zeros(3)], [kernel, bias])
    assert kernel.numpy().min() < 0  # no gradient: untouched, as Keras
    assert bias.numpy().min() == 0.0
