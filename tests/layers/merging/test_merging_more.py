import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers


def _masked(values, mask):
    tensor = torch.as_tensor(values)
    tensor._keras_mask = torch.as_tensor(mask)
    return tensor


def test_subtract_average_maximum_minimum(rng):
    a = rng.normal(size=(2, 3, 4)).astype("float32")
    b = rng.normal(size=(2, 3, 4)).astype("float32")
    c = rng.normal(size=(2, 3, 4)).astype("float32")
    np.testing.assert_allclose(layers.Subtract()([a, b]).numpy(), a - b, rtol=1e-6)
    np.testing.assert_allclose(layers.Average()([a, b, c]).numpy(), (a + b + c) / 3, rtol=1e-6)
    np.testing.assert_array_equal(layers.Maximum()([a, b, c]).numpy(),
                                  np.maximum(np.maximum(a, b), c))
    np.testing.assert_array_equal(layers.Minimum()([a, b]).numpy(), np.minimum(a, b))
    np.testing.assert_allclose(keras.layers.subtract([a, b]).numpy(), a - b, rtol=1e-6)
    np.testing.assert_allclose(keras.layers.average([a, b]).numpy(), (a + b) / 2, rtol=1e-6)
    np.testing.assert_array_equal(keras.layers.maximum([a, b]).numpy(), np.maximum(a, b))
    np.testing.assert_array_equal(keras.layers.minimum([a, b]).numpy(), np.minimum(a, b))


def test_inputs_of_different_ranks_line_up_after_the_batch_axis(rng):
    a = rng.normal(size=(2, 3, 4)).astype("float32")
    b = rng.normal(size=(2, 4)).astype("float32")
    np.testing.assert_allclose(layers.Subtract()([a, b]).numpy(), a - b[:, None], rtol=1e-6)
    np.testing.assert_allclose(layers.Add()([b, a]).numpy(), a + b[:, None], rtol=1e-6)
    assert layers.Subtract()([keras.Input((3, 4)), keras.Input((4,))]).shape == (None, 3, 4)
    assert layers.Average()([keras.Input((3, 1)), keras.Input((3, 5))]).shape == (None, 3, 5)


def test_masks_are_combined_with_or_and_skipped_by_maximum(rng):
    a = rng.normal(size=(2, 3, 2)).astype("float32")
    b = rng.normal(size=(2, 3, 2)).astype("float32")
    ma = np.array([[True, False, True], [False, False, True]])
    mb = np.array([[True, True, False], [False, True, True]])
    out = layers.Maximum()([_masked(a, ma), _masked(b, mb)])
    # Where one input is masked the other's value is used; with both masked, the first's.
    both, only_b = (ma & mb)[..., None], (~ma & mb)[..., None]
    expected = np.where(both, np.maximum(a, b), np.where(only_b, b, a))
    np.testing.assert_array_equal(out.numpy(), expected)
    np.testing.assert_array_equal(out._keras_mask.numpy(), ma | mb)
    out = layers.Minimum()([_masked(a, ma), _masked(b, mb)])
    np.testing.assert_array_equal(out.numpy(),
                                  np.where(both, np.minimum(a, b), np.where(only_b, b, a)))
    # Elementwise merges keep Keras's OR of the input masks (none if an input has no mask).
    added = layers.Add()([_masked(a, ma), _masked(b, mb)])
    np.testing.assert_array_equal(added._keras_mask.numpy(), ma | mb)
    assert getattr(layers.Add()([_masked(a, ma), b]), "_keras_mask", None) is None
    merge = layers.Subtract()
    assert merge.compute_mask([a, b], None) is None
    with pytest.raises(ValueError, match=r"`mask` should be a list. Received: mask=1"):
        merge.compute_mask([a, b], 1)
    with pytest.raises(ValueError, match=r"`inputs` should be a list. Received: inputs=1"):
        merge.compute_mask(1, [None])
    with pytest.raises(ValueError, match=r"The lists `inputs` and `mask` should have the same "
                                         r"length."):
        merge.compute_mask([a, b], [None])


def test_dot(rng):
    x = rng.normal(size=(2, 3, 5)).astype("float32")
    y = rng.normal(size=(2, 4, 3)).astype("float32")
    np.testing.assert_allclose(layers.Dot(axes=(1, 2))([x, y]).numpy(),
                               np.einsum("bik,bji->bkj", x, y), rtol=1e-5, atol=1e-6)
    unit_x = x / np.linalg.norm(x, axis=1, keepdims=True)
    unit_y = y / np.linalg.norm(y, axis=2, keepdims=True)
    np.testing.assert_allclose(layers.Dot(axes=(1, 2), normalize=True)([x, y]).numpy(),
                               np.einsum("bik,bji->bkj", unit_x, unit_y), rtol=1e-5, atol=1e-6)
    # Two vectors per sample: (batch, 1), the cosine proximity with `normalize`.
    u, v = x[:, 0], x[:, 1]
    np.testing.assert_allclose(layers.Dot(axes=1)([u, v]).numpy(),
                               (u * v).sum(1, keepdims=True), rtol=1e-5)
    np.testing.assert_allclose(keras.layers.dot([u, x], axes=-1).numpy(),
                               np.einsum("bk,bjk->bj", u, x), rtol=1e-5, atol=1e-6)
    # A zero vector stays zero under normalization (Keras clips the inverse norm at 1e7).
    zeros = np.zeros((2, 5), "float32")
    np.testing.assert_array_equal(layers.Dot(1, normalize=True)([zeros, u]).numpy(), 0.0)
    assert layers.Dot(axes=(1, 2))([keras.Input((3, 5)), keras.Input((4, 3))]).shape == (
        None, 5, 4
    )
    assert layers.Dot(axes=1)([keras.Input((5,)), keras.Input((5,))]).shape == (None, 1)
    config = layers.Dot(axes=(1, 2), normalize=True).get_config()
    assert config["axes"] == (1, 2) and config["normalize"] is True
    assert layers.Dot.from_config(config).get_config() == config
    masked = layers.Dot(axes=1)([_masked(u, np.ones((2,), bool)), v])
    assert getattr(masked, "_keras_mask", None) is None


