"""tf.keras 2 `K.*` functions Keras 3 dropped (torchkeras/compat/backend.py), against tf_keras 2.21."""

import warnings

import numpy as np
import pytest
import torch

from torchkeras.compat import backend as K

# Inputs: fixed uniform draws (legacy RandomState is stable across NumPy versions).
r = np.random.RandomState(0)
def f(*s): return r.uniform(-1, 1, s).astype("float32")
X4 = f(2, 5, 5, 3); KER = f(3, 3, 3, 2); X3 = f(2, 7, 3); K1 = f(3, 3, 4); X5 = f(1, 4, 4, 4, 2); K3 = f(2, 2, 2, 2, 3)
DK = f(3, 3, 3, 2); PK = f(1, 1, 6, 4); TK = f(3, 3, 4, 3)  # transpose kernel (h,w,out,in)
LX1 = f(2, 6, 3); LK1 = f(2, 3 * 3, 4)  # local_conv1d kernel_size 3 strides 2 -> out 2
LX2 = f(2, 5, 4, 2); LK2 = f(2 * 2, 2 * 2 * 2, 3)  # kernel (2,2), strides (2,1)? out rows 2, cols 2 with strides (2,2)
BX = f(2, 3, 4); BY = f(2, 4, 5); BY2 = f(2, 3)

