"""MixUp, CutMix, RandomErasing, RandomShear and RandomPerspective."""

import re

import numpy as np
import pytest
import torch

from torchkeras import layers
from torchkeras.layers.preprocessing.image_preprocessing.random_perspective import (
    compute_homography_matrix,
)

X = (np.arange(36).reshape(1, 3, 4, 3) * 37 % 255).astype("float32")
RNG = np.random.default_rng(0)
BATCH = RNG.uniform(0, 255, size=(4, 6, 5, 3)).astype("float32")
LABELS = np.eye(4, dtype="float32")


def test_mix_up_matches_keras_for_a_given_draw():
    x = np.concatenate([X, X[:, ::-1]])
    out = layers.MixUp().transform_images(
        torch.from_numpy(x),
        {"mix_weight": torch.tensor([0.25, 0.5]), "permutation_order": torch.tensor([1, 0])})
    # from keras 3.15.1
    np.testing.assert_allclose(out[:, 0, :, 0].numpy(), [[92.25, 203.25, 123.0, 170.25],
                                                         [61.5, 172.5, 156.0, 139.5]])


def test_mix_up_mixes_images_and_labels_with_the_same_weights():
    out = layers.MixUp(alpha=0.5, seed=1)({"images": BATCH, "labels": LABELS})
    labels = out["labels"].numpy()
    np.testing.assert_allclose(labels.sum(axis=1), 1.0, rtol=1e-6)
    for i in range(4):
        partner = int(np.argmax(labels[i] * (np.arange(4) != i))) if labels[i, i] < 1 else i
        w = labels[i, i]
        expected = w * BATCH[i] + (1 - w) * BATCH[partner]
        np.testing.assert_allclose(out["images"][i].numpy(), expected, rtol=1e-4, atol=1e-3)
    np.testing.assert_array_equal(layers.MixUp()(BATCH, training=False).numpy(), BATCH)


def test_cut_mix_pastes_boxes_and_mixes_labels_by_area():
    layer = layers.CutMix(seed=4)
    out = layer({"images": BATCH, "labels": LABELS})
    images, labels = out["images"].numpy(), out["labels"].numpy()
    np.testing.assert_allclose(labels.sum(axis=1), 1.0, rtol=1e-5)
    for i in range(4):
        changed = np.any(images[i] != BATCH[i], axis=-1)
        # The kept fraction of pixels is about the label weight (box edges are fractional).
        assert changed.mean() <= 1 - labels[i, i] + 0.45
    assert layers.CutMix()(BATCH[0]).shape == BATCH[0].shape  # unbatched: unchanged
    np.testing.assert_array_equal(layers.CutMix()(BATCH, training=False).numpy(), BATCH)


def test_random_erasing_fills_a_box():
    out = layers.RandomErasing(factor=(1.0, 1.0), scale=(0.3, 0.3), fill_value=3.0,
                               seed=2)(BATCH).numpy()
    for original, erased in zip(BATCH, out):
        filled = np.all(erased == 3.0, axis=-1)
        assert filled.any()
        rows, cols = np.where(filled)
        box = filled[rows.min():rows.max() + 1, cols.min():cols.max() + 1]
        assert box.all()  # one rectangle
        np.testing.assert_array_equal(erased[~filled], original[~filled])
    noise = layers.RandomErasing(factor=(1.0, 1.0), seed=2)(BATCH).numpy()
    assert noise.min() >= 0 and noise.max() <= 255
    with pytest.raises(ValueError, match=re.escape(
            "The `fill_value` argument should be a number (or a list of three numbers)")):
        layers.RandomErasing(fill_value=(1, 2))(BATCH)
    with pytest.raises(ValueError, match=re.escape(
            "The `fill_value` argument should be a number (or a list of three numbers)")):
        layers.RandomErasing(fill_value="x")(BATCH)
    three = layers.RandomErasing(factor=(1.0, 1.0), fill_value=(1, 2, 3), seed=1)(BATCH)
    assert three.shape == BATCH.shape