def test_training_through_the_merges(rng):
    a, b = keras.Input((4,)), keras.Input((4,))
    da, db = layers.Dense(4)(a), layers.Dense(4)(b)
    merged = layers.Average()([layers.Subtract()([da, db]), layers.Maximum()([da, db])])
    out = layers.Dense(1)(layers.Concatenate()([merged, layers.Dot(axes=1)([da, db])]))
    model = keras.Model([a, b], out)
    model.compile(optimizer="sgd", loss="mse")
    before = [w.copy() for w in model.get_weights()]
    model.fit([rng.normal(size=(8, 4)), rng.normal(size=(8, 4))], np.ones((8, 1)), verbose=0)
    assert all(not np.allclose(w0, w1) for w0, w1 in zip(before, model.get_weights()))


def test_errors():
    one = np.ones((1, 2), "float32")
    with pytest.raises(ValueError, match=r"A `Subtract` layer should be called on exactly 2 "
                                         r"inputs. Received: input_shape=\[\(1, 2\), \(1, 2\), "
                                         r"\(1, 2\)\]"):
        layers.Subtract()([one, one, one])
    with pytest.raises(TypeError, match=r"Invalid type for argument `axes`: it should be a list "
                                        r"or an int. Received: axes=a"):
        layers.Dot("a")
    with pytest.raises(ValueError, match=r"Invalid format for argument `axes`: it should contain "
                                         r"two elements. Received: axes=\(1, 2, 3\)"):
        layers.Dot((1, 2, 3))
    with pytest.raises(ValueError, match=r"Invalid format for argument `axes`: list elements "
                                         r"should be integers. Received: axes=\(1.0, 2\)"):
        layers.Dot((1.0, 2))
    with pytest.raises(ValueError, match=r"A `Dot` layer should be called on a list of 2 inputs. "
                                         r"Received: input_shape=\[\(1, 2\), \(1, 2\), "
                                         r"\(1, 2\)\]"):
        layers.Dot(1)([one, one, one])
    with pytest.raises(ValueError, match=r"Incompatible input shapes: axis values 3 \(at axis "
                                         r"1\) != 4 \(at axis 1\). Full input shapes: \(2, 3\), "
                                         r"\(2, 4\)"):
        layers.Dot(1)([np.ones((2, 3), "float32"), np.ones((2, 4), "float32")])
    with pytest.raises(ValueError, match=r"Cannot merge tensors with different batch sizes. "
                                         r"Received tensors with shapes \[\(2, 3\), \(3, 3\)\]"):
        layers.Maximum()([np.ones((2, 3), "float32"), np.ones((3, 3), "float32")])
    with pytest.raises(ValueError, match=r"Inputs have incompatible shapes. Received shapes "
                                         r"\(3,\) and \(4,\)"):
        layers.Average()([keras.Input((3,)), keras.Input((4,))])


def test_batch_dot_and_merge_function_errors():
    from torchkeras.layers.merging.dot import batch_dot

    x = torch.ones(2, 3)
    with pytest.raises(ValueError, match=r"Cannot do batch_dot on inputs with rank < 2. "
                                         r"Received inputs with shapes \(2,\) and \(2, 3\)."):
        batch_dot(torch.ones(2), x, (1, 1))
    with pytest.raises(ValueError, match=r"Cannot perform batch_dot over axis 0."):
        layers.Dot(0)([x, x])
    with pytest.raises(ValueError, match=r"Cannot do batch_dot on inputs with shapes \(2, 3\) "
                                         r"and \(2, 4\) with axes=\[1, 1\]. x.shape\[1\] != "
                                         r"y.shape\[1\] \(3 != 4\)."):
        batch_dot(x, torch.ones(2, 4), (1, 1))
    with pytest.raises(ValueError, match=r"A `Dot` layer should be called on exactly 2 inputs."):
        layers.Dot(1)._merge_function([x])
    with pytest.raises(ValueError, match=r"A `Subtract` layer should be called on exactly 2 "
                                         r"inputs. Received: inputs="):
        layers.Subtract()._merge_function([x])
