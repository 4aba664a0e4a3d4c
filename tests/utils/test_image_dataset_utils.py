"""image_dataset_from_directory against Keras 3.15.1 on TensorFlow 2.21.

The fixture is rebuilt here with the same NumPy seed as the reference run; PNG is lossless, so
the decoded pixels are the same. Expected numbers were printed by Keras ("# from keras 3.15.1").
"""

import os

import numpy as np
import pytest
import torch

from torchkeras.compat.tensorflow.data import Dataset
from torchkeras.utils.image_dataset_utils import image_dataset_from_directory

PIL = pytest.importorskip("PIL.Image")


@pytest.fixture(scope="module")
def image_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("imgs")
    rng = np.random.RandomState(0)
    for sub in ("cats", "dogs/sub", ".hidden"):
        os.makedirs(root / sub)

    def save(shape, name, **kwargs):
        PIL.fromarray(rng.randint(0, 256, shape).astype("uint8")).save(root / name, **kwargs)

    save((7, 5, 3), "cats/a.png")
    save((4, 9, 3), "cats/B.PNG")
    save((6, 6), "dogs/c.png")
    save((5, 8, 4), "dogs/sub/d.png")
    save((16, 12, 3), "dogs/f.jpg", quality=90)
    (root / "dogs" / "notes.txt").write_text("x")
    save((3, 3, 3), ".hidden/g.png")
    return str(root)


def images(directory, **kwargs):
    ds = image_dataset_from_directory(directory, batch_size=None, image_size=(4, 6),
                                      shuffle=False, verbose=False, **kwargs)
    return ds, [x for x, _ in ds]


def test_listing_labels_and_messages(image_dir, capsys):
    ds = image_dataset_from_directory(image_dir, image_size=(4, 6), shuffle=False)
    assert capsys.readouterr().out == "Found 5 files belonging to 2 classes.\n"
    assert isinstance(ds, Dataset) and ds.class_names == ["cats", "dogs"]
    # from keras 3.15.1: sorted per class, sub-folders included, ".txt" and hidden dirs skipped
    assert [os.path.relpath(p, image_dir) for p in ds.file_paths] == [
        "cats/B.PNG", "cats/a.png", "dogs/c.png", "dogs/f.jpg", "dogs/sub/d.png"]
    (x, y), = list(ds)
    assert x.shape == (5, 4, 6, 3) and x.dtype == torch.float32
    assert y.dtype == torch.int32 and y.tolist() == [0, 0, 1, 1, 1]
    assert ds.element_spec[0].shape == (None, 4, 6, 3)


def test_pixels_equal_keras(image_dir):
    # from keras 3.15.1 (bilinear, rgb): first row of cats/B.PNG
    _, xs = images(image_dir)
    np.testing.assert_allclose(xs[0][0].numpy(), [
        [36.25, 208.0, 68.0], [184.75, 136.0, 167.75], [211.0, 115.25, 153.75],
        [54.25, 212.0, 152.25], [100.0, 81.0, 78.25], [134.5, 161.25, 113.5]], atol=1e-4)
    # from keras 3.15.1: the grayscale conversion TensorFlow applies (libpng weights)
    _, gray = images(image_dir, color_mode="grayscale")
    np.testing.assert_allclose(gray[1][..., 0].numpy(), [
        [107.0, 129.21875, 118.25, 102.52083587646484, 90.5625, 65.625],
        [103.125, 188.25, 168.86459350585938, 124.02083587646484, 131.5, 199.0],
        [206.375, 159.59375, 116.65625, 94.41667175292969, 113.125, 180.625],
        [62.875, 80.5, 91.91666412353516, 117.48957061767578, 139.15625, 113.375]], atol=1e-4)


