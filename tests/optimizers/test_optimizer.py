"""The `Optimizer` base: Keras's argument checks, learning rate handling, `apply` and state."""

import re
import warnings

import numpy as np
import pytest
import torch

from optimizer_reference import W0
from optimizer_reference import make_variables
from optimizer_reference import run_keras_style
from torchkeras import optimizers
from torchkeras.backend import Variable
from torchkeras.optimizers import schedules


# -- constructor checks: texts from keras 3.15.1 ---------------------------------------------------
@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"foo": 1}, "Argument(s) not recognized: {'foo': 1}"),
        ({"learning_rate": 1},
         "Argument `learning_rate` should be float, or an instance of LearningRateSchedule, or a "
         "callable (that takes in the current iteration value and returns the corresponding "
         "learning rate value). Received instead: learning_rate=1"),
        ({"clipnorm": 1.0, "clipvalue": 1.0},
         "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: "
         "clipnorm=1.0, clipvalue=1.0, global_clipnorm=None"),
        ({"gradient_accumulation_steps": 1},
         "`gradient_accumulation_steps` must be an integer >= 2. Received: "
         "gradient_accumulation_steps=1"),
        ({"use_ema": True, "ema_momentum": 1.5},
         "`ema_momentum` must be in the range [0, 1]. Received: ema_momentum=1.5"),
        ({"use_ema": True, "ema_overwrite_frequency": 0.5},
         "`ema_overwrite_frequency` must be an integer >= 1 or None. Received: "
         "ema_overwrite_frequency=0.5"),
    ],
)
def test_constructor_errors(kwargs, message):
    with pytest.raises(ValueError, match="^" + re.escape(message) + "$"):
        optimizers.Adam(**kwargs)


def test_keras2_lr_and_decay_arguments():
    with pytest.warns(UserWarning, match=re.escape(
            "The `lr` argument is deprecated, use `learning_rate` instead.")):
        optimizer = optimizers.SGD(lr=0.3)
    np.testing.assert_allclose(float(optimizer.learning_rate), 0.3, rtol=1e-7)
    # Keras 3 warns about `decay` and ignores it.
    with pytest.warns(UserWarning, match=re.escape(
            "Argument `decay` is no longer supported and will be ignored.")):
        optimizer = optimizers.Adam(decay=0.1)
    assert "decay" not in optimizer.get_config()
    assert optimizers.Adam.from_config({"lr": 0.5}).get_config()["learning_rate"] == 0.5


# -- learning rate ---------------------------------------------------------------------------
def test_learning_rate_variable_and_setter():
    optimizer = optimizers.SGD(0.1, name="sgd")
    lr = optimizer.learning_rate
    assert isinstance(lr, Variable) and lr.path == "sgd/learning_rate"
    assert lr.dtype == torch.float32
    optimizer.learning_rate = 0.5
    assert float(optimizer.learning_rate) == 0.5
    assert optimizer.get_config()["learning_rate"] == 0.5
    assert optimizer.param_groups == [] and optimizer.defaults["lr"] == 0.5
    # Assigning the variable directly reaches the step too.
    kernel, bias = make_variables()
    optimizer.build([kernel, bias])
    optimizer.learning_rate.assign(0.25)
    assert optimizer.param_groups[0]["lr"] == 0.25
    optimizer.apply([np.ones((2, 3)), np.ones(3)], [kernel, bias])
    np.testing.assert_allclose(bias.numpy(), [0.2 - 0.25, -0.4 - 0.25, 1.5 - 0.25], rtol=1e-6)


def test_schedule_learning_rate_is_not_settable():
    optimizer = optimizers.SGD(schedules.ExponentialDecay(0.1, 2, 0.5))
    with pytest.raises(TypeError, match="^" + re.escape(
            "This optimizer was created with a `LearningRateSchedule` object as its "
            "`learning_rate` constructor argument, hence its learning rate is not settable. If "
            "you need the learning rate to be settable, you should instantiate the optimizer "
            "with a float `learning_rate` argument.") + "$"):
        optimizer.learning_rate = 0.1
    # No learning_rate variable with a schedule, as Keras.
    assert [v.name for v in optimizer.variables] == ["iteration"]
    run_keras_style(optimizer, steps=2)
    # from keras 3.15.1: ExponentialDecay(0.1, 2, 0.5)(2) == 0.05000000074505806
    np.testing.assert_allclose(float(optimizer.learning_rate), 0.05000000074505806, rtol=1e-7)


