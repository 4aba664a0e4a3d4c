"""Legacy tf.keras 2 / Keras 3 `.h5` files: loading fixtures written by the real libraries,
`by_name` / `skip_mismatch` weight loading, and torchkeras's own `.h5` round trip."""

import json
import os
import re
import warnings

import h5py
import numpy as np
import pytest

import torchkeras as keras

HERE = os.path.join(os.path.dirname(__file__), "fixtures", "legacy_h5")
with open(os.path.join(HERE, "predictions.json")) as _f:
    # Predictions of the writing models: tf_keras 2.21 / keras 3.15.1, from
    # fixtures/legacy_h5/make_legacy_fixtures.py.
    PRED = json.load(_f)


def path(name):
    return os.path.join(HERE, name)


def x_for(name):
    return np.asarray(PRED["inputs"][name.split("_")[1]])


def expected(name):
    return np.asarray(PRED["predictions"][name], dtype="float32")


@keras.saving.register_keras_serializable(package="fixtures")
class Scale(keras.layers.Layer):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def build(self, input_shape):
        self.w = self.add_weight(name="w", shape=(input_shape[-1],), initializer="ones")

    def call(self, x):
        return x * self.w * self.factor

    def get_config(self):
        return {**super().get_config(), "factor": self.factor}


@keras.saving.register_keras_serializable(package="fixtures")
class Scale3(Scale):
    pass


