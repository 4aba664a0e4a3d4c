"""`keras.ops.nn` against NumPy references written here."""

import numpy as np
import pytest
import torch

from torchkeras import ops

rng = np.random.default_rng(11)


def np_of(x):
    return ops.convert_to_numpy(x)


def conv2d_reference(x, kernel, stride, pads):
    """Direct NHWC convolution with explicit (top, bottom, left, right) zero padding."""
    x = np.pad(x, ((0, 0), (pads[0], pads[1]), (pads[2], pads[3]), (0, 0)))
    kh, kw, _, out_channels = kernel.shape
    n, h, w, _ = x.shape
    oh = (h - kh) // stride + 1
    ow = (w - kw) // stride + 1
    out = np.zeros((n, oh, ow, out_channels), "float64")
    for i in range(oh):
        for j in range(ow):
            patch = x[:, i * stride : i * stride + kh, j * stride : j * stride + kw, :]
            out[:, i, j, :] = np.tensordot(patch, kernel, axes=([1, 2, 3], [0, 1, 2]))
    return out


def test_conv_matches_direct_convolution_with_tf_same_padding():
    x = rng.normal(size=(2, 7, 6, 3)).astype("float32")
    kernel = rng.normal(size=(4, 3, 3, 5)).astype("float32")
    # TF "same" with stride 2: out = ceil(7/2)=4 rows; total pad = (4-1)*2+4-7 = 3 -> (1, 2).
    expected = conv2d_reference(x, kernel, 2, (1, 2, 0, 1))
    got = ops.conv(x, kernel, strides=2, padding="same")
    np.testing.assert_allclose(np_of(got), expected, rtol=1e-4, atol=1e-4)
    valid = conv2d_reference(x, kernel, 1, (0, 0, 0, 0))
    np.testing.assert_allclose(np_of(ops.conv(x, kernel)), valid, rtol=1e-4, atol=1e-4)


def test_channels_first_equals_channels_last():
    x = rng.normal(size=(2, 7, 6, 3)).astype("float32")
    kernel = rng.normal(size=(3, 3, 3, 4)).astype("float32")
    last = np_of(ops.conv(x, kernel, padding="same"))
    first = np_of(
        ops.conv(x.transpose(0, 3, 1, 2), kernel, padding="same", data_format="channels_first")
    )
    np.testing.assert_allclose(first.transpose(0, 2, 3, 1), last, rtol=1e-5, atol=1e-5)
    pooled = np_of(
        ops.average_pool(x.transpose(0, 3, 1, 2), 3, 2, "same", data_format="channels_first")
    )
    np.testing.assert_allclose(
        pooled.transpose(0, 2, 3, 1), np_of(ops.average_pool(x, 3, 2, "same")), rtol=1e-6
    )


def test_average_pool_same_excludes_padding():
    x = np.arange(1, 6, dtype="float32").reshape(1, 5, 1)
    # Windows of 2 with stride 2 over [1..5] padded at the end by one: [1,2], [3,4], [5].
    np.testing.assert_allclose(
        np_of(ops.average_pool(x, 2, padding="same"))[0, :, 0], [1.5, 3.5, 5.0]
    )
    np.testing.assert_allclose(
        np_of(ops.max_pool(-x, 2, padding="same"))[0, :, 0], [-1.0, -3.0, -5.0]
    )


def test_depthwise_and_separable_conv():
    x = rng.normal(size=(1, 5, 5, 2)).astype("float32")
    kernel = rng.normal(size=(3, 3, 2, 2)).astype("float32")
    got = np_of(ops.depthwise_conv(x, kernel))
    for c in range(2):
        for m in range(2):
            single = conv2d_reference(
                x[..., c : c + 1], kernel[:, :, c : c + 1, m : m + 1], 1, (0, 0, 0, 0)
            )
            np.testing.assert_allclose(got[..., c * 2 + m], single[..., 0], rtol=1e-4, atol=1e-5)
    pointwise = rng.normal(size=(1, 1, 4, 3)).astype("float32")
    separable = np_of(ops.separable_conv(x, kernel, pointwise))
    np.testing.assert_allclose(separable, got @ pointwise[0, 0], rtol=1e-4, atol=1e-5)


