"""Argument checks of the catalogue: Keras's texts where Keras checks, and the checks torchkeras
adds (listed in compat/DIFFERENCES.md)."""

import re

import pytest
import torch

from torchkeras import optimizers

# from keras 3.15.1: the errors raised for these arguments.
KERAS_ERRORS = [
    (optimizers.AdamW, {"weight_decay": None},
     "Argument `weight_decay` must be a float. Received: weight_decay=None"),
    (optimizers.Lion, {"beta_1": 0.0},
     "Argument `beta_1` must be in the [0, 1] range. Otherwise, the optimizer degenerates to "
     "SignSGD. Received: beta_1=0.0."),
    (optimizers.Lion, {"beta_1": 1.5},
     "Argument `beta_1` must be in the [0, 1] range. Otherwise, the optimizer degenerates to "
     "SignSGD. Received: beta_1=1.5."),
    (optimizers.Ftrl, {"initial_accumulator_value": -1.0},
     "`initial_accumulator_value` needs to be positive or zero. Received: "
     "initial_accumulator_value=-1.0."),
    (optimizers.Ftrl, {"learning_rate_power": 0.5},
     "`learning_rate_power` needs to be negative or zero. Received: learning_rate_power=0.5."),
    (optimizers.Ftrl, {"l1_regularization_strength": -1.0},
     "`l1_regularization_strength` needs to be positive or zero. Received: "
     "l1_regularization_strength=-1.0."),
    (optimizers.Ftrl, {"l2_regularization_strength": -1.0},
     "`l2_regularization_strength` needs to be positive or zero. Received: "
     "l2_regularization_strength=-1.0."),
    (optimizers.Ftrl, {"l2_shrinkage_regularization_strength": -1.0},
     "`l2_shrinkage_regularization_strength` needs to be positive or zero. Received: "
     "l2_shrinkage_regularization_strength=-1.0."),
]


@pytest.mark.parametrize("cls, kwargs, message", KERAS_ERRORS)
def test_keras_argument_errors(cls, kwargs, message):
    with pytest.raises(ValueError, match="^" + re.escape(message) + "$"):
        cls(**kwargs)


LOSS_SCALE_ERRORS = [
    ({"dynamic": False},
     "LossScaleOptimizer no longer supports `dynamic=False`. Instead, simply set "
     "`loss_scale_factor` directly on the `inner_optimizer`."),
    ({"clipnorm": 1.0},
     "LossScaleOptimizer does not support `clipnorm`. Instead, set `clipnorm` on the "
     "`inner_optimizer`."),
    ({"weight_decay": 0.1},
     "LossScaleOptimizer does not support `weight_decay`. Instead, set `weight_decay` on the "
     "`inner_optimizer`."),
    ({"foo": 1, "bar": 2}, "LossScaleOptimizer does not support arguments: `foo`, `bar`."),
]


@pytest.mark.parametrize("kwargs, message", LOSS_SCALE_ERRORS)
def test_loss_scale_optimizer_argument_errors(kwargs, message):
    # from keras 3.15.1
    with pytest.raises(ValueError, match="^" + re.escape(message) + "$"):
        optimizers.LossScaleOptimizer(optimizers.SGD(), **kwargs)


def test_loss_scale_optimizer_accepts_base_defaults_from_old_configs():
    optimizer = optimizers.LossScaleOptimizer(
        optimizers.SGD(), use_ema=False, ema_momentum=0.99, clipnorm=None)
    assert optimizer.dynamic_growth_steps == 2000


def test_muon_newton_schulz_needs_a_matrix():
    # from keras 3.15.1
    with pytest.raises(ValueError, match="^" + re.escape(
            "Expected gradient or momentum to have at least 2 dimensions. "
            "Received: shape=(3,)") + "$"):
        optimizers.Muon().zeropower_via_newtonschulz5(torch.ones(3), 5)


@pytest.mark.parametrize("cls", [optimizers.SGD, optimizers.Adam, optimizers.AdamW,
                                 optimizers.Lion, optimizers.Ftrl, optimizers.Muon])
def test_negative_learning_rate_is_refused(cls):
    # Keras accepts it (and climbs the loss): a torchkeras check, see compat/DIFFERENCES.md.
    with pytest.raises(ValueError, match="^" + re.escape(
            f"Optimizer 'bad' ({cls.__name__}): the learning rate must be a non-negative "
            "number. Received: learning_rate=-0.1") + "$"):
        cls(learning_rate=-0.1, name="bad")
    optimizer = cls(learning_rate=0.1, name="bad")
    with pytest.raises(ValueError, match=re.escape("Received: learning_rate=nan")):
        optimizer.learning_rate = float("nan")
    optimizer.learning_rate = 0.0  # zero freezes the weights: allowed
    assert float(optimizer.learning_rate) == 0.0


def test_negative_learning_rate_in_pytorch_style():
    with pytest.raises(ValueError, match=r"the learning rate must be a non-negative number\. "
                                         r"Received: learning_rate=-1\.0$"):
        optimizers.Adam([torch.nn.Parameter(torch.ones(2))], lr=-1)
