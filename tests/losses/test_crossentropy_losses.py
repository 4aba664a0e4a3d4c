"""Crossentropy losses. Expected numbers are from keras 3.15.1 on TensorFlow unless a NumPy
reference is written out in the test."""

import warnings

import numpy as np
import pytest
import torch

from torchkeras import losses

Y_BIN = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], "float32")
P_BIN = np.array([[0.1, 0.8], [0.6, 0.3], [0.99, 0.02]], "float32")
Z_BIN = np.array([[-2.0, 1.5], [0.3, -0.7], [4.0, -3.0]], "float32")
Y_CAT = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]], "float32")
P_CAT = np.array([[0.05, 0.95, 0.0], [0.1, 0.8, 0.1], [0.5, 0.3, 0.4]], "float32")  # last row sums to 1.2
Z_CAT = np.array([[1.0, 2.0, 0.5], [-1.0, 0.0, 3.0], [2.0, 2.0, -1.0]], "float32")
Y_SP = np.array([1, 2, 0])
SW = np.array([0.5, 2.0, 1.0], "float32")


def close(actual, expected, rtol=1e-6, atol=1e-6):
    np.testing.assert_allclose(torch.as_tensor(actual).detach().numpy(), expected, rtol=rtol, atol=atol)


def softmax_with_logits(logits):
    # What `keras.activations.softmax` does in torchkeras: keep the logits on the output.
    out = torch.softmax(logits, dim=-1)
    out._keras_logits = logits
    return out


def sigmoid_with_logits(logits):
    out = torch.sigmoid(logits)
    out._keras_logits = logits
    return out


# -- binary ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reduction, plain, weighted",
    [  # from keras 3.15.1
        ("sum_over_batch_size", 0.8530130386352539, 0.9702210426330566),
        ("sum", 2.5590391159057617, 2.91066312789917),
        ("mean", 0.8530130386352539, 0.9702210426330566),
        ("mean_with_sample_weight", 0.8530130386352539, 0.8316180109977722),
        (
            None,
            [0.16425204277038574, 0.4337502717971802, 1.9610366821289062],
            [0.08212602138519287, 0.8675005435943604, 1.9610366821289062],
        ),
    ],
)
def test_binary_crossentropy_reductions(reduction, plain, weighted):
    loss = losses.BinaryCrossentropy(reduction=reduction)
    close(loss(Y_BIN, P_BIN), plain)
    close(loss(Y_BIN, P_BIN, sample_weight=SW), weighted)


def test_binary_crossentropy_matches_numpy_formula():
    eps = 1e-7
    p = np.clip(P_BIN, eps, 1 - eps)
    expected = -(Y_BIN * np.log(p) + (1 - Y_BIN) * np.log(1 - p)).mean(axis=-1)
    close(losses.binary_crossentropy(Y_BIN, P_BIN), expected)


def test_binary_crossentropy_from_logits_and_label_smoothing():
    close(losses.BinaryCrossentropy(from_logits=True)(Y_BIN, Z_BIN), 0.7254366874694824)
    close(losses.BinaryCrossentropy(label_smoothing=0.2)(Y_BIN, P_BIN), 0.9453393816947937)
    close(
        losses.BinaryCrossentropy(from_logits=True, label_smoothing=0.2)(Y_BIN, Z_BIN),
        0.8171032071113586,
    )
    # NumPy: log-sigmoid formula on the smoothed labels.
    y = Y_BIN * 0.8 + 0.1
    expected = (np.maximum(Z_BIN, 0) - Z_BIN * y + np.log1p(np.exp(-np.abs(Z_BIN)))).mean()
    close(losses.BinaryCrossentropy(from_logits=True, label_smoothing=0.2)(Y_BIN, Z_BIN), expected)


def test_binary_crossentropy_axis_and_saturation():
    close(losses.binary_crossentropy(Y_BIN, P_BIN, axis=0), [0.20874547958374023, 1.497280478477478])
    # Clipped to [1e-7, 1 - 1e-7] in float32 (from keras 3.15.1).
    close(losses.binary_crossentropy([[0.0, 1.0]], [[1.0, 0.0]]), [16.03023910522461])


def test_binary_crossentropy_shape_errors():
    with pytest.raises(ValueError, match=r"must have the same shape. Received: target.shape=\(1, 2\), output.shape=\(1, 3\)"):
        losses.binary_crossentropy([[0.0, 1.0]], [[0.5, 0.2, 0.3]])
    with pytest.raises(ValueError, match=r"must have the same rank \(ndim\). Received: target.shape=\(1, 1, 2\), output.shape=\(1, 2\)"):
        losses.binary_crossentropy([[[0.0, 1.0]]], [[0.5, 0.2]])