# name: (shape, sum of all elements, first 8 elements), from tf_keras 2.21 (keras 3.15.1 refenv).
GOLDEN = {
    "conv2d_valid": ((2, 3, 3, 2), -9.193218, [-1.728445, 0.4165077, -0.5658598, -3.748154, -1.740308, 0.9754966, 1.811906, -0.6430563]),
    "conv2d_same_s2": ((2, 3, 3, 2), -0.7403257, [-1.130621, -1.147659, 0.4308728, -0.4907714, -0.8760286, 2.079129, -0.2614221, 3.250551]),
    "conv2d_cf_dil": ((2, 2, 5, 5), -16.40061, [1.121233, -0.3442599, -1.077335, -1.209248, -2.023273, 0.00620466, 1.144317, 0.5216641]),
    "conv1d_causal": ((2, 7, 4), -7.494151, [-0.3498238, -1.225037, -0.6048421, -1.145105, 0.07928512, 0.5898865, -0.2338557, 0.5119534]),
    "conv1d_same_s2": ((2, 4, 4), 1.562861, [-0.1185508, 0.3035629, -0.3481162, 0.7679952, 2.11578, -2.206716, -1.704763, -1.593644]),
    "conv3d_same": ((1, 4, 4, 4, 3), -10.62191, [0.1111218, -1.139975, -1.780422, -1.778573, -1.580523, 0.242126, 0.4659179, 0.1912724]),
    "convT_valid_s2": ((2, 11, 11, 4), 27.49996, [0.2538256, -0.2799043, 0.2862086, 0.2037297, -0.02145023, -0.1203317, -0.4261828, 0.2476744]),
    "convT_same_s2": ((2, 10, 10, 4), 19.12197, [0.2538256, -0.2799043, 0.2862086, 0.2037297, -0.02145023, -0.1203317, -0.4261828, 0.2476744]),
    "convT_same_s2_odd": ((2, 9, 9, 4), 14.56833, [-0.3683108, -0.2961275, 0.460414, 0.04201553, 0.1371069, 0.03610683, -0.6291361, -0.4977986]),
    "convT_valid_s1": ((2, 7, 7, 4), 27.49997, [0.2538256, -0.2799043, 0.2862086, 0.2037297, 0.0331174, 0.1980189, -0.1651966, 0.2839906]),
    "depthwise": ((2, 3, 3, 6), -2.447888, [0.7323835, -0.3001524, -0.6611484, -0.4991908, -0.795076, 0.3823423, -0.8176676, 0.3658651]),
    "separable": ((2, 5, 5, 4), 1.708172, [1.708621, 0.7545142, 1.198611, -0.6624308, 0.1904325, -0.3995305, -0.1557493, 0.2142798]),
    "pool2d_max": ((2, 5, 5, 3), 84.4699, [0.5563135, 0.7400243, 0.9572367, 0.5983171, 0.783546, 0.9572367, 0.5983171, 0.783546]),
    "pool2d_avg_s2": ((2, 3, 3, 3), 3.986048, [-0.02050863, 0.01453735, 0.5299479, -0.1307691, 0.3924492, 0.2082201, 0.5127135, 0.4474449]),
    "pool3d_avg": ((1, 2, 2, 2, 2), -0.7369307, [-0.1085269, -0.4878497, 0.04651587, 0.03460772, -0.01649787, -0.06121111, -0.02793527, -0.5443313]),
    "local1": ((2, 2, 4), 2.939129, [0.2915642, -0.5034063, 1.178358, 0.7619305, -0.1515996, 0.1262, -0.1744719, 0.3395252]),
    "local1_cf": ((2, 4, 2), 1.365935, [-0.5309062, 0.1019214, -1.320339, -0.7842908, 0.9341686, 1.057847, 0.4205813, 0.09633829]),
    "local2": ((2, 2, 2, 3), -3.594295, [-0.1469349, -0.2798694, 1.359349, 0.0474833, -0.7087557, -0.5320842, 0.2581811, -0.3325636]),
    "local2_cf": ((2, 3, 2, 2), -9.234166, [-0.143201, 0.1158422, 0.711767, -1.087735, -0.227348, -1.67663, -0.9839181, 0.3652381]),
    "batch_dot": ((2, 3, 5), -6.443403, [-1.440664, 0.09254021, -1.77061, -0.5770096, 0.4024104, 0.5220774, -0.9739679, 0.09299572]),
    "batch_dot_12": ((2, 4, 4), 6.302427, [0.5727296, 0.2397437, 0.5937333, -0.9663907, 0.2397437, 1.44889, -0.1804997, -0.4329892]),
    "batch_dot_vec": ((2, 1), 1.934289, [0.5171212, 1.417168]),
    "batch_dot_none2": ((2, 4), 2.330339, [-0.4912137, -0.03542675, -0.5975764, 0.8005919, 0.9719054, 0.9802122, 0.2117737, 0.4900729]),
    "resize_bilinear": ((2, 6, 6, 1), -2.740308, [0.09762701, 0.09566185, 0.09173153, 0.03611838, -0.07117759, -0.1248256, -0.1332151, -0.04831053]),
    "resize_nearest": ((2, 4, 6, 1), -8.049517, [0.09762701, 0.09762701, 0.09762701, 0.08976637, 0.08976637, 0.08976637, 0.09762701, 0.09762701]),
    "bfce": ((2, 2), 0.07628193, [0.006694301, 0.008025183, 0.0002634011, 0.06129904]),
    "bfce_logits": ((2, 2), 2.858316, [0.02265805, 0.001803562, 0.06757348, 2.766281]),
    "cfce": ((2,), 0.05134689, [0.008025187, 0.0433217]),
    "bn": ((2, 5, 5, 3), 51.09417, [-0.004743619, 0.6628616, 0.9727325, -0.02045704, 0.2506725, 0.9976299, -0.4494265, 0.9125262]),
    "bn_cf": ((2, 3, 5, 5), 51.09417, [-0.004743619, -0.02045704, -0.4494265, -0.6659011, 0.07214217, -1.850558, 0.9121711, 0.9961364]),
    "in_top_k": ((2,), 0, [0, 0]),
    "sp2d": ((1, 3, 4, 1), -0.08203452, [0, 0, 0, 0, 0.09762701, 0.08976637, 0, 0]),
    "tpad": ((1, 5, 3), -0.683463, [0, 0, 0, 0, 0, 0, -0.9506425, -0.8655007]),
}

