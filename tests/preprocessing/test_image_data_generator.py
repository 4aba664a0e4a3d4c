"""tf.keras 2's `ImageDataGenerator` and its iterators. Expected values: tf_keras 2.21
(`fixtures/reference.json`, recorded by `fixtures/make_reference.py`)."""

import os
import warnings

import numpy as np
import pytest
from PIL import Image

import torchkeras as keras
from torchkeras.preprocessing.image import DirectoryIterator
from torchkeras.preprocessing.image import ImageDataGenerator
from torchkeras.preprocessing.image import Iterator
from torchkeras.preprocessing.image import NumpyArrayIterator
from torchkeras.utils import PyDataset

GENERATOR_KWARGS = dict(
    rotation_range=25, width_shift_range=0.15, height_shift_range=[1, 2], shear_range=8,
    zoom_range=0.2, channel_shift_range=15.0, horizontal_flip=True, vertical_flip=True,
    brightness_range=(0.6, 1.3), fill_mode="reflect", rescale=1 / 255.0,
    samplewise_center=True, samplewise_std_normalization=True,
)


def assert_same(actual, expected):
    """Nested tuples/lists/dicts of arrays: same structure, dtypes and values."""
    if isinstance(expected, dict):
        assert sorted(actual) == sorted(expected)
        for key in expected:
            assert_same(actual[key], expected[key])
    elif isinstance(expected, (list, tuple)):
        assert len(actual) == len(expected)
        for a, e in zip(actual, expected):
            assert_same(a, e)
    elif isinstance(expected, np.ndarray):
        actual = np.asarray(actual)
        assert actual.dtype == expected.dtype and actual.shape == expected.shape
        np.testing.assert_allclose(actual, expected, rtol=1e-6, atol=1e-5)
    else:
        assert actual == expected


def make_class_dirs(root):
    # The same tree as fixtures/make_reference.py.
    for name, count in (("cats", 3), ("dogs", 2)):
        os.makedirs(os.path.join(root, name, "sub"), exist_ok=True)
        for i in range(count):
            arr = ((np.arange((6 + i) * 7 * 3).reshape(6 + i, 7, 3) * (11 + i + len(name)))
                   % 256).astype("uint8")
            folder = os.path.join(root, name, "sub" if i == 0 else "")
            Image.fromarray(arr).save(os.path.join(folder, f"im{i}.png"))
        with open(os.path.join(root, name, "notes.txt"), "w") as f:
            f.write("not an image")


def test_flow_batches_match_tf_keras(reference, inputs):
    _, _, batch = inputs
    ref = reference["image"]
    y = np.arange(len(batch))
    gen = ImageDataGenerator(**GENERATOR_KWARGS)
    it = gen.flow(batch, y, batch_size=4, seed=3)
    assert isinstance(it, NumpyArrayIterator) and isinstance(it, PyDataset)
    assert len(it) == 2
    assert_same([it[1], it[0]], ref["flow_getitem"])
    it = gen.flow(batch, y, batch_size=4, seed=5, shuffle=False)
    assert iter(it) is it
    assert_same([next(it) for _ in range(3)], ref["flow_next"])
    params = gen.get_random_transform((5, 4, 3), seed=11)
    assert_same(params, ref["random_transform_params"])