# -- categorical -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reduction, plain, weighted",
    [  # from keras 3.15.1
        ("sum_over_batch_size", 1.0764490365982056, 1.8354285955429077),
        ("sum", 3.2293472290039062, 5.506285667419434),
        (
            None,
            [0.051293306052684784, 2.3025851249694824, 0.8754687309265137],
            [0.025646653026342392, 4.605170249938965, 0.8754687309265137],
        ),
    ],
)
def test_categorical_crossentropy_reductions(reduction, plain, weighted):
    loss = losses.CategoricalCrossentropy(reduction=reduction)
    close(loss(Y_CAT, P_CAT), plain)
    close(loss(Y_CAT, P_CAT, sample_weight=SW), weighted)


def test_categorical_crossentropy_renormalizes_and_clips():
    p = P_CAT / P_CAT.sum(axis=-1, keepdims=True)
    p = np.clip(p, 1e-7, 1 - 1e-7)
    close(losses.categorical_crossentropy(Y_CAT, P_CAT), -(Y_CAT * np.log(p)).sum(-1))


def test_categorical_crossentropy_logits_smoothing_axis():
    close(losses.CategoricalCrossentropy(from_logits=True)(Y_CAT, Z_CAT), 0.4159961938858032)
    close(losses.CategoricalCrossentropy(label_smoothing=0.1)(Y_CAT, P_CAT), 1.2727354764938354)
    close(
        losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1)(Y_CAT, Z_CAT),
        0.5548850893974304,
    )
    close(
        losses.categorical_crossentropy(Y_CAT, P_CAT, axis=0),
        [0.2623642086982727, 0.7691330909729004, 1.6094379425048828],
    )
    close(
        losses.categorical_crossentropy(Y_CAT, Z_CAT, axis=0, from_logits=True),
        [0.34901225566864014, 0.7586237788200378, 0.09567437320947647],
    )


def test_categorical_crossentropy_errors_and_warning():
    with pytest.raises(ValueError, match=r"must have the same shape. Received: target.shape=\(1, 2\), output.shape=\(1, 3\)"):
        losses.categorical_crossentropy([[0.0, 1.0]], [[0.5, 0.2, 0.3]])
    with pytest.raises(ValueError, match=r"must have the same rank \(ndim\). Received: target.shape=\(2,\), output.shape=\(1, 2\)"):
        losses.categorical_crossentropy([0.0, 1.0], [[0.5, 0.2]])
    with pytest.raises(ValueError, match="must be at least rank 1"):
        losses.categorical_crossentropy(torch.tensor(1.0), torch.tensor([0.5, 0.5]))
    with pytest.raises(ValueError, match=r"`axis` must be of type `int`. Received: axis=True of type <class 'bool'>"):
        losses.categorical_crossentropy([[0.0, 1.0]], [[0.5, 0.2]], axis=True)
    with pytest.warns(SyntaxWarning, match="Consider using 'binary_crossentropy'"):
        losses.categorical_crossentropy([[1.0]], [[0.5]])


# -- sparse categorical ----------------------------------------------------------------------


def test_sparse_categorical_crossentropy_values():
    # from keras 3.15.1
    close(losses.SparseCategoricalCrossentropy()(Y_SP, P_CAT), 1.0764490365982056)
    close(losses.SparseCategoricalCrossentropy()(Y_SP, P_CAT, sample_weight=SW), 1.8354285955429077)
    close(losses.SparseCategoricalCrossentropy(from_logits=True)(Y_SP, Z_CAT), 0.4159961938858032)
    close(losses.SparseCategoricalCrossentropy()(Y_SP[:, None], P_CAT), 1.0764490365982056)
    close(
        losses.sparse_categorical_crossentropy(Y_SP, P_CAT),
        [0.05129344388842583, 2.3025851249694824, 0.8754686713218689],
    )
    # Integer labels given as torch tensors of any int dtype.
    close(
        losses.SparseCategoricalCrossentropy(from_logits=True)(torch.tensor(Y_SP, dtype=torch.int32), Z_CAT),
        0.4159961938858032,
    )


