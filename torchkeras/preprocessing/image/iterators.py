"""tf.keras 2's image batch iterators: `Iterator`, `NumpyArrayIterator`, `DirectoryIterator`.

They are `keras.utils.PyDataset`s (`__len__` + `__getitem__`), so `model.fit(datagen.flow(x,
y))` works, and also endless Python iterators (`next(it)`), as in tf.keras 2. With a `seed`,
each batch reseeds NumPy's global RNG with `seed + batches_seen`, exactly as tf.keras 2 does,
so the same seed gives the same augmented batches.
"""

import os
import threading
import warnings

import numpy as np

from torchkeras.backend import config
from torchkeras.utils import image_utils
from torchkeras.utils import io_utils
from torchkeras.utils.py_dataset import PyDataset


class Iterator(PyDataset):
    """Base class for image data iterators.

    Every `Iterator` must implement `_get_batches_of_transformed_samples(index_array)`.

    Args:
        n: Integer, total number of samples in the dataset to loop over.
        batch_size: Integer, size of a batch.
        shuffle: Boolean, whether to shuffle the data between epochs.
        seed: Random seeding for data shuffling.
    """

    white_list_formats = ("png", "jpg", "jpeg", "bmp", "ppm", "tif", "tiff")

    def __init__(self, n, batch_size, shuffle, seed):
        super().__init__()
        self.n = n
        self.batch_size = batch_size
        self.seed = seed
        self.shuffle = shuffle
        self.batch_index = 0
        self.total_batches_seen = 0
        self.lock = threading.Lock()
        self.index_array = None
        self.index_generator = self._flow_index()

    def _set_index_array(self):
        self.index_array = np.arange(self.n)
        if self.shuffle:
            self.index_array = np.random.permutation(self.n)

    def __getitem__(self, idx):
        if idx >= len(self):
            raise ValueError(
                "Asked to retrieve element {idx}, but the Sequence has length {length}".format(
                    idx=idx, length=len(self)
                )
            )
        if self.seed is not None:
            np.random.seed(self.seed + self.total_batches_seen)
        self.total_batches_seen += 1
        if self.index_array is None:
            self._set_index_array()
        index_array = self.index_array[self.batch_size * idx : self.batch_size * (idx + 1)]
        return self._get_batches_of_transformed_samples(index_array)

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size  # round up

    def on_epoch_end(self):
        self._set_index_array()

    def reset(self):
        self.batch_index = 0

    def _flow_index(self):
        # Endless stream of index batches; a new permutation starts at each pass.
        self.reset()
        while True:
            if self.seed is not None:
                np.random.seed(self.seed + self.total_batches_seen)
            if self.batch_index == 0:
                self._set_index_array()
            current_index = 0 if self.n == 0 else (self.batch_index * self.batch_size) % self.n
            if self.n > current_index + self.batch_size:
                self.batch_index += 1
            else:
                self.batch_index = 0
            self.total_batches_seen += 1
            yield self.index_array[current_index : current_index + self.batch_size]

    def __iter__(self):
        # An endless iterator, as in tf.keras 2 (`fit` uses `__getitem__` instead).
        return self

    def __next__(self, *args, **kwargs):
        return self.next(*args, **kwargs)

    def next(self):
        """Returns the next batch."""
        with self.lock:
            index_array = next(self.index_generator)
        return self._get_batches_of_transformed_samples(index_array)

    def _get_batches_of_transformed_samples(self, index_array):
        """Gets a batch of transformed samples.

        Args:
            index_array: Array of sample indices to include in batch.

        Returns:
            A batch of transformed samples.
        """
        raise NotImplementedError


