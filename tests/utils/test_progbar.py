"""Progbar: the exact text of keras 3.15.1; metric values read from the device only when drawn."""

import contextlib
import io
import types

import numpy as np
import pytest
import torch

from torchkeras.utils import progbar as progbar_module
from torchkeras.utils.progbar import Progbar


class FakeClock:
    """Stands in for `time.time`; each step sets `now` before calling the bar."""

    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(progbar_module, "time", types.SimpleNamespace(time=fake))
    return fake


def run_progbar(clock, ctor_kwargs, steps, convert=None):
    """steps: list of (now, method, args, kwargs); returns everything written to stdout."""
    out = io.StringIO()
    clock.now = 1000.0
    with contextlib.redirect_stdout(out):
        bar = Progbar(**ctor_kwargs)
        for now, method, args, kwargs in steps:
            clock.now = now
            if convert is not None and len(args) > 1:
                args = (args[0], [(name, convert(value)) for name, value in args[1]])
            getattr(bar, method)(*args, **kwargs)
    return out.getvalue()


# Each case: Progbar constructor kwargs, then the calls (fake time, method, args, kwargs).
CASES = {
    "known_target": (
        dict(target=10),
        [
            (1000.5, "update", (1, [("loss", 0.5), ("acc", 0.25)]), {}),
            (1000.52, "update", (2, [("loss", 0.4), ("acc", 0.5)]), {}),
            (1001.0, "update", (3, [("loss", 0.3), ("acc", 0.75)]), {}),
            (1001.5, "update", (5, [("loss", 2e-5), ("acc", -0.5)]), {}),
            (1003.0, "update", (10, [("loss", 0.1), ("acc", 1.0)]), {}),
        ],
    ),
    "unknown_target": (
        dict(target=None),
        [
            (1000.2, "update", (1, [("loss", 1.5)]), {}),
            (1000.4, "update", (2, [("loss", 0.5)]), {}),
            (1000.6, "update", (3, [("loss", 0.25)]), {}),
            (1000.7, "update", (3, [("loss", 0.125)]), {"finalize": True}),
        ],
    ),
    "verbose_2": (
        dict(target=5, verbose=2),
        [
            (1000.1, "update", (1, [("loss", 0.5), ("delta", -0.25), ("tiny", 1e-5)]), {}),
            (1000.2, "update", (3, [("loss", 0.25), ("delta", -0.5), ("tiny", 2e-5)]), {}),
            (1001.9, "update", (5, [("loss", 0.125), ("delta", -1.0), ("tiny", 3e-5)]), {}),
        ],
    ),
    "long_eta_and_shrinking_line": (
        dict(target=100000),
        [
            (1002.0, "update", (1, [("loss", 3.0)]), {}),
            (1003.0, "update", (2, [("loss", 2.0)]), {}),
            (100500.0, "update", (99420, [("loss", 1.0)]), {}),
            (100990.0, "update", (99990, [("loss", 0.5)]), {}),
            (101000.0, "update", (100000, [("loss", 0.25)]), {}),
        ],
    ),
    "time_units": (
        dict(target=3, interval=0.0),
        [
            (1000.000045, "update", (1,), {}),
            (1000.0025, "update", (2,), {}),
            (1005.0, "update", (3,), {}),
        ],
    ),
    "stateful_width_unit": (
        dict(target=4, width=10, stateful_metrics=["acc"], unit_name="sample"),
        [
            (1000.1, "update", (1, [("loss", 1.0), ("acc", 0.1)]), {}),
            (1000.3, "update", (2, [("loss", 2.0), ("acc", 0.2)]), {}),
            (1000.5, "update", (4, [("loss", 3.0), ("acc", 0.3)]), {}),
        ],
    ),
    "stateless_metrics": (
        dict(target=3, stateless_metrics={"loss"}),
        [
            (1000.1, "update", (1, [("loss", 1.0), ("acc", 0.5)]), {}),
            (1000.2, "update", (2, [("loss", 2.0), ("acc", 0.25)]), {}),
        ],
    ),
    "add": (
        dict(target=4),
        [
            (1000.1, "add", (2, [("loss", 1.0)]), {}),
            (1000.3, "add", (2, [("loss", 0.5)]), {}),
        ],
    ),
    "special_values": (
        dict(target=2),
        [
            (
                1000.1,
                "update",
                (1, [("a", 3), ("b", float("nan")), ("c", float("inf")), ("d", -0.0005)]),
                {},
            ),
            (1000.2, "update", (2, [("a", 4), ("b", 1.0), ("c", 1.0), ("d", -0.0005)]), {}),
        ],
    ),
    "silent": (
        dict(target=2, verbose=0),
        [
            (1000.1, "update", (1, [("loss", 1.0)]), {}),
            (1000.2, "update", (2, [("loss", 1.0)]), {}),
        ],
    ),
}


