"""`.weights.h5` and `.keras` files: Keras's layout, files written by real Keras, round trips."""

import json
import os
import warnings
import zipfile

import h5py
import numpy as np
import pytest

import torchkeras as keras
from torchkeras.saving import saving_api
from torchkeras.saving import saving_lib

from saving_helpers import EXPECTED
from saving_helpers import X
from saving_helpers import Y
from saving_helpers import Sub
from saving_helpers import fixture
from saving_helpers import functional
from saving_helpers import h5_layout
from saving_helpers import sequential

try:
    from torchkeras.models import functional_config  # noqa: F401

    HAS_FUNCTIONAL_CONFIG = True
except ImportError:
    HAS_FUNCTIONAL_CONFIG = False


def _trained_sequential():
    model = sequential()
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss="categorical_crossentropy", metrics=["accuracy"])
    model.fit(X, Y, batch_size=4, epochs=1, shuffle=False, verbose=0)
    return model


# -- the layout Keras writes --------------------------------------------------------------------
def test_sequential_layout_equals_keras_file(tmp_path):
    model = _trained_sequential()
    path = tmp_path / "m.weights.h5"
    saving_api.save_weights(model, path)
    # Same groups, `name` attributes, dataset keys, shapes and dtypes as the file Keras wrote
    # for the same model (the names match: both were the first model of their session).
    assert h5_layout(path) == h5_layout(fixture("keras_sequential.weights.h5"))


def test_functional_layout_equals_keras_file(tmp_path):
    path = tmp_path / "f.weights.h5"
    saving_api.save_weights(functional(), path)
    assert h5_layout(path, names=False) == h5_layout(
        fixture("keras_functional.weights.h5"), names=False
    )


def test_subclassed_layout_equals_keras_file(tmp_path):
    model = Sub()
    model(X[:1])
    path = tmp_path / "s.weights.h5"
    saving_api.save_weights(model, path)
    layout = h5_layout(path, names=False)
    assert layout == h5_layout(fixture("keras_subclassed.weights.h5"), names=False)
    # A private layer attribute is first reached through `model.layers`, as in Keras.
    assert "layers/dense_3/vars/0" in layout


def test_walk_paths():
    model = Sub()
    model(X[:1])
    model.compile(optimizer="sgd", loss="mse")
    children = dict(saving_lib._walk_saveable(model))
    assert children["d1"] is model.d1
    assert children["blocks"] is model.blocks
    assert children["optimizer"] is model.optimizer
    assert "blocks.0" not in children and "_modules" not in children
    seq = sequential()
    walked = [name for name, _ in saving_lib._walk_saveable(seq)]
    # The layer list comes first; the auto-added InputLayer is not an attribute.
    assert walked[0] == "layers"
    assert "input_layer" not in walked and "_layer_stack" not in walked


# -- files written by real Keras ------------------------------------------------------------------
def test_load_keras_weights_into_sequential():
    model = sequential()
    saving_api.load_weights(model, fixture("keras_sequential.weights.h5"))
    for got, want in zip(model.get_weights(), EXPECTED["sequential"]["weights"]):
        np.testing.assert_array_equal(got, np.asarray(want, dtype="float32"))
    np.testing.assert_allclose(
        model.predict(X, verbose=0), EXPECTED["sequential"]["predictions"], atol=1e-6
    )


def test_load_keras_weights_into_functional():
    model = functional()
    saving_api.load_weights(model, fixture("keras_functional.weights.h5"))
    np.testing.assert_allclose(
        model.predict(X, verbose=0), EXPECTED["functional"]["predictions"], atol=1e-6
    )


def test_load_keras_weights_into_subclassed():
    model = Sub()
    model(X[:1])
    saving_api.load_weights(model, fixture("keras_subclassed.weights.h5"))
    np.testing.assert_allclose(
        model.predict(X, verbose=0), EXPECTED["subclassed"]["predictions"], atol=1e-6
    )


def test_load_keras_weights_from_keras_archive():
    model = sequential()
    saving_api.load_weights(model, fixture("keras_sequential.keras"))
    np.testing.assert_allclose(
        model.predict(X, verbose=0), EXPECTED["sequential"]["predictions"], atol=1e-6
    )


def test_load_keras_bfloat16_weights():
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, dtype="bfloat16")])
    saving_api.load_weights(model, fixture("keras_bfloat16.weights.h5"))
    for got, want in zip(model.weights, EXPECTED["bfloat16"]["weights"]):
        np.testing.assert_array_equal(got.float().detach().numpy(), want)