def test_random_shear_matches_keras_for_a_given_draw():
    layer = layers.RandomShear((0.5, 0.5), fill_mode="constant", interpolation="nearest")
    out = layer.transform_images(torch.from_numpy(X), {"shear_factor": torch.tensor([[0.5, 0.0]])})
    # from keras 3.15.1
    assert out[0, :, :, 0].tolist() == [[0, 111, 222, 78], [45, 156, 12, 0], [234, 90, 201, 0]]
    shear = layer.get_random_transformation(X)["shear_factor"]
    assert shear.shape == (1, 2) and abs(float(shear[0, 0])) == 0.5 and float(shear[0, 1]) == 0


def test_perspective_matches_keras():
    start = torch.tensor([[[0.0, 0.0], [3.0, 0.0], [0.0, 3.0], [3.0, 3.0]]])
    end = torch.tensor([[[0.5, 0.2], [3.2, -0.3], [-0.4, 2.6], [3.1, 3.4]]])
    layer = layers.RandomPerspective()
    img = torch.arange(16, dtype=torch.float32).reshape(1, 4, 4, 1)
    out = layer._transform_images(img, {"start_points": start, "end_points": end,
                                         "apply_perspective": torch.tensor([True])}, "bilinear")
    # from keras 3.15.1 (keras.ops.image.perspective_transform)
    np.testing.assert_allclose(out[0, :, :, 0].numpy(), [
        [0.0, 0.56296, 2.37546, 4.12926], [3.18071, 6.06914, 7.31692, 8.26827],
        [9.72338, 10.4751, 11.04897, 11.50143], [9.58514, 12.83549, 13.9672, 14.09678]],
        rtol=1e-4, atol=1e-4)
    matrix = compute_homography_matrix(start, end)[0].numpy()
    h = np.append(matrix, 1.0).reshape(3, 3)
    for s, e in zip(start[0].numpy(), end[0].numpy()):
        mapped = h @ np.append(e, 1.0)
        np.testing.assert_allclose(mapped[:2] / mapped[2], s, atol=1e-4)
    identity = layers.RandomPerspective(scale=0.0)(BATCH)
    np.testing.assert_allclose(identity.numpy(), BATCH, rtol=1e-5, atol=1e-3)


def test_mixing_configs_and_errors():
    # from keras 3.15.1
    assert layers.RandomShear(0.2, name="s").get_config()["x_factor"] == (-0.2, 0.2)
    assert layers.RandomPerspective(name="p").get_config()["factor"] == (0, 1.0)
    assert layers.MixUp(name="m").get_config()["alpha"] == 0.2
    assert layers.CutMix(name="c").get_config()["factor"] == (0, 1.0)
    assert layers.RandomErasing(name="e").get_config()["scale"] == (0.02, 0.33)
    with pytest.raises(ValueError, match=re.escape(
            "The `scale` argument should be a number in the range [0,1]. Received: scale=2")):
        layers.RandomPerspective(scale=2)
    with pytest.raises(NotImplementedError, match="Unknown `interpolation` area."):
        layers.RandomPerspective(interpolation="area")
    with pytest.raises(NotImplementedError, match="Unknown `interpolation` area."):
        layers.RandomShear(interpolation="area")
    with pytest.raises(NotImplementedError, match="Unknown `fill_mode` mirror."):
        layers.RandomShear(fill_mode="mirror")
    with pytest.raises(ValueError, match=re.escape(
            "The `factor` argument should be a number (or a list of two numbers) in the range "
            "[0, 1.0]. Received: input_number=-0.5")):
        layers.RandomShear(-0.5)
    with pytest.raises(ValueError, match=re.escape("Received: y_factor=(1, 2, 3)")):
        layers.RandomShear(0.1, (1, 2, 3))
    with pytest.raises(ValueError, match=re.escape("Received: x_factor=x")):
        layers.RandomShear("x")
