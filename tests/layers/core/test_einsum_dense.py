import numpy as np
import pytest

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test

CASES = [
    # equation, output_shape, bias_axes, input shape, kernel shape, bias shape, output shape
    ("ab,bc->ac", 4, "c", (2, 3), (3, 4), (4,), (2, 4)),
    ("abc,cd->abd", (None, 4), "d", (2, 5, 3), (3, 4), (4,), (2, 5, 4)),
    ("abc,cde->abde", (None, 2, 4), "de", (2, 5, 3), (3, 2, 4), (2, 4), (2, 5, 2, 4)),
    ("abcd,cde->abe", (None, 4), "e", (2, 5, 3, 2), (3, 2, 4), (4,), (2, 5, 4)),
    ("abc,dc->abd", (None, 4), "d", (2, 5, 3), (4, 3), (4,), (2, 5, 4)),
    ("abc,cd->abd", (5, 4), "b", (2, 5, 3), (3, 4), (5, 1), (2, 5, 4)),
    ("...b,bc->...c", 4, None, (2, 5, 3), (3, 4), None, (2, 5, 4)),
    ("ab...,bc->ac...", 4, "c", (2, 3, 5), (3, 4), (4, 1), (2, 4, 5)),
]


@pytest.mark.parametrize("equation,output_shape,bias_axes,x_shape,k_shape,b_shape,y_shape",
                         CASES)
def test_shapes_and_numbers(rng, equation, output_shape, bias_axes, x_shape, k_shape, b_shape,
                            y_shape):
    layer = layers.EinsumDense(equation, output_shape, bias_axes=bias_axes)
    x = rng.normal(size=x_shape).astype("float32")
    layer(x)
    assert [w.shape for w in layer.get_weights()] == [k_shape] + ([b_shape] if b_shape else [])
    layer.set_weights([rng.normal(size=w.shape).astype("float32") for w in layer.get_weights()])
    weights = layer.get_weights()
    expected = np.einsum(equation, x, weights[0])
    if b_shape:
        expected = expected + weights[1]
    y = layer(x)
    assert tuple(y.shape) == y_shape
    np.testing.assert_allclose(y.detach().numpy(), expected, rtol=1e-5, atol=1e-5)
    # As in Keras, an output axis given as `None` stays unknown in the computed shape.
    partial = (output_shape,) if isinstance(output_shape, int) else output_shape
    expected_shape = tuple(
        None if i > 0 and i - 1 < len(partial) and partial[i - 1] is None else d
        for i, d in enumerate(y_shape)
    )
    if "..." in equation and not equation.startswith("..."):
        expected_shape = y_shape
    assert layer.compute_output_shape(x_shape) == expected_shape


def test_run_layer_test_and_activation(rng):
    run_layer_test(layers.EinsumDense,
                   {"equation": "abc,cde->abde", "output_shape": (4, 2, 3), "bias_axes": "de",
                    "activation": "relu"},
                   input_shape=(2, 4, 5), expected_output_shape=(2, 4, 2, 3),
                   expected_num_trainable_weights=2, expected_num_non_trainable_weights=0)
    layer = layers.EinsumDense("ab,bc->ac", 3, activation="tanh")
    x = rng.normal(size=(2, 4)).astype("float32")
    out = layer(x).detach().numpy()
    np.testing.assert_allclose(out, np.tanh(x @ layer.get_weights()[0]), rtol=1e-5, atol=1e-6)


def test_symbolic_and_config():
    inputs = keras.Input(shape=(32, 128))
    # As in Keras (whose docstring says otherwise), `None` in `output_shape` stays `None`.
    assert layers.EinsumDense("abc,cd->abd", (None, 64), bias_axes="d")(inputs).shape == (
        None, None, 64
    )
    assert layers.EinsumDense("abc,cd->abd", (32, 64))(inputs).shape == (None, 32, 64)
    assert layers.EinsumDense("...x,xy->...y", 64, bias_axes="y")(inputs).shape == (None, 32, 64)
    layer = layers.EinsumDense("abc,cd->abd", output_shape=(None, 64), bias_axes="d")
    config = layer.get_config()
    assert config["output_shape"] == (None, 64) and config["equation"] == "abc,cd->abd"
    assert set(config) == {
        "name", "trainable", "dtype", "output_shape", "equation", "activation", "bias_axes",
        "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
        "activity_regularizer", "kernel_constraint", "bias_constraint", "quantization_config",
    }
    assert layers.EinsumDense.from_config(config).get_config() == config


def test_kernel_initializer_counts_the_einsum_fans():
    # For a (dim, heads, head_dim) kernel, Keras counts fan_in = dim and fan_out = heads *
    # head_dim (the axes that meet the input and the output), not the last two axes.
    layer = layers.EinsumDense("abc,cde->abde", (None, 8, 16), kernel_initializer="he_uniform")
    layer(np.zeros((1, 2, 512), "float32"))
    kernel = layer.get_weights()[0]
    limit = np.sqrt(6.0 / 512)
    assert kernel.max() <= limit and kernel.max() > 0.9 * limit


def test_errors():
    with pytest.raises(ValueError, match=r"Invalid einsum equation 'ab,bc'. Equations must be "
                                         r"in the form \[X\],\[Y\]->\[Z\]"):
        layers.EinsumDense("ab,bc", 3)(np.ones((2, 3), "float32"))
    with pytest.raises(ValueError, match=r"Dimension 'd' was specified in the output 'ad' but "
                                         r"has no corresponding dim in the input spec 'ab' or "
                                         r"weight spec 'ad'"):
        layers.EinsumDense("ab,bc->ad", 3)(np.ones((2, 3), "float32"))
    with pytest.raises(ValueError, match=r"Input shape and output shape do not match at shared "
                                         r"dimension 'b'. Input shape is 3, and output shape "
                                         r"is 5."):
        layers.EinsumDense("abc,cd->abd", (5, 4))(np.ones((2, 3, 3), "float32"))
    with pytest.raises(ValueError, match=r"Bias dimension 'x' was requested, but is not part of "
                                         r"the output spec 'ac'"):
        layers.EinsumDense("ab,bc->ac", 3, bias_axes="x")(np.ones((2, 3), "float32"))
    with pytest.raises(ValueError, match=r"Weight dimension 'd' did not have a match in either "
                                         r"the input spec 'ab' or the output spec 'ac'"):
        layers.EinsumDense("ab,bcd->ac", 3)(np.ones((2, 3), "float32"))
    with pytest.raises(NotImplementedError, match=r"LoRA and quantization are not supported"):
        layers.EinsumDense("ab,bc->ac", 3, lora_rank=2)