@pytest.mark.parametrize("name,key", [("keras_sequential.keras", "sequential"),
                                      ("keras_sgd.keras", "sgd")])
def test_load_keras_model(name, key):
    model = saving_api.load_model(fixture(name))
    expected = EXPECTED[key]
    np.testing.assert_allclose(model.predict(X, verbose=0), expected["predictions"], atol=1e-6)
    assert model.compiled
    saved = [np.asarray(v) for v in expected["optimizer_variables"]]
    loaded = [v.numpy() for v in model.optimizer.variables]
    assert len(loaded) == len(saved)
    for got, want in zip(loaded, saved):
        np.testing.assert_array_equal(got, want.astype(got.dtype))
    # One more step from the restored optimizer state lands where Keras landed.
    model.train_on_batch(X[:4], Y[:4])
    np.testing.assert_allclose(
        model.predict(X, verbose=0), expected["predictions_after_step"], atol=1e-5
    )


def test_load_keras_model_compile_config():
    model = saving_api.load_model(fixture("keras_sgd.keras"))
    assert isinstance(model.optimizer, keras.optimizers.SGD)
    assert model.optimizer.get_config()["momentum"] == 0.9
    assert isinstance(model.loss, keras.losses.MeanSquaredError)
    assert isinstance(model._compile_metrics._metrics_config[0], keras.metrics.MeanAbsoluteError)
    model = saving_api.load_model(fixture("keras_sequential.keras"))
    assert isinstance(model.optimizer, keras.optimizers.Adam)
    assert model.loss == "categorical_crossentropy"
    assert model._compile_metrics._metrics_config == ["accuracy"]


def test_load_keras_model_without_compiling():
    model = saving_api.load_model(fixture("keras_sequential.keras"), compile=False)
    assert not model.compiled
    np.testing.assert_allclose(
        model.predict(X, verbose=0), EXPECTED["sequential"]["predictions"], atol=1e-6
    )


# -- torchkeras round trips -----------------------------------------------------------------------
def test_keras_archive_contents(tmp_path):
    model = _trained_sequential()
    path = tmp_path / "m.keras"
    saving_api.save_model(model, path)
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        assert [i.filename for i in infos] == ["metadata.json", "config.json", "model.weights.h5"]
        assert all(i.compress_type == zipfile.ZIP_STORED for i in infos)
        metadata = json.loads(zf.read("metadata.json"))
        config = json.loads(zf.read("config.json"))
        weights = zf.read("model.weights.h5")
    assert sorted(metadata) == ["date_saved", "keras_version"]
    assert metadata["keras_version"] == "3.15.1"
    assert config["class_name"] == "Sequential"
    assert config["build_config"] == {"input_shape": [None, 4]}
    # from keras 3.15.1: the compile config of this model (the learning rate is a float32 value).
    assert config["compile_config"] == {
        "optimizer": {
            "module": "keras.optimizers", "class_name": "Adam", "registered_name": None,
            "config": {
                "name": "adam", "learning_rate": 0.009999999776482582, "weight_decay": None,
                "clipnorm": None, "global_clipnorm": None, "clipvalue": None, "use_ema": False,
                "ema_momentum": 0.99, "ema_overwrite_frequency": None,
                "loss_scale_factor": None, "gradient_accumulation_steps": None,
                "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False,
            },
        },
        "loss": "categorical_crossentropy", "loss_weights": None, "metrics": ["accuracy"],
        "weighted_metrics": None, "run_eagerly": False, "steps_per_execution": 1,
        "jit_compile": config["compile_config"]["jit_compile"],  # see the test below
    }
    inner = tmp_path / "inner.weights.h5"
    inner.write_bytes(weights)
    assert h5_layout(inner) == h5_layout(fixture("keras_sequential.weights.h5"))


def test_compile_config_records_resolved_arguments():
    model = sequential()
    model.compile(optimizer="adam", loss="mse")
    config = model.get_compile_config()
    # from keras 3.15.1: `compile(optimizer="adam")` records the Adam object and
    # `jit_compile=False`, not the strings passed in.
    assert config["optimizer"]["class_name"] == "Adam"
    assert config["optimizer"]["config"]["name"] == "adam"
    assert config["jit_compile"] is False


