"""The built-in schedules against values recorded with real Keras, closed forms, configs and
errors."""

import math
import re

import numpy as np
import pytest
import torch

from torchkeras import optimizers
from torchkeras.optimizers import schedules

SCHEDULES = {
    "piecewise": lambda: schedules.PiecewiseConstantDecay([3, 6], [1.0, 0.5, 0.1]),
    "piecewise_float_boundaries": lambda: schedules.PiecewiseConstantDecay(
        [2.5, 7.9], [0.3, 0.2, 0.05]),
    "polynomial": lambda: schedules.PolynomialDecay(0.1, 8),
    "polynomial_power_cycle": lambda: schedules.PolynomialDecay(
        0.3, 3, end_learning_rate=0.01, power=0.5, cycle=True),
    "inverse_time": lambda: schedules.InverseTimeDecay(0.1, 2, 0.5),
    "inverse_time_staircase": lambda: schedules.InverseTimeDecay(0.7, 3, 0.3, staircase=True),
    "cosine": lambda: schedules.CosineDecay(0.1, 8),
    "cosine_alpha": lambda: schedules.CosineDecay(0.3, 5, alpha=0.1),
    "cosine_warmup": lambda: schedules.CosineDecay(0.0, 6, warmup_target=0.2, warmup_steps=4),
    "cosine_warmup_alpha": lambda: schedules.CosineDecay(
        0.05, 4, alpha=0.2, warmup_target=0.1, warmup_steps=3),
    "restarts": lambda: schedules.CosineDecayRestarts(0.1, 3),
    "restarts_tmul1": lambda: schedules.CosineDecayRestarts(
        0.2, 2, t_mul=1.0, m_mul=0.5, alpha=0.1),
    "restarts_mul": lambda: schedules.CosineDecayRestarts(
        0.3, 2, t_mul=1.5, m_mul=0.8, alpha=0.05),
}

