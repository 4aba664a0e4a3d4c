"""Shared pieces of the saving tests: the Keras fixtures and the models they were made from."""

import json
import os

import h5py
import numpy as np

import torchkeras as keras

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")

with open(os.path.join(FIXTURES, "expected.json")) as _f:
    # Values computed by keras 3.15.1 (TensorFlow backend) in fixtures/make_fixtures.py.
    EXPECTED = json.load(_f)

X = np.asarray(EXPECTED["x"], dtype="float32")
Y = np.asarray(EXPECTED["y"], dtype="float32")


def fixture(name):
    return os.path.join(FIXTURES, name)


def h5_layout(path, names=True):
    """`{path: description}` for every group and dataset of an HDF5 file."""
    layout = {}

    def visit(name, obj):
        if isinstance(obj, h5py.Dataset):
            layout[name] = (obj.shape, str(obj.dtype), dict(obj.attrs))
        else:
            attrs = dict(obj.attrs)
            if not names:
                attrs.pop("name", None)
            layout[name + "/"] = attrs

    with h5py.File(path, "r") as f:
        layout["/"] = dict(f.attrs)
        f.visititems(visit)
    return layout


def sequential():
    """The architecture of `keras_sequential.*`."""
    return keras.Sequential(
        [
            keras.Input((4,)),
            keras.layers.Dense(8, activation="relu"),
            keras.layers.Dense(3, activation="softmax"),
        ]
    )


def functional():
    """The architecture of `keras_functional.weights.h5`."""
    inputs = keras.Input((4,), name="x")
    inner = keras.Sequential(
        [keras.layers.Dense(3), keras.layers.Dropout(0.5), keras.layers.Dense(3)], name="inner"
    )
    branch = keras.layers.Dense(3, activation="relu", name="branch")(inputs)
    merged = keras.layers.Add(name="add")([inner(inputs), branch])
    outputs = keras.layers.Dense(2, name="head")(merged)
    return keras.Model(inputs, outputs, name="func")


class Sub(keras.Model):
    """The architecture of `keras_subclassed.weights.h5`."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.d1 = keras.layers.Dense(3, activation="tanh")
        self.blocks = [keras.layers.Dense(3), keras.layers.Dense(3, use_bias=False)]
        self._head = keras.layers.Dense(2)

    def call(self, x):
        x = self.d1(x)
        for block in self.blocks:
            x = block(x)
        return self._head(x)