def test_conv_transpose_is_the_gradient_of_conv():
    # <conv(x, k), y> == <x, conv_transpose(y, k)> for matching "same"/stride settings.
    x = rng.normal(size=(1, 8, 8, 3)).astype("float32")
    kernel = rng.normal(size=(3, 3, 3, 4)).astype("float32")
    y = rng.normal(size=(1, 4, 4, 4)).astype("float32")
    forward = np_of(ops.conv(x, kernel, strides=2, padding="same"))
    # conv_transpose takes (*k, out=3, in=4): the same kernel array works.
    backward = np_of(ops.conv_transpose(y, kernel, strides=2, padding="same"))
    assert backward.shape == x.shape
    np.testing.assert_allclose(np.sum(forward * y), np.sum(x * backward), rtol=1e-4)


def test_one_hot_and_multi_hot():
    labels = np.array([0, 2, 5, -1])
    np.testing.assert_array_equal(
        np_of(ops.one_hot(labels, 3)), np.eye(3)[[0, 2, 0, 0]] * [[1], [1], [0], [0]]
    )
    np.testing.assert_array_equal(
        np_of(ops.multi_hot(np.array([[0, 2], [1, 1]]), 3)), [[1, 0, 1], [0, 1, 0]]
    )


def test_normalizations_match_numpy():
    x = rng.normal(size=(2, 3, 4)).astype("float32")
    mean, var = ops.moments(x, axes=[0, 2])
    np.testing.assert_allclose(np_of(mean), x.mean(axis=(0, 2)), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np_of(var), x.var(axis=(0, 2)), rtol=1e-5, atol=1e-6)
    gamma = rng.normal(size=4).astype("float32")
    beta = rng.normal(size=4).astype("float32")
    centered = x - x.mean(-1, keepdims=True)
    expected = centered / np.sqrt(x.var(-1, keepdims=True) + 1e-3) * gamma + beta
    np.testing.assert_allclose(
        np_of(ops.layer_normalization(x, gamma, beta, epsilon=1e-3)), expected, rtol=1e-4, atol=1e-5
    )
    rms = x / np.sqrt((x**2).mean(axis=1, keepdims=True) + 1e-7)
    np.testing.assert_allclose(np_of(ops.rms_normalization(x, axis=1)), rms, rtol=1e-5, atol=1e-6)
    l2 = x / np.linalg.norm(x, axis=-1, keepdims=True)
    np.testing.assert_allclose(np_of(ops.normalize(x)), l2, rtol=1e-5, atol=1e-6)
    bn = (x - 0.5) / np.sqrt(2.0 + 1e-3) * 3.0 + 1.0
    got = ops.batch_normalization(
        x, np.full(3, 0.5), np.full(3, 2.0), 1, offset=np.ones(3), scale=np.full(3, 3.0)
    )
    np.testing.assert_allclose(np_of(got), bn, rtol=1e-5, atol=1e-6)


def test_dot_product_attention_matches_formula():
    q = rng.normal(size=(2, 3, 2, 4)).astype("float32")
    k = rng.normal(size=(2, 5, 2, 4)).astype("float32")
    v = rng.normal(size=(2, 5, 2, 4)).astype("float32")
    logits = np.einsum("btnh,bsnh->bnts", q, k) / 2.0
    probs = np.exp(logits - logits.max(-1, keepdims=True))
    probs /= probs.sum(-1, keepdims=True)
    expected = np.einsum("bnts,bsnh->btnh", probs, v)
    np.testing.assert_allclose(
        np_of(ops.dot_product_attention(q, k, v)), expected, rtol=1e-5, atol=1e-6
    )
    flash = ops.dot_product_attention(q, k, v, flash_attention=True)
    np.testing.assert_allclose(np_of(flash), expected, rtol=1e-4, atol=1e-5)


def test_crossentropies_match_numpy():
    target = np.array([[0.0, 1.0], [1.0, 0.0]], "float32")
    output = np.array([[0.2, 0.8], [0.6, 0.4]], "float32")
    np.testing.assert_allclose(
        np_of(ops.categorical_crossentropy(target, output)), -np.log([0.8, 0.6]), rtol=1e-6
    )
    np.testing.assert_allclose(
        np_of(ops.sparse_categorical_crossentropy(np.array([1, 0]), output)),
        -np.log([0.8, 0.6]),
        rtol=1e-6,
    )
    bce = -(target * np.log(output) + (1 - target) * np.log(1 - output))
    np.testing.assert_allclose(np_of(ops.binary_crossentropy(target, output)), bce, rtol=1e-6)