# from keras 3.15.1: [float(schedule(i)) for i in range(20)] (steps as int64 tensors).
KERAS_VALUES = {
    'piecewise': [
        1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.10000000149011612, 0.10000000149011612,
        0.10000000149011612, 0.10000000149011612, 0.10000000149011612, 0.10000000149011612,
        0.10000000149011612, 0.10000000149011612, 0.10000000149011612, 0.10000000149011612,
        0.10000000149011612, 0.10000000149011612, 0.10000000149011612,
    ],
    'piecewise_float_boundaries': [
        0.30000001192092896, 0.30000001192092896, 0.30000001192092896, 0.20000000298023224,
        0.20000000298023224, 0.20000000298023224, 0.20000000298023224, 0.20000000298023224,
        0.05000000074505806, 0.05000000074505806, 0.05000000074505806, 0.05000000074505806,
        0.05000000074505806, 0.05000000074505806, 0.05000000074505806, 0.05000000074505806,
        0.05000000074505806, 0.05000000074505806, 0.05000000074505806, 0.05000000074505806,
    ],
    'polynomial': [
        0.10000000149011612, 0.08751250058412552, 0.07502499967813492, 0.06253749877214432,
        0.050050001591444016, 0.037562500685453415, 0.025074999779462814, 0.012587499804794788,
        9.999999747378752e-05, 9.999999747378752e-05, 9.999999747378752e-05, 9.999999747378752e-05,
        9.999999747378752e-05, 9.999999747378752e-05, 9.999999747378752e-05, 9.999999747378752e-05,
        9.999999747378752e-05, 9.999999747378752e-05, 9.999999747378752e-05,
        9.999999747378752e-05,
    ],
    'polynomial_power_cycle': [
        0.30000001192092896, 0.2467840164899826, 0.1774315983057022, 0.009999999776482582,
        0.1774315983057022, 0.1283920258283615, 0.009999999776482582, 0.14670731127262115,
        0.1066666692495346, 0.009999999776482582, 0.1283920258283615, 0.09371577948331833,
        0.009999999776482582, 0.11589302867650986, 0.08487767726182938, 0.009999999776482582,
        0.1066666692495346, 0.07835367321968079, 0.009999999776482582, 0.09949593991041183,
    ],
    'inverse_time': [
        0.10000000149011612, 0.07999999821186066, 0.06666667014360428, 0.05714285746216774,
        0.05000000074505806, 0.04444444552063942, 0.03999999910593033, 0.036363635212183,
        0.03333333507180214, 0.03076923079788685, 0.02857142873108387, 0.02666666731238365,
        0.02500000037252903, 0.0235294122248888, 0.02222222276031971, 0.021052632480859756,
        0.019999999552965164, 0.01904761977493763, 0.0181818176060915, 0.017391305416822433,
    ],
    'inverse_time_staircase': [
        0.699999988079071, 0.699999988079071, 0.699999988079071, 0.5384615659713745,
        0.5384615659713745, 0.5384615659713745, 0.4375, 0.4375, 0.4375, 0.3684210181236267,
        0.3684210181236267, 0.3684210181236267, 0.3181818127632141, 0.3181818127632141,
        0.3181818127632141, 0.2800000011920929, 0.2800000011920929, 0.2800000011920929,
        0.2499999850988388, 0.2499999850988388,
    ],
    'cosine': [
        0.10000000149011612, 0.09619397670030594, 0.08535534143447876, 0.0691341683268547,
        0.04999999701976776, 0.030865823850035667, 0.014644661918282509, 0.0038060189690440893,
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    ],
    'cosine_alpha': [
        0.30000001192092896, 0.27421730756759644, 0.20671729743480682, 0.12328267842531204,
        0.05578269809484482, 0.030000001192092896, 0.030000001192092896, 0.030000001192092896,
        0.030000001192092896, 0.030000001192092896, 0.030000001192092896, 0.030000001192092896,
        0.030000001192092896, 0.030000001192092896, 0.030000001192092896, 0.030000001192092896,
        0.030000001192092896, 0.030000001192092896, 0.030000001192092896, 0.030000001192092896,
    ],
    'cosine_warmup': [
        0.0, 0.05000000074505806, 0.10000000149011612, 0.15000000596046448, 0.20000000298023224,
        0.18660254776477814, 0.15000000596046448, 0.09999999403953552, 0.04999999329447746,
        0.013397461734712124, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    ],
    'cosine_warmup_alpha': [
        0.05000000074505806, 0.06666667014360428, 0.0833333358168602, 0.10000000149011612,
        0.08828427642583847, 0.05999999865889549, 0.03171573206782341, 0.020000001415610313,
        0.020000001415610313, 0.020000001415610313, 0.020000001415610313, 0.020000001415610313,
        0.020000001415610313, 0.020000001415610313, 0.020000001415610313, 0.020000001415610313,
        0.020000001415610313, 0.020000001415610313, 0.020000001415610313, 0.020000001415610313,
    ],
    'restarts': [
        0.10000000149011612, 0.07500000298023224, 0.02499999664723873, 0.10000000149011612,
        0.09330127388238907, 0.07500000298023224, 0.04999999701976776, 0.025000005960464478,
        0.006698724813759327, 0.10000000149011612, 0.09829629212617874, 0.09330127388238907,
        0.08535534143447876, 0.07499999552965164, 0.06294096261262894, 0.04999999701976776,
        0.037059035152196884, 0.025000005960464478, 0.014644661918282509, 0.006698724813759327,
    ],
    'restarts_tmul1': [
        0.20000000298023224, 0.10999999195337296, 0.11000000685453415, 0.06499999761581421,
        0.06499999761581421, 0.042500000447034836, 0.042500000447034836, 0.03125, 0.03125,
        0.025624999776482582, 0.025624999776482582, 0.022812500596046448, 0.022812500596046448,
        0.021406250074505806, 0.021406250074505806, 0.02070312574505806, 0.02070312574505806,
        0.02035156451165676, 0.02035156451165676, 0.020175782963633537,
    ],
    'restarts_mul': [
        0.30000001192092896, 0.1574999988079071, 0.24300001561641693, 0.1860000044107437,
        0.07199998944997787, 0.1974000185728073, 0.17606326937675476, 0.12203672528266907,
        0.060600001364946365, 0.020500030368566513, 0.15895336866378784, 0.14385060966014862,
        0.11685799807310104, 0.08371776342391968, 0.0514799989759922, 0.027002805843949318,
        0.015493328683078289, 0.13016270101070404, 0.12334076315164566, 0.11174622178077698,
    ],
}