class NumpyArrayIterator(Iterator):
    """Iterator yielding data from a NumPy array.

    Args:
        x: NumPy array of input data or tuple. If tuple, the second elements is either
            another NumPy array or a list of NumPy arrays, each of which gets passed through
            as an output without any modifications.
        y: NumPy array of targets data.
        image_data_generator: Instance of `ImageDataGenerator` to use for random
            transformations and normalization.
        batch_size: Integer, size of a batch. Defaults to `32`.
        shuffle: Boolean, whether to shuffle the data between epochs. Defaults to `False`.
        sample_weight: NumPy array of sample weights. Defaults to `None`.
        seed: Random seed for data shuffling. Defaults to `None`.
        data_format: String, one of `channels_first`, `channels_last`. Defaults to `None`
            (the global setting).
        save_to_dir: Optional directory where to save the pictures being yielded.
        save_prefix: String prefix to use for saving sample images. Defaults to `""`.
        save_format: Format to use for saving sample images. Defaults to `"png"`.
        subset: Subset of data (`"training"` or `"validation"`) if `validation_split` is set
            in `ImageDataGenerator`. Defaults to `None`.
        ignore_class_split: Boolean, whether to ignore the difference in number of classes
            in labels across train and validation split. Defaults to `False`.
        dtype: Dtype to use for the generated arrays. Defaults to `None` (floatx).
    """

    def __init__(
        self,
        x,
        y,
        image_data_generator,
        batch_size=32,
        shuffle=False,
        sample_weight=None,
        seed=None,
        data_format=None,
        save_to_dir=None,
        save_prefix="",
        save_format="png",
        subset=None,
        ignore_class_split=False,
        dtype=None,
    ):
        if data_format is None:
            data_format = config.image_data_format()
        if dtype is None:
            dtype = config.floatx()
        self.dtype = dtype
        if isinstance(x, (tuple, list)):
            # (images, extra) or (images, [extras]): extras pass through untouched.
            x_misc = [np.asarray(xx) for xx in x[1]] if isinstance(x[1], list) else [
                np.asarray(x[1])
            ]
            x = x[0]
            for xx in x_misc:
                if len(x) != len(xx):
                    raise ValueError(
                        "All of the arrays in `x` should have the same length. "
                        "Found a pair with: len(x[0]) = %s, len(x[?]) = %s" % (len(x), len(xx))
                    )
        else:
            x_misc = []
        if y is not None and len(x) != len(y):
            raise ValueError(
                "`x` (images tensor) and `y` (labels) should have the same length. "
                "Found: x.shape = %s, y.shape = %s" % (np.asarray(x).shape, np.asarray(y).shape)
            )
        if sample_weight is not None and len(x) != len(sample_weight):
            raise ValueError(
                "`x` (images tensor) and `sample_weight` should have the same length. "
                "Found: x.shape = %s, sample_weight.shape = %s"
                % (np.asarray(x).shape, np.asarray(sample_weight).shape)
            )
        if subset is not None:
            if subset not in {"training", "validation"}:
                raise ValueError(
                    "Invalid subset name:", subset, '; expected "training" or "validation".'
                )
            split_idx = int(len(x) * image_data_generator._validation_split)
            if (
                y is not None
                and not ignore_class_split
                and not np.array_equal(np.unique(y[:split_idx]), np.unique(y[split_idx:]))
            ):
                raise ValueError(
                    "Training and validation subsets have different number of classes after "
                    "the split. If your numpy arrays are sorted by the label, you might want "
                    "to shuffle them."
                )
            # The validation subset is the head of the arrays, as in tf.keras 2.
            part = slice(None, split_idx) if subset == "validation" else slice(split_idx, None)
            x = x[part]
            x_misc = [np.asarray(xx[part]) for xx in x_misc]
            if y is not None:
                y = y[part]
        self.x = np.asarray(x, dtype=self.dtype)
        self.x_misc = x_misc
        if self.x.ndim != 4:
            raise ValueError(
                "Input data in `NumpyArrayIterator` should have rank 4. "
                "You passed an array with shape",
                self.x.shape,
            )
        channels_axis = 3 if data_format == "channels_last" else 1
        if self.x.shape[channels_axis] not in {1, 3, 4}:
            warnings.warn(
                f'NumpyArrayIterator is set to use the data format convention "{data_format}" '
                f"(channels on axis {channels_axis}), i.e. expected either 1, 3, or 4 channels "
                f"on axis {channels_axis}. However, it was passed an array with shape "
                f"{self.x.shape} ({self.x.shape[channels_axis]} channels)."
            )
        self.y = np.asarray(y) if y is not None else None
        self.sample_weight = np.asarray(sample_weight) if sample_weight is not None else None
        self.image_data_generator = image_data_generator
        self.data_format = data_format
        self.save_to_dir = save_to_dir
        self.save_prefix = save_prefix
        self.save_format = save_format
        super().__init__(self.x.shape[0], batch_size, shuffle, seed)

    def _get_batches_of_transformed_samples(self, index_array):
        batch_x = np.zeros((len(index_array),) + self.x.shape[1:], dtype=self.dtype)
        generator = self.image_data_generator
        for i, j in enumerate(index_array):
            x = self.x[j]
            params = generator.get_random_transform(x.shape)
            x = generator.apply_transform(x.astype(self.dtype), params)
            batch_x[i] = generator.standardize(x)
        if self.save_to_dir:
            for i, j in enumerate(index_array):
                img = image_utils.array_to_img(batch_x[i], self.data_format, scale=True)
                fname = "{prefix}_{index}_{hash}.{format}".format(
                    prefix=self.save_prefix,
                    index=j,
                    hash=np.random.randint(1e4),
                    format=self.save_format,
                )
                img.save(os.path.join(self.save_to_dir, fname))
        batch_x_miscs = [xx[index_array] for xx in self.x_misc]
        inputs = batch_x if not batch_x_miscs else [batch_x] + batch_x_miscs
        if self.y is None:
            return inputs
        output = (inputs, self.y[index_array])
        if self.sample_weight is not None:
            output += (self.sample_weight[index_array],)
        return output


