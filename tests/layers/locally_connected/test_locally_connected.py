"""tf.keras 2's LocallyConnected1D/2D: the three kernel layouts, against tf_keras 2.21."""

import numpy as np
import pytest

import torchkeras as keras
from torchkeras.testing.layer_test import run_layer_test

CASES = [
    ("lc1_i1_cl", 1, dict(filters=3, kernel_size=3, strides=2, implementation=1), (2, 9, 2)),
    ("lc1_i2_cf_same", 1, dict(filters=2, kernel_size=4, strides=2, padding="same", data_format="channels_first", implementation=2), (2, 3, 7)),
    ("lc1_i3_cl_same", 1, dict(filters=2, kernel_size=3, strides=1, padding="same", implementation=3, activation="relu"), (2, 5, 2)),
    ("lc2_i1_cf", 2, dict(filters=2, kernel_size=(2, 3), strides=(1, 2), data_format="channels_first", implementation=1), (2, 2, 4, 5)),
    ("lc2_i2_cl", 2, dict(filters=3, kernel_size=2, strides=(2, 1), implementation=2), (2, 5, 4, 2)),
    ("lc2_i3_cf_same", 2, dict(filters=2, kernel_size=3, strides=2, padding="same", data_format="channels_first", implementation=3), (1, 2, 5, 4)),
    ("lc2_i3_cl_valid", 2, dict(filters=2, kernel_size=2, implementation=3, use_bias=False), (2, 3, 3, 2)),
]

# name: (output shape, sum, first 6 values), from tf_keras 2.21 with the same seeded inputs and
# weights (drawn in the layer's weight order with the shapes tf_keras 2.21 gives them).
GOLDEN = {
    "lc1_i1_cl": ((2, 4, 3), 3.0278109, [-1.579757, 0.07526384, -0.08430311, 2.105989, 0.8898074, 1.371294]),
    "lc1_i2_cf_same": ((2, 2, 4), 0.88040589, [0.2147079, -0.3786413, 0.7136086, -0.2291303, 1.329133, 0.4620818]),
    "lc1_i3_cl_same": ((2, 5, 2), 3.9552067, [0, 0, 0.4704344, 0, 0, 0.5196071]),
    "lc2_i1_cf": ((2, 2, 3, 2), -1.7276726, [-0.3414143, -1.886647, -0.9221576, -0.7058248, 2.442956, 2.141996]),
    "lc2_i2_cl": ((2, 2, 3, 3), 4.7282686, [-0.5060245, 0.4114053, 1.190221, 3.121427, -1.42609, -0.4418534]),
    "lc2_i3_cf_same": ((1, 2, 3, 2), -0.77092776, [-1.51154, 0.6234313, 1.97395, 2.557506, -1.988294, 0.3742086]),
    "lc2_i3_cl_valid": ((2, 2, 2, 2), -2.9628852, [1.391946, -0.3743948, 0.2732341, -0.1960183, -1.237656, -1.79205]),
}

KERNEL_SHAPES = {  # from tf_keras 2.21
    "lc1_i1_cl": [(4, 6, 3), (4, 3)],
    "lc1_i2_cf_same": [(3, 7, 2, 4), (4, 2)],
    "lc1_i3_cl_same": [(52,), (5, 2)],
    "lc2_i1_cf": [(6, 12, 2), (3, 2, 2)],
    "lc2_i2_cl": [(5, 4, 2, 2, 3, 3), (2, 3, 3)],
    "lc2_i3_cf_same": [(140,), (3, 2, 2)],
    "lc2_i3_cl_valid": [(64,)],
}


@pytest.mark.parametrize("name, rank, kwargs, shape", CASES, ids=[c[0] for c in CASES])
def test_matches_tf_keras_2(name, rank, kwargs, shape):
    rng = np.random.RandomState(len(name))
    cls = keras.layers.LocallyConnected1D if rank == 1 else keras.layers.LocallyConnected2D
    layer = cls(**kwargs)
    x = rng.uniform(-1, 1, shape).astype("float32")
    layer.build(shape)
    assert [tuple(w.shape) for w in layer.weights] == KERNEL_SHAPES[name]
    layer.set_weights([rng.uniform(-1, 1, tuple(w.shape)).astype("float32") for w in layer.weights])
    out = layer(x).detach().numpy().astype("float64")
    out_shape, total, head = GOLDEN[name]
    assert out.shape == out_shape and tuple(layer.compute_output_shape(shape)) == out_shape
    np.testing.assert_allclose(out.ravel()[:6], head, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(out.sum(), total, rtol=1e-5, atol=1e-5)


def test_implementations_agree_on_the_same_connected_weights():
    x = np.random.default_rng(0).standard_normal((2, 6, 3)).astype("float32")
    one = keras.layers.LocallyConnected1D(2, 3, strides=1, implementation=1)
    two = keras.layers.LocallyConnected1D(2, 3, strides=1, implementation=2)
    one.build(x.shape)
    two.build(x.shape)
    k1 = one.kernel.numpy()  # (out=4, 3 * 3, 2): rows ordered (kernel position, channel)
    k2 = np.zeros((6, 3, 4, 2), "float32")  # (in, channels, out, filters)
    for p in range(4):
        k2[p:p + 3, :, p, :] = k1[p].reshape(3, 3, 2)
    two.set_weights([k2, one.bias.numpy()])
    np.testing.assert_allclose(one(x).detach().numpy(), two(x).detach().numpy(), rtol=1e-5,
                               atol=1e-6)


@pytest.mark.parametrize("implementation", [1, 2, 3])
def test_layer_basics(implementation):
    run_layer_test(
        keras.layers.LocallyConnected2D,
        init_kwargs=dict(filters=2, kernel_size=2, implementation=implementation),
        input_shape=(2, 4, 4, 1), expected_output_shape=(2, 3, 3, 2),
        expected_num_trainable_weights=2, expected_num_non_trainable_weights=0,
    )


def test_config():
    config = keras.layers.LocallyConnected1D(2, 3, name="lc").get_config()
    assert {k: config[k] for k in ("kernel_size", "strides", "padding", "implementation",
                                    "activation")} == {
        "kernel_size": (3,), "strides": (1,), "padding": "valid", "implementation": 1,
        "activation": "linear"}


def test_errors():
    with pytest.raises(ValueError, match=r'Invalid border mode for LocallyConnected1D \(only '
                                         r'"valid" is supported if implementation is 1\): same'):
        keras.layers.LocallyConnected1D(2, 3, padding="same")
    with pytest.raises(ValueError, match="Unrecognized implementation mode: 4."):
        keras.layers.LocallyConnected2D(2, 3, implementation=4)
    with pytest.raises(ValueError, match="The `padding` argument must be a list/tuple or one of"):
        keras.layers.LocallyConnected1D(2, 3, padding="full", implementation=2)
    with pytest.raises(ValueError, match=r"One of the dimensions in the output is <= 0 due to "
                                         r"downsampling in lc. Consider increasing the input "
                                         r"size. Received input shape \(None, 2, 2\)"):
        keras.layers.LocallyConnected1D(2, 3, name="lc").build((None, 2, 2))
    with pytest.raises(ValueError, match=r"Axis 2 of input should be fully-defined. Found shape: "
                                         r"\(None, 5, None\)"):
        keras.layers.LocallyConnected1D(2, 3).build((None, 5, None))