def test_sparse_categorical_crossentropy_ignore_class():
    # from keras 3.15.1
    close(losses.SparseCategoricalCrossentropy(ignore_class=2)(Y_SP, P_CAT), 0.4633810520172119)
    close(
        losses.SparseCategoricalCrossentropy(ignore_class=2, from_logits=True)(Y_SP, Z_CAT),
        0.5910523533821106,
    )
    close(
        losses.SparseCategoricalCrossentropy(ignore_class=2, reduction=None)(Y_SP, P_CAT),
        [0.05129344388842583, 0.0, 0.8754686713218689],
    )
    close(
        losses.SparseCategoricalCrossentropy(ignore_class=2, reduction="sum")(Y_SP, P_CAT),
        0.9267621040344238,
    )
    close(
        losses.SparseCategoricalCrossentropy(ignore_class=2)(Y_SP, P_CAT, sample_weight=SW),
        0.450557678937912,
    )
    y = np.array([[1, 255], [0, 2]])
    z = np.array(
        [[[1.0, 2.0, 0.5], [0.1, 0.2, 0.3]], [[3.0, -1.0, 0.0], [0.5, 0.5, 2.0]]], "float32"
    )
    close(
        losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=255)(y, z),
        0.2997446060180664,
    )


def test_sparse_categorical_crossentropy_errors():
    with pytest.raises(ValueError, match=r"must have rank \(ndim\) `target.ndim - 1`. Received: target.shape=\(1, 2\), output.shape=\(1, 3\)"):
        losses.sparse_categorical_crossentropy(np.array([[0, 1]]), [[0.5, 0.2, 0.3]])
    with pytest.raises(ValueError, match=r"same shape up until the last dimension: target.shape=\(3,\), output.shape=\(1, 3\)"):
        losses.sparse_categorical_crossentropy(np.array([0, 1, 1]), [[0.5, 0.2, 0.3]])
    with pytest.raises(ValueError, match="Only axis=-1 is currently supported. Received: axis=0"):
        losses.sparse_categorical_crossentropy(np.array([0, 1]), P_CAT[:2], axis=0)
    with pytest.raises(ValueError, match="must be at least rank 1"):
        losses.crossentropy_ops.sparse_categorical_crossentropy(torch.tensor(1), torch.tensor(0.5))


# -- logits attached by softmax / sigmoid ----------------------------------------------------


def test_attached_softmax_logits_give_exact_loss_and_gradient():
    logits = torch.tensor([[0.0, 40.0], [1.0, 2.0]], requires_grad=True)
    y = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
    loss = losses.CategoricalCrossentropy()(y, softmax_with_logits(logits))
    close(loss, 20.156631469726562)  # from keras 3.15.1 (TF recovers the logits)
    loss.backward()
    # from keras 3.15.1: d loss / d logits = (softmax - y) / batch
    close(logits.grad, [[-0.5, 0.5], [0.13447071611881256, -0.13447070121765137]])
    # The same probabilities without logits are clipped (from keras 3.15.1).
    close(losses.CategoricalCrossentropy()(y, softmax_with_logits(logits).detach()), 8.215678215026855)
    # A saturated wrong answer: the loss is ~40, the value of the logit gap.
    single = losses.categorical_crossentropy(y[:1], softmax_with_logits(logits[:1].detach()))
    close(single, [40.0])


def test_attached_logits_sparse_and_label_smoothing():
    logits = torch.tensor([[0.0, 40.0], [1.0, 2.0]])
    # from keras 3.15.1
    close(losses.SparseCategoricalCrossentropy()([0, 1], softmax_with_logits(logits)), 20.156631469726562)
    close(
        losses.CategoricalCrossentropy(label_smoothing=0.1)([[1.0, 0.0], [0.0, 1.0]], softmax_with_logits(logits)),
        19.181631088256836,
    )
    # ignore_class works on a masked copy of the probabilities, as on TensorFlow.
    close(
        losses.SparseCategoricalCrossentropy(ignore_class=1)([0, 1], softmax_with_logits(logits)),
        16.11809539794922,
    )


def test_attached_sigmoid_logits():
    logits = torch.tensor([[40.0], [-3.0]], requires_grad=True)
    y = torch.tensor([[0.0], [1.0]])
    loss = losses.BinaryCrossentropy()(y, sigmoid_with_logits(logits))
    close(loss, 21.524293899536133)  # from keras 3.15.1
    loss.backward()
    close(logits.grad, [[0.5], [-0.4762870669364929]])  # from keras 3.15.1
    close(losses.BinaryCrossentropy()(y, sigmoid_with_logits(logits).detach()), 9.49548625946045)
    close(
        losses.BinaryCrossentropy(label_smoothing=0.1)(y, sigmoid_with_logits(logits.detach())),
        20.44929313659668,
    )