def test_callable_learning_rate():
    optimizer = optimizers.SGD(0.1)
    optimizer.learning_rate = lambda: 0.5
    assert [v.name for v in optimizer.variables] == ["iteration"]  # untracked, as Keras
    assert optimizer.learning_rate == 0.5
    _, bias = run_keras_style(optimizer, steps=1)
    g = np.random.RandomState(0).randn(9)[6:]
    np.testing.assert_allclose(bias.numpy(), np.array([0.2, -0.4, 1.5]) - 0.5 * g, rtol=1e-6)
    optimizer.learning_rate = 0.2  # back to a value: a learning_rate variable again
    assert [v.name for v in optimizer.variables] == ["iteration", "learning_rate"]
    assert optimizer.param_groups[0]["lr"] == pytest.approx(0.2)


def test_config_with_schedule_round_trips():
    optimizer = optimizers.Adam(schedules.ExponentialDecay(0.1, 2, 0.5), name="adam_1")
    config = optimizer.get_config()
    # from keras 3.15.1: the learning_rate entry of the same optimizer's config.
    assert config["learning_rate"] == {
        "module": "keras.optimizers.schedules", "class_name": "ExponentialDecay",
        "config": {"initial_learning_rate": 0.1, "decay_steps": 2, "decay_rate": 0.5,
                   "staircase": False, "name": "ExponentialDecay"},
        "registered_name": None,
    }
    restored = optimizers.Adam.from_config(config)
    assert isinstance(restored._learning_rate, schedules.ExponentialDecay)
    assert restored.get_config() == config


# -- apply -----------------------------------------------------------------------------------
def test_apply_errors():
    kernel, bias = make_variables()
    with pytest.raises(ValueError, match="^" + re.escape(
            "When passing `grads` without `variables`, the optimizer must already be built on a "
            "list of variables. Call `optimizer.build(trainable_variables)` first. ") + "$"):
        optimizers.SGD().apply([np.ones(3)])
    optimizer = optimizers.SGD()
    optimizer.build([kernel, bias])
    with pytest.raises(ValueError, match="^" + re.escape(
            "When passing `grads` as a list of gradient tensors, the gradients must match "
            "`optimizer.variables` one-to-on. Received a list of 1 gradients, but the optimizer "
            "is tracking 2 trainable variables.") + "$"):
        optimizer.apply([np.ones(3)])
    other = Variable(np.ones(2, dtype="float32"), name="w")
    with pytest.raises(ValueError, match=r"^Unknown variable: <Variable path=w.*This optimizer "
                       r"can only be called for the variables it was originally built with\. "
                       r"When working with a new set of variables, you should recreate a new "
                       r"optimizer instance\.$"):
        optimizer.apply([np.ones(2)], [other])
    with pytest.raises(ValueError, match=r"^No gradients provided for any variable\.$"):
        optimizer.apply([None, None], [kernel, bias])
    assert optimizer.apply([]) is None


def test_none_gradients_are_skipped_with_keras_warning():
    kernel, bias = make_variables()
    optimizer = optimizers.SGD(0.5)
    with pytest.warns(UserWarning, match="^" + re.escape(
            "Gradients do not exist for variables ['kernel'] when minimizing the loss. If using "
            "`model.compile()`, did you forget to provide a `loss` argument?") + "$"):
        optimizer.apply([None, np.ones(3)], [kernel, bias])
    np.testing.assert_array_equal(kernel.numpy(), W0)
    np.testing.assert_allclose(bias.numpy(), [-0.3, -0.9, 1.0], rtol=1e-6)
    assert int(optimizer.iterations) == 1


def test_apply_gradients_and_reordered_variables():
    kernel, bias = make_variables()
    optimizer = optimizers.Adam(0.1)
    result = optimizer.apply_gradients([(np.ones((2, 3)), kernel), (np.ones(3), bias)])
    assert result is optimizer.iterations and int(result) == 1
    reference_kernel, reference_bias = make_variables()
    reference = optimizers.Adam(0.1)
    reference.apply([np.ones((2, 3)), np.ones(3)], [reference_kernel, reference_bias])
    # The same gradients given in another order reach the same slots.
    optimizer.apply([np.full(3, 2.0), np.full((2, 3), 3.0)], [bias, kernel])
    reference.apply([np.full((2, 3), 3.0), np.full(3, 2.0)], [reference_kernel, reference_bias])
    np.testing.assert_array_equal(kernel.numpy(), reference_kernel.numpy())
    np.testing.assert_array_equal(bias.numpy(), reference_bias.numpy())