def test_sequential_round_trip_keeps_optimizer_state(tmp_path):
    model = _trained_sequential()
    path = tmp_path / "m.keras"
    saving_api.save_model(model, path)
    loaded = saving_api.load_model(path)
    np.testing.assert_array_equal(loaded.predict(X, verbose=0), model.predict(X, verbose=0))
    for a, b in zip(loaded.optimizer.variables, model.optimizer.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    # Both continue identically.
    model.train_on_batch(X[:4], Y[:4])
    loaded.train_on_batch(X[:4], Y[:4])
    np.testing.assert_allclose(loaded.predict(X, verbose=0), model.predict(X, verbose=0),
                               atol=1e-7)
    assert int(loaded.optimizer.iterations) == 3


def test_uncompiled_model_round_trip(tmp_path):
    model = sequential()
    path = tmp_path / "m.keras"
    saving_api.save_model(model, path)
    with zipfile.ZipFile(path) as zf:
        assert json.loads(zf.read("config.json"))["compile_config"] == {}
    loaded = saving_api.load_model(path)
    assert not loaded.compiled
    np.testing.assert_array_equal(loaded.predict(X, verbose=0), model.predict(X, verbose=0))


def test_unzipped_directory_round_trip(tmp_path):
    model = _trained_sequential()
    path = tmp_path / "saved"
    saving_api.save_model(model, path, zipped=False)
    assert sorted(os.listdir(path)) == ["config.json", "metadata.json", "model.weights.h5"]
    loaded = saving_api.load_model(path)
    np.testing.assert_array_equal(loaded.predict(X, verbose=0), model.predict(X, verbose=0))


@pytest.mark.skipif(not HAS_FUNCTIONAL_CONFIG, reason="needs Functional.get_config")
def test_functional_round_trip(tmp_path):
    model = functional()
    model.compile(optimizer="rmsprop", loss="mse")
    model.fit(X, Y[:, :2], verbose=0)
    path = tmp_path / "f.keras"
    saving_api.save_model(model, path)
    loaded = saving_api.load_model(path)
    assert [layer.name for layer in loaded.layers] == [layer.name for layer in model.layers]
    np.testing.assert_array_equal(loaded.predict(X, verbose=0), model.predict(X, verbose=0))
    for a, b in zip(loaded.optimizer.variables, model.optimizer.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())


@keras.saving.register_keras_serializable(package="SavingTest")
class RegisteredSub(Sub):
    def build(self, input_shape):
        # Creates every sublayer's weights, so the model can be rebuilt from its config.
        self.d1.build(input_shape)
        self.blocks[0].build((None, 3))
        self.blocks[1].build((None, 3))
        self._head.build((None, 3))
        self.built = True


def test_subclassed_round_trip(tmp_path):
    model = RegisteredSub()
    model(X[:1])
    path = tmp_path / "s.keras"
    saving_api.save_model(model, path)
    loaded = saving_api.load_model(path)
    assert isinstance(loaded, RegisteredSub)
    np.testing.assert_array_equal(loaded.predict(X, verbose=0), model.predict(X, verbose=0))


@keras.saving.register_keras_serializable(package="SavingTest")
class DefaultBuildSub(Sub):
    pass


def test_subclassed_round_trip_with_default_build(tmp_path):
    model = DefaultBuildSub()
    model(X[:1])
    saving_api.save_model(model, tmp_path / "s.keras")
    loaded = saving_api.load_model(tmp_path / "s.keras")
    np.testing.assert_array_equal(loaded.predict(X, verbose=0), model.predict(X, verbose=0))


def test_unbuilt_optimizer_in_file_warns_on_load(tmp_path):
    model = sequential()
    model.compile(optimizer=keras.optimizers.Adam(), loss="mse")
    path = tmp_path / "m.keras"
    saving_api.save_model(model, path)
    with pytest.warns(UserWarning, match="Skipping variable loading for optimizer 'adam', "
                      "because it has 10 variables whereas the saved optimizer has 2 "
                      "variables."):
        loaded = saving_api.load_model(path)
    assert loaded.compiled


def test_objects_to_skip(tmp_path):
    model = sequential()
    path = tmp_path / "m.weights.h5"
    saving_api.save_weights(model, path, objects_to_skip=[model.layers[0]])
    with h5py.File(path, "r") as f:
        assert "layers/dense" not in f and "layers/dense_1/vars/0" in f
    other = sequential()
    before = other.layers[1].get_weights()
    saving_api.load_weights(other, fixture("keras_sequential.weights.h5"),
                            objects_to_skip=[other.layers[1]])
    np.testing.assert_array_equal(other.layers[1].get_weights()[0], before[0])
    np.testing.assert_array_equal(other.layers[0].get_weights()[0],
                                  np.asarray(EXPECTED["sequential"]["weights"][0], "float32"))


def test_layer_save_own_variables_override(tmp_path):
    class Scaled(keras.layers.Dense):
        def save_own_variables(self, store):
            store["0"] = self.kernel * 2

        def load_own_variables(self, store):
            self.kernel.assign(store["0"] / 2)

    model = keras.Sequential([keras.Input((2,)), Scaled(2, use_bias=False)])
    saving_api.save_weights(model, tmp_path / "m.weights.h5")
    with h5py.File(tmp_path / "m.weights.h5", "r") as f:
        np.testing.assert_allclose(f["layers/scaled/vars/0"][()], model.weights[0].numpy() * 2)
    other = keras.Sequential([keras.Input((2,)), Scaled(2, use_bias=False)])
    saving_api.load_weights(other, tmp_path / "m.weights.h5")
    np.testing.assert_allclose(other.weights[0].numpy(), model.weights[0].numpy())


def test_list_and_nested_container_paths(tmp_path):
    class Nested(keras.Model):
        def __init__(self):
            super().__init__()
            self.groups = [[keras.layers.Dense(2)], (keras.layers.Dense(2),)]
            self.heads = {"a": keras.layers.Dense(2)}

        def call(self, x):
            return self.heads["a"](self.groups[1][0](self.groups[0][0](x)))

    model = Nested()
    model(X[:1])
    saving_api.save_weights(model, tmp_path / "n.weights.h5")
    layout = h5_layout(tmp_path / "n.weights.h5", names=False)
    assert "groups/container/dense/vars/0" in layout
    assert "groups/container_1/dense/vars/0" in layout
    # Dict values are named like list items (Keras ignores the keys).
    assert "heads/dense/vars/0" in layout
    other = Nested()
    other(X[:1])
    saving_api.load_weights(other, tmp_path / "n.weights.h5")
    np.testing.assert_array_equal(other.predict(X, verbose=0), model.predict(X, verbose=0))


# -- mismatches -----------------------------------------------------------------------------------
def test_shape_mismatch_error(tmp_path):
    model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(8), keras.layers.Dense(3)])
    with pytest.raises(ValueError) as info:
        saving_api.load_weights(model, fixture("keras_sequential.weights.h5"))
    assert str(info.value) == (
        "A total of 1 objects could not be loaded. Example error message for object "
        "<Dense name=dense, built=True>:\n\n"
        "The shape of the target variable and the shape of the target value in "
        "`variable.assign(value)` must match. variable.shape=(5, 8), Received: "
        "value.shape=(4, 8). Target variable: sequential/dense/kernel\n\n"
        "List of objects that could not be loaded:\n[<Dense name=dense, built=True>]"
    )