@pytest.mark.parametrize(
    "name",
    ["tf2_mlp", "tf2_cnn", "tf2_lstm", "tf2_custom", "k3_mlp", "k3_cnn", "k3_lstm", "k3_custom"],
)
def test_load_model_matches_writer_predictions(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = keras.models.load_model(path(name + ".h5"))
    out = np.asarray(model.predict(x_for(name), verbose=0))
    np.testing.assert_allclose(out, expected(name), rtol=1e-5, atol=1e-5)


def test_load_model_compiles_from_training_config():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = keras.models.load_model(path("tf2_cnn.h5"))
        uncompiled = keras.models.load_model(path("tf2_cnn.h5"), compile=False)
    assert model.compiled and type(model.optimizer).__name__ == "Adam"
    assert not uncompiled.compiled
    # The optimizer trains the loaded model.
    model.fit(x_for("tf2_cnn"), np.zeros((2, 2), "float32"), epochs=1, verbose=0)


def test_unregistered_custom_layer_error_names_it(tmp_path):
    target = str(tmp_path / "custom.h5")
    with h5py.File(path("tf2_custom.h5")) as src, h5py.File(target, "w") as f:
        for key, value in src.attrs.items():
            f.attrs[key] = value
        f.attrs["model_config"] = src.attrs["model_config"].replace(
            "fixtures>Scale", "fixtures>Nope"
        )
        src.copy("model_weights", f)
    with warnings.catch_warnings(), pytest.raises(
        TypeError,
        match=re.escape(
            "Could not locate layer 'fixtures>Nope'. Make sure custom classes and functions are "
            "decorated with `@keras.saving.register_keras_serializable()`"
        ),
    ):
        warnings.simplefilter("ignore")
        keras.models.load_model(target)


def test_custom_layer_from_custom_objects_only():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = keras.models.load_model(
            path("tf2_custom.h5"), custom_objects={"fixtures>Scale": Scale}
        )
    np.testing.assert_allclose(
        model.predict(x_for("tf2_custom"), verbose=0), expected("tf2_custom"), rtol=1e-5,
        atol=1e-5,
    )


def cnn(with_extra=False):
    x_in = keras.Input((6, 6, 2), name="img")
    x = keras.layers.Conv2D(3, 3, padding="same", name="conv")(x_in)
    x = keras.layers.BatchNormalization(name="bn")(x)
    x = keras.layers.Activation("relu")(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    if with_extra:
        x = keras.layers.Dense(4, name="extra")(x)
    out = keras.layers.Dense(2, activation="softmax", name="head")(x)
    return keras.Model(x_in, out)


@pytest.mark.parametrize("weights_file", ["tf2_cnn_weights.h5", "tf2_cnn.h5"])
def test_load_weights_topological(weights_file):
    model = cnn()
    model.load_weights(path(weights_file))
    np.testing.assert_allclose(
        model.predict(x_for("tf2_cnn"), verbose=0), expected("tf2_cnn"), rtol=1e-5, atol=1e-5
    )


def test_load_weights_by_name_skips_unknown_layers():
    model = cnn(with_extra=True)
    head_before = model.get_layer("head").kernel.numpy()
    with pytest.warns(UserWarning, match="Skipping loading weights"):
        model.load_weights(path("tf2_cnn_weights.h5"), by_name=True, skip_mismatch=True)
    with h5py.File(path("tf2_cnn_weights.h5")) as f:
        np.testing.assert_array_equal(
            model.get_layer("conv").kernel.numpy(), f["conv/conv/kernel:0"]
        )
        np.testing.assert_array_equal(
            model.get_layer("bn").moving_variance.numpy(), f["bn/bn/moving_variance:0"]
        )
    # `head` has a (4, 2) kernel here and (3, 2) in the file: skipped with a warning.
    np.testing.assert_array_equal(model.get_layer("head").kernel.numpy(), head_before)


def test_load_weights_by_name_shape_mismatch_raises():
    model = cnn(with_extra=True)
    with pytest.raises(
        ValueError,
        match=r"Shape mismatch in layer #5 \(named head\)for weight head/kernel\. Weight "
        r"expects shape \(4, 2\)\. Received saved weight with shape \(3, 2\)",
    ):
        model.load_weights(path("tf2_cnn_weights.h5"), by_name=True)


def test_load_weights_skip_mismatch_warns():
    model = cnn(with_extra=True)
    with pytest.warns(UserWarning, match="Skipping loading weights for layer #5 \\(named head\\)"):
        model.load_weights(path("tf2_cnn_weights.h5"), by_name=True, skip_mismatch=True)


def test_load_weights_layer_count_mismatch():
    with pytest.raises(
        ValueError,
        match="Layer count mismatch when loading weights from file. Model expected 4 layers, "
        "found 3 saved layers.",
    ):
        cnn(with_extra=True).load_weights(path("tf2_cnn_weights.h5"))


def test_load_weights_weight_count_mismatch():
    model = keras.Sequential(
        [keras.Input((4,)), keras.layers.Dense(5, use_bias=False), keras.layers.Dense(2)]
    )
    with pytest.raises(
        ValueError,
        match=r"Weight count mismatch for layer #0 \(named dense.* in the current model, d1 in "
        r"the save file\)\. Layer expects 1 weight\(s\)\. Received 2 saved weight\(s\)",
    ):
        model.load_weights(path("tf2_mlp_weights.h5"))


def test_by_name_weight_count_mismatch():
    model = keras.Sequential(
        [keras.Input((4,)), keras.layers.Dense(5, use_bias=False, name="d1")]
    )
    with pytest.raises(
        ValueError,
        match=r"Weight count mismatch for layer #0 \(named d1\)\. Layer expects 1 weight\(s\)\. "
        r"Received 2 saved weight\(s\)",
    ):
        model.load_weights(path("tf2_mlp_weights.h5"), by_name=True)
    with pytest.warns(UserWarning, match="due to mismatch in number of weights"):
        model.load_weights(path("tf2_mlp_weights.h5"), by_name=True, skip_mismatch=True)


def test_save_h5_round_trip(tmp_path):
    model = cnn()
    model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
    model.fit(x_for("tf2_cnn"), np.ones((2, 2), "float32"), epochs=1, verbose=0)
    target = str(tmp_path / "m.h5")
    model.save(target)
    with h5py.File(target) as f:
        assert json.loads(f.attrs["model_config"])["class_name"] == "Functional"
        names = [
            n.decode() if isinstance(n, bytes) else n
            for n in f["model_weights"]["conv"].attrs["weight_names"]
        ]
        assert names == ["conv/kernel", "conv/bias"]
        assert "training_config" in f.attrs
    loaded = keras.models.load_model(target)
    assert type(loaded.optimizer).__name__ == "SGD"
    x = x_for("tf2_cnn")
    np.testing.assert_allclose(
        loaded.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6, atol=1e-6
    )


def test_save_unbuilt_model_raises(tmp_path):
    model = keras.Sequential([keras.layers.Dense(2)])
    with pytest.raises(ValueError, match="You are saving a model that has not yet been built."):
        model.save(str(tmp_path / "m.h5"))


def test_missing_model_config_and_corrupt_files(tmp_path):
    empty = str(tmp_path / "empty.h5")
    with h5py.File(empty, "w"):
        pass
    with pytest.raises(ValueError, match="No model config found in the file at"):
        keras.models.load_model(empty)
    junk = str(tmp_path / "junk.h5")
    with open(junk, "wb") as f:
        f.write(b"not an hdf5 file at all")
    with pytest.raises(ValueError, match=r"not a valid legacy \.h5 file \(corrupt or truncated\)"):
        keras.models.load_model(junk)
    bad_json = str(tmp_path / "bad.h5")
    with h5py.File(bad_json, "w") as f:
        f.attrs["model_config"] = "{oops"
    with pytest.raises(ValueError, match="`model_config` is not valid JSON"):
        keras.models.load_model(bad_json)


def test_external_link_refused(tmp_path):
    target = str(tmp_path / "ext.h5")
    with h5py.File(path("tf2_mlp.h5")) as src, h5py.File(target, "w") as f:
        for k, v in src.attrs.items():
            f.attrs[k] = v
        f["model_weights"] = h5py.ExternalLink("/etc/passwd", "/")
    with warnings.catch_warnings(), pytest.raises(
        ValueError, match="Not allowed: H5 file with ExternalLink"
    ):
        warnings.simplefilter("ignore")
        keras.models.load_model(target)


@pytest.mark.parametrize("name", ["k3_mlp", "tf2_mlp"])
def test_optimizer_state_restored(name):
    # The writers trained with Adam for 2 steps; k3 values recorded by keras 3.15.1. tf.keras 2
    # stores the same slots without the learning rate.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = keras.models.load_model(path(name + ".h5"))
    got = [np.asarray(v.numpy()) for v in model.optimizer.variables]
    want = PRED["predictions"]["k3_mlp_optimizer"]
    assert len(got) == len(want) == 10
    assert int(got[0]) == 2
    np.testing.assert_allclose(got[1], want[1], rtol=1e-7)
    if name == "k3_mlp":
        for g, w in zip(got[2:], want[2:]):
            np.testing.assert_allclose(g, np.asarray(w), rtol=1e-5, atol=1e-7)
    else:
        with h5py.File(path(name + ".h5")) as f:
            np.testing.assert_array_equal(got[2], f["optimizer_weights"]["Adam/m/d1/kernel:0"])
            np.testing.assert_array_equal(got[9], f["optimizer_weights"]["Adam/v/d2/bias:0"])


def test_optimizer_state_round_trip_and_mismatch(tmp_path):
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
    model.compile(optimizer="adam", loss="mse")
    model.fit(x_for("k3_mlp"), np.ones((3, 2), "float32"), epochs=2, verbose=0)
    target = str(tmp_path / "m.h5")
    model.save(target)
    loaded = keras.models.load_model(target)
    for a, b in zip(loaded.optimizer.variables, model.optimizer.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    with h5py.File(target, "a") as f:
        group = f["optimizer_weights"]
        group.attrs["weight_names"] = list(group.attrs["weight_names"])[:3]
    with pytest.warns(UserWarning, match="Error in loading the saved optimizer state."):
        keras.models.load_model(target)


def test_tf2_functional_with_merges_and_shared_layer():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = keras.models.load_model(path("tf2_merge.h5"), compile=False)
    x = x_for("tf2_custom")
    # The order keras 3.15.1 gives when it loads this file.
    assert [layer.name for layer in model.layers] == ["a", "b", "shared", "cat", "proj", "add"]
    np.testing.assert_allclose(
        model.predict([x[:, :3], x[:, 1:]], verbose=0), expected("tf2_merge"), rtol=1e-5,
        atol=1e-5,
    )


def test_tf2_lambda_refused_in_safe_mode():
    with warnings.catch_warnings(), pytest.raises(
        ValueError,
        match="Requested the deserialization of a `Lambda` layer whose `function` is a Python "
        "lambda.",
    ):
        warnings.simplefilter("ignore")
        keras.models.load_model(path("tf2_lambda.h5"))
