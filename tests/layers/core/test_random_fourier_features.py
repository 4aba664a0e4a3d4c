"""tf.keras 2's RandomFourierFeatures."""

import numpy as np
import pytest

import torchkeras as keras


def test_output_formula_weights_and_config():
    layer = keras.layers.RandomFourierFeatures(4, scale=2.0)
    x = np.random.default_rng(0).random((3, 5)).astype("float32")
    out = layer(x).numpy()
    w, b = layer.unscaled_kernel.numpy(), layer.bias.numpy()
    np.testing.assert_allclose(out, np.cos(x @ w / 2.0 + b), rtol=1e-5, atol=1e-6)
    # Weight order and shapes as tf_keras 2.21 (kernel_scale first: it is the trainable one).
    assert [(v.name, tuple(v.shape)) for v in layer.weights] == [
        ("kernel_scale", (1,)), ("unscaled_kernel", (5, 4)), ("bias", (4,))]
    assert layer.trainable_weights == [] and not layer.trainable
    assert 0.0 <= b.min() and b.max() < 2 * np.pi
    config = layer.get_config()
    assert (config["output_dim"], config["kernel_initializer"], config["scale"]) == (4, "gaussian", 2.0)
    assert keras.layers.RandomFourierFeatures.from_config(config).get_config() == config
    assert layer.compute_output_shape((None, 5)) == (None, 4)


def test_default_scales_and_trainable_scale():
    gaussian = keras.layers.RandomFourierFeatures(3)
    gaussian(np.ones((1, 8), "float32"))
    assert gaussian.scale == pytest.approx(2.0)  # sqrt(8 / 2)
    np.testing.assert_allclose(gaussian.kernel_scale.numpy(), [2.0])
    laplacian = keras.layers.RandomFourierFeatures(3, kernel_initializer="laplacian", trainable=True)
    laplacian(np.ones((1, 8), "float32"))
    assert laplacian.scale == 1.0
    assert [v.name for v in laplacian.trainable_weights] == ["kernel_scale"]


def test_errors():
    with pytest.raises(ValueError, match="`output_dim` should be a positive integer. Received: 0"):
        keras.layers.RandomFourierFeatures(0)
    with pytest.raises(ValueError, match=r"Unsupported `kernel_initializer`: cauchy Expected one "
                                         r"of: \['gaussian', 'laplacian'\]"):
        keras.layers.RandomFourierFeatures(2, kernel_initializer="cauchy")
    with pytest.raises(ValueError, match="When provided, `scale` should be a positive float. "
                                         "Received: -1"):
        keras.layers.RandomFourierFeatures(2, scale=-1)
    with pytest.raises(ValueError, match=r"The rank of the input tensor should be 2. Received input "
                                         r"with rank 3 instead. Full input shape received: "
                                         r"\(1, 2, 3\)"):
        keras.layers.RandomFourierFeatures(2)(np.ones((1, 2, 3), "float32"))
    with pytest.raises(ValueError, match="The last dimension of the input tensor should be defined"):
        keras.layers.RandomFourierFeatures(2).build((None, None))
    with pytest.raises(ValueError, match="The last dimension of the input tensor should be defined"):
        keras.layers.RandomFourierFeatures(2).compute_output_shape((None, None))