def test_gradient_accumulation_iterations():
    optimizer = optimizers.Adam(0.1, gradient_accumulation_steps=2)
    run_keras_style(optimizer)
    # from keras 3.15.1: iterations == 2 (accumulated updates), internal count == 5.
    assert int(optimizer.iterations) == 2 and int(optimizer._iterations) == 5


def test_assigning_iterations_reaches_accumulation():
    kernel, bias = make_variables()
    optimizer = optimizers.SGD(1.0, gradient_accumulation_steps=2)
    optimizer.build([kernel, bias])
    # `iterations` is `variables[0]` (`optimizer.iterations` is iterations // 2 here).
    optimizer.variables[0].assign(1)  # the next apply is the 2nd of a pair: an update
    optimizer.apply([np.zeros((2, 3)), np.full(3, 4.0)], [kernel, bias])
    np.testing.assert_allclose(bias.numpy(), [0.2 - 2.0, -0.4 - 2.0, 1.5 - 2.0], rtol=1e-6)


def test_scale_loss_and_finalize():
    assert optimizers.SGD(0.1).scale_loss(2.0) == 2.0
    assert optimizers.SGD(0.1, loss_scale_factor=8.0).scale_loss(2.0) == 16.0
    optimizer = optimizers.SGD(0.1, use_ema=True, ema_momentum=0.5)
    kernel, bias = run_keras_style(optimizer, steps=3)
    averages = [v.numpy() for v in optimizer.variables[2:4]]
    optimizer.finalize_variable_values([kernel, bias])
    np.testing.assert_array_equal(kernel.numpy(), averages[0])
    np.testing.assert_array_equal(bias.numpy(), averages[1])
    with pytest.raises(ValueError, match="^" + re.escape(
            "The length of model variables (1) to override does not match the length of model "
            "variables stored in the optimizer (2). Please check if the optimizer was called on "
            "your model.") + "$"):
        optimizer.finalize_variable_values([kernel])


def test_exclude_from_weight_decay_by_variable():
    kernel, bias = make_variables()
    optimizer = optimizers.SGD(0.5, weight_decay=0.1)
    optimizer.exclude_from_weight_decay(var_list=[kernel])
    optimizer.apply([np.zeros((2, 3)), np.zeros(3)], [kernel, bias])
    np.testing.assert_array_equal(kernel.numpy(), W0)
    np.testing.assert_allclose(bias.numpy(), np.array([0.2, -0.4, 1.5]) * (1 - 0.05), rtol=1e-6)


def test_subclass_overriding_update_step_is_used():
    calls = []

    class SignSGD(optimizers.SGD):
        def update_step(self, gradient, variable, learning_rate):
            calls.append(variable.name)
            self.assign_sub(variable, torch.sign(gradient) * learning_rate)

    kernel, bias = make_variables()
    SignSGD(0.5).apply([np.full((2, 3), -3.0), np.full(3, 2.0)], [kernel, bias])
    assert calls == ["kernel", "bias"]
    np.testing.assert_allclose(bias.numpy(), [-0.3, -0.9, 1.0], rtol=1e-6)


def test_base_optimizer_update_step_is_abstract():
    kernel, _ = make_variables()
    with pytest.raises(NotImplementedError):
        optimizers.Optimizer(0.1).apply([np.ones((2, 3))], [kernel])


def test_add_optimizer_variables_name_initializer_mismatch():
    optimizer = optimizers.SGD()
    kernel, _ = make_variables()
    with pytest.raises(ValueError, match="^" + re.escape(
            "The number of provided names must match the number of provided initializers.  "
            "Received name='['a', 'b']', initializer='['zeros']'") + "$"):
        optimizer.add_optimizer_variables([kernel], ["a", "b"], ["zeros"])
    ones = optimizer.add_variable_from_reference(kernel, "ones", initializer="ones")
    np.testing.assert_array_equal(ones.numpy(), np.ones((2, 3)))
    extra = optimizer.add_variable((2,), name="extra")
    assert extra.path == f"{optimizer.name}/extra" and not extra.requires_grad