# Text written by keras 3.15.1 `keras.utils.Progbar` for each case under the same fake clock
# (from keras 3.15.1; generated in the reference environment).
EXPECTED = {
    'known_target': (
        '\r\x1b[1m 1/10\x1b[0m \x1b[32m━━\x1b[0m\x1b[37m━━━━━━━━━━━━━━━━━━\x1b[0m \x1b[1m4s\x1b[0m '
        '500ms/step - loss: 0.5000 - acc: 0.2500\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r\x1b[1m 3/10\x1b[0m \x1b[32m━━━━━━'
        '\x1b[0m\x1b[37m━━━━━━━━━━━━━━\x1b[0m \x1b[1m1s\x1b[0m 250ms/step - loss: 0.4000 - acc: 0.5'
        '000\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\r\x1b[1m 5/10\x1b[0m \x1b[32m━━━━━━━━━━\x1b[0m\x1b[37m━━━━━━━━━━\x1b[0m '
        '\x1b[1m1s\x1b[0m 250ms/step - loss: 0.2400 - acc: 0.1000\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r\x1b[1m10/10\x1b[0m '
        '\x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m3s\x1b[0m 278ms/step - loss: 0.1'
        '000 - acc: 1.0000\n'
    ),
    'unknown_target': (
        '\r      1/Unknown \x1b[1m0s\x1b[0m 200ms/step - loss: 1.5000\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r      2/Unknown \x1b[1m0s'
        '\x1b[0m 200ms/step - loss: 1.0000\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\r      3/Unknown \x1b[1m1s\x1b[0m 200ms/step - loss: 0.75'
        '00\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r'
        '      3/Unknown \x1b[1m1s\x1b[0m 250ms/step - loss: 0.1250\n'
    ),
    'verbose_2': '5/5 - 2s - 450ms/step - loss: 0.1250 - delta: -1.0000e+00 - tiny: 3.0000e-05\n',
    'long_eta_and_shrinking_line': (
        '\r\x1b[1m     1/100000\x1b[0m \x1b[37m━━━━━━━━━━━━━━━━━━━━\x1b[0m \x1b[1m55:33:18\x1b[0m 2'
        's/step - loss: 3.0000\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\r\x1b[1m     2/100000\x1b[0m \x1b[37m━━━━━━━━━━━━━━━━━━━━\x1b[0m \x1b'
        '[1m27:46:38\x1b[0m 1s/step - loss: 2.5000\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r\x1b[1m 99420/100000\x1b[0m \x1b[32m━━━━━━━━━━━━'
        '━━━━━━━\x1b[0m\x1b[37m━\x1b[0m \x1b[1m9:40\x1b[0m 1s/step - loss: 1.0000    \x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r\x1b[1m 99990/100000\x1b[0m '
        '\x1b[32m━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m━\x1b[0m \x1b[1m9s\x1b[0m 1000ms/step - loss: 0.'
        '9972\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r\x1b'
        '[1m100000/100000\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m100000s'
        '\x1b[0m 1000ms/step - loss: 0.2500\n'
    ),
    'time_units': (
        '\r\x1b[1m1/3\x1b[0m \x1b[32m━━━━━━\x1b[0m\x1b[37m━━━━━━━━━━━━━━\x1b[0m \x1b[1m0s\x1b[0m 45'
        'us/step\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r\x1b[1m2/3\x1b[0m '
        '\x1b[32m━━━━━━━━━━━━━\x1b[0m\x1b[37m━━━━━━━\x1b[0m \x1b[1m0s\x1b[0m 2ms/step \x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r\x1b[1m3/3\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━'
        '━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m5s\x1b[0m 2s/step \n'
    ),
    'stateful_width_unit': (
        '\r\x1b[1m1/4\x1b[0m \x1b[32m━━\x1b[0m\x1b[37m━━━━━━━━\x1b[0m \x1b[1m0s\x1b[0m 100ms/sample'
        ' - loss: 1.0000 - acc: 0.1000\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r'
        '\x1b[1m2/4\x1b[0m \x1b[32m━━━━━\x1b[0m\x1b[37m━━━━━\x1b[0m \x1b[1m0s\x1b[0m 200ms/sample -'
        ' loss: 1.5000 - acc: 0.2000\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r'
        '\x1b[1m4/4\x1b[0m \x1b[32m━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m0s\x1b[0m 133ms/sample -'
        ' loss: 3.0000 - acc: 0.3000\n'
    ),
    'stateless_metrics': (
        '\r\x1b[1m1/3\x1b[0m \x1b[32m━━━━━━\x1b[0m\x1b[37m━━━━━━━━━━━━━━\x1b[0m \x1b[1m0s\x1b[0m 10'
        '0ms/step - loss: 1.0000 - acc: 0.5000\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r\x1b[1m2/3\x1b[0m \x1b[32m━━━━━━━━━━━━━\x1b[0m'
        '\x1b[37m━━━━━━━\x1b[0m \x1b[1m0s\x1b[0m 100ms/step - loss: 1.5000 - acc: 0.2500'
    ),
    'add': (
        '\r\x1b[1m2/4\x1b[0m \x1b[32m━━━━━━━━━━\x1b[0m\x1b[37m━━━━━━━━━━\x1b[0m \x1b[1m0s\x1b[0m 50'
        'ms/step - loss: 1.0000\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r\x1b[1m4/4\x1b[0m \x1b[32m━━━━━━━━━━'
        '━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m0s\x1b[0m 75ms/step - loss: 0.5000\n'
    ),
    'special_values': (
        '\r\x1b[1m1/2\x1b[0m \x1b[32m━━━━━━━━━━\x1b[0m\x1b[37m━━━━━━━━━━\x1b[0m \x1b[1m0s\x1b[0m 10'
        '0ms/step - a: 3.0000 - b: nan - c: inf - d: -5.0000e-04\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08'
        '\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\r\x1b[1m2/2\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━'
        '━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m0s\x1b[0m 100ms/step - a: 4.0000 - b: 1.0000 - c: 1.0000 -'
        ' d: -5.0000e-04\n'
    ),
    'silent': '',
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_text_matches_keras(clock, name):
    ctor_kwargs, steps = CASES[name]
    assert run_progbar(clock, ctor_kwargs, steps) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(CASES))