def _iter_valid_files(directory, white_list_formats, follow_links):
    """Yields `(root, filename)` for the images under `directory`, in sorted order."""
    walk = sorted(os.walk(directory, followlinks=follow_links), key=lambda entry: entry[0])
    for root, _, files in walk:
        for fname in sorted(files):
            if fname.lower().endswith(".tiff"):
                warnings.warn(
                    'Using ".tiff" files with multiple bands will cause distortion. '
                    "Please verify your output."
                )
            if fname.lower().endswith(white_list_formats):
                yield root, fname


def _list_valid_filenames_in_directory(
    directory, white_list_formats, split, class_indices, follow_links
):
    """Lists the images of one class directory, as paths relative to its parent.

    Args:
        directory: absolute path to a directory containing the files to list; its basename
            is the class name.
        white_list_formats: set of strings, the allowed file extensions.
        split: tuple of floats (e.g. `(0.2, 0.6)`): only the files in that fraction of the
            directory are listed.
        class_indices: dictionary mapping a class name to its index.
        follow_links: boolean, whether to follow symbolic links.

    Returns:
        classes: the class index of every file.
        filenames: the path of every file, relative to `directory`'s parent.
    """
    dirname = os.path.basename(directory)
    files = list(_iter_valid_files(directory, white_list_formats, follow_links))
    if split:
        start, stop = int(split[0] * len(files)), int(split[1] * len(files))
        files = files[start:stop]
    classes = []
    filenames = []
    for root, fname in files:
        classes.append(class_indices[dirname])
        absolute_path = os.path.join(root, fname)
        filenames.append(os.path.join(dirname, os.path.relpath(absolute_path, directory)))
    return classes, filenames


