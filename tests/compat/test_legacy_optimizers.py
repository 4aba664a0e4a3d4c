"""tf.keras 2's `keras.optimizers.legacy` under the shim: `lr=`, `decay=` and the update numbers."""

import numpy as np
import pytest

import torchkeras
from torchkeras import compat
from torchkeras.compat import legacy_optimizers as legacy

# Weights after 5 `apply_gradients` steps from [1, 2, -3] with g_t = [0.1 t, -0.2, 0.3 sqrt(t)],
# from tf_keras 2.21 `tf_keras.optimizers.legacy` (same loop with tf.Variable and
# `opt.apply_gradients([(g, v)])`, run with ../refenv/bin/python).
EXPECTED = {
    "SGD": ([0.7345958948135376, 2.2331125736236572, -3.5084478855133057],
            dict(learning_rate=0.1, momentum=0.9, decay=0.1)),
    "SGD_nesterov": ([0.7689017653465271, 2.1658055782318115, -3.4010772705078125],
                     dict(lr=0.1, momentum=0.5, nesterov=True, decay=0.05)),
    "Adam": ([0.9637384414672852, 2.037281036376953, -3.0372188091278076],
             dict(lr=0.01, decay=0.2)),
    "Adam_amsgrad": ([0.9514923691749573, 2.049999475479126, -3.04992938041687],
                     dict(learning_rate=0.01, amsgrad=True, decay=0.0)),
    "RMSprop": ([0.8865190148353577, 2.0927655696868896, -3.1048712730407715],
                dict(lr=0.01, decay=0.1)),
    "RMSprop_mom": ([0.5938648581504822, 2.3454678058624268, -3.382906675338745],
                    dict(learning_rate=0.01, momentum=0.9, centered=True)),
    "Adagrad": ([0.7789240479469299, 2.1880943775177, -3.2723047733306885],
                dict(lr=0.1, decay=0.1)),
    "Adadelta": ([0.9911481738090515, 2.0060815811157227, -3.0075814723968506],
                 dict(lr=1.0, decay=0.1)),
    "Adamax": ([0.9676663875579834, 2.042259454727173, -3.0362377166748047],
               dict(lr=0.01, decay=0.1)),
}


def _run(opt):
    v = torchkeras.Variable(np.array([1.0, 2.0, -3.0], np.float32))
    for t in range(1, 6):
        g = torchkeras.ops.convert_to_tensor(np.array([0.1 * t, -0.2, 0.3 * t**0.5], np.float32))
        opt.apply_gradients([(g, v)])
    return v.numpy()


@pytest.mark.filterwarnings("ignore:The `lr` argument is deprecated")
@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_legacy_updates_match_tf_keras_2(key):
    expected, config = EXPECTED[key]
    opt = getattr(legacy, key.split("_")[0])(**config)
    np.testing.assert_allclose(_run(opt), expected, rtol=1e-5, atol=3e-6)


def test_lr_warns_like_tf_keras_2():
    with pytest.warns(UserWarning, match=r"The `lr` argument is deprecated, use `learning_rate`"):
        opt = legacy.SGD(lr=0.5)
    np.testing.assert_allclose(opt.get_config()["learning_rate"], 0.5)


def test_decay_schedule_and_config():
    opt = legacy.Adam(learning_rate=0.1, decay=0.5)
    assert isinstance(opt, torchkeras.optimizers.Adam)
    config = opt.get_config()
    # The config holds the schedule, so it reloads into Keras 3's Adam with the same rates.
    assert config["learning_rate"]["class_name"] == "InverseTimeDecay"
    assert config["learning_rate"]["config"]["decay_rate"] == 0.5
    assert "decay" not in config
    # lr_t = 0.1 / (1 + 0.5 * iterations), iterations from 0.
    schedule = opt._learning_rate
    np.testing.assert_allclose(float(schedule(2)), 0.1 / 2.0, rtol=1e-6)
    np.testing.assert_allclose(legacy.SGD().get_config()["learning_rate"], 0.01, rtol=1e-6)


def test_bad_decay_is_rejected():
    with pytest.raises(ValueError, match=r"`decay` must be a non-negative float. Received: decay=-1"):
        legacy.SGD(decay=-1)
    schedule = torchkeras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.9)
    with pytest.raises(ValueError, match=r"`decay` needs a float learning rate"):
        legacy.SGD(learning_rate=schedule, decay=0.1)


def test_legacy_namespace_under_the_shim():
    compat.install()
    try:
        import tensorflow as tf
        from keras.optimizers.legacy import RMSprop

        assert RMSprop is legacy.RMSprop
        assert tf.keras.optimizers.legacy.Adam is legacy.Adam
    finally:
        compat.uninstall()
    # The namespace stays: it is also torchkeras's own `keras.optimizers.legacy`.
    assert torchkeras.optimizers.legacy.Adam is legacy.Adam


def test_native_keras_optimizers_legacy_namespace():
    # Without the shim too: `keras.optimizers.legacy.SGD(lr=...)` from a tf.keras 2 script.
    import torchkeras

    with pytest.warns(UserWarning, match="`lr` argument is deprecated"):
        opt = torchkeras.optimizers.legacy.SGD(lr=0.5)
    assert isinstance(opt, torchkeras.optimizers.SGD)
    np.testing.assert_allclose(float(opt.learning_rate), 0.5)