def test_ctc_greedy_decode():
    # Best path per step: 1 1 0 2 2 0 1 (0 is the blank) -> merged: 1 2 1; unmerged: 1 1 2 2 1.
    best = [1, 1, 0, 2, 2, 0, 1]
    logits = np.full((1, 7, 3), -5.0, "float32")
    for t, c in enumerate(best):
        logits[0, t, c] = 1.0
    decoded, scores = ops.ctc_decode(logits, [7])
    np.testing.assert_array_equal(np_of(decoded)[0, 0], [1, 2, 1, -1, -1, -1, -1])
    np.testing.assert_allclose(np_of(scores), [[-7.0]])
    decoded, _ = ops.ctc_decode(logits, [7], merge_repeated=False)
    np.testing.assert_array_equal(np_of(decoded)[0, 0], [1, 1, 2, 2, 1, -1, -1])


def test_ctc_loss_is_the_negative_log_likelihood_of_the_label():
    # Two steps, label [1]: the paths "1 1", "0 1", "1 0" all decode to [1].
    logits = rng.normal(size=(1, 2, 2)).astype("float32")
    p = np.exp(logits[0]) / np.exp(logits[0]).sum(-1, keepdims=True)
    likelihood = p[0, 1] * p[1, 1] + p[0, 0] * p[1, 1] + p[0, 1] * p[1, 0]
    loss = ops.ctc_loss(np.array([[1]]), logits, np.array([1]), np.array([2]))
    np.testing.assert_allclose(np_of(loss), [-np.log(likelihood)], rtol=1e-5)


def test_space_depth_round_trip_and_layout():
    x = np.arange(2 * 4 * 6 * 3, dtype="float32").reshape(2, 4, 6, 3)
    packed = ops.space_to_depth(x, 2)
    assert tuple(packed.shape) == (2, 2, 3, 12)
    # TensorFlow's order: depth index = (row_offset * block + col_offset) * C + c.
    np.testing.assert_array_equal(np_of(packed)[0, 0, 0, 3:6], x[0, 0, 1])
    np.testing.assert_array_equal(np_of(ops.depth_to_space(packed, 2)), x)


def test_unfold_and_fold_match_torch_layout():
    x = rng.normal(size=(1, 2, 4, 4)).astype("float32")
    patches = np_of(ops.unfold(x, 2, stride=2))
    assert patches.shape == (1, 8, 4)
    np.testing.assert_array_equal(patches[0, :, 0], x[0, :, :2, :2].reshape(-1))
    np.testing.assert_allclose(np_of(ops.fold(patches, 4, 2, stride=2)), x)


@pytest.mark.parametrize(
    "name, reference",
    [
        ("relu", lambda x: np.maximum(x, 0)),
        ("relu6", lambda x: np.clip(x, 0, 6)),
        ("sigmoid", lambda x: 1 / (1 + np.exp(-x))),
        ("softplus", lambda x: np.log1p(np.exp(x))),
        ("softsign", lambda x: x / (1 + np.abs(x))),
        ("silu", lambda x: x / (1 + np.exp(-x))),
        ("log_sigmoid", lambda x: -np.log1p(np.exp(-x))),
        ("hard_sigmoid", lambda x: np.clip(x / 6 + 0.5, 0, 1)),
        ("elu", lambda x: np.where(x > 0, x, np.expm1(x))),
        (
            "selu",
            lambda x: 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * np.expm1(x)),
        ),
        ("gelu", lambda x: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))),
        ("leaky_relu", lambda x: np.where(x > 0, x, 0.2 * x)),
        ("hard_tanh", lambda x: np.clip(x, -1, 1)),
        ("tanh_shrink", lambda x: x - np.tanh(x)),
        ("squareplus", lambda x: (x + np.sqrt(x * x + 4)) / 2),
        ("sparse_plus", lambda x: np.where(x <= -1, 0, np.where(x < 1, 0.25 * (x + 1) ** 2, x))),
        ("softmax", lambda x: np.exp(x) / np.exp(x).sum(-1, keepdims=True)),
        ("log_softmax", lambda x: x - np.log(np.exp(x).sum(-1, keepdims=True))),
    ],
)
def test_activations_match_numpy(name, reference):
    x = rng.uniform(-4, 4, (3, 5)).astype("float32")
    np.testing.assert_allclose(
        np_of(getattr(ops.nn, name)(x)), reference(x.astype("float64")), rtol=1e-5, atol=1e-6
    )


def test_softmax_keeps_logits_for_crossentropy():
    logits = torch.tensor([[30.0, -30.0]])
    probs = ops.softmax(logits)
    assert probs._keras_logits is logits
    # Computed from the logits: the exact 60.0, not a clipped -log(1e-7).
    loss = ops.categorical_crossentropy(torch.tensor([[0.0, 1.0]]), probs)
    np.testing.assert_allclose(np_of(loss), [60.0], rtol=1e-6)