def test_attached_logits_of_the_other_activation_are_used_as_tensorflow_does():
    # TF does not check which activation produced the logits (from keras 3.15.1).
    logits = torch.tensor([[1.0, 2.0, -1.0]])
    close(losses.CategoricalCrossentropy()([[0.0, 1.0, 0.0]], sigmoid_with_logits(logits)), 0.349012166261673)
    close(losses.BinaryCrossentropy()([[0.0, 1.0, 0.0]], softmax_with_logits(logits)), 0.584483802318573)


def test_attached_logits_with_another_shape_are_ignored():
    probs = torch.tensor([[0.2, 0.8]])
    probs._keras_logits = torch.zeros(3)
    p = np.clip(np.array([0.2, 0.8]), 1e-7, 1 - 1e-7)
    close(losses.categorical_crossentropy([[1.0, 0.0]], probs), [-np.log(p[0])])


def test_from_logits_true_on_softmax_output_warns_and_uses_logits():
    logits = torch.tensor([[0.0, 40.0], [1.0, 2.0]])
    with pytest.warns(UserWarning, match="received `from_logits=True`, but the `output` argument was produced by a Softmax activation"):
        value = losses.CategoricalCrossentropy(from_logits=True)([[1.0, 0.0], [0.0, 1.0]], softmax_with_logits(logits))
    close(value, 20.156631469726562)  # from keras 3.15.1


def test_no_warning_without_attached_logits():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        losses.CategoricalCrossentropy(from_logits=True)(Y_CAT, Z_CAT)


def test_configs():
    # from keras 3.15.1
    assert losses.BinaryCrossentropy().get_config() == {
        "name": "binary_crossentropy", "reduction": "sum_over_batch_size", "from_logits": False,
        "label_smoothing": 0.0, "axis": -1,
    }
    assert losses.CategoricalCrossentropy().get_config() == {
        "name": "categorical_crossentropy", "reduction": "sum_over_batch_size",
        "from_logits": False, "label_smoothing": 0.0, "axis": -1,
    }
    assert losses.SparseCategoricalCrossentropy().get_config() == {
        "name": "sparse_categorical_crossentropy", "reduction": "sum_over_batch_size",
        "from_logits": False, "ignore_class": None,
    }
    loss = losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1, reduction="sum")
    clone = losses.CategoricalCrossentropy.from_config(loss.get_config())
    assert clone.get_config() == loss.get_config()
    close(clone(Y_CAT, Z_CAT), loss(Y_CAT, Z_CAT))


P_CAT4 = np.array([[0.05, 0.9, 0.05], [0.1, 0.8, 0.1], [0.5, 0.3, 0.4], [0.0, 1.0, 0.0]], "float32")
Z_CAT4 = np.array([[1.0, 2.0, 0.5], [-1.0, 0.0, 3.0], [2.0, 2.0, -1.0], [0.3, -0.2, 0.1]], "float32")
SW4 = np.array([0.5, 2.0, 1.0, 0.0], "float32")


@pytest.mark.parametrize(
    "reduction, probs_weighted, logits",
    [  # from keras 3.15.1
        ("sum_over_batch_size", 0.30938300490379333, 0.7560147047042847),
        ("mean", 0.30938300490379333, 0.7560147047042847),
        ("sum", 0.9281489253044128, 2.2680439949035645),
        ("mean_with_sample_weight", 0.6187659502029419, 0.7560146450996399),
        (None, [0.052680280059576035, 0.0, 0.8754686713218689, 0.0],
         [0.4643687903881073, 0.0, 0.7177358865737915, 1.0859394073486328]),
    ],
)
def test_sparse_categorical_ignore_class_reductions(reduction, probs_weighted, logits):
    # The ignored entries are masked: the means run over the kept entries only.
    loss = losses.SparseCategoricalCrossentropy(ignore_class=2, reduction=reduction)
    close(loss(np.array([1, 2, 0, 1]), P_CAT4, sample_weight=SW4), probs_weighted)
    loss = losses.SparseCategoricalCrossentropy(
        ignore_class=-1, from_logits=True, reduction=reduction
    )
    close(loss(np.array([1, -1, 0, 2]), Z_CAT4), logits)