CALLS = {
    "conv2d_valid": lambda K: K.conv2d(X4, KER),
    "conv2d_same_s2": lambda K: K.conv2d(X4, KER, strides=(2, 2), padding="same"),
    "conv2d_cf_dil": lambda K: K.conv2d(np.transpose(X4, (0, 3, 1, 2)), KER, padding="same", data_format="channels_first", dilation_rate=(2,2)),
    "conv1d_causal": lambda K: K.conv1d(np.asarray(X3), np.asarray(K1), padding="causal", dilation_rate=2),
    "conv1d_same_s2": lambda K: K.conv1d(np.asarray(X3), np.asarray(K1), strides=2, padding="same"),
    "conv3d_same": lambda K: K.conv3d(X5, K3, padding="same"),
    "convT_valid_s2": lambda K: K.conv2d_transpose(f4 := X4, TK, (2, 11, 11, 4), strides=(2, 2)),
    "convT_same_s2": lambda K: K.conv2d_transpose(X4, TK, (2, 10, 10, 4), strides=(2, 2), padding="same"),
    "convT_same_s2_odd": lambda K: K.conv2d_transpose(X4, TK, (2, 9, 9, 4), strides=(2, 2), padding="same"),
    "convT_valid_s1": lambda K: K.conv2d_transpose(X4, TK, (2, 7, 7, 4)),
    "depthwise": lambda K: K.depthwise_conv2d(X4, DK, strides=(2, 2), padding="same"),
    "separable": lambda K: K.separable_conv2d(X4, DK, PK, padding="same"),
    "pool2d_max": lambda K: K.pool2d(X4, (2, 2), padding="same"),
    "pool2d_avg_s2": lambda K: K.pool2d(X4, (2, 2), strides=(2, 2), padding="same", pool_mode="avg"),
    "pool3d_avg": lambda K: K.pool3d(X5, (2, 2, 2), strides=(2,2,2), pool_mode="avg"),
    "local1": lambda K: K.local_conv1d(np.asarray(LX1), np.asarray(LK1), (3,), (2,)),
    "local1_cf": lambda K: K.local_conv1d(np.asarray(np.transpose(LX1, (0, 2, 1))), np.asarray(LK1), (3,), (2,), data_format="channels_first"),
    "local2": lambda K: K.local_conv2d(np.asarray(LX2), np.asarray(LK2), (2, 2), (2, 2), (2, 2)),
    "local2_cf": lambda K: K.local_conv2d(np.asarray(np.transpose(LX2, (0, 3, 1, 2))), np.asarray(LK2), (2, 2), (2, 2), (2, 2), data_format="channels_first"),
    "batch_dot": lambda K: K.batch_dot(BX, BY),
    "batch_dot_12": lambda K: K.batch_dot(BX, BX, axes=(1, 1)),
    "batch_dot_vec": lambda K: K.batch_dot(BY2, BY2, axes=1),
    "batch_dot_none2": lambda K: K.batch_dot(BX, BY2, axes=(1,1)),
    "resize_bilinear": lambda K: K.resize_images(np.asarray(X4[:, :3, :3, :1]), 2, 2, "channels_last", interpolation="bilinear"),
    "resize_nearest": lambda K: K.resize_images(np.asarray(X4[:, :2, :2, :1]), 2, 3, "channels_last"),
    "bfce": lambda K: K.binary_focal_crossentropy(np.array([[0., 1.], [1., 0.]], "float32"), np.array([[.2, .7], [.9, .4]], "float32"), apply_class_balancing=True),
    "bfce_logits": lambda K: K.binary_focal_crossentropy(np.array([[0., 1.], [1., 0.]], "float32"), np.array([[-1., 2.], [0.5, 3.]], "float32"), from_logits=True),
    "cfce": lambda K: K.categorical_focal_crossentropy(np.array([[0., 1., 0], [1., 0., 0]], "float32"), np.array([[.2, .7, .1], [.5, .4, .1]], "float32")),
    "bn": lambda K: K.batch_normalization(np.asarray(X4), *[np.asarray(v, "float32") for v in ([.1, .2, .3], [1., 2., 3.], [0., .5, 1.], [2., 1., .5])]),
    "bn_cf": lambda K: K.batch_normalization(np.asarray(np.transpose(X4, (0, 3, 1, 2))), np.array([.1, .2, .3], "float32"), np.array([1., 2., 3.], "float32"), np.array([0., .5, 1.], "float32"), np.array([2., 1., .5], "float32"), axis=1),
    "in_top_k": lambda K: K.in_top_k(np.array([[.1, .5, .4], [.3, .3, .4]], "float32"), np.array([2, 0]), 1),
    "sp2d": lambda K: K.spatial_2d_padding(X4[:1, :2, :2, :1], ((1, 0), (0, 2))),
    "tpad": lambda K: K.temporal_padding(X3[:1, :2], (2, 1)),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_matches_tf_keras_2(name):
    shape, total, head = GOLDEN[name]
    out = K.get_value(CALLS[name](K)).astype("float64")
    assert out.shape == shape
    np.testing.assert_allclose(out.ravel()[:8], head, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(out.sum(), total, rtol=1e-5, atol=1e-5)


# The CTC example of tf_keras 2.21: two samples, 4 steps, 3 classes (blank last).
CTC_PRED = np.array([[.1, .6, .3], [.5, .2, .3], [.2, .2, .6], [.7, .2, .1]], "float32")[None]
CTC_PRED = np.concatenate([CTC_PRED, CTC_PRED[:, ::-1]])


def test_ctc_matches_tf_keras_2():
    # from tf_keras 2.21
    cost = K.ctc_batch_cost(np.array([[1, 0], [0, 0]]), CTC_PRED, np.array([[4], [3]]),
                            np.array([[2], [1]]))
    np.testing.assert_allclose(K.get_value(cost), [[1.162831], [1.2587811]], rtol=1e-5)
    decoded, log_prob = K.ctc_decode(CTC_PRED, np.array([4, 3]))
    np.testing.assert_array_equal(K.get_value(decoded[0]), [[1, 0, 0, -1], [0, 0, -1, -1]])
    np.testing.assert_allclose(K.get_value(log_prob), [[2.0714726], [1.5606471]], rtol=1e-5)
    sparse = K.ctc_label_dense_to_sparse(np.array([[1, 2, 0], [3, 0, 0]], "int32"), np.array([2, 1]))
    assert K.is_sparse(sparse) and not K.is_sparse(torch.ones(2))
    np.testing.assert_array_equal(sparse.indices().numpy(), [[0, 0, 1], [0, 1, 0]])
    np.testing.assert_array_equal(K.to_dense(sparse).numpy(), [[1, 2, 0], [3, 0, 0]])


def test_ctc_beam_search_is_not_supported():
    with pytest.raises(NotImplementedError, match="beam_search"):
        K.ctc_decode(CTC_PRED, np.array([4, 3]), greedy=False)


def test_normalize_batch_in_training_uses_unbiased_variance_for_4d():
    x = np.arange(72, dtype="float32").reshape(2, 3, 3, 4) % 7
    gamma, beta = np.array([1.0, 2.0, 3.0, 4.0], "float32"), np.array([0.1, 0.2, 0.3, 0.4], "float32")
    out, mean, var = K.normalize_batch_in_training(x, gamma, beta, [0, 1, 2])
    # from tf_keras 2.21 (fused kernel: Bessel-corrected variance)
    np.testing.assert_allclose(mean.numpy(), [2.8888888, 3.1111112, 2.9444444, 2.7777777], rtol=1e-6)
    np.testing.assert_allclose(var.numpy(), [4.3398695, 4.3398695, 4.408497, 4.06536], rtol=1e-6)
    flat = x.reshape(-1, 4)
    expected = (x - flat.mean(0)) / np.sqrt(flat.var(0) + 1e-3) * gamma + beta
    np.testing.assert_allclose(out.numpy(), expected, rtol=1e-5, atol=1e-5)
    x3 = x.reshape(6, 3, 4)
    _, _, var3 = K.normalize_batch_in_training(x3, gamma, beta, [0, 1])
    np.testing.assert_allclose(var3.numpy(), flat.var(0), rtol=1e-6)  # biased below 4D


def test_batch_dot_errors():
    with pytest.raises(ValueError, match=r"Cannot do batch_dot on inputs with rank < 2. Received"):
        K.batch_dot(np.ones(3), np.ones((3, 2)))
    with pytest.raises(ValueError, match="with different batch sizes"):
        K.batch_dot(np.ones((2, 3)), np.ones((3, 3)))
    with pytest.raises(ValueError, match="Multiple target dimensions are not supported"):
        K.batch_dot(np.ones((2, 3)), np.ones((2, 3)), axes=[(1,), 1])
    with pytest.raises(ValueError, match="Cannot perform batch_dot over axis 0"):
        K.batch_dot(np.ones((2, 3)), np.ones((2, 3)), axes=0)
    with pytest.raises(ValueError, match=r"x.shape\[1\] != y.shape\[1\] \(3 != 4\)"):
        K.batch_dot(np.ones((2, 3)), np.ones((2, 4)), axes=1)


def test_argument_errors():
    x = np.ones((1, 4, 4, 1), "float32")
    with pytest.raises(ValueError, match="Unknown data_format: nchw"):
        K.conv2d(x, np.ones((1, 1, 1, 1), "float32"), data_format="nchw")
    with pytest.raises(ValueError, match="Unknown padding: full"):
        K.conv2d(x, np.ones((1, 1, 1, 1), "float32"), padding="full")
    with pytest.raises(ValueError, match="Invalid pooling mode: min"):
        K.pool2d(x, (2, 2), pool_mode="min")
    with pytest.raises(ValueError, match="Invalid padding: causal"):
        K.pool2d(x, (2, 2), padding="causal")
    with pytest.raises(ValueError, match='`interpolation` argument should be one of: "area", '):
        K.resize_images(x, 2, 2, "channels_last", interpolation="cubic")
    with pytest.raises(ValueError, match="Invalid `data_format` argument: nhwc"):
        K.resize_images(x, 2, 2, "nhwc")
    with pytest.raises(ValueError, match="Invalid data_format: nhwc"):
        K.resize_volumes(x, 2, 2, 2, "nhwc")
    with pytest.raises(ValueError, match=r"repeat: `x` must be 2D. Received: x.shape=\(1, 4, 4, 1\)"):
        K.repeat(x, 2)
    with pytest.raises(ValueError, match="temporal_padding: `padding` must be a pair"):
        K.temporal_padding(x[0], (1, 1, 1))
    with pytest.raises(ValueError, match="spatial_2d_padding: `padding` must be 2 pairs"):
        K.spatial_2d_padding(x, ((1, 1),))


def test_padding_repeat_and_resize_volumes():
    x = np.arange(6, dtype="float32").reshape(1, 2, 3)
    assert K.repeat(x[0], 2).shape == (2, 2, 3)
    np.testing.assert_array_equal(K.repeat(x[0], 2)[:, 1].numpy(), x[0])
    v = np.arange(8, dtype="float32").reshape(1, 2, 2, 2, 1)
    out = K.resize_volumes(v, 1, 2, 3, "channels_last").numpy()
    np.testing.assert_array_equal(out, v.repeat(2, 2).repeat(3, 3))
    p3 = K.spatial_3d_padding(v, ((1, 0), (0, 1), (1, 1))).numpy()
    np.testing.assert_array_equal(p3, np.pad(v, ((0, 0), (1, 0), (0, 1), (1, 1), (0, 0))))


def test_random_functions():
    a = K.random_normal((2000,), mean=1.0, stddev=2.0, seed=3)
    np.testing.assert_array_equal(a.numpy(), K.random_normal((2000,), 1.0, 2.0, seed=3).numpy())
    assert abs(float(a.mean()) - 1.0) < 0.2 and abs(float(a.std()) - 2.0) < 0.2
    u = K.random_uniform((2000,), -1.0, 3.0, seed=1).numpy()
    assert u.min() >= -1.0 and u.max() < 3.0
    t = K.truncated_normal((2000,), mean=0.0, stddev=0.5, seed=2).numpy()
    assert np.abs(t).max() <= 1.0
    b = K.random_bernoulli((2000,), p=0.25, seed=4).numpy()
    assert set(np.unique(b)) <= {0.0, 1.0} and 0.2 < b.mean() < 0.3
    with pytest.warns(UserWarning, match="random_binomial` is deprecated"):
        K.random_binomial((2,), p=0.5)
    v = K.random_uniform_variable((2, 3), 0.0, 1.0, name="w", seed=1)
    assert v.name == "w" and tuple(v.shape) == (2, 3)
    assert tuple(K.random_normal_variable((4,), 0.0, 1.0, dtype="float64").shape) == (4,)
    assert K.random_normal((2,), dtype="float64").dtype == torch.float64


def test_dropout_keeps_and_scales():
    out = K.dropout(np.ones((100, 10), "float32"), 0.5, noise_shape=(100, 1), seed=0).numpy()
    assert set(np.unique(out)) <= {0.0, 2.0}
    assert (out == out[:, :1]).all()  # the noise shape broadcasts over the columns


def test_higher_order_functions():
    x = np.array([1.0, 2.0, 3.0], "float32")
    np.testing.assert_array_equal(K.map_fn(lambda e: e * 2, x).numpy(), x * 2)
    assert float(K.foldl(lambda acc, e: acc * 10 + e, x)) == 123.0
    assert float(K.foldr(lambda acc, e: acc * 10 + e, x)) == 321.0
    assert float(K.foldl(lambda acc, e: acc + e, x, initializer=10.0)) == 16.0
    assert K.map_fn(lambda e: e, x, dtype="float64").dtype == torch.float64


def test_variable_updates():
    v = K.variable(np.array([1.0, 2.0], "float32"))
    assert K.update(v, np.array([3.0, 4.0], "float32")) is v
    K.update_add(v, np.array([1.0, 1.0], "float32"))
    K.update_sub(v, np.array([0.5, 0.5], "float32"))
    np.testing.assert_array_equal(v.numpy(), [3.5, 4.5])
    K.moving_average_update(v, np.array([0.0, 1.0], "float32"), 0.9)
    np.testing.assert_allclose(v.numpy(), [3.5 * 0.9, 4.5 * 0.9 + 0.1], rtol=1e-6)


def test_learning_phase():
    assert K.learning_phase() == 0
    assert K.in_train_phase(1.0, 2.0) == 2.0 and K.in_test_phase(1.0, 2.0) == 1.0
    with K.learning_phase_scope(1):
        assert K.learning_phase() == 1
        assert K.in_train_phase(lambda: "train", lambda: "test") == "train"
    assert K.learning_phase() == 0
    assert K.in_train_phase(1, 2, training=True) == 1
    t = K.in_train_phase(torch.ones(2), torch.zeros(2), training=torch.tensor([True, False]))
    np.testing.assert_array_equal(t.numpy(), [1.0, 0.0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        K.set_learning_phase(1)
        assert K.learning_phase() == 1
        K.set_learning_phase(0)
        with pytest.raises(ValueError, match="Expected learning phase to be 0 or 1."):
            K.set_learning_phase(2)
    with pytest.warns(UserWarning, match="set_learning_phase` is deprecated"):
        K.set_learning_phase(0)
    with pytest.raises(ValueError, match="Expected learning phase to be 0 or 1."):
        with K.learning_phase_scope(3):
            pass


def test_names_and_tensor_kinds(capsys):
    K.reset_uids()
    assert (K.get_uid(), K.get_uid(), K.get_uid("h28_prefix")) == (1, 2, 1)
    K.reset_uids()
    assert K.get_uid() == 1
    with K.name_scope("block") as scope:
        assert scope == "block"
    import torchkeras

    assert K.is_keras_tensor(torchkeras.Input((3,)))
    assert not K.is_keras_tensor(torch.ones(2))
    with pytest.raises(ValueError, match="Unexpectedly found an instance of type `<class 'numpy.ndarray'>`"):
        K.is_keras_tensor(np.ones(2))
    assert K.print_tensor(torch.ones(2), message="x:") is not None
    assert "x: [1. 1.]" in capsys.readouterr().out
    K.manual_variable_initialization(True)
    assert K.experimental.is_tf_random_generator_enabled()
    K.experimental.disable_tf_random_generator()
    assert not K.experimental.is_tf_random_generator_enabled()
    K.experimental.enable_tf_random_generator()


@pytest.mark.parametrize("name, hint", [
    ("placeholder", "keras.Input"), ("function", "eagerly"), ("gradients", "backward"),
])
def test_graph_only_functions_raise(name, hint):
    with pytest.raises(NotImplementedError, match=rf"`keras.backend.{name}` builds a TF1 graph.*{hint}"):
        getattr(K, name)(None)


def test_rnn_and_variable_are_functions():
    v = K.variable([1.0, 2.0], name="v")
    assert v.name == "v" and v.dtype == torch.float32
    x = np.ones((2, 3, 1), "float32")

    def step(inp, states):
        total = states[0] + inp + states[1]
        return total, [total]

    last, outputs, states = K.rnn(step, x, [torch.zeros(2, 1)], constants=[torch.ones(2, 1)])
    np.testing.assert_array_equal(outputs[:, :, 0].numpy(), [[2, 4, 6], [2, 4, 6]])
    last_tm, outputs_tm, _ = K.rnn(step, x.transpose(1, 0, 2), [torch.zeros(2, 1)],
                                   constants=[torch.zeros(2, 1)], time_major=True)
    assert tuple(outputs_tm.shape) == (3, 2, 1) and float(last_tm[0, 0]) == 3.0


def test_bias_add_with_a_per_position_bias_channels_first():
    bias = np.arange(6, dtype="float32").reshape(3, 2)
    out = K.bias_add(np.zeros((1, 2, 3), "float32"), bias, data_format="channels_first")
    # from tf_keras 2.21: the (3, 2) bias is reshaped (not transposed) to (1, 2, 3)
    np.testing.assert_array_equal(K.get_value(out), [[[0, 1, 2], [3, 4, 5]]])