class BatchFromFilesMixin:
    """Loads, augments and batches images listed by file path (`DirectoryIterator`)."""

    def set_processing_attrs(
        self,
        image_data_generator,
        target_size,
        color_mode,
        data_format,
        save_to_dir,
        save_prefix,
        save_format,
        subset,
        interpolation,
        keep_aspect_ratio,
    ):
        """Sets the attributes used to load and process the images."""
        self.image_data_generator = image_data_generator
        self.target_size = tuple(target_size)
        self.keep_aspect_ratio = keep_aspect_ratio
        if color_mode not in {"rgb", "rgba", "grayscale"}:
            raise ValueError(
                "Invalid color mode:", color_mode, '; expected "rgb", "rgba", or "grayscale".'
            )
        self.color_mode = color_mode
        self.data_format = data_format
        channels = {"rgba": 4, "rgb": 3, "grayscale": 1}[color_mode]
        if data_format == "channels_last":
            self.image_shape = self.target_size + (channels,)
        else:
            self.image_shape = (channels,) + self.target_size
        self.save_to_dir = save_to_dir
        self.save_prefix = save_prefix
        self.save_format = save_format
        self.interpolation = interpolation
        if subset is not None:
            validation_split = self.image_data_generator._validation_split
            if subset == "validation":
                split = (0, validation_split)
            elif subset == "training":
                split = (validation_split, 1)
            else:
                raise ValueError(
                    'Invalid subset name: %s;expected "training" or "validation"' % (subset,)
                )
        else:
            split = None
        self.split = split
        self.subset = subset

    def _get_batches_of_transformed_samples(self, index_array):
        batch_x = np.zeros((len(index_array),) + self.image_shape, dtype=self.dtype)
        filepaths = self.filepaths
        generator = self.image_data_generator
        for i, j in enumerate(index_array):
            img = image_utils.load_img(
                filepaths[j],
                color_mode=self.color_mode,
                target_size=self.target_size,
                interpolation=self.interpolation,
                keep_aspect_ratio=self.keep_aspect_ratio,
            )
            x = image_utils.img_to_array(img, data_format=self.data_format)
            if hasattr(img, "close"):
                img.close()
            if generator:
                params = generator.get_random_transform(x.shape)
                x = generator.apply_transform(x, params)
                x = generator.standardize(x)
            batch_x[i] = x
        if self.save_to_dir:
            for i, j in enumerate(index_array):
                img = image_utils.array_to_img(batch_x[i], self.data_format, scale=True)
                fname = "{prefix}_{index}_{hash}.{format}".format(
                    prefix=self.save_prefix,
                    index=j,
                    hash=np.random.randint(1e7),
                    format=self.save_format,
                )
                img.save(os.path.join(self.save_to_dir, fname))
        if self.class_mode == "input":
            batch_y = batch_x.copy()
        elif self.class_mode in {"binary", "sparse"}:
            batch_y = np.asarray(self.classes)[index_array].astype(self.dtype)
        elif self.class_mode == "categorical":
            batch_y = np.zeros((len(batch_x), len(self.class_indices)), dtype=self.dtype)
            for i, n_observation in enumerate(index_array):
                batch_y[i, self.classes[n_observation]] = 1.0
        elif self.class_mode == "multi_output":
            batch_y = [output[index_array] for output in self.labels]
        elif self.class_mode == "raw":
            batch_y = self.labels[index_array]
        else:
            return batch_x
        if self.sample_weight is None:
            return batch_x, batch_y
        return batch_x, batch_y, self.sample_weight[index_array]

    @property
    def filepaths(self):
        """List of absolute paths to image files."""
        raise NotImplementedError(
            f"`filepaths` property method has not been implemented in {type(self).__name__}."
        )

    @property
    def labels(self):
        """Class labels of every observation."""
        raise NotImplementedError(
            f"`labels` property method has not been implemented in {type(self).__name__}."
        )

    @property
    def sample_weight(self):
        raise NotImplementedError(
            "`sample_weight` property method has not been implemented in "
            f"{type(self).__name__}."
        )


