"""`keras.models.clone_model`, `Model.to_json` and `keras.models.model_from_json`."""

import json

import numpy as np
import pytest

import torchkeras as keras

X = np.random.default_rng(0).standard_normal((2, 4)).astype("float32")


def functional():
    x = keras.Input((4,))
    shared = keras.layers.Dense(4, name="shared")
    h = shared(keras.layers.Dense(4)(x))
    y = keras.layers.Add()([shared(h), keras.layers.Dense(4)(x)])
    model = keras.Model(x, y, name="f")
    model.compile(optimizer="sgd", loss="mse")
    return model


def sequential():
    return keras.Sequential(
        [
            keras.Input((4,), name="inp"),
            keras.layers.Dense(5, name="a"),
            keras.layers.Dense(2, name="b"),
        ],
        name="s",
    )


def test_clone_functional_new_weights_same_structure():
    model = functional()
    clone = keras.models.clone_model(model)
    # As keras 3.15.1: the unnamed input is renamed after its tensor ("keras_tensor").
    assert clone.layers[0].name.startswith("keras_tensor")
    assert [l.name for l in clone.layers][1:] == [l.name for l in model.layers][1:]
    assert clone.name == "f" and clone.compiled
    assert all(a is not b for a, b in zip(clone.layers, model.layers))
    assert len(clone.weights) == len(model.weights) == 6  # the shared layer stays shared
    assert not np.allclose(
        clone.get_layer("shared").kernel.numpy(), model.get_layer("shared").kernel.numpy()
    )
    clone.set_weights(model.get_weights())
    np.testing.assert_allclose(clone.predict(X, verbose=0), model.predict(X, verbose=0), rtol=1e-6)


def test_clone_named_input_keeps_name():
    x = keras.Input((4,), name="foo")
    model = keras.Model(x, keras.layers.Dense(2)(x))
    assert [layer.name for layer in keras.models.clone_model(model).layers][0] == "foo"


def test_clone_sequential_and_input_tensors():
    model = sequential()
    clone = keras.models.clone_model(model)
    assert [l.name for l in clone.layers] == ["a", "b"] and clone.name == "s"
    assert clone.layers[0] is not model.layers[0]
    assert clone._layers[0].name == "inp"
    t = keras.Input((4,))
    on_t = keras.models.clone_model(model, input_tensors=[t])
    assert on_t.input is t
    assert on_t.predict(X, verbose=0).shape == (2, 2)


def test_clone_function_can_copy_or_replace():
    model = sequential()

    def swap_b(layer):
        if layer.name == "b":
            return keras.layers.Dense(3, name="b3")
        return layer.__class__.from_config(layer.get_config())

    clone = keras.models.clone_model(model, clone_function=swap_b)
    assert [l.name for l in clone.layers] == ["a", "b3"]
    assert clone.predict(X, verbose=0).shape == (2, 3)


def test_clone_recursive():
    inner = sequential()
    x = keras.Input((4,))
    outer = keras.Model(x, inner(x))
    seen = []

    def record(layer):
        seen.append(layer.name)
        return layer.__class__.from_config(layer.get_config())

    keras.models.clone_model(outer, clone_function=record, recursive=True)
    assert seen == ["a", "b"]
    seen.clear()
    keras.models.clone_model(outer, clone_function=record)
    assert seen == ["s"]


def test_clone_errors():
    model = sequential()
    # Messages from keras 3.15.1.
    with pytest.raises(ValueError, match=r"Unexpected keyword argument\(s\): \('foo',\)"):
        keras.models.clone_model(model, foo=1)
    with pytest.raises(ValueError, match="Argument `input_tensors` must contain a single tensor."):
        keras.models.clone_model(model, input_tensors=[keras.Input((4,)), keras.Input((4,))])
    with pytest.raises(
        ValueError, match="Argument `input_tensors` must be a KerasTensor. Received"
    ):
        keras.models.clone_model(model, input_tensors=np.ones(3))
    with pytest.raises(ValueError, match="All entries in `input_tensors` must be KerasTensors."):
        keras.models.clone_model(functional(), input_tensors=[np.ones(3)])
    with pytest.raises(
        ValueError, match="`input_tensors` must have the same structure as model.input"
    ):
        keras.models.clone_model(functional(), input_tensors=[keras.Input((4,)), keras.Input((4,))])
    with pytest.raises(TypeError, match="'int' object is not callable"):
        keras.models.clone_model(model, clone_function=3)
    with pytest.raises(
        ValueError, match="`call_function` argument is not supported with Sequential models."
    ):
        keras.models.clone_model(model, call_function=lambda layer, *a, **k: layer(*a, **k))


def test_clone_call_function_inserts_layers():
    model = functional()
    calls = []

    def call_function(layer, *args, **kwargs):
        calls.append(layer.name)
        out = layer(*args, **kwargs)
        if layer.name == "shared":
            return keras.layers.Activation("relu")(out)
        return out

    clone = keras.models.clone_model(model, call_function=call_function)
    # The shared layer is called twice, each call followed by a new relu.
    assert calls.count("shared") == 2
    assert len(clone.layers) == len(model.layers) + 2
    clone.set_weights(model.get_weights())
    out = clone.predict(X, verbose=0)
    assert out.shape == (2, 4)
    assert not np.allclose(out, model.predict(X, verbose=0))


class Sub(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.d = keras.layers.Dense(2)

    def call(self, x):
        return self.d(x)


def test_clone_subclassed_model():
    model = Sub()
    with pytest.raises(
        ValueError,
        match="Arguments `clone_function` and `input_tensors` are only supported for Sequential "
        "models or Functional models. Received model of type 'Sub'",
    ):
        keras.models.clone_model(model, clone_function=lambda layer: layer)
    with pytest.raises(
        ValueError, match="Argument `call_function` is only supported for Functional models."
    ):
        keras.models.clone_model(model, call_function=lambda layer: layer)
    assert type(keras.models.clone_model(model)) is Sub


def test_to_json_model_from_json():
    model = sequential()
    text = model.to_json()
    config = json.loads(text)
    # Keys as keras 3.15.1 writes them.
    assert {"module", "class_name", "config", "registered_name"} <= set(config)
    assert config["class_name"] == "Sequential"
    restored = keras.models.model_from_json(text)
    assert [l.name for l in restored.layers] == ["a", "b"]
    restored.set_weights(model.get_weights())
    np.testing.assert_allclose(restored.predict(X, verbose=0), model.predict(X, verbose=0))
    assert json.loads(model.to_json(indent=2)) == config
    f = functional()
    assert keras.models.model_from_json(f.to_json()).count_params() == f.count_params()


@keras.saving.register_keras_serializable(package="clone_test")
class Twice(keras.layers.Layer):
    def call(self, x):
        return 2 * x


def test_model_from_json_custom_objects():
    x = keras.Input((4,))
    model = keras.Model(x, Twice(name="tw")(x))
    text = model.to_json()
    restored = keras.models.model_from_json(text, custom_objects={"clone_test>Twice": Twice})
    np.testing.assert_allclose(restored.predict(X, verbose=0), 2 * X)


def test_model_from_json_refuses_huge_declared_shapes_before_allocating():
    import json as json_lib

    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
    config = json_lib.loads(model.to_json())
    config["config"]["layers"][1]["config"]["units"] = 10**12
    with pytest.raises(ValueError, match=r"^Not allowed: the loaded config makes layer"):
        keras.models.model_from_json(json_lib.dumps(config))