def test_fit_statistics_match_tf_keras(reference, inputs):
    _, _, batch = inputs
    ref = reference["image"]
    gen = ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True)
    gen.fit(batch)
    assert_same([gen.mean, gen.std, gen.standardize(batch[0].copy())], ref["featurewise"])
    with pytest.warns(UserWarning, match="`zca_whitening`, which overrides setting of"):
        gen = ImageDataGenerator(zca_whitening=True)
    gen.fit(batch[:, :2, :2])
    zca, whitened = ref["zca"]
    np.testing.assert_allclose(gen.zca_whitening_matrix, zca, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(gen.standardize(batch[1, :2, :2].copy()), whitened, atol=1e-3)


def test_validation_subset_and_augmented_fit_match_tf_keras(reference, inputs):
    _, _, batch = inputs
    y = np.arange(len(batch))
    gen = ImageDataGenerator(rotation_range=10, validation_split=0.3)
    gen.fit(batch, augment=True, rounds=2, seed=2)
    it = gen.flow(batch, y, batch_size=3, subset="validation", seed=1, ignore_class_split=True)
    assert_same([it[i] for i in range(len(it))], reference["image"]["validation_subset"])


def test_channels_first_with_extras_and_sample_weight(reference, inputs):
    _, _, batch = inputs
    y = np.arange(len(batch))
    gen = ImageDataGenerator(
        data_format="channels_first", rotation_range=40, width_shift_range=2,
        fill_mode="constant", cval=7.0,
    )
    it = gen.flow((batch.transpose(0, 3, 1, 2), [y * 2, y * 3]), y,
                  sample_weight=np.ones(len(y)) * 0.5, batch_size=4, seed=9)
    (images, *extras), labels, weights = it[1]
    expected = reference["image"]["channels_first_extras"]
    assert_same([[images] + extras, labels, weights], expected)


def test_flow_from_directory_matches_tf_keras(reference, tmp_path, capsys):
    make_class_dirs(tmp_path)
    ref = reference["image"]["directory"]
    gen = ImageDataGenerator(rotation_range=15, validation_split=0.25)
    for mode in ("categorical", "binary", "sparse", "input", None):
        it = gen.flow_from_directory(str(tmp_path), target_size=(4, 5), class_mode=mode,
                                     batch_size=2, seed=4, subset="training",
                                     interpolation="bilinear")
        assert isinstance(it, DirectoryIterator)
        filenames, classes, class_indices, first = ref[str(mode)]
        assert it.filenames == filenames
        np.testing.assert_array_equal(it.classes, classes)
        assert it.class_indices == class_indices
        assert_same(it[0], first)
    assert "Found 5 images belonging to 2 classes." in capsys.readouterr().out
    it = ImageDataGenerator(validation_split=0.5).flow_from_directory(
        str(tmp_path), target_size=(4, 5), color_mode="grayscale", batch_size=4, shuffle=False,
        subset="validation", keep_aspect_ratio=True)
    assert_same([it.filenames, it[0]], ref["grayscale_validation"])
    it = ImageDataGenerator().flow_from_directory(
        str(tmp_path), target_size=(4, 5), color_mode="rgba", classes=["dogs"], batch_size=2,
        shuffle=False)
    assert_same([it.filenames, it[0]], ref["rgba_one_class"])


def test_model_fit_on_flow():
    x = np.random.RandomState(0).rand(16, 4, 4, 1).astype("float32")
    y = (x.mean(axis=(1, 2, 3)) > 0.5).astype("float32")
    model = keras.Sequential([keras.Input((4, 4, 1)), keras.layers.Flatten(),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    gen = ImageDataGenerator(horizontal_flip=True)
    history = model.fit(gen.flow(x, y, batch_size=8, seed=0), epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2


def test_iterator_epoch_end_reshuffles_and_out_of_range():
    class Indices(Iterator):
        def _get_batches_of_transformed_samples(self, index_array):
            return index_array

    it = Indices(5, 2, shuffle=True, seed=0)
    assert len(it) == 3
    first = [it[i].tolist() for i in range(3)]
    assert sorted(sum(first, [])) == [0, 1, 2, 3, 4]
    np.random.seed(0)
    it.on_epoch_end()
    np.testing.assert_array_equal(it.index_array, np.random.RandomState(0).permutation(5))
    with pytest.raises(ValueError, match="Asked to retrieve element 3, but the Sequence has"):
        it[3]
    with pytest.raises(NotImplementedError):
        Iterator(2, 1, False, None)[0]


def test_generator_argument_errors():
    with pytest.raises(ValueError, match='`data_format` should be `"channels_last"`'):
        ImageDataGenerator(data_format="channels_middle")
    with pytest.raises(ValueError, match="`validation_split` must be strictly between 0 and 1"):
        ImageDataGenerator(validation_split=1.5)
    with pytest.raises(ValueError, match="`zoom_range` should be a float or a tuple or list"):
        ImageDataGenerator(zoom_range=(1, 2, 3))
    with pytest.raises(ValueError, match="`brightness_range should be tuple or list of two"):
        ImageDataGenerator(brightness_range=0.5)
    with pytest.raises(ValueError, match="Input to `.fit\\(\\)` should have rank 4"):
        ImageDataGenerator().fit(np.zeros((2, 2, 2)))
    with pytest.warns(UserWarning, match="expected either 1, 3 or 4 channels on axis 3"):
        ImageDataGenerator().fit(np.zeros((2, 2, 2, 2)))
    with pytest.warns(UserWarning, match="overrides setting of `featurewise_center`"):
        ImageDataGenerator(featurewise_std_normalization=True)
    with pytest.warns(UserWarning, match="overrides setting of `samplewise_center`"):
        ImageDataGenerator(samplewise_std_normalization=True)
    gen = ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True,
                             zca_whitening=False)
    with pytest.warns(UserWarning, match="hasn't been fit on any training data"):
        gen.standardize(np.zeros((2, 2, 1)))


def test_flow_errors(tmp_path):
    gen = ImageDataGenerator(validation_split=0.5)
    x = np.zeros((4, 2, 2, 1))
    with pytest.raises(ValueError, match=r"`x` \(images tensor\) and `y` \(labels\) should have"):
        gen.flow(x, np.zeros(3))
    with pytest.raises(ValueError, match="`x` \\(images tensor\\) and `sample_weight` should"):
        gen.flow(x, np.zeros(4), sample_weight=np.zeros(3))
    with pytest.raises(ValueError, match="All of the arrays in `x` should have the same length"):
        gen.flow((x, np.zeros(3)))
    with pytest.raises(ValueError, match="Invalid subset name:"):
        gen.flow(x, subset="test")
    with pytest.raises(ValueError, match="Training and validation subsets have different number"):
        gen.flow(x, np.array([0, 0, 1, 1]), subset="training")
    with pytest.raises(ValueError, match="should have rank 4"):
        gen.flow(np.zeros((4, 2, 2)))
    with pytest.warns(UserWarning, match="expected either 1, 3, or 4 channels on axis 3"):
        gen.flow(np.zeros((4, 2, 2, 2)))
    make_class_dirs(tmp_path)
    with pytest.raises(ValueError, match="Invalid class_mode: raw"):
        gen.flow_from_directory(str(tmp_path), class_mode="raw")
    with pytest.raises(ValueError, match="Invalid color mode:"):
        gen.flow_from_directory(str(tmp_path), color_mode="cmyk")
    with pytest.raises(ValueError, match='Invalid subset name: test;expected "training"'):
        gen.flow_from_directory(str(tmp_path), subset="test")
    with pytest.raises(ImportError, match="requires pandas: pip install pandas"):
        gen.flow_from_dataframe(None)


def test_save_to_dir(tmp_path):
    gen = ImageDataGenerator()
    it = gen.flow(np.random.RandomState(0).rand(3, 4, 4, 3), batch_size=3, shuffle=False,
                  save_to_dir=str(tmp_path), save_prefix="aug", seed=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        batch = it[0]
    assert batch.shape == (3, 4, 4, 3)
    saved = sorted(os.listdir(tmp_path))
    assert len(saved) == 3 and all(n.startswith("aug_") and n.endswith(".png") for n in saved)