@pytest.mark.parametrize("name", sorted(SCHEDULES))
def test_values_match_keras(name):
    schedule = SCHEDULES[name]()
    values = [schedule(torch.tensor(i)) for i in range(20)]
    assert all(v.dtype == torch.float32 and v.shape == () for v in values)
    np.testing.assert_allclose([float(v) for v in values], KERAS_VALUES[name], rtol=5e-7,
                               atol=1e-12)


def test_closed_forms():
    steps = np.arange(0, 30)
    t = torch.tensor(steps)
    np.testing.assert_allclose(
        schedules.PolynomialDecay(1.0, 10, 0.1, power=2.0)(t).numpy(),
        0.9 * (1 - np.minimum(steps, 10) / 10) ** 2 + 0.1, rtol=1e-6)
    np.testing.assert_allclose(
        schedules.InverseTimeDecay(2.0, 4, 0.25)(t).numpy(), 2.0 / (1 + 0.25 * steps / 4),
        rtol=1e-6)
    np.testing.assert_allclose(
        schedules.CosineDecay(1.0, 20, alpha=0.3)(t).numpy(),
        0.7 * 0.5 * (1 + np.cos(np.pi * np.minimum(steps, 20) / 20)) + 0.3, rtol=1e-6,
        atol=1e-7)
    # Warmup from 0.1 to 1.0 over 5 steps, then cosine over 10.
    expected = np.where(
        steps < 5, 0.1 + 0.9 * steps / 5,
        0.5 * (1 + np.cos(np.pi * (np.minimum(steps, 15) - 5) / 10)))
    np.testing.assert_allclose(
        schedules.CosineDecay(0.1, 10, warmup_target=1.0, warmup_steps=5)(t).numpy(),
        expected, rtol=1e-6, atol=1e-7)
    # Restarts with t_mul=2: periods of 4, 8, 16, 32 steps, each starting at m_mul ** i.
    starts, lengths = [0, 4, 12, 28], [4, 8, 16, 32]
    expected = []
    for step in steps:
        i = max(k for k, s in enumerate(starts) if s <= step)
        fraction = (step - starts[i]) / lengths[i]
        expected.append(0.5 ** i * 0.5 * (1 + np.cos(np.pi * fraction)))
    np.testing.assert_allclose(
        schedules.CosineDecayRestarts(1.0, 4, t_mul=2.0, m_mul=0.5)(t).numpy(), expected,
        rtol=1e-5, atol=1e-7)
    piecewise = schedules.PiecewiseConstantDecay([0, 10, 20], [4.0, 3.0, 2.0, 1.0])
    np.testing.assert_array_equal(
        piecewise(t).numpy(), np.select([steps <= 0, steps <= 10, steps <= 20], [4, 3, 2], 1))


def test_python_steps_and_int_values():
    assert float(schedules.PolynomialDecay(0.5, 4, 0.0)(2)) == 0.25
    piecewise = schedules.PiecewiseConstantDecay([1], [10, 20])
    assert int(piecewise(5)) == 20 and not piecewise(5).is_floating_point()