def test_count_mismatch_error_and_skip_mismatch():
    model = keras.Sequential(
        [keras.Input((4,)), keras.layers.Dense(8, use_bias=False), keras.layers.Dense(3)]
    )
    before = model.layers[0].get_weights()[0]
    message = (
        "A total of 1 objects could not be loaded. Example error message for object "
        "<Dense name=dense, built=True>:\n\n"
        "Layer 'dense' expected 1 variables, but received 2 variables during loading. "
        "Expected: ['kernel']\n\n"
        "List of objects that could not be loaded:\n[<Dense name=dense, built=True>]"
    )
    with pytest.raises(ValueError) as info:
        saving_api.load_weights(model, fixture("keras_sequential.weights.h5"))
    assert str(info.value) == message
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        saving_api.load_weights(model, fixture("keras_sequential.weights.h5"),
                                skip_mismatch=True)
    assert [str(w.message) for w in caught] == [message]
    # The mismatched layer is untouched; the others are loaded.
    np.testing.assert_array_equal(model.layers[0].get_weights()[0], before)
    np.testing.assert_array_equal(model.layers[1].get_weights()[0],
                                  np.asarray(EXPECTED["sequential"]["weights"][2], "float32"))


def test_never_built_layer_error(tmp_path):
    class WithUnused(keras.Model):
        def __init__(self, call_unused):
            super().__init__()
            self.dense = keras.layers.Dense(2)
            self.unused = keras.layers.Dense(2)
            self.call_unused = call_unused

        def call(self, x):
            x = self.dense(x)
            return self.unused(x) if self.call_unused else x

    source = WithUnused(True)
    source(X[:1])
    saving_api.save_weights(source, tmp_path / "w.weights.h5")
    target = WithUnused(False)
    target(X[:1])
    with pytest.raises(ValueError, match="Layer 'dense_3' was never built and thus it doesn't "
                       "have any variables. However the weights file lists 2 variables for "
                       "this layer."):
        saving_api.load_weights(target, tmp_path / "w.weights.h5")