@pytest.mark.parametrize("kwargs, sums", [
    # from keras 3.15.1: pixel sums of B.PNG, a.png, c.png, d.png
    (dict(), [7956.25, 9343.187, 10026.0, 8489.292]),
    (dict(interpolation="nearest", color_mode="grayscale"), [2685.0, 3033.0, 3538.0, 2863.0]),
    (dict(interpolation="area", pad_to_aspect_ratio=True),
     [3991.667, 2967.771, 6553.333, 6421.05]),
    (dict(interpolation="bicubic", color_mode="rgba", crop_to_aspect_ratio=True),
     [14798.0, 16349.299, 15186.0, None]),
    (dict(interpolation="lanczos3", color_mode="grayscale"),
     [2726.742, 2990.907, 3326.574, 2899.726]),
    (dict(color_mode="grayscale", pad_to_aspect_ratio=True),
     [1361.375, 1031.906, 2224.375, 2079.556]),
])
def test_resize_modes_equal_keras(image_dir, kwargs, sums):
    _, xs = images(image_dir, **kwargs)
    for i, expected in zip((0, 1, 2, 4), sums):
        if expected is not None:
            assert float(xs[i].double().sum()) == pytest.approx(expected, abs=2e-3)
    if kwargs.get("interpolation") == "nearest":
        assert xs[0].dtype == torch.uint8  # tf.image.resize keeps the dtype for nearest


def test_seeded_split_matches_keras(image_dir, capsys):
    train, val = image_dataset_from_directory(
        image_dir, image_size=(4, 6), seed=3, validation_split=0.34, subset="both",
        label_mode="categorical", data_format="channels_first")
    out = capsys.readouterr().out
    assert out == ("Found 5 files belonging to 2 classes.\nUsing 4 files for training.\n"
                   "Using 1 files for validation.\n")
    # from keras 3.15.1: the same files on each side
    assert [os.path.relpath(p, image_dir) for p in train.file_paths] == [
        "dogs/f.jpg", "dogs/sub/d.png", "cats/a.png", "cats/B.PNG"]
    assert [os.path.relpath(p, image_dir) for p in val.file_paths] == ["dogs/c.png"]
    x, y = next(iter(val))
    assert x.shape == (1, 3, 4, 6) and y.tolist() == [[0.0, 1.0]] and y.dtype == torch.float32
    labels = sorted(tuple(r) for _, yb in train for r in yb.tolist())
    assert labels == [(0.0, 1.0), (0.0, 1.0), (1.0, 0.0), (1.0, 0.0)]


def test_no_labels_and_explicit_labels(image_dir, capsys):
    ds = image_dataset_from_directory(image_dir, image_size=(4, 6), seed=3, labels=None)
    assert capsys.readouterr().out == "Found 6 files.\n"  # from keras 3.15.1 (walks all dirs)
    assert ds.class_names is None and next(iter(ds)).shape == (6, 4, 6, 3)
    with pytest.raises(ValueError, match="len\\(labels\\) is 5 while we found 6 files"):
        image_dataset_from_directory(image_dir, labels=[3, 1, 1, 7, 3])
    ds = image_dataset_from_directory(image_dir, labels=[0, 1, 1, 0, 0, 1], shuffle=False,
                                      label_mode="binary", image_size=(2, 2), verbose=False)
    assert ds.class_names == ["0", "1"]
    assert next(iter(ds))[1].tolist() == [[0.0], [1.0], [1.0], [0.0], [0.0], [1.0]]