class DirectoryIterator(BatchFromFilesMixin, Iterator):
    """Iterator capable of reading images from a directory on disk (one subdirectory per class).

    Args:
        directory: Path to the directory to read images from. Each subdirectory is a class.
        image_data_generator: Instance of `ImageDataGenerator` to use for random
            transformations and normalization. If `None`, no transformations and
            normalizations are made.
        target_size: tuple of integers, dimensions to resize input images to.
            Defaults to `(256, 256)`.
        color_mode: One of `"rgb"`, `"rgba"`, `"grayscale"`. Defaults to `"rgb"`.
        classes: Optional list of strings, names of subdirectories containing images from
            each class (e.g. `["dogs", "cats"]`). Defaults to `None` (all, sorted).
        class_mode: Mode for yielding the targets: `"binary"`, `"categorical"`, `"input"`,
            `"sparse"` or `None`. Defaults to `"categorical"`.
        batch_size: Integer, size of a batch. Defaults to `32`.
        shuffle: Boolean, whether to shuffle the data between epochs. Defaults to `True`.
        seed: Random seed for data shuffling. Defaults to `None`.
        data_format: String, one of `channels_first`, `channels_last`. Defaults to `None`.
        save_to_dir: Optional directory where to save the pictures being yielded.
        save_prefix: String prefix to use for saving sample images. Defaults to `""`.
        save_format: Format to use for saving sample images. Defaults to `"png"`.
        follow_links: Whether to follow symbolic links. Defaults to `False`.
        subset: Subset of data (`"training"` or `"validation"`) if `validation_split` is set
            in `ImageDataGenerator`. Defaults to `None`.
        interpolation: Interpolation method used to resample the image if the target size is
            different from that of the loaded image. Defaults to `"nearest"`.
        keep_aspect_ratio: Boolean, whether to resize images to a target size without aspect
            ratio distortion (centre crop first). Defaults to `False`.
        dtype: Dtype to use for generated arrays. Defaults to `None` (floatx).
    """

    allowed_class_modes = {"categorical", "binary", "sparse", "input", None}

    def __init__(
        self,
        directory,
        image_data_generator,
        target_size=(256, 256),
        color_mode="rgb",
        classes=None,
        class_mode="categorical",
        batch_size=32,
        shuffle=True,
        seed=None,
        data_format=None,
        save_to_dir=None,
        save_prefix="",
        save_format="png",
        follow_links=False,
        subset=None,
        interpolation="nearest",
        keep_aspect_ratio=False,
        dtype=None,
    ):
        if data_format is None:
            data_format = config.image_data_format()
        if dtype is None:
            dtype = config.floatx()
        super().set_processing_attrs(
            image_data_generator,
            target_size,
            color_mode,
            data_format,
            save_to_dir,
            save_prefix,
            save_format,
            subset,
            interpolation,
            keep_aspect_ratio,
        )
        self.directory = directory
        self.classes = classes
        if class_mode not in self.allowed_class_modes:
            raise ValueError(
                "Invalid class_mode: {}; expected one of: {}".format(
                    class_mode, self.allowed_class_modes
                )
            )
        self.class_mode = class_mode
        self.dtype = dtype
        if not classes:
            classes = [
                subdir
                for subdir in sorted(os.listdir(directory))
                if os.path.isdir(os.path.join(directory, subdir))
            ]
        self.num_classes = len(classes)
        self.class_indices = dict(zip(classes, range(len(classes))))
        self.filenames = []
        labels = []
        for subdir in classes:
            class_labels, filenames = _list_valid_filenames_in_directory(
                os.path.join(directory, subdir),
                self.white_list_formats,
                self.split,
                self.class_indices,
                follow_links,
            )
            labels.extend(class_labels)
            self.filenames += filenames
        self.samples = len(self.filenames)
        self.classes = np.array(labels, dtype="int32").reshape((self.samples,))
        io_utils.print_msg(f"Found {self.samples} images belonging to {self.num_classes} classes.")
        self._filepaths = [os.path.join(self.directory, fname) for fname in self.filenames]
        super().__init__(self.samples, batch_size, shuffle, seed)

    @property
    def filepaths(self):
        return self._filepaths

    @property
    def labels(self):
        return self.classes

    @property
    def sample_weight(self):
        return None