def test_tensor_values_give_the_same_text(clock, name):
    ctor_kwargs, steps = CASES[name]
    text = run_progbar(clock, ctor_kwargs, steps, convert=torch.tensor)
    assert text == EXPECTED[name]


def test_float32_tensors_and_numpy_values_give_the_same_text(clock):
    ctor_kwargs, steps = CASES["known_target"]
    as_float32 = lambda v: torch.tensor(v, dtype=torch.float32)  # noqa: E731
    assert run_progbar(clock, ctor_kwargs, steps, convert=as_float32) == EXPECTED["known_target"]
    assert run_progbar(clock, ctor_kwargs, steps, convert=np.float64) == EXPECTED["known_target"]


@pytest.mark.parametrize(
    "name, verbose, lines_drawn",
    [("known_target", 1, 4), ("known_target", 2, 1), ("known_target", 0, 0), ("add", 1, 2)],
)
def test_values_are_read_only_when_a_line_is_drawn(clock, monkeypatch, name, verbose, lines_drawn):
    # Reading a tensor value waits for the device: it must happen per drawn line, not per update.
    reads = []
    original = progbar_module._host_number

    def counting(value):
        reads.append(value)
        return original(value)

    monkeypatch.setattr(progbar_module, "_host_number", counting)
    ctor_kwargs, steps = CASES[name]
    run_progbar(clock, dict(ctor_kwargs, verbose=verbose), steps, convert=torch.tensor)
    metrics_per_line = len(steps[0][2][1])
    assert len(reads) == lines_drawn * metrics_per_line
    assert all(isinstance(value, torch.Tensor) for value in reads)


def test_unknown_target_counts_up_then_finalize_sets_the_average(clock):
    # Closed form: stateless values are averaged weighted by the steps since the last update.
    bar = Progbar(target=None, verbose=0)
    clock.now = 1001.0
    bar.update(2, [("loss", 1.0)])
    bar.update(6, [("loss", 4.0)])
    total, count = bar._values["loss"]
    assert total / count == pytest.approx((2 * 1.0 + 4 * 4.0) / 6)
    bar.update(6, [("loss", 0.5)], finalize=True)
    assert bar._values["loss"] == [0.5, 1]


def test_stateful_and_stateless_metrics_are_exclusive():
    with pytest.raises(ValueError) as info:
        Progbar(10, stateful_metrics=["a"], stateless_metrics=["b"])
    # from keras 3.15.1
    assert str(info.value) == (
        "Only one of `stateful_metrics` or `stateless_metrics` can be provided. "
        "`stateful_metrics` is used to make metrics stateless by default (with an exclusion "
        "list), while `stateless_metrics` is used to make metrics stateful by default (with an "
        "exclusion list)."
    )


def test_constructor_defaults_match_keras():
    bar = Progbar(5)
    assert (bar.width, bar.verbose, bar.interval, bar.unit_name) == (20, 1, 0.05, "step")
    assert bar.stateful_metrics == set() and bar.stateless_metrics is None
