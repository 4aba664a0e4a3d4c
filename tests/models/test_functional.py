import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers


def test_dag_with_two_inputs_and_two_outputs(rng):
    a = keras.Input((3,), name="a")
    b = keras.Input((2,), name="b")
    h = layers.Dense(4, name="h")(a)
    merged = layers.Concatenate(name="cat")([h, b])
    out1 = layers.Dense(1, name="out1")(merged)
    out2 = layers.Dense(2, name="out2")(h)
    model = keras.Model(inputs=[a, b], outputs=[out1, out2])
    assert isinstance(model, keras.models.Functional)
    # Keras's layer order: by depth, then by first traversal from the outputs.
    assert [l.name for l in model.layers] == ["a", "h", "b", "cat", "out1", "out2"]
    xa = rng.standard_normal((5, 3)).astype("float32")
    xb = rng.standard_normal((5, 2)).astype("float32")
    y1, y2 = model([xa, xb])
    hk, hb = model.get_layer("h").get_weights()
    h_np = xa @ hk + hb
    k1, b1 = model.get_layer("out1").get_weights()
    np.testing.assert_allclose(y1.detach().numpy(), np.concatenate([h_np, xb], 1) @ k1 + b1,
                               rtol=1e-5, atol=1e-6)
    # Dict inputs by input name.
    y1d, _ = model({"a": xa, "b": xb})
    torch.testing.assert_close(y1d, y1)


def test_dict_inputs_and_outputs(rng):
    inputs = {"x": keras.Input((2,)), "y": keras.Input((2,))}
    added = layers.Add()([inputs["x"], inputs["y"]])
    model = keras.Model(inputs, {"sum": added, "double": layers.Lambda(lambda t: 2 * t)(added)})
    out = model({"x": np.ones((1, 2), "float32"), "y": np.ones((1, 2), "float32")})
    assert set(out) == {"sum", "double"}
    assert out["double"].tolist() == [[4.0, 4.0]]


def test_shared_layer_and_nested_model(rng):
    shared = layers.Dense(3, name="shared")
    a, b = keras.Input((4,)), keras.Input((4,))
    model = keras.Model([a, b], layers.Add()([shared(a), shared(b)]))
    assert len(model.weights) == 2  # one set of weights
    inner = keras.Sequential([keras.Input((3,)), layers.Dense(1)])
    x = keras.Input((4,))
    outer = keras.Model(x, inner(shared(x)))
    assert outer.output_shape == (None, 1)
    data = rng.standard_normal((2, 4)).astype("float32")
    np.testing.assert_allclose(
        outer(data).detach().numpy(), inner(shared(data)).detach().numpy(), rtol=1e-6
    )


def test_operators_on_symbolic_tensors(rng):
    x = keras.Input((3,))
    y = layers.Dense(3)(x) * 2 + x
    model = keras.Model(x, y[:, :2])
    assert model.output_shape == (None, 2)
    data = rng.standard_normal((2, 3)).astype("float32")
    k, b = model.layers[1].get_weights()
    np.testing.assert_allclose(model(data).detach().numpy(), ((data @ k + b) * 2 + data)[:, :2],
                               rtol=1e-5, atol=1e-6)


def test_graph_disconnected_and_bad_inputs():
    a, b = keras.Input((2,)), keras.Input((2,))
    out = layers.Add()([a, b])
    with pytest.raises(ValueError, match="Output with path `` is not connected to `inputs`"):
        keras.Model(a, out)
    with pytest.raises(ValueError, match="Output with path `1` is not connected to `inputs`"):
        keras.Model(a, [a, out])
    with pytest.raises(ValueError, match="All `inputs` values must be KerasTensors"):
        keras.Model(np.ones((1, 2)), out)


def test_wrong_number_of_inputs_is_an_error():
    a, b = keras.Input((2,)), keras.Input((2,))
    model = keras.Model([a, b], layers.Add()([a, b]))
    with pytest.raises(ValueError, match="expects 2 input"):
        model(np.ones((1, 2), "float32"))


def test_functional_training_flag_reaches_dropout():
    x = keras.Input((1000,))
    model = keras.Model(x, layers.Dropout(0.5)(x))
    data = torch.ones(1, 1000)
    assert torch.equal(model(data), data)
    assert float((model(data, training=True) == 0).float().mean()) > 0.3


def test_a_mask_removed_at_run_time_still_reaches_later_layers():
    class TakesMask(layers.Layer):
        # Reads the mask and removes it from its input, as MultiHeadAttention does.
        def __init__(self):
            super().__init__()
            self.supports_masking = True

        def call(self, inputs, mask=None):
            if hasattr(inputs, "_keras_mask"):
                del inputs._keras_mask
            return inputs * 2

    class SeesMask(layers.Layer):
        def __init__(self):
            super().__init__()
            self.supports_masking = True
            self.seen = None

        def call(self, inputs, mask=None):
            self.seen = mask
            return inputs

    x = keras.Input((3, 1))
    masked = layers.Masking()(x)
    taken = TakesMask()(masked)
    reader = SeesMask()
    model = keras.Model(x, reader(layers.Add()([masked, taken])))
    model(np.array([[[1.0], [0.0], [2.0]]], "float32"))
    assert reader.seen.tolist() == [[True, False, True]]


def test_custom_layer_building_sublayers_during_symbolic_call():
    # keras.io's TransformerBlock: MultiHeadAttention and a Sequential are built lazily inside
    # the outer layer's call on a symbolic input (shape inference runs on fake tensors).
    class Block(keras.layers.Layer):
        def __init__(self):
            super().__init__()
            self.att = keras.layers.MultiHeadAttention(num_heads=2, key_dim=4)
            self.ffn = keras.Sequential([keras.layers.Dense(8, activation="relu"),
                                         keras.layers.Dense(4)])
            self.norm = keras.layers.LayerNormalization(epsilon=1e-6)

        def call(self, inputs):
            return self.norm(inputs + self.ffn(self.att(inputs, inputs)))

    inputs = keras.Input((5, 4))
    outputs = Block()(inputs)
    model = keras.Model(inputs, outputs)
    assert outputs.shape == (None, 5, 4)
    # query/key/value/output kernels and biases, two Dense layers, LayerNorm gamma and beta.
    assert model.count_params() == 3 * (4 * 2 * 4 + 2 * 4) + (2 * 4 * 4 + 4) + (4 * 8 + 8) + (
        8 * 4 + 4) + 2 * 4
    out = model(np.ones((2, 5, 4), "float32"))
    assert tuple(out.shape) == (2, 5, 4)