def test_unbatched_shuffled_and_fit(image_dir):
    import torchkeras as keras

    ds = image_dataset_from_directory(image_dir, image_size=(4, 6), batch_size=2, seed=1,
                                      verbose=False)
    assert len(ds) == 3
    first = sorted(float(x.sum()) for xb, _ in ds for x in xb)
    second = sorted(float(x.sum()) for xb, _ in ds for x in xb)
    assert first == second
    model = keras.Sequential([keras.Input((4, 6, 3)), keras.layers.Rescaling(1 / 255),
                              keras.layers.Flatten(), keras.layers.Dense(2)])
    model.compile("sgd", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    assert len(model.fit(ds, epochs=1, verbose=0).history["loss"]) == 1
    assert model.predict(ds, verbose=0).shape == (5, 2)


def test_errors(image_dir, tmp_path):
    with pytest.raises(ValueError, match="`labels` argument should be a list/tuple of integer "
                                         "labels, of the same size as the number of image files"):
        image_dataset_from_directory(image_dir, labels="abc")
    with pytest.raises(ValueError, match="You can only pass `class_names` if `labels=\"inferred\"`"):
        image_dataset_from_directory(image_dir, labels=[0], class_names=["a"])
    with pytest.raises(ValueError, match='`label_mode` argument must be one of "int", '
                                         '"categorical", "binary", or None. Received: label_mode=x'):
        image_dataset_from_directory(image_dir, label_mode="x")
    with pytest.raises(ValueError, match="`color_mode` must be one of"):
        image_dataset_from_directory(image_dir, color_mode="cmyk")
    with pytest.raises(ValueError, match="Invalid `image_size` value. Expected a tuple of 2"):
        image_dataset_from_directory(image_dir, image_size=(1, 2, 3))
    with pytest.raises(ValueError, match="Argument `interpolation` should be one of"):
        image_dataset_from_directory(image_dir, interpolation="cubic")
    with pytest.raises(NotImplementedError, match="interpolation='gaussian' is not available"):
        image_dataset_from_directory(image_dir, interpolation="gaussian")
    with pytest.raises(ValueError, match='`format` should be either "tf" or "grain"'):
        image_dataset_from_directory(image_dir, format="x")
    with pytest.raises(NotImplementedError, match='format="grain" is not available'):
        image_dataset_from_directory(image_dir, format="grain")
    with pytest.raises(ValueError, match="Only one of `pad_to_aspect_ratio`, "
                                         "`crop_to_aspect_ratio` can be set to `True`."):
        image_dataset_from_directory(image_dir, pad_to_aspect_ratio=True,
                                     crop_to_aspect_ratio=True)
    with pytest.raises(ValueError, match="`validation_split` must be between 0 and 1"):
        image_dataset_from_directory(image_dir, validation_split=1.5, subset="training", seed=1)
    with pytest.raises(ValueError, match="If `subset` is set, `validation_split` must be set"):
        image_dataset_from_directory(image_dir, subset="training")
    with pytest.raises(ValueError, match='`subset` must be either "training", "validation" or '
                                         '"both", received: x'):
        image_dataset_from_directory(image_dir, validation_split=0.2, subset="x", seed=1)
    with pytest.raises(ValueError, match="you must provide a `seed` argument"):
        image_dataset_from_directory(image_dir, validation_split=0.2, subset="training")
    with pytest.raises(ValueError, match="there must be exactly 2 class_names"):
        image_dataset_from_directory(image_dir, label_mode="binary", class_names=["cats"],
                                     verbose=False)
    with pytest.raises(ValueError, match="The `class_names` passed did not match"):
        image_dataset_from_directory(image_dir, class_names=["cows"])
    with pytest.raises(ValueError, match="When `labels=None` \\(no labels\\), argument "
                                         "`class_names` cannot be specified."):
        from torchkeras.utils.dataset_utils import index_directory
        index_directory(image_dir, None, (".png",), class_names=["a"])
    with pytest.raises(ValueError, match="No images found in directory"):
        image_dataset_from_directory(str(tmp_path), verbose=False)
    with pytest.raises(ValueError, match="No training images found in directory"):
        image_dataset_from_directory(image_dir, validation_split=0.1, subset="both", seed=1,
                                     verbose=False)


def test_follow_links_and_pipeline_methods(image_dir, tmp_path):
    root = tmp_path / "linked"
    (root / "cls").mkdir(parents=True)
    os.symlink(os.path.join(image_dir, "cats"), root / "cls" / "more")
    PIL.fromarray(np.zeros((2, 2, 3), "uint8")).save(root / "cls" / "z.png")
    plain = image_dataset_from_directory(str(root), image_size=(2, 2), verbose=False)
    linked = image_dataset_from_directory(str(root), image_size=(2, 2), verbose=False,
                                          follow_links=True, shuffle=False)
    assert len(plain.file_paths) == 1 and len(linked.file_paths) == 3
    assert [os.path.relpath(p, root) for p in linked.file_paths] == [
        "cls/z.png", "cls/more/B.PNG", "cls/more/a.png"]  # os.walk order, roots sorted
    from torchkeras.compat.tensorflow import data as tf_data
    pipeline = linked.cache().prefetch(tf_data.AUTOTUNE).unbatch().batch(2)
    assert [tuple(x.shape) for x, _ in pipeline] == [(2, 2, 2, 3), (1, 2, 2, 3)]
