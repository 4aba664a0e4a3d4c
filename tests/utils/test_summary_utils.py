"""model.summary(): the exact text of Keras 3.15.1 (which draws it with `rich`).

The expected tables were printed by real Keras 3.15.1 (TensorFlow backend) from the same
`build_models` code, with `COLUMNS=100` and stdout not a terminal, via `print_fn=list.append`.
"""

import io
import logging
import sys

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras.utils import io_utils
from torchkeras.utils import summary_utils


@pytest.fixture(autouse=True)
def console_columns(monkeypatch):
    # Keras sizes the table from the terminal (shutil and rich both read $COLUMNS).
    monkeypatch.setenv("COLUMNS", "100")
    yield
    io_utils.enable_interactive_logging()


def build_models(keras):
    """The models of the summary tests, written once for Keras and torchkeras."""
    layers = keras.layers
    models = {}
    models["seq"] = keras.Sequential(
        [
            keras.Input((16,), name="seq_in"),
            layers.Dense(32, activation="relu", name="d1"),
            layers.Dropout(0.5, name="drop"),
            layers.Dense(10, name="d2"),
        ],
        name="seq",
    )
    a = keras.Input((8,), name="a")
    b = keras.Input((4,), name="b")
    x = layers.Dense(5, name="da")(a)
    y = layers.Dense(5, name="db")(b)
    z = layers.Add(name="add")([x, y])
    c = layers.Concatenate(name="cat")([z, x, y])
    o1 = layers.Dense(1, name="out1")(c)
    o2 = layers.Dense(3, name="out2")(z)
    models["branchy"] = keras.Model([a, b], [o1, o2], name="branchy")
    i = keras.Input((3,), name="i")
    models["flat"] = keras.Model(
        i, layers.Dense(2, name="h2")(layers.Dense(4, name="h")(i)), name="flat"
    )
    s_in = keras.Input((6,), name="s_in")
    shared = layers.Dense(6, name="shared")
    models["sharedm"] = keras.Model(s_in, shared(shared(s_in)), name="sharedm")
    inner = keras.Sequential(
        [
            keras.Input((6,), name="inner_in"),
            layers.Dense(4, name="inner_d1"),
            layers.Dense(3, name="inner_d2"),
        ],
        name="inner",
    )
    n_in = keras.Input((6,), name="n_in")
    models["outer"] = keras.Model(n_in, layers.Dense(2, name="head")(inner(n_in)), name="outer")

    class Sub(keras.Model):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.d1 = layers.Dense(4, name="sub_d1")
            self.d2 = layers.Dense(2, name="sub_d2")

        def call(self, x):
            return self.d2(self.d1(x))

    models["sub"] = Sub(name="sub")
    models["comp"] = keras.Sequential(
        [keras.Input((4,), name="c_in"), layers.Dense(3, name="c_d")], name="comp"
    )
    models["comp"].compile(optimizer="adam", loss="mse")
    models["big"] = keras.Sequential(
        [keras.Input((1000,), name="big_in"), layers.Dense(1000, name="big_d")], name="big"
    )
    da = keras.Input((3,), name="first_input_with_a_rather_long_name")
    db = keras.Input((2,), name="second")
    dc = layers.Concatenate(name="concatenate_everything_together_now")([da, db])
    do = layers.Dense(2, name="o")(dc)
    models["dicty"] = keras.Model(
        {"first_input_with_a_rather_long_name": da, "second": db}, {"o": do, "c": dc},
        name="dicty",
    )
    models["md"] = keras.Sequential(
        [
            keras.Input((4, 5, 3), name="md_in"),
            layers.Flatten(name="fl"),
            layers.Reshape((6, 10), name="rs"),
            layers.Dense(7, name="md_d"),
        ],
        name="md",
    )
    mo_in = keras.Input((4,), name="mo_in")
    two = keras.Model(
        mo_in, [layers.Dense(2, name="t1")(mo_in), layers.Dense(3, name="t2")(mo_in)], name="two"
    )
    j = keras.Input((4,), name="j")
    models["multi_out"] = keras.Model(j, two(j), name="multi_out")
    models["empty"] = keras.Sequential(name="empty")
    x1 = keras.Input((4,), name="x1")
    x2 = keras.Input((3,), name="x2")
    inner_in = keras.Input((4,), name="inner_in")
    inner = keras.Model(inner_in, layers.Dense(4, name="inner_d")(inner_in), name="inner")
    seq = keras.Sequential(
        [keras.Input((4,), name="seq_in"), layers.Dense(3, name="seq_d")], name="seq_x"
    )
    shared = layers.Dense(4, name="shared_x")
    h1 = shared(x1)
    m = layers.Add(name="add_x")([inner(shared(inner(h1))), layers.Dense(4, name="proj")(x2)])
    f = layers.Flatten(name="fl_x")(layers.Concatenate(name="cat_x")([m, h1]))
    sb = seq(m)
    models["cross"] = keras.Model(
        {"x1": x1, "x2": x2},
        {"a": layers.Dense(2, name="out_a")(f), "b": layers.Multiply(name="mul")([sb, sb])},
        name="cross",
    )
    return models


