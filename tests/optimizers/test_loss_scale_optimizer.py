"""`LossScaleOptimizer`: Keras's dynamic loss scaling rules, its variables, and training."""

import numpy as np
import pytest
import torch

from optimizer_reference import B0
from optimizer_reference import W0
from optimizer_reference import assert_matches
from optimizer_reference import gradient_sequence
from torchkeras import optimizers
from torchkeras.backend import Variable


def _run(optimizer, bad_steps, foreach=True):
    """The reference problem; at each step of `bad_steps` one gradient entry is inf (odd
    steps) or NaN (even steps)."""
    optimizer.foreach = foreach
    optimizer.inner_optimizer.foreach = foreach
    kernel, bias = Variable(W0.copy(), name="kernel"), Variable(B0.copy(), name="bias")
    for i, (gw, gb) in enumerate(gradient_sequence()):
        if i in bad_steps:
            gw = gw.copy()
            gw[0, 0] = np.inf if i % 2 else np.nan
        optimizer.apply([gw, gb], [kernel, bias])
    return kernel, bias


@pytest.mark.parametrize("foreach", [True, False], ids=["foreach", "per_variable"])
def test_sgd_momentum_with_a_skipped_step_matches_keras(foreach):
    optimizer = optimizers.LossScaleOptimizer(
        optimizers.SGD(0.1, momentum=0.5), initial_scale=4.0, dynamic_growth_steps=2)
    kernel, bias = _run(optimizer, bad_steps=[2], foreach=foreach)
    # from keras 3.15.1: the same run (the gradients of step 2 have a NaN).
    assert_matches((kernel, bias), (
        [[0.37560850381851196, -1.1125980615615845, 1.8450794219970703],
         [-0.036590222269296646, -0.0808323323726654, -0.20481669902801514]],
        [0.25780296325683594, -0.49399375915527344, 1.520692229270935],
    ))
    # from keras 3.15.1: optimizer.variables (own, then the inner optimizer's).
    assert_matches(optimizer.variables, [
        0, 0.0, 0, 8.0, 4, 0.10000000149011612,
        [[-0.036496374756097794, -0.05137000232934952, -0.020831581205129623],
         [-0.006138550583273172, 0.01489020511507988, 0.04687761887907982]],
        [0.062362223863601685, -0.05328548699617386, 0.012391740456223488],
    ])
    assert int(optimizer.iterations) == 4  # the skipped step is not counted


@pytest.mark.parametrize("foreach", [True, False], ids=["foreach", "per_variable"])
def test_adam_with_two_skipped_steps_matches_keras(foreach):
    optimizer = optimizers.LossScaleOptimizer(
        optimizers.Adam(0.1), initial_scale=8.0, dynamic_growth_steps=1)
    kernel, bias = _run(optimizer, bad_steps=[1, 3], foreach=foreach)
    # from keras 3.15.1
    assert_matches((kernel, bias), (
        [[0.23452173173427582, -1.092705249786377, 1.9893110990524292],
         [-0.14224198460578918, -0.22644957900047302, -0.0035887211561203003]],
        [-0.018110454082489014, -0.23268084228038788, 1.6986085176467896],
    ))
    assert_matches(optimizer.variables[:6], [0, 0.0, 0, 16.0, 3, 0.10000000149011612])


def test_scale_follows_the_dynamic_rules():
    optimizer = optimizers.LossScaleOptimizer(
        optimizers.SGD(1.0), initial_scale=4.0, dynamic_growth_steps=3)
    weight = Variable(np.zeros(2, dtype="float32"), name="w")
    history = []
    for g in [1.0, 1.0, 1.0, np.inf, 1.0, np.nan, 1.0, 1.0, 1.0]:
        optimizer.apply([np.full(2, g, dtype="float32")], [weight])
        history.append((float(optimizer.dynamic_scale), int(optimizer.step_counter)))
    # Doubles after 3 finite steps in a row, halves (and restarts the count) on inf/NaN.
    assert history == [(4.0, 1), (4.0, 2), (8.0, 0), (4.0, 0), (4.0, 1), (2.0, 0), (2.0, 1),
                       (2.0, 2), (4.0, 0)]
    # Skipped steps leave the weights alone; the others apply g / (the scale before the step):
    # four steps at scale 4, three at scale 2.
    expected = -(4 / 4 + 3 / 2)
    np.testing.assert_allclose(weight.numpy(), [expected, expected], rtol=1e-6)
    assert int(optimizer.iterations) == 7


