"""The catalogue against NumPy transcriptions of the Keras formulas (float64), on both update
paths. The recorded Keras trajectories are in test_keras_trajectories.py."""

import numpy as np
import pytest

import optimizer_reference as ref
from torchkeras import optimizers

# id -> (class, hyperparameters, NumPy step)
CASES = {
    "adamw": (optimizers.AdamW, {"learning_rate": 0.1, "weight_decay": 0.3}, ref.numpy_adamw),
    "adamw_amsgrad": (optimizers.AdamW, {"learning_rate": 0.1, "amsgrad": True}, ref.numpy_adamw),
    "adamax": (optimizers.Adamax, {"learning_rate": 0.1}, ref.numpy_adamax),
    "adamax_options": (optimizers.Adamax,
                       {"learning_rate": 0.2, "beta_1": 0.7, "beta_2": 0.8, "epsilon": 1e-2},
                       ref.numpy_adamax),
    "adagrad": (optimizers.Adagrad, {"learning_rate": 0.1}, ref.numpy_adagrad),
    "adagrad_options": (optimizers.Adagrad,
                        {"learning_rate": 0.3, "initial_accumulator_value": 1.0,
                         "epsilon": 0.5}, ref.numpy_adagrad),
    "adadelta": (optimizers.Adadelta, {"learning_rate": 1.0}, ref.numpy_adadelta),
    "adadelta_options": (optimizers.Adadelta, {"learning_rate": 2.0, "rho": 0.5,
                                               "epsilon": 1e-3}, ref.numpy_adadelta),
    "lion": (optimizers.Lion, {"learning_rate": 0.1}, ref.numpy_lion),
    "lion_options": (optimizers.Lion, {"learning_rate": 0.05, "beta_1": 0.3, "beta_2": 0.5},
                     ref.numpy_lion),
    "nadam": (optimizers.Nadam, {"learning_rate": 0.1}, ref.numpy_nadam),
    "nadam_options": (optimizers.Nadam, {"learning_rate": 0.2, "beta_1": 0.5, "beta_2": 0.9,
                                         "epsilon": 1e-2}, ref.numpy_nadam),
    "lamb": (optimizers.Lamb, {"learning_rate": 0.1}, ref.numpy_lamb),
    "lamb_options": (optimizers.Lamb, {"learning_rate": 0.2, "beta_1": 0.5, "beta_2": 0.9,
                                       "epsilon": 1e-2}, ref.numpy_lamb),
    "ftrl": (optimizers.Ftrl, {"learning_rate": 0.1}, ref.numpy_ftrl),
    "ftrl_options": (optimizers.Ftrl,
                     {"learning_rate": 0.3, "learning_rate_power": -0.7,
                      "initial_accumulator_value": 0.5, "l1_regularization_strength": 0.05,
                      "l2_regularization_strength": 0.1,
                      "l2_shrinkage_regularization_strength": 0.2, "beta": 0.3},
                     ref.numpy_ftrl),
    "adafactor": (optimizers.Adafactor, {"learning_rate": 0.1}, ref.numpy_adafactor),
    "adafactor_options": (optimizers.Adafactor,
                          {"learning_rate": 0.3, "beta_2_decay": -0.5, "epsilon_2": 0.1,
                           "clip_threshold": 0.3}, ref.numpy_adafactor),
    "muon": (optimizers.Muon, {"learning_rate": 0.1}, ref.numpy_muon),
    "muon_options": (optimizers.Muon,
                     {"learning_rate": 0.05, "momentum": 0.8, "nesterov": False, "ns_steps": 2,
                      "rms_rate": None, "weight_decay": 0.5, "adam_weight_decay": 0.0,
                      "adam_lr_ratio": 0.5},
                     ref.numpy_muon),
    "schedule_free_adamw": (optimizers.ScheduleFreeAdamW, {"learning_rate": 0.1},
                            ref.numpy_schedule_free_adamw),
    "schedule_free_adamw_options": (optimizers.ScheduleFreeAdamW,
                                    {"learning_rate": 0.2, "beta_1": 0.5, "beta_2": 0.9,
                                     "epsilon": 1e-2, "warmup_steps": 4},
                                    ref.numpy_schedule_free_adamw),
}


@pytest.mark.parametrize("foreach", [True, False], ids=["foreach", "per_variable"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_matches_numpy_reference(case, foreach):
    cls, kwargs, step = CASES[case]
    optimizer = cls(**kwargs)
    optimizer.foreach = foreach
    result = ref.run_keras_style(optimizer)
    expected = ref.numpy_trajectory(step, **kwargs)
    for variable, value in zip(result, expected):
        # float32 against a float64 reference: cancellation near 0 needs the atol.
        np.testing.assert_allclose(variable.numpy(), value, rtol=1e-5, atol=1e-5)


def test_adafactor_three_dimensional_variable_factors_the_last_two_axes():
    from torchkeras.backend import Variable

    rng = np.random.RandomState(3)
    initial = rng.randn(2, 3, 4).astype("float32")
    variable = Variable(initial, name="w")
    optimizer = optimizers.Adafactor(0.1)
    grads = [rng.randn(2, 3, 4).astype("float32") for _ in range(3)]
    for g in grads:
        optimizer.apply([g], [variable])
    r, c = optimizer.variables[2:4]
    assert tuple(r.shape) == (2, 3) and tuple(c.shape) == (2, 4)
    w, slots = initial.astype("float64"), {}
    for t, g in enumerate(grads, start=1):
        ref.numpy_adafactor(w, g.astype("float64"), slots, t, learning_rate=0.1)
    np.testing.assert_allclose(variable.numpy(), w, rtol=1e-5, atol=1e-6)