# from keras 3.15.1: keras.optimizers.schedules.serialize(...)["config"] of the same schedules.
KERAS_CONFIGS = {
    "piecewise": {"boundaries": [3, 6], "values": [1.0, 0.5, 0.1], "name": "PiecewiseConstant"},
    "polynomial_power_cycle": {
        "initial_learning_rate": 0.3, "decay_steps": 3, "end_learning_rate": 0.01, "power": 0.5,
        "cycle": True, "name": "PolynomialDecay"},
    "inverse_time_staircase": {
        "initial_learning_rate": 0.7, "decay_steps": 3, "decay_rate": 0.3, "staircase": True,
        "name": "InverseTimeDecay"},
    "cosine_warmup": {
        "initial_learning_rate": 0.0, "decay_steps": 6, "alpha": 0.0, "name": "CosineDecay",
        "warmup_target": 0.2, "warmup_steps": 4},
    "restarts_mul": {
        "initial_learning_rate": 0.3, "first_decay_steps": 2, "t_mul": 1.5, "m_mul": 0.8,
        "alpha": 0.05, "name": "SGDRDecay"},
}


@pytest.mark.parametrize("name", sorted(KERAS_CONFIGS))
def test_config_matches_keras_and_round_trips(name):
    schedule = SCHEDULES[name]()
    config = schedules.serialize(schedule)
    assert config == {"module": "keras.optimizers.schedules",
                      "class_name": type(schedule).__name__, "config": KERAS_CONFIGS[name],
                      "registered_name": None}
    restored = schedules.deserialize(config)
    assert type(restored) is type(schedule) and restored.get_config() == schedule.get_config()
    # Inside an optimizer config too.
    optimizer = optimizers.SGD(schedule)
    again = optimizers.SGD.from_config(optimizer.get_config())
    assert type(again._learning_rate) is type(schedule)


@pytest.mark.parametrize("make, message", [
    (lambda: schedules.PiecewiseConstantDecay([1, 2], [0.1, 0.2]),
     "The length of boundaries should be 1 less than the length of values. Received: "
     "boundaries=[1, 2] of length 2, and values=[0.1, 0.2] of length 2."),
    (lambda: schedules.PolynomialDecay(0.1, 0),
     "Argument `decay_steps` must be > 0. Received: decay_steps=0"),
    (lambda: schedules.InverseTimeDecay(0.1, -1, 0.5),
     "Argument `decay_steps` must be > 0. Received: decay_steps=-1"),
    (lambda: schedules.CosineDecay(0.1, 0),
     "Argument `decay_steps` must be > 0. Received: decay_steps=0"),
    (lambda: schedules.CosineDecayRestarts(0.1, 0),
     "Argument `first_decay_steps` must be > 0. Received: first_decay_steps=0"),
])
def test_errors(make, message):
    # from keras 3.15.1
    with pytest.raises(ValueError, match="^" + re.escape(message) + "$"):
        make()


@pytest.mark.parametrize("name", sorted(SCHEDULES))
def test_no_host_sync(name, monkeypatch):
    schedule = SCHEDULES[name]()
    step = torch.tensor(7)
    schedule(step)  # the piecewise tables are built once, outside the checked calls
    forbidden = lambda *args, **kwargs: pytest.fail("host sync in a schedule")  # noqa: E731
    for method in ("item", "__float__", "__bool__", "__int__", "tolist"):
        monkeypatch.setattr(torch.Tensor, method, forbidden)
    for i in range(3):
        schedule(step + i)
    monkeypatch.undo()


def test_schedule_drives_an_optimizer():
    weight = torch.nn.Parameter(torch.zeros(1))
    optimizer = optimizers.SGD([weight], lr=schedules.PiecewiseConstantDecay([1], [1.0, 0.25]))
    for _ in range(3):
        weight.grad = torch.ones(1)
        optimizer.step()
    # Steps 0 and 1 at 1.0, step 2 at 0.25.
    assert float(weight.detach()) == -2.25
    assert math.isclose(float(optimizer.learning_rate), 0.25)
