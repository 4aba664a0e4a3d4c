import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test


@pytest.fixture
def x(rng):
    return rng.normal(size=(2, 3, 4)).astype("float32")


def test_relu_variants(x):
    run_layer_test(layers.ReLU, {}, input_data=x, expected_output=np.maximum(x, 0),
                   supports_masking=True)
    out = layers.ReLU(max_value=0.8, negative_slope=0.1, threshold=0.2)(x).numpy()
    expected = np.where(x >= 0.8, 0.8, np.where(x > 0.2, x, 0.1 * (x - 0.2)))
    np.testing.assert_allclose(out, expected, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(layers.ReLU(threshold=0.2)(x).numpy(), np.where(x > 0.2, x, 0.0))
    np.testing.assert_allclose(layers.ReLU(max_value=6.0)(x * 10).numpy(),
                               np.clip(x * 10, 0, 6), rtol=1e-6)
    config = layers.ReLU(max_value=1.0).get_config()
    assert {"max_value": 1.0, "negative_slope": 0.0, "threshold": 0.0}.items() <= config.items()


def test_leaky_relu_and_elu(x):
    # Keras's LeakyReLU layer slopes by 0.3 (torch's by 0.01).
    run_layer_test(layers.LeakyReLU, {}, input_data=x, expected_output=np.where(x > 0, x, 0.3 * x),
                   supports_masking=True)
    np.testing.assert_allclose(layers.LeakyReLU(0.1)(x).numpy(), np.where(x > 0, x, 0.1 * x),
                               rtol=1e-6)
    with pytest.warns(UserWarning, match=r"Argument `alpha` is deprecated. Use `negative_slope` "
                                         r"instead."):
        legacy = layers.LeakyReLU(alpha=0.2)
    assert legacy.get_config()["negative_slope"] == 0.2
    run_layer_test(layers.ELU, {"alpha": 0.5}, input_data=x,
                   expected_output=np.where(x > 0, x, 0.5 * (np.exp(x) - 1)), rtol=1e-6,
                   atol=1e-6)
    assert layers.ELU().get_config()["alpha"] == 1.0


def test_prelu(x):
    layer = layers.PReLU(alpha_initializer=keras.initializers.Constant(0.25))
    np.testing.assert_allclose(layer(x).detach().numpy(), np.where(x > 0, x, 0.25 * x),
                               rtol=1e-6)
    assert layer.get_weights()[0].shape == (3, 4)
    shared = layers.PReLU(shared_axes=[1])
    shared(x)
    alpha = np.linspace(-1, 1, 4, dtype="float32").reshape(1, 4)
    shared.set_weights([alpha])
    np.testing.assert_allclose(shared(x).detach().numpy(), np.where(x > 0, x, alpha * x),
                               rtol=1e-6)
    # Keras's `relu(x) - alpha * relu(-x)`: zero gradient at x == 0.
    zero = torch.zeros(1, 3, 4, requires_grad=True)
    shared(zero).sum().backward()
    np.testing.assert_array_equal(zero.grad.numpy(), 0.0)
    run_layer_test(layers.PReLU, {"shared_axes": 1}, input_data=x,
                   expected_num_trainable_weights=1, supports_masking=True)
    config = layers.PReLU(shared_axes=(1, 2)).get_config()
    assert config["shared_axes"] == [1, 2]
    assert config["alpha_initializer"]["class_name"] == "Zeros"
    with pytest.raises(ValueError, match=r"expected axis 2 of input shape to have value 4"):
        shared(np.ones((2, 5, 5), "float32"))


def test_softmax(x):
    run_layer_test(layers.Softmax, {}, input_data=x,
                   expected_output=np.exp(x) / np.exp(x).sum(-1, keepdims=True), rtol=1e-5,
                   supports_masking=True)
    e = np.exp(x)
    np.testing.assert_allclose(layers.Softmax(axis=1)(x).numpy(), e / e.sum(1, keepdims=True),
                               rtol=1e-5)
    np.testing.assert_allclose(layers.Softmax(axis=(1, 2))(x).numpy(),
                               e / e.sum((1, 2), keepdims=True), rtol=1e-5)
    np.testing.assert_allclose(layers.Softmax(axis=[0])(x).numpy(), e / e.sum(0, keepdims=True),
                               rtol=1e-5)
    assert layers.Softmax(axis=(1, 2)).get_config()["axis"] == (1, 2)


def test_softmax_mask():
    # from keras 3.15.1
    inputs = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]], "float32")
    mask = np.array([[True, False, True], [False, False, False]])
    np.testing.assert_allclose(layers.Softmax()(inputs, mask=mask).numpy(),
                               [[0.11920291, 0.0, 0.880797], [0.0, 0.0, 0.0]], rtol=1e-6)
    # A float mask keeps the entries above 0.5; it broadcasts from the right.
    np.testing.assert_allclose(
        layers.Softmax()(inputs, mask=np.array([1.0, 0.0, 0.6], "float32")).numpy(),
        [[0.11920291, 0.0, 0.880797], [0.5, 0.0, 0.5]], rtol=1e-6,
    )
    # A mask attached to the input is used, and passed on.
    tensor = torch.as_tensor(inputs)
    tensor._keras_mask = torch.as_tensor(mask)
    out = layers.Softmax()(tensor)
    np.testing.assert_allclose(out.numpy()[0], [0.11920291, 0.0, 0.880797], rtol=1e-6)
    np.testing.assert_array_equal(out._keras_mask.numpy(), mask)
    with pytest.raises(ValueError, match=r"The `mask` must be broadcastable to `inputs` and must "
                                         r"not have more dimensions. Received: "
                                         r"inputs.shape=\(2, 3\), mask.shape=\(2, 2, 3\)"):
        layers.Softmax()(inputs, mask=np.ones((2, 2, 3), bool))
    with pytest.raises(ValueError, match=r"Each mask dimension must be 1 or match the "
                                         r"corresponding input dimension. Received: "
                                         r"inputs.shape=\(2, 3, 4\), mask.shape=\(2, 3\)"):
        layers.Softmax()(np.ones((2, 3, 4), "float32"), mask=np.ones((2, 3), bool))


def test_softmax_layer_keeps_logits_for_crossentropy():
    logits = torch.tensor([[0.0, 50.0]])
    probs = layers.Softmax()(logits)
    assert probs._keras_logits is logits


def test_errors():
    with pytest.raises(ValueError, match=r"max_value of a ReLU layer cannot be a negative value. "
                                         r"Received: max_value=-1"):
        layers.ReLU(max_value=-1)
    with pytest.raises(ValueError, match=r"negative_slope of a ReLU layer cannot be None or a "
                                         r"negative value. Received: negative_slope=-1"):
        layers.ReLU(negative_slope=-1)
    with pytest.raises(ValueError, match=r"threshold of a ReLU layer cannot be None or a "
                                         r"negative value. Received: threshold=None"):
        layers.ReLU(threshold=None)
    with pytest.raises(ValueError, match=r"The negative_slope value of a Leaky ReLU layer cannot "
                                         r"be None or negative value. Expected a float. "
                                         r"Received: negative_slope=-1"):
        layers.LeakyReLU(-1)
