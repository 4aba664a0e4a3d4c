"""tf.keras 2's SyncBatchNormalization: BatchNormalization(synchronized=True) in one process."""

import numpy as np

import torchkeras as keras


def test_same_numbers_as_batch_normalization():
    x = np.random.default_rng(0).standard_normal((6, 4)).astype("float32")
    sync = keras.layers.SyncBatchNormalization(momentum=0.9)
    plain = keras.layers.BatchNormalization(momentum=0.9)
    np.testing.assert_allclose(sync(x, training=True).detach().numpy(),
                               plain(x, training=True).detach().numpy(), rtol=1e-6)
    np.testing.assert_allclose(sync.moving_variance.numpy(), plain.moving_variance.numpy())
    # Weights named and ordered as tf_keras 2.21's.
    assert [w.name for w in sync.weights] == ["gamma", "beta", "moving_mean", "moving_variance"]
    assert sync.synchronized
    mean = x.mean(0)
    np.testing.assert_allclose(sync.moving_mean.numpy(), 0.1 * mean, rtol=1e-5, atol=1e-7)


def test_config_round_trip_and_tf_keras_axis():
    layer = keras.layers.SyncBatchNormalization(epsilon=0.01)
    config = layer.get_config()
    assert "synchronized" not in config and config["epsilon"] == 0.01
    assert keras.layers.SyncBatchNormalization.from_config(config).get_config() == config
    assert keras.layers.SyncBatchNormalization(axis=[1]).axis == 1  # tf.keras 2 config form
