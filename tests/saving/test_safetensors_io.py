"""`.safetensors` weights keyed by Keras variable paths, and torch `state_dict` round trips."""


import numpy as np
import pytest
import torch
from safetensors.torch import load_file
from safetensors.torch import save_file

import torchkeras as keras


def mlp(name=None, units=2):
    return keras.Sequential(
        [
            keras.Input((4,)),
            keras.layers.Dense(5, name="d1"),
            keras.layers.BatchNormalization(name="bn"),
            keras.layers.Dense(units, name="d2"),
        ],
        name=name,
    )


def randomized(model):
    rng = np.random.default_rng(0)
    model.set_weights(
        [rng.uniform(0.5, 1.5, w.shape).astype("float32") for w in model.get_weights()]
    )
    return model


X = np.random.default_rng(1).standard_normal((3, 4)).astype("float32")


def test_round_trip_keys_are_variable_paths(tmp_path):
    model = randomized(mlp(name="m"))
    target = str(tmp_path / "w.safetensors")
    model.save_weights(target)
    tensors = load_file(target)
    assert sorted(tensors) == sorted([
        "m/d1/kernel", "m/d1/bias", "m/bn/gamma", "m/bn/beta", "m/bn/moving_mean",
        "m/bn/moving_variance", "m/d2/kernel", "m/d2/bias",
    ])
    # Keras layout: Dense kernels are (input_dim, units).
    assert tuple(tensors["m/d1/kernel"].shape) == (4, 5)
    other = mlp(name="m")
    other.load_weights(target)
    np.testing.assert_array_equal(other.predict(X, verbose=0), model.predict(X, verbose=0))


def test_load_matches_by_order_when_names_differ(tmp_path):
    model = randomized(mlp())
    target = str(tmp_path / "w.safetensors")
    model.save_weights(target)
    other = mlp()  # another auto-generated model name
    other.load_weights(target)
    np.testing.assert_array_equal(other.predict(X, verbose=0), model.predict(X, verbose=0))


def test_shape_mismatch(tmp_path):
    target = str(tmp_path / "w.safetensors")
    randomized(mlp(name="m")).save_weights(target)
    other = mlp(name="m", units=3)
    with pytest.raises(
        ValueError,
        match=r"shape mismatch for variable m/d2/kernel \(key 'm/d2/kernel'\)\. Expected shape "
        r"\(5, 3\)\. Received saved shape \(5, 2\)\.",
    ):
        other.load_weights(target)
    with pytest.warns(UserWarning, match="Skipping loading"):
        other.load_weights(target, skip_mismatch=True)
    np.testing.assert_array_equal(
        other.get_layer("d1").kernel.numpy(), load_file(target)["m/d1/kernel"].numpy()
    )


def test_missing_keys(tmp_path):
    target = str(tmp_path / "w.safetensors")
    save_file({"x": torch.zeros(2)}, target)
    with pytest.raises(ValueError, match="the file has 1 tensors and the model 8 variables"):
        mlp(name="m").load_weights(target)


def test_corrupt_file(tmp_path):
    target = str(tmp_path / "w.safetensors")
    with open(target, "wb") as f:
        f.write(b"\x00garbage")
    with pytest.raises(
        ValueError, match=r"not a valid \.safetensors file \(corrupt or truncated\)"
    ):
        mlp().load_weights(target)
    with pytest.raises(FileNotFoundError, match="No such file"):
        mlp().load_weights(str(tmp_path / "missing.safetensors"))


def test_invalid_arguments_and_unbuilt(tmp_path):
    target = str(tmp_path / "w.safetensors")
    with pytest.raises(ValueError, match="`objects_to_skip` and `by_name` are not supported"):
        mlp().load_weights(target, by_name=True)
    with pytest.raises(ValueError, match="You are saving a model that has not yet been built"):
        keras.Sequential([keras.layers.Dense(2)]).save_weights(target)


class TwoSameNames(keras.layers.Layer):
    def build(self, input_shape):
        self.a = self.add_weight(name="w", shape=(2,))
        self.b = self.add_weight(name="w", shape=(2,))

    def call(self, x):
        return x * self.a * self.b


def test_duplicate_paths_refused(tmp_path):
    model = keras.Sequential([keras.Input((2,)), TwoSameNames(name="t")], name="m")
    with pytest.raises(
        ValueError,
        match=r"variable paths, which must be unique\. Give the layers unique names\. Received "
        r"duplicate paths: \['m/t/w'\]",
    ):
        model.save_weights(str(tmp_path / "w.safetensors"))


def test_state_dict_round_trip():
    model = randomized(mlp())
    other = mlp()
    missing = other.load_state_dict(model.state_dict())
    assert not missing.missing_keys and not missing.unexpected_keys
    np.testing.assert_array_equal(other.predict(X, verbose=0), model.predict(X, verbose=0))