def capture(model, **kwargs):
    printed = []
    model.summary(print_fn=printed.append, **kwargs)
    assert len(printed) == 1  # Keras calls `print_fn` once, with the whole summary.
    return printed[0]


# from keras 3.15.1
EXPECTED = {
    "seq": """\
Model: "seq"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ d1 (Dense)                           │ (None, 32)                  │             544 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ drop (Dropout)                       │ (None, 32)                  │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ d2 (Dense)                           │ (None, 10)                  │             330 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 874 (3.41 KB)
 Trainable params: 874 (3.41 KB)
 Non-trainable params: 0 (0.00 B)
""",
    "seq_ll30": """\
Model: "seq"
┏━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━┓
┃ Layer      ┃ Output  ┃ Pa… ┃
┃ (type)     ┃ Shape   ┃   # ┃
┡━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━┩
│ d1 (Dense) │ (None,  │ 544 │
│            │ 32)     │     │
├────────────┼─────────┼─────┤
│ drop       │ (None,  │   0 │
│ (Dropout)  │ 32)     │     │
├────────────┼─────────┼─────┤
│ d2 (Dense) │ (None,  │ 330 │
│            │ 10)     │     │
└────────────┴─────────┴─────┘
 Total params: 874 (3.41 KB)
 Trainable params: 874 (3.41 KB)
 Non-trainable params: 0 (0.00 B)
""",
    "seq_ll120": "\n".join(
    [
        'Model: "seq"',
        '┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━',
        '┃ Layer (type)                                        ┃ Output Shape                           ┃    ',
        '┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━',
        '│ d1 (Dense)                                          │ (None, 32)                             │    ',
        '├─────────────────────────────────────────────────────┼────────────────────────────────────────┼────',
        '│ drop (Dropout)                                      │ (None, 32)                             │    ',
        '├─────────────────────────────────────────────────────┼────────────────────────────────────────┼────',
        '│ d2 (Dense)                                          │ (None, 10)                             │    ',
        '└─────────────────────────────────────────────────────┴────────────────────────────────────────┴────',
        ' Total params: 874 (3.41 KB)',
        ' Trainable params: 874 (3.41 KB)',
        ' Non-trainable params: 0 (0.00 B)',
    ]
) + "\n",
    "seq_positions": """\
Model: "seq"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                              ┃ Output Shape  ┃                  Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│ d1 (Dense)                                │ (None, 32)    │                      544 │
├───────────────────────────────────────────┼───────────────┼──────────────────────────┤
│ drop (Dropout)                            │ (None, 32)    │                        0 │
├───────────────────────────────────────────┼───────────────┼──────────────────────────┤
│ d2 (Dense)                                │ (None, 10)    │                      330 │
└───────────────────────────────────────────┴───────────────┴──────────────────────────┘
 Total params: 874 (3.41 KB)
 Trainable params: 874 (3.41 KB)
 Non-trainable params: 0 (0.00 B)
""",
    "seq_range": """\
Model: "seq"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ drop (Dropout)                       │ (None, 32)                  │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ d2 (Dense)                           │ (None, 10)                  │             330 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 874 (3.41 KB)
 Trainable params: 874 (3.41 KB)
 Non-trainable params: 0 (0.00 B)
""",
    "seq_trainable": """\
Model: "seq"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┳━━━━━━━━━┓
┃ Layer (type)                        ┃ Output Shape                 ┃       Param # ┃ Traina… ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━╇━━━━━━━━━┩
│ d1 (Dense)                          │ (None, 32)                   │           544 │    N    │
├─────────────────────────────────────┼──────────────────────────────┼───────────────┼─────────┤
│ drop (Dropout)                      │ (None, 32)                   │             0 │    -    │
├─────────────────────────────────────┼──────────────────────────────┼───────────────┼─────────┤
│ d2 (Dense)                          │ (None, 10)                   │           330 │    Y    │
└─────────────────────────────────────┴──────────────────────────────┴───────────────┴─────────┘
 Total params: 874 (3.41 KB)
 Trainable params: 330 (1.29 KB)
 Non-trainable params: 544 (2.12 KB)
""",
    "branchy": """\
Model: "branchy"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)              ┃ Output Shape           ┃        Param # ┃ Connected to           ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━┩
│ a (InputLayer)            │ (None, 8)              │              0 │ -                      │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ b (InputLayer)            │ (None, 4)              │              0 │ -                      │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ da (Dense)                │ (None, 5)              │             45 │ a[0][0]                │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ db (Dense)                │ (None, 5)              │             25 │ b[0][0]                │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ add (Add)                 │ (None, 5)              │              0 │ da[0][0], db[0][0]     │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ cat (Concatenate)         │ (None, 15)             │              0 │ add[0][0], da[0][0],   │
│                           │                        │                │ db[0][0]               │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ out1 (Dense)              │ (None, 1)              │             16 │ cat[0][0]              │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ out2 (Dense)              │ (None, 3)              │             18 │ add[0][0]              │
└───────────────────────────┴────────────────────────┴────────────────┴────────────────────────┘
 Total params: 104 (416.00 B)
 Trainable params: 104 (416.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "branchy_trainable": """\
Model: "branchy"
┏━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┓
┃ Layer (type)           ┃ Output Shape         ┃      Param # ┃ Connected to        ┃ Traina… ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━┩
│ a (InputLayer)         │ (None, 8)            │            0 │ -                   │    -    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ b (InputLayer)         │ (None, 4)            │            0 │ -                   │    -    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ da (Dense)             │ (None, 5)            │           45 │ a[0][0]             │    Y    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ db (Dense)             │ (None, 5)            │           25 │ b[0][0]             │    Y    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ add (Add)              │ (None, 5)            │            0 │ da[0][0], db[0][0]  │    -    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ cat (Concatenate)      │ (None, 15)           │            0 │ add[0][0],          │    -    │
│                        │                      │              │ da[0][0], db[0][0]  │         │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ out1 (Dense)           │ (None, 1)            │           16 │ cat[0][0]           │    Y    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ out2 (Dense)           │ (None, 3)            │           18 │ add[0][0]           │    Y    │
└────────────────────────┴──────────────────────┴──────────────┴─────────────────────┴─────────┘
 Total params: 104 (416.00 B)
 Trainable params: 104 (416.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "flat": """\
Model: "flat"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ i (InputLayer)                       │ (None, 3)                   │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ h (Dense)                            │ (None, 4)                   │              16 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ h2 (Dense)                           │ (None, 2)                   │              10 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 26 (104.00 B)
 Trainable params: 26 (104.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "sharedm": """\
Model: "sharedm"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)              ┃ Output Shape           ┃        Param # ┃ Connected to           ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━┩
│ s_in (InputLayer)         │ (None, 6)              │              0 │ -                      │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ shared (Dense)            │ (None, 6)              │             42 │ s_in[0][0],            │
│                           │                        │                │ shared[0][0]           │
└───────────────────────────┴────────────────────────┴────────────────┴────────────────────────┘
 Total params: 42 (168.00 B)
 Trainable params: 42 (168.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "outer": """\
Model: "outer"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ n_in (InputLayer)                    │ (None, 6)                   │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ inner (Sequential)                   │ (None, 3)                   │              43 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ head (Dense)                         │ (None, 2)                   │               8 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 51 (204.00 B)
 Trainable params: 51 (204.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "outer_expand": """\
Model: "outer"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ n_in (InputLayer)                    │ (None, 6)                   │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ inner (Sequential)                   │ (None, 3)                   │              43 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│    └ inner_d1 (Dense)                │ (None, 4)                   │              28 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│    └ inner_d2 (Dense)                │ (None, 3)                   │              15 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ head (Dense)                         │ (None, 2)                   │               8 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 51 (204.00 B)
 Trainable params: 51 (204.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "outer_expand_trainable": """\
Model: "outer"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┳━━━━━━━━━┓
┃ Layer (type)                        ┃ Output Shape                 ┃       Param # ┃ Traina… ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━╇━━━━━━━━━┩
│ n_in (InputLayer)                   │ (None, 6)                    │             0 │    -    │
├─────────────────────────────────────┼──────────────────────────────┼───────────────┼─────────┤
│ inner (Sequential)                  │ (None, 3)                    │            43 │    N    │
├─────────────────────────────────────┼──────────────────────────────┼───────────────┼─────────┤
│    └ inner_d1 (Dense)               │ (None, 4)                    │            28 │    N    │
├─────────────────────────────────────┼──────────────────────────────┼───────────────┼─────────┤
│    └ inner_d2 (Dense)               │ (None, 3)                    │            15 │    N    │
├─────────────────────────────────────┼──────────────────────────────┼───────────────┼─────────┤
│ head (Dense)                        │ (None, 2)                    │             8 │    Y    │
└─────────────────────────────────────┴──────────────────────────────┴───────────────┴─────────┘
 Total params: 51 (204.00 B)
 Trainable params: 8 (32.00 B)
 Non-trainable params: 43 (172.00 B)
""",
    "sub_unbuilt": """\
Model: "sub"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ sub_d1 (Dense)                       │ ?                           │     0 (unbuilt) │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ sub_d2 (Dense)                       │ ?                           │     0 (unbuilt) │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 0 (0.00 B)
 Trainable params: 0 (0.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "sub_called": """\
Model: "sub"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ sub_d1 (Dense)                       │ (3, 4)                      │              24 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ sub_d2 (Dense)                       │ (3, 2)                      │              10 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 34 (136.00 B)
 Trainable params: 34 (136.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "comp_compiled": """\
Model: "comp"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ c_d (Dense)                          │ (None, 3)                   │              15 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 15 (60.00 B)
 Trainable params: 15 (60.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "comp_fitted": """\
Model: "comp"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ c_d (Dense)                          │ (None, 3)                   │              15 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 47 (192.00 B)
 Trainable params: 15 (60.00 B)
 Non-trainable params: 0 (0.00 B)
 Optimizer params: 32 (132.00 B)
""",
    "big": """\
Model: "big"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ big_d (Dense)                        │ (None, 1000)                │       1,001,000 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 1,001,000 (3.82 MB)
 Trainable params: 1,001,000 (3.82 MB)
 Non-trainable params: 0 (0.00 B)
""",
    "dicty": """\
Model: "dicty"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)              ┃ Output Shape           ┃        Param # ┃ Connected to           ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━┩
│ first_input_with_a_rathe… │ (None, 3)              │              0 │ -                      │
│ (InputLayer)              │                        │                │                        │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ second (InputLayer)       │ (None, 2)              │              0 │ -                      │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ concatenate_everything_t… │ (None, 5)              │              0 │ first_input_with_a_ra… │
│ (Concatenate)             │                        │                │ second[0][0]           │
├───────────────────────────┼────────────────────────┼────────────────┼────────────────────────┤
│ o (Dense)                 │ (None, 2)              │             12 │ concatenate_everythin… │
└───────────────────────────┴────────────────────────┴────────────────┴────────────────────────┘
 Total params: 12 (48.00 B)
 Trainable params: 12 (48.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "md": """\
Model: "md"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ fl (Flatten)                         │ (None, 60)                  │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ rs (Reshape)                         │ (None, 6, 10)               │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ md_d (Dense)                         │ (None, 6, 7)                │              77 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 77 (308.00 B)
 Trainable params: 77 (308.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "multi_out": """\
Model: "multi_out"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ j (InputLayer)                       │ (None, 4)                   │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ two (Functional)                     │ [(None, 2), (None, 3)]      │              25 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│    └ mo_in (InputLayer)              │ (None, 4)                   │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│    └ t1 (Dense)                      │ (None, 2)                   │              10 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│    └ t2 (Dense)                      │ (None, 3)                   │              15 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 25 (100.00 B)
 Trainable params: 25 (100.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "empty": """\
Model: "empty"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 0 (0.00 B)
 Trainable params: 0 (0.00 B)
 Non-trainable params: 0 (0.00 B)
""",
    "cross": """\
Model: "cross"
┏━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┓
┃ Layer (type)           ┃ Output Shape         ┃      Param # ┃ Connected to        ┃ Traina… ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━┩
│ x1 (InputLayer)        │ (None, 4)            │            0 │ -                   │    -    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ shared_x (Dense)       │ (None, 4)            │           20 │ x1[0][0],           │    Y    │
│                        │                      │              │ inner[0][0]         │         │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ inner (Functional)     │ (None, 4)            │           20 │ shared_x[0][0],     │    Y    │
│                        │                      │              │ shared_x[1][0]      │         │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│    └ inner_in          │ (None, 4)            │            0 │ -                   │    -    │
│ (InputLayer)           │                      │              │                     │         │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│    └ inner_d (Dense)   │ (None, 4)            │           20 │ -                   │    Y    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ x2 (InputLayer)        │ (None, 3)            │            0 │ -                   │    -    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ proj (Dense)           │ (None, 4)            │           16 │ x2[0][0]            │    Y    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ add_x (Add)            │ (None, 4)            │            0 │ inner[1][0],        │    -    │
│                        │                      │              │ proj[0][0]          │         │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ cat_x (Concatenate)    │ (None, 8)            │            0 │ add_x[0][0],        │    -    │
│                        │                      │              │ shared_x[0][0]      │         │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ fl_x (Flatten)         │ (None, 8)            │            0 │ cat_x[0][0]         │    -    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ seq_x (Sequential)     │ (None, 3)            │           15 │ add_x[0][0]         │    Y    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│    └ seq_d (Dense)     │ (None, 3)            │           15 │ -                   │    Y    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ out_a (Dense)          │ (None, 2)            │           18 │ fl_x[0][0]          │    Y    │
├────────────────────────┼──────────────────────┼──────────────┼─────────────────────┼─────────┤
│ mul (Multiply)         │ (None, 3)            │            0 │ seq_x[0][0],        │    -    │
│                        │                      │              │ seq_x[0][0]         │         │
└────────────────────────┴──────────────────────┴──────────────┴─────────────────────┴─────────┘
 Total params: 89 (356.00 B)
 Trainable params: 89 (356.00 B)
 Non-trainable params: 0 (0.00 B)
""",
}

# from keras 3.15.1, stdout encoded as ASCII
EXPECTED_ASCII_BRANCHY = """\
Model: "branchy"
+----------------------------------------------------------------------------------------------+
| Layer (type)              | Output Shape           |        Param # | Connected to           |
|---------------------------+------------------------+----------------+------------------------|
| a (InputLayer)            | (None, 8)              |              0 | -                      |
|---------------------------+------------------------+----------------+------------------------|
| b (InputLayer)            | (None, 4)              |              0 | -                      |
|---------------------------+------------------------+----------------+------------------------|
| da (Dense)                | (None, 5)              |             45 | a[0][0]                |
|---------------------------+------------------------+----------------+------------------------|
| db (Dense)                | (None, 5)              |             25 | b[0][0]                |
|---------------------------+------------------------+----------------+------------------------|
| add (Add)                 | (None, 5)              |              0 | da[0][0], db[0][0]     |
|---------------------------+------------------------+----------------+------------------------|
| cat (Concatenate)         | (None, 15)             |              0 | add[0][0], da[0][0],   |
|                           |                        |                | db[0][0]               |
|---------------------------+------------------------+----------------+------------------------|
| out1 (Dense)              | (None, 1)              |             16 | cat[0][0]              |
|---------------------------+------------------------+----------------+------------------------|
| out2 (Dense)              | (None, 3)              |             18 | add[0][0]              |
+----------------------------------------------------------------------------------------------+
 Total params: 104 (416.00 B)
 Trainable params: 104 (416.00 B)
 Non-trainable params: 0 (0.00 B)
"""


@pytest.fixture
def models():
    return build_models(keras)


def test_sequential(models):
    assert capture(models["seq"]) == EXPECTED["seq"]
    assert capture(models["seq"], positions=[0.5, 0.7, 1.0]) == EXPECTED["seq_positions"]
    assert capture(models["seq"], layer_range=["drop", "d2"]) == EXPECTED["seq_range"]


def test_narrow_line_length_wraps_words_and_truncates_with_ellipsis(models):
    assert capture(models["seq"], line_length=30) == EXPECTED["seq_ll30"]


def test_line_wider_than_the_console_is_cropped(models):
    assert capture(models["seq"], line_length=120) == EXPECTED["seq_ll120"]


def test_show_trainable(models):
    models["seq"].get_layer("d1").trainable = False
    assert capture(models["seq"], show_trainable=True) == EXPECTED["seq_trainable"]


def test_functional_with_branches_has_connected_to_column(models):
    assert capture(models["branchy"]) == EXPECTED["branchy"]
    assert capture(models["branchy"], show_trainable=True) == EXPECTED["branchy_trainable"]


def test_functional_chain_prints_like_sequential(models):
    assert capture(models["flat"]) == EXPECTED["flat"]


def test_shared_layer_lists_every_call(models):
    assert capture(models["sharedm"]) == EXPECTED["sharedm"]


def test_nested_model_and_expand_nested(models):
    assert capture(models["outer"]) == EXPECTED["outer"]
    assert capture(models["outer"], expand_nested=True) == EXPECTED["outer_expand"]
    models["outer"].get_layer("inner").trainable = False
    assert (
        capture(models["outer"], expand_nested=True, show_trainable=True)
        == EXPECTED["outer_expand_trainable"]
    )


def test_subclassed_model_unbuilt_then_called(models):
    assert capture(models["sub"]) == EXPECTED["sub_unbuilt"]
    models["sub"](np.ones((3, 5), "float32"))
    assert capture(models["sub"]) == EXPECTED["sub_called"]


def test_optimizer_params_appear_once_the_optimizer_is_built(models):
    assert capture(models["comp"]) == EXPECTED["comp_compiled"]
    models["comp"].fit(np.ones((4, 4), "float32"), np.ones((4, 3), "float32"), verbose=0)
    assert capture(models["comp"]) == EXPECTED["comp_fitted"]


def test_megabytes_and_thousands_separators(models):
    assert capture(models["big"]) == EXPECTED["big"]


def test_long_names_are_cut_with_an_ellipsis(models):
    assert capture(models["dicty"]) == EXPECTED["dicty"]


def test_multidimensional_shapes(models):
    assert capture(models["md"]) == EXPECTED["md"]


def test_default_prints_plain_text_to_stdout(models, capsys):
    models["seq"].summary()
    out = capsys.readouterr().out
    assert out == EXPECTED["seq"]
    assert "\x1b" not in out


def test_print_fn_receives_the_whole_summary_once(models, capsys):
    models["seq"].summary(print_fn=print)
    assert capsys.readouterr().out == EXPECTED["seq"] + "\n"


def test_logging_when_interactive_logging_is_disabled(models, caplog, capsys):
    io_utils.disable_interactive_logging()
    with caplog.at_level(logging.INFO, logger="torchkeras"):
        models["seq"].summary()
    assert capsys.readouterr().out == ""
    assert [r.getMessage() for r in caplog.records] == [EXPECTED["seq"]]


def test_ascii_box_when_stdout_is_not_utf8(models, monkeypatch):
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding="ascii"))
    assert capture(models["branchy"]) == EXPECTED_ASCII_BRANCHY


def test_default_width_follows_the_terminal(models, monkeypatch):
    # 88 columns, but at most the terminal width minus 4 (as with COLUMNS=100 above).
    monkeypatch.setenv("COLUMNS", "60")
    lines = capture(models["seq"]).splitlines()
    assert {len(line) for line in lines[1:10]} == {56}


def test_readable_memory_size():
    # from keras 3.15.1
    values = [0, 1023, 1024, 1536, 5 * 1024**3, 2 * 1024**6, 3 * 1024**7]
    expected = ["0.00 B", "1023.00 B", "1.00 KB", "1.50 KB", "5.00 GB", "2.00 PB", "3072.00 PB"]
    assert [summary_utils.readable_memory_size(v) for v in values] == expected


def test_weight_memory_size_counts_bits_per_dtype():
    weights = [
        torch.zeros(8, dtype=torch.bool),  # 8 bits
        torch.zeros(2, 3, dtype=torch.float16),  # 6 * 16 bits
        torch.zeros((), dtype=torch.int64),  # 64 bits
    ]
    assert summary_utils.weight_memory_size(weights) == (8 + 96 + 64) / 8
    assert summary_utils.weight_memory_size(weights + weights[:1]) == (8 + 96 + 64) / 8
    assert summary_utils.count_params(weights) == 15


def test_wrap_text_follows_rich():
    # from rich 15.0.0 (`Text(s).wrap(console, width, justify=..., overflow=...)`)
    assert summary_utils.wrap_text("dense_2[0][0], dense_3[0][0]", 17) == [
        "dense_2[0][0],   ",
        "dense_3[0][0]    ",
    ]
    assert summary_utils.wrap_text("Param #", 3, justify="right") == ["Pa…", "  #"]
    assert summary_utils.wrap_text("Y", 5, justify="center") == ["  Y  "]
    assert summary_utils.wrap_text("abcdefgh", 3, justify="default", overflow="fold") == [
        "abc",
        "def",
        "gh",
    ]


def test_insufficient_width_raises(models):
    with pytest.raises(ValueError, match="^Insufficient console width to print summary.$"):
        models["seq"].summary(positions=[0.01, 0.5, 1.0], print_fn=print)


def test_layer_range_errors(models):
    model = models["seq"]
    with pytest.raises(
        ValueError,
        match=r"^layer_range must be a list or tuple of length 2\. Received: "
        r"layer_range = \['d1'\] of length 1$",
    ):
        model.summary(layer_range=["d1"], print_fn=print)
    with pytest.raises(
        ValueError, match=r"^layer_range should contain string type only\. Received: \[0, 1\]$"
    ):
        model.summary(layer_range=[0, 1], print_fn=print)
    with pytest.raises(
        ValueError,
        match=r"^Passed layer_names do not match the layer names in the model\. "
        r"Received: \['nope', 'd2'\]$",
    ):
        model.summary(layer_range=["nope", "d2"], print_fn=print)


def test_layer_range_in_reverse_order_and_regex(models):
    layers = models["seq"].layers
    assert summary_utils.get_layer_index_bound_by_layer_name(layers, ["d2", "d1"]) == [0, 3]
    assert summary_utils.get_layer_index_bound_by_layer_name(layers, ["d.*", "d.*"]) == [0, 3]


def test_nested_model_with_several_outputs(models):
    assert capture(models["multi_out"], expand_nested=True) == EXPECTED["multi_out"]


def test_empty_model(models):
    assert capture(models["empty"]) == EXPECTED["empty"]


def test_shared_nested_models_expanded_with_trainable_column(models):
    assert capture(models["cross"], expand_nested=True, show_trainable=True) == EXPECTED["cross"]