def test_not_built_errors(tmp_path):
    model = keras.Sequential([keras.layers.Dense(2)])
    with pytest.raises(ValueError, match=r"^You are saving a model that has not yet been built\. "
                       r"Try building the model first by calling it on some data or by using "
                       r"`build\(\)`\.$"):
        saving_api.save_weights(model, tmp_path / "m.weights.h5")
    with pytest.raises(ValueError, match=r"^You are loading weights into a model that has not "
                       r"yet been built\. Try building the model first by calling it on some "
                       r"data or by using `build\(\)`\.$"):
        saving_api.load_weights(model, fixture("keras_sequential.weights.h5"))
    with pytest.warns(UserWarning, match=r"You are saving a model that has not yet been built\. "
                      r"It might not contain any weights yet\. Consider building the model "
                      r"first by calling it on some data\."):
        saving_api.save_model(model, tmp_path / "m.keras")


# -- atomic writes --------------------------------------------------------------------------------
class _FailingLayer(keras.layers.Dense):
    fail = False

    def save_own_variables(self, store):
        if _FailingLayer.fail:
            raise RuntimeError("serialization failed midway")
        saving_lib.save_own_variables(self, store)

    def get_config(self):
        if _FailingLayer.fail:
            raise RuntimeError("config failed")
        return super().get_config()


def _failing_model():
    return keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), _FailingLayer(2)])


def test_failed_save_weights_keeps_previous_file(tmp_path):
    model = _failing_model()
    path = tmp_path / "m.weights.h5"
    saving_api.save_weights(model, path)
    before = path.read_bytes()
    _FailingLayer.fail = True
    try:
        with pytest.raises(RuntimeError, match="serialization failed midway"):
            saving_api.save_weights(model, path)
    finally:
        _FailingLayer.fail = False
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["m.weights.h5"]


def test_failed_save_model_keeps_previous_file(tmp_path, monkeypatch):
    model = _failing_model()
    path = tmp_path / "m.keras"
    saving_api.save_model(model, path)
    before = path.read_bytes()
    _FailingLayer.fail = True
    try:
        with pytest.raises(RuntimeError, match="config failed"):
            saving_api.save_model(model, path)
    finally:
        _FailingLayer.fail = False
    assert path.read_bytes() == before

    # A failure while the archive itself is being written.
    original = zipfile.ZipFile.writestr

    def writestr(self, name, data, *args, **kwargs):
        if getattr(name, "filename", name) == "model.weights.h5":
            raise OSError("disk full")
        return original(self, name, data, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", writestr)
    with pytest.raises(OSError, match="disk full"):
        saving_api.save_model(model, path)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["m.keras"]


# -- safe mode ------------------------------------------------------------------------------------
def _lambda_model(tmp_path):
    model = keras.Sequential([keras.Input((2,)), keras.layers.Lambda(lambda x: x * 2)])
    path = tmp_path / "lambda.keras"
    saving_api.save_model(model, path)
    return path


def test_safe_mode_refuses_lambda_bytecode(tmp_path):
    path = _lambda_model(tmp_path)
    with pytest.raises(ValueError, match="Requested the deserialization of a `Lambda` layer "
                       "whose `function` is a Python lambda"):
        saving_api.load_model(path)


def test_safe_mode_false_loads_lambda(tmp_path):
    path = _lambda_model(tmp_path)
    loaded = saving_api.load_model(path, safe_mode=False)
    np.testing.assert_array_equal(loaded.predict(np.ones((1, 2)), verbose=0), [[2.0, 2.0]])


def test_safe_mode_scope():
    assert saving_lib.in_safe_mode() is None
    with saving_lib.SafeModeScope(False):
        assert saving_lib.in_safe_mode() is False
        with saving_lib.SafeModeScope(True):
            assert saving_lib.in_safe_mode() is True
        assert saving_lib.in_safe_mode() is False
    assert saving_lib.in_safe_mode() is None
    saving_lib.enable_unsafe_deserialization()
    try:
        assert saving_lib.in_safe_mode() is False
    finally:
        saving_lib._GLOBAL_SAFE_MODE = None
