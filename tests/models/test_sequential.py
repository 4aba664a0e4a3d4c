import numpy as np
import pytest

import torchkeras as keras
from torchkeras import layers


def test_add_pop_layers_and_input():
    model = keras.Sequential(name="seq")
    model.add(keras.Input(shape=(4,)))
    model.add(layers.Dense(3, name="a"))
    assert model.built
    model.add(layers.Dense(2, name="b"))
    assert [layer.name for layer in model.layers] == ["a", "b"]  # no InputLayer listed
    assert model.output_shape == (None, 2)
    popped = model.pop()
    assert popped.name == "b"
    assert model.output_shape == (None, 3)
    assert model.count_params() == 4 * 3 + 3


def test_deferred_build_on_first_call(rng):
    model = keras.Sequential([layers.Dense(3), layers.Dense(1)])
    assert not model.built
    with pytest.raises(ValueError, match="isn't built"):
        model.count_params()
    model(rng.standard_normal((2, 5)).astype("float32"))
    assert model.built
    assert model.count_params() == 5 * 3 + 3 + 3 + 1
    assert [w.path for w in model.weights][0] == "sequential/dense/kernel"


def test_build_with_input_shape():
    model = keras.Sequential([layers.Dense(3)])
    model.build((None, 7))
    assert model.layers[0].kernel.shape == (7, 3)


def test_input_shape_argument_on_first_layer_warns_and_works():
    with pytest.warns(UserWarning, match="Do not pass an `input_shape`"):
        model = keras.Sequential([layers.Dense(3, input_shape=(5,))])
    assert model.built and model.input_shape == (None, 5)


def test_errors():
    with pytest.raises(ValueError, match="Only instances of `keras.Layer` can be added"):
        keras.Sequential().add(3)
    model = keras.Sequential([layers.Dense(2, name="x")])
    with pytest.raises(ValueError, match="should have unique names"):
        model.add(layers.Dense(2, name="x"))
    with pytest.raises(TypeError, match="There are no layers in the model."):
        keras.Sequential().pop()


def test_get_layer():
    model = keras.Sequential([keras.Input((2,)), layers.Dense(2, name="d")])
    assert model.get_layer("d") is model.get_layer(index=0)
    with pytest.raises(ValueError, match=r"No such layer: e. Existing layers are: \['d'\]."):
        model.get_layer("e")
    with pytest.raises(ValueError, match="Was asked to retrieve layer at index 3 but model only has 1 layers."):
        model.get_layer(index=3)
    with pytest.raises(ValueError, match="Provide only a layer name or a layer index"):
        model.get_layer("d", 0)


def test_config_round_trip(rng):
    model = keras.Sequential([keras.Input((3,)), layers.Dense(4, activation="relu"),
                              layers.Dropout(0.5), layers.Dense(2)], name="net")
    config = model.get_config()
    assert config["layers"][0]["class_name"] == "InputLayer"
    assert config["layers"][1]["build_config"] == {"input_shape": (None, 3)}
    clone = keras.Sequential.from_config(config)
    assert [l.name for l in clone.layers] == [l.name for l in model.layers]
    clone.set_weights(model.get_weights())
    x = rng.standard_normal((2, 3)).astype("float32")
    np.testing.assert_allclose(clone.predict(x, verbose=0), model.predict(x, verbose=0))


def test_torch_module_behaviour(rng):
    import torch

    model = keras.Sequential([keras.Input((3,)), layers.Dense(2, name="d")])
    assert list(model.state_dict()) == ["d.kernel", "d.bias"]
    copy = keras.Sequential([keras.Input((3,)), layers.Dense(2, name="d")])
    copy.load_state_dict(model.state_dict())
    x = torch.as_tensor(rng.standard_normal((2, 3)).astype("float32"))
    torch.testing.assert_close(copy(x), model(x))
    # A plain torch optimizer trains a torchkeras model.
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss = model(x).pow(2).sum()
    loss.backward()
    before = model.get_weights()[0]
    opt.step()
    assert not np.allclose(before, model.get_weights()[0])
    # Torch modules can be added to a Sequential model.
    mixed = keras.Sequential([keras.Input((3,)), torch.nn.Linear(3, 2)])
    assert mixed(x).shape == (2, 2)
    assert len(mixed.trainable_weights) == 2