# -- weights ---------------------------------------------------------------------------------
def test_set_weights_and_own_variables():
    with pytest.raises(ValueError, match="^" + re.escape(
            "You are calling `set_weights()` on an optimizer that has not yet been built. "
            "Please call `optimizer.build(trainable_variables)` to create the optimizer weights "
            "before calling `set_weights()`.") + "$"):
        optimizers.SGD().set_weights([np.ones(1)])
    optimizer = optimizers.Adam(0.1, name="adam")
    run_keras_style(optimizer, steps=2)
    with pytest.raises(ValueError, match="^" + re.escape(
            "Optimizer variable adam/iteration has shape () not compatible with provided "
            "weight shape (2,).") + "$"):
        optimizer.set_weights([np.array([1, 2])])
    store = {}
    optimizer.save_own_variables(store)
    assert sorted(store, key=int) == [str(i) for i in range(6)]
    other = optimizers.Adam(0.5)
    other.build(list(make_variables()))
    other.load_own_variables(store)
    for mine, theirs in zip(other.variables, optimizer.variables):
        np.testing.assert_array_equal(mine.numpy(), theirs.numpy())
    assert other.param_groups[0]["lr"] == pytest.approx(0.1)  # the loaded rate drives steps
    assert other._iterations_host == 2
    unbuilt = optimizers.Adam()
    with pytest.warns(UserWarning, match="^" + re.escape(
            f"Skipping variable loading for optimizer '{unbuilt.name}', because it has 2 "
            "variables whereas the saved optimizer has 6 variables. ") + "$"):
        unbuilt.load_own_variables(store)


def test_slots_follow_the_variable_dtype():
    kernel = Variable(np.ones((2, 2)), dtype="float64", name="k")
    optimizer = optimizers.Adam()
    optimizer.build([kernel])
    assert optimizer.variables[2].dtype == torch.float64
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        optimizer.apply([np.ones((2, 2))], [kernel])
    assert kernel.dtype == torch.float64


def test_minimize_tf_keras_2_api():
    import torchkeras as keras

    v = keras.Variable(np.array([1.0, 2.0], "float32"))
    opt = keras.optimizers.SGD(0.1)
    opt.minimize(lambda: (v * v).sum(), [v])
    # d(sum v^2)/dv = 2v -> v - 0.2 v (values from tf_keras 2.21: [0.8, 1.6])
    np.testing.assert_allclose(v.numpy(), [0.8, 1.6], rtol=1e-6)
    opt.minimize(lambda: (v * v).sum(), lambda: [v])
    np.testing.assert_allclose(v.numpy(), [0.64, 1.28], rtol=1e-6)
    with pytest.raises(ValueError, match="`tape` is required when a `Tensor` loss is passed"):
        opt.minimize(torch.tensor(1.0), [v])


@pytest.mark.parametrize("name", ["Adam", "AdamW", "SGD", "RMSprop", "Adagrad"])
def test_non_contiguous_gradients_update_the_right_elements(name):
    # `tape.gradient` may return a transposed conv-kernel gradient; the fused kernels walk
    # memory, so the gradient must be laid out like the variable.
    import torchkeras as keras

    g = torch.arange(24, dtype=torch.float32).reshape(4, 2, 3).permute(2, 1, 0) - 11.5
    assert not g.is_contiguous()
    v = keras.Variable(np.zeros((3, 2, 4), "float32"))
    getattr(optimizers, name)(0.01).apply_gradients([(g, v)])
    if name in ("Adam", "AdamW"):
        # First Adam step: -lr * g / (|g| + eps * sqrt(1 - beta_2)) ~ -lr * sign(g).
        np.testing.assert_allclose(v.numpy(), -0.01 * np.sign(g.numpy()), rtol=1e-4)
    elif name == "SGD":
        np.testing.assert_allclose(v.numpy(), -0.01 * g.numpy(), rtol=1e-6)
    else:
        # Elementwise updates: the sign of every element follows its own gradient.
        np.testing.assert_array_equal(np.sign(v.numpy()), -np.sign(g.numpy()))