def test_scale_loss_variables_and_delegation():
    inner = optimizers.SGD(0.1, loss_scale_factor=3.0, name="sgd")
    optimizer = optimizers.LossScaleOptimizer(inner, name="lso")
    assert inner.loss_scale_factor is None  # unscaling happens once, in the wrapper
    assert optimizer.scale_loss(2.0) == 2.0 * 2**15  # `initial_scale` before building
    kernel = Variable(W0.copy(), name="kernel")
    optimizer.build([kernel])
    assert float(optimizer.scale_loss(torch.tensor(2.0))) == 2.0 * 2**15
    # from keras 3.15.1 (built with `build`): the paths and dtypes of `optimizer.variables`.
    assert [(v.path, str(v.dtype)) for v in optimizer.variables] == [
        ("lso/iteration", "torch.int64"), ("lso/learning_rate", "torch.float32"),
        ("lso/step_counter", "torch.int64"), ("lso/dynamic_scale", "torch.float32"),
        ("sgd/iteration", "torch.int64"), ("sgd/learning_rate", "torch.float32"),
    ]
    optimizer.learning_rate = 0.5
    assert float(inner.learning_rate) == 0.5 and float(optimizer.learning_rate) == 0.5
    assert optimizer.iterations is inner.iterations
    assert optimizer.check_finite([None, torch.ones(2)])
    assert not optimizer.check_finite([torch.tensor([1.0, float("inf")])])
    finalized = []
    inner.finalize_variable_values = finalized.append
    optimizer.finalize_variable_values([kernel])
    assert finalized == [[kernel]]


def test_fit_with_loss_scaling_matches_plain_training():
    import torchkeras as keras

    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 4)).astype("float32")
    y = rng.normal(size=(32, 1)).astype("float32")
    weights = [rng.normal(size=(4, 1)).astype("float32"), np.zeros(1, "float32")]

    def train(optimizer):
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
        model.set_weights(weights)
        model.compile(optimizer=optimizer, loss="mse")
        history = model.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
        return history.history["loss"], model.get_weights()

    scaled_loss, scaled = train(optimizers.LossScaleOptimizer(optimizers.SGD(0.1)))
    plain_loss, plain = train(optimizers.SGD(0.1))
    # A power-of-two scale is exact: the same steps, and the reported loss is unscaled.
    np.testing.assert_allclose(scaled_loss, plain_loss, rtol=1e-6)
    for a, b in zip(scaled, plain):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)


def test_torch_step_and_state_dict():
    params = [torch.nn.Parameter(torch.ones(3))]
    optimizer = optimizers.LossScaleOptimizer(optimizers.Adam(0.1), initial_scale=2.0)
    optimizer.build(params)
    params[0].grad = torch.full((3,), 2.0)
    optimizer.step()
    params[0].grad = torch.tensor([1.0, float("nan"), 1.0])
    optimizer.step()
    assert float(optimizer.dynamic_scale) == 1.0 and int(optimizer.iterations) == 1
    state = optimizer.state_dict()
    assert set(state["loss_scale"]) == {"step_counter", "dynamic_scale"}
    other = optimizers.LossScaleOptimizer(optimizers.Adam(0.1))
    other.build([torch.nn.Parameter(torch.ones(3))])
    other.load_state_dict(state)
    assert float(other.dynamic_scale) == 1.0 and int(other.iterations) == 1
    np.testing.assert_array_equal(other.inner_optimizer.variables[2].numpy(),
                                  optimizer.inner_optimizer.variables[2].numpy())
