"""tf.keras 2's `K.*` functions under the shim (`from tensorflow.keras import backend as K`)."""

import numpy as np
import pytest

import torchkeras
from torchkeras import compat


@pytest.fixture
def K():
    compat.install()
    from tensorflow.keras import backend

    yield backend
    compat.uninstall()


def test_same_module_every_way_and_restored(K):
    import keras.backend
    import tensorflow as tf

    assert keras.backend is K and tf.keras.backend is K
    assert K.epsilon() == 1e-7 and K.floatx() == "float32" and K.image_data_format() == "channels_last"
    import keras.backend.random  # submodules are still torchkeras.backend's

    compat.uninstall()
    assert torchkeras.backend.__name__ == "torchkeras.backend"
    compat.install()


def test_tensor_functions_match_numpy(K):
    x = np.array([[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]], dtype="float32")
    t = K.constant(x)
    np.testing.assert_allclose(K.get_value(K.mean(K.square(t), axis=-1)), (x**2).mean(-1), rtol=1e-6)
    np.testing.assert_allclose(K.eval(K.sum(t, axis=0, keepdims=True)), x.sum(0, keepdims=True))
    np.testing.assert_allclose(K.eval(K.max(t)), x.max())
    np.testing.assert_allclose(K.eval(K.std(t, axis=1)), x.std(1), rtol=1e-6)
    np.testing.assert_allclose(K.eval(K.abs(t)), np.abs(x))
    np.testing.assert_allclose(K.eval(K.concatenate([t, t])), np.concatenate([x, x], -1))
    np.testing.assert_allclose(K.eval(K.dot(t, K.transpose(t))), x @ x.T)
    np.testing.assert_allclose(K.eval(K.batch_flatten(K.reshape(t, (2, 3, 1)))), x)
    np.testing.assert_allclose(K.eval(K.gather(t, [1, 1])), x[[1, 1]])
    np.testing.assert_allclose(K.eval(K.repeat_elements(t, 2, axis=1)), np.repeat(x, 2, 1))
    np.testing.assert_allclose(K.eval(K.reverse(t, 1)), x[:, ::-1])
    norm = x / np.sqrt((x**2).sum(-1, keepdims=True))
    np.testing.assert_allclose(K.eval(K.l2_normalize(t, axis=-1)), norm, rtol=1e-6)
    np.testing.assert_allclose(K.eval(K.clip(t, -1.0, 1.0)), np.clip(x, -1, 1))
    assert K.int_shape(t) == (2, 3) and K.ndim(t) == 2 and K.dtype(t) == "float32"
    assert K.count_params(t) == 6 and K.cast_to_floatx([1, 2]).dtype == np.float32
    np.testing.assert_allclose(K.eval(K.zeros((2,))), [0.0, 0.0])
    np.testing.assert_allclose(K.eval(K.eye(2)), np.eye(2))


def test_losses_and_variables(K):
    y_true = np.array([[0.0, 1.0], [1.0, 0.0]], dtype="float32")
    y_pred = np.array([[0.2, 0.8], [0.6, 0.4]], dtype="float32")
    expected = -np.log([0.8, 0.6])
    got = K.categorical_crossentropy(K.constant(y_true), K.constant(y_pred))
    np.testing.assert_allclose(K.eval(got), expected, rtol=1e-5)
    got = K.sparse_categorical_crossentropy(K.constant([1, 0], dtype="int32"), K.constant(y_pred))
    np.testing.assert_allclose(K.eval(got), expected, rtol=1e-5)
    v = torchkeras.Variable(np.zeros((2,), "float32"))
    K.set_value(v, np.array([1.0, 2.0], "float32"))
    K.batch_set_value([(v, np.array([3.0, 4.0], "float32"))])
    np.testing.assert_allclose(K.batch_get_value([v])[0], [3.0, 4.0])


def test_uninstall_restores_torchkeras_attributes_the_aliases_replaced():
    import torchkeras.layers

    core = torchkeras.layers.core
    compat.install()
    try:
        import keras.layers.core  # noqa: F401  (a tf.keras 2 path moved to torchkeras.layers)
        import tensorflow as tf

        assert tf.keras.layers.experimental.preprocessing.Normalization is torchkeras.layers.Normalization
    finally:
        compat.uninstall()
    assert torchkeras.layers.core is core
    assert not hasattr(torchkeras.layers, "experimental")
    # `keras.preprocessing` is a torchkeras package of its own: it stays.
    assert torchkeras.preprocessing.sequence.pad_sequences is not None


def test_switch_and_bias_add(K):
    x = np.arange(12, dtype="float32").reshape(1, 3, 2, 2)
    b = np.array([1.0, 2.0, 3.0], dtype="float32")
    got = K.bias_add(K.constant(x), K.constant(b), data_format="channels_first")
    np.testing.assert_allclose(K.eval(got), x + b.reshape(1, 3, 1, 1))
    got = K.bias_add(K.constant(x.reshape(2, 6)), K.constant(np.ones(6, "float32")))
    np.testing.assert_allclose(K.eval(got), x.reshape(2, 6) + 1)
    t = K.constant([1.0, -2.0, 3.0])
    np.testing.assert_allclose(K.eval(K.switch(K.greater(t, 0.0), t, K.zeros_like(t))), [1, 0, 3])
