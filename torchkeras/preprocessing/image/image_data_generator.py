"""tf.keras 2's `ImageDataGenerator`: real-time image augmentation on NumPy arrays.

Random draws use NumPy's global RNG in tf.keras 2's order, so a seeded generator produces the
same transforms as tf.keras 2; the resampling reproduces SciPy's (see
`affine_transformations.py`).
"""

import warnings

import numpy as np

from torchkeras.backend import config
from torchkeras.preprocessing.image.affine_transformations import apply_affine_transform
from torchkeras.preprocessing.image.affine_transformations import apply_brightness_shift
from torchkeras.preprocessing.image.affine_transformations import apply_channel_shift
from torchkeras.preprocessing.image.affine_transformations import flip_axis
from torchkeras.preprocessing.image.iterators import DirectoryIterator
from torchkeras.preprocessing.image.iterators import NumpyArrayIterator


def _random_shift(shift_range, size):
    """One shift draw, as tf.keras 2 makes it (in pixels when the range is fractional)."""
    try:
        # An int or a 1-D array-like: choose a value, then a sign.
        shift = np.random.choice(shift_range)
        shift *= np.random.choice([-1, 1])
    except ValueError:
        # A float: `np.random.choice` refuses it, draw uniformly instead.
        shift = np.random.uniform(-shift_range, shift_range)
    if np.max(shift_range) < 1:
        shift *= size
    return shift


class ImageDataGenerator:
    """Generate batches of tensor image data with real-time data augmentation (tf.keras 2).

    Args:
        featurewise_center: Boolean. Set input mean to 0 over the dataset, feature-wise.
            Defaults to `False`.
        samplewise_center: Boolean. Set each sample mean to 0. Defaults to `False`.
        featurewise_std_normalization: Boolean. Divide inputs by std of the dataset,
            feature-wise. Defaults to `False`.
        samplewise_std_normalization: Boolean. Divide each input by its std.
            Defaults to `False`.
        zca_whitening: Boolean. Apply ZCA whitening. Defaults to `False`.
        zca_epsilon: epsilon for ZCA whitening. Defaults to `1e-6`.
        rotation_range: Int. Degree range for random rotations. Defaults to `0`.
        width_shift_range: Float, 1-D array-like or int: fraction of total width if < 1,
            pixels if >= 1; an array-like gives the allowed values. Defaults to `0.0`.
        height_shift_range: Float, 1-D array-like or int, as `width_shift_range` for the
            height. Defaults to `0.0`.
        brightness_range: Tuple or list of two floats; range for picking a brightness shift
            value from. Defaults to `None`.
        shear_range: Float. Shear Intensity (shear angle in counter-clockwise direction in
            degrees). Defaults to `0.0`.
        zoom_range: Float or `[lower, upper]`. Range for random zoom; a float means
            `[1-zoom_range, 1+zoom_range]`. Defaults to `0.0`.
        channel_shift_range: Float. Range for random channel shifts. Defaults to `0.0`.
        fill_mode: One of `{"constant", "nearest", "reflect", "wrap"}`. Points outside the
            boundaries of the input are filled according to the given mode.
            Defaults to `"nearest"`.
        cval: Float or Int. Value used for points outside the boundaries when
            `fill_mode = "constant"`. Defaults to `0.0`.
        horizontal_flip: Boolean. Randomly flip inputs horizontally. Defaults to `False`.
        vertical_flip: Boolean. Randomly flip inputs vertically. Defaults to `False`.
        rescale: rescaling factor. If `None` or 0, no rescaling is applied, otherwise the
            data is multiplied by the value provided (after applying all other
            transformations). Defaults to `None`.
        preprocessing_function: function that will be applied on each input, after the image
            is resized and augmented. Takes one rank-3 NumPy image, returns one of the same
            shape. Defaults to `None`.
        data_format: Image data format, either `"channels_first"` or `"channels_last"`.
            Defaults to `None` (the global setting).
        validation_split: Float. Fraction of images reserved for validation (strictly
            between 0 and 1). Defaults to `0.0`.
        interpolation_order: int, order to use for the spline interpolation (`0` or `1`).
            Defaults to `1`.
        dtype: Dtype to use for the generated arrays. Defaults to `None` (floatx).

    Example:

    ```python
    datagen = ImageDataGenerator(rotation_range=20, width_shift_range=0.2,
                                 horizontal_flip=True, validation_split=0.2)
    datagen.fit(x_train)  # only needed for featurewise statistics or ZCA
    model.fit(datagen.flow(x_train, y_train, batch_size=32, subset="training"),
              validation_data=datagen.flow(x_train, y_train, subset="validation"),
              epochs=epochs)
    ```
    """

    def __init__(
        self,
        featurewise_center=False,
        samplewise_center=False,
        featurewise_std_normalization=False,
        samplewise_std_normalization=False,
        zca_whitening=False,
        zca_epsilon=1e-6,
        rotation_range=0,
        width_shift_range=0.0,
        height_shift_range=0.0,
        brightness_range=None,
        shear_range=0.0,
        zoom_range=0.0,
        channel_shift_range=0.0,
        fill_mode="nearest",
        cval=0.0,
        horizontal_flip=False,
        vertical_flip=False,
        rescale=None,
        preprocessing_function=None,
        data_format=None,
        validation_split=0.0,
        interpolation_order=1,
        dtype=None,
    ):
        if data_format is None:
            data_format = config.image_data_format()
        if dtype is None:
            dtype = config.floatx()
        self.featurewise_center = featurewise_center
        self.samplewise_center = samplewise_center
        self.featurewise_std_normalization = featurewise_std_normalization
        self.samplewise_std_normalization = samplewise_std_normalization
        self.zca_whitening = zca_whitening
        self.zca_epsilon = zca_epsilon
        self.rotation_range = rotation_range
        self.width_shift_range = width_shift_range
        self.height_shift_range = height_shift_range
        self.shear_range = shear_range
        self.zoom_range = zoom_range
        self.channel_shift_range = channel_shift_range
        self.fill_mode = fill_mode
        self.cval = cval
        self.horizontal_flip = horizontal_flip
        self.vertical_flip = vertical_flip
        self.rescale = rescale
        self.preprocessing_function = preprocessing_function
        self.dtype = dtype
        self.interpolation_order = interpolation_order

        if data_format not in {"channels_last", "channels_first"}:
            raise ValueError(
                '`data_format` should be `"channels_last"` (channel after row and column) or '
                '`"channels_first"` (channel before row and column). '
                "Received: %s" % data_format
            )
        self.data_format = data_format
        # Axes of a batch; a single image's axes are one less.
        if data_format == "channels_first":
            self.channel_axis, self.row_axis, self.col_axis = 1, 2, 3
        else:
            self.channel_axis, self.row_axis, self.col_axis = 3, 1, 2
        if validation_split and not 0 < validation_split < 1:
            raise ValueError(
                "`validation_split` must be strictly between 0 and 1.  Received: %s"
                % validation_split
            )
        self._validation_split = validation_split

        self.mean = None
        self.std = None
        self.zca_whitening_matrix = None

        if isinstance(zoom_range, (float, int)):
            self.zoom_range = [1 - zoom_range, 1 + zoom_range]
        elif len(zoom_range) == 2 and all(isinstance(val, (float, int)) for val in zoom_range):
            self.zoom_range = [zoom_range[0], zoom_range[1]]
        else:
            raise ValueError(
                "`zoom_range` should be a float or a tuple or list of two floats. "
                "Received: %s" % (zoom_range,)
            )
        if zca_whitening:
            if not featurewise_center:
                self.featurewise_center = True
                warnings.warn(
                    "This ImageDataGenerator specifies `zca_whitening`, which overrides "
                    "setting of `featurewise_center`."
                )
            if featurewise_std_normalization:
                self.featurewise_std_normalization = False
                warnings.warn(
                    "This ImageDataGenerator specifies `zca_whitening` which overrides "
                    "setting of`featurewise_std_normalization`."
                )
        if featurewise_std_normalization and not featurewise_center:
            self.featurewise_center = True
            warnings.warn(
                "This ImageDataGenerator specifies `featurewise_std_normalization`, which "
                "overrides setting of `featurewise_center`."
            )
        if samplewise_std_normalization and not samplewise_center:
            self.samplewise_center = True
            warnings.warn(
                "This ImageDataGenerator specifies `samplewise_std_normalization`, which "
                "overrides setting of `samplewise_center`."
            )
        if brightness_range is not None:
            if not isinstance(brightness_range, (tuple, list)) or len(brightness_range) != 2:
                raise ValueError(
                    "`brightness_range should be tuple or list of two floats. Received: %s"
                    % (brightness_range,)
                )
        self.brightness_range = brightness_range

    def flow(
        self,
        x,
        y=None,
        batch_size=32,
        shuffle=True,
        sample_weight=None,
        seed=None,
        save_to_dir=None,
        save_prefix="",
        save_format="png",
        ignore_class_split=False,
        subset=None,
    ):
        """Takes data & label arrays, generates batches of augmented data.

        Args:
            x: Input data. NumPy array of rank 4 or a tuple `(images, extra)` whose extra
                arrays pass through unmodified.
            y: Labels. Defaults to `None`.
            batch_size: Int. Defaults to `32`.
            shuffle: Boolean. Defaults to `True`.
            sample_weight: Sample weights. Defaults to `None`.
            seed: Int. Defaults to `None`.
            save_to_dir: Optional directory where to save the augmented pictures.
            save_prefix: Str. Prefix to use for filenames of saved pictures. Defaults to `""`.
            save_format: one of "png", "jpeg", "bmp", "pdf", "ppm", "gif", "tif", "jpg".
                Defaults to `"png"`.
            ignore_class_split: Boolean, whether to ignore the difference in number of
                classes in labels across train and validation split. Defaults to `False`.
            subset: Subset of data (`"training"` or `"validation"`) if `validation_split`
                is set. Defaults to `None`.

        Returns:
            A `NumpyArrayIterator` yielding `(x, y)` tuples (`x` alone if `y` is None, and
            `(x, y, sample_weight)` with sample weights).
        """
        return NumpyArrayIterator(
            x,
            y,
            self,
            batch_size=batch_size,
            shuffle=shuffle,
            sample_weight=sample_weight,
            seed=seed,
            data_format=self.data_format,
            save_to_dir=save_to_dir,
            save_prefix=save_prefix,
            save_format=save_format,
            ignore_class_split=ignore_class_split,
            subset=subset,
            dtype=self.dtype,
        )

    def flow_from_directory(
        self,
        directory,
        target_size=(256, 256),
        color_mode="rgb",
        classes=None,
        class_mode="categorical",
        batch_size=32,
        shuffle=True,
        seed=None,
        save_to_dir=None,
        save_prefix="",
        save_format="png",
        follow_links=False,
        subset=None,
        interpolation="nearest",
        keep_aspect_ratio=False,
    ):
        """Takes the path to a directory & generates batches of augmented data.

        Args:
            directory: string, path to the target directory, with one subdirectory per class.
            target_size: Tuple of integers `(height, width)`. Defaults to `(256, 256)`.
            color_mode: One of "grayscale", "rgb", "rgba". Defaults to `"rgb"`.
            classes: Optional list of class subdirectories. Defaults to `None` (all, sorted
                alphanumerically).
            class_mode: One of "categorical", "binary", "sparse", "input", or None.
                Defaults to `"categorical"`.
            batch_size: Size of the batches of data. Defaults to `32`.
            shuffle: Whether to shuffle the data. Defaults to `True`.
            seed: Optional random seed for shuffling and transformations.
            save_to_dir: Optional directory where to save the augmented pictures.
            save_prefix: Str. Prefix to use for filenames of saved pictures. Defaults to `""`.
            save_format: one of "png", "jpeg", "bmp", "pdf", "ppm", "gif", "tif", "jpg".
                Defaults to `"png"`.
            follow_links: Whether to follow symlinks inside class subdirectories.
                Defaults to `False`.
            subset: Subset of data (`"training"` or `"validation"`) if `validation_split`
                is set. Defaults to `None`.
            interpolation: Interpolation method used to resample the image if the target
                size is different from that of the loaded image. Defaults to `"nearest"`.
            keep_aspect_ratio: Boolean, whether to resize images to a target size without
                aspect ratio distortion. Defaults to `False`.

        Returns:
            A `DirectoryIterator` yielding tuples of `(x, y)`.
        """
        return DirectoryIterator(
            directory,
            self,
            target_size=target_size,
            color_mode=color_mode,
            keep_aspect_ratio=keep_aspect_ratio,
            classes=classes,
            class_mode=class_mode,
            data_format=self.data_format,
            batch_size=batch_size,
            shuffle=shuffle,
            seed=seed,
            save_to_dir=save_to_dir,
            save_prefix=save_prefix,
            save_format=save_format,
            follow_links=follow_links,
            subset=subset,
            interpolation=interpolation,
            dtype=self.dtype,
        )

    def flow_from_dataframe(
        self,
        dataframe,
        directory=None,
        x_col="filename",
        y_col="class",
        weight_col=None,
        target_size=(256, 256),
        color_mode="rgb",
        classes=None,
        class_mode="categorical",
        batch_size=32,
        shuffle=True,
        seed=None,
        save_to_dir=None,
        save_prefix="",
        save_format="png",
        subset=None,
        interpolation="nearest",
        validate_filenames=True,
        **kwargs,
    ):
        """Takes a pandas dataframe of image paths and generates batches (not supported).

        torchkeras does not depend on pandas; build the file list yourself and use
        `flow_from_directory`, or `keras.utils.image_dataset_from_directory`.
        """
        try:
            import pandas  # noqa: F401
        except ImportError:
            raise ImportError(
                "ImageDataGenerator.flow_from_dataframe() requires pandas: pip install pandas"
            ) from None
        raise NotImplementedError(
            "ImageDataGenerator.flow_from_dataframe() is not supported by torchkeras (see "
            "compat/DIFFERENCES.md). Use flow_from_directory() or "
            "keras.utils.image_dataset_from_directory() instead."
        )

    def standardize(self, x):
        """Applies the normalization configuration in-place to a batch of inputs.

        `x` is changed in-place since the function is mainly used internally to standardize
        images and feed them to your network.

        Args:
            x: Batch of inputs to be normalized.

        Returns:
            The inputs, normalized.
        """
        if self.preprocessing_function:
            x = self.preprocessing_function(x)
        if self.rescale:
            x *= self.rescale
        if self.samplewise_center:
            x -= np.mean(x, keepdims=True)
        if self.samplewise_std_normalization:
            x /= np.std(x, keepdims=True) + 1e-6
        if self.featurewise_center:
            if self.mean is not None:
                x -= self.mean
            else:
                warnings.warn(
                    "This ImageDataGenerator specifies `featurewise_center`, but it hasn't "
                    "been fit on any training data. Fit it first by calling "
                    "`.fit(numpy_data)`."
                )
        if self.featurewise_std_normalization:
            if self.std is not None:
                x /= self.std + 1e-6
            else:
                warnings.warn(
                    "This ImageDataGenerator specifies `featurewise_std_normalization`, but "
                    "it hasn't been fit on any training data. Fit it first by calling "
                    "`.fit(numpy_data)`."
                )
        if self.zca_whitening:
            if self.zca_whitening_matrix is not None:
                flat_x = x.reshape(-1, np.prod(x.shape[-3:]))
                white_x = flat_x @ self.zca_whitening_matrix
                x = np.reshape(white_x, x.shape)
            else:
                warnings.warn(
                    "This ImageDataGenerator specifies `zca_whitening`, but it hasn't been "
                    "fit on any training data. Fit it first by calling `.fit(numpy_data)`."
                )
        return x

    def get_random_transform(self, img_shape, seed=None):
        """Generates random parameters for a transformation.

        Args:
            img_shape: Tuple of integers. Shape of the image that is transformed.
            seed: Random seed. Defaults to `None`.

        Returns:
            A dictionary containing randomly chosen parameters describing the transformation.
        """
        img_row_axis = self.row_axis - 1
        img_col_axis = self.col_axis - 1
        if seed is not None:
            np.random.seed(seed)
        # The draws happen in tf.keras 2's order, so a seed gives the same parameters.
        if self.rotation_range:
            theta = np.random.uniform(-self.rotation_range, self.rotation_range)
        else:
            theta = 0
        tx = (
            _random_shift(self.height_shift_range, img_shape[img_row_axis])
            if self.height_shift_range
            else 0
        )
        ty = (
            _random_shift(self.width_shift_range, img_shape[img_col_axis])
            if self.width_shift_range
            else 0
        )
        shear = np.random.uniform(-self.shear_range, self.shear_range) if self.shear_range else 0
        if self.zoom_range[0] == 1 and self.zoom_range[1] == 1:
            zx, zy = 1, 1
        else:
            zx, zy = np.random.uniform(self.zoom_range[0], self.zoom_range[1], 2)
        flip_horizontal = (np.random.random() < 0.5) * self.horizontal_flip
        flip_vertical = (np.random.random() < 0.5) * self.vertical_flip
        channel_shift_intensity = None
        if self.channel_shift_range != 0:
            channel_shift_intensity = np.random.uniform(
                -self.channel_shift_range, self.channel_shift_range
            )
        brightness = None
        if self.brightness_range is not None:
            brightness = np.random.uniform(self.brightness_range[0], self.brightness_range[1])
        return {
            "theta": theta,
            "tx": tx,
            "ty": ty,
            "shear": shear,
            "zx": zx,
            "zy": zy,
            "flip_horizontal": flip_horizontal,
            "flip_vertical": flip_vertical,
            "channel_shift_intensity": channel_shift_intensity,
            "brightness": brightness,
        }

    def apply_transform(self, x, transform_parameters):
        """Applies a transformation to an image according to given parameters.

        Args:
            x: 3D tensor, single image.
            transform_parameters: Dictionary with string - parameter pairs describing the
                transformation. Currently, the following parameters from the dictionary are
                used: `'theta'`, `'tx'`, `'ty'`, `'shear'`, `'zx'`, `'zy'`,
                `'flip_horizontal'`, `'flip_vertical'`, `'channel_shift_intensity'`,
                `'brightness'`.

        Returns:
            A transformed version of the input (same shape).
        """
        img_row_axis = self.row_axis - 1
        img_col_axis = self.col_axis - 1
        img_channel_axis = self.channel_axis - 1
        x = apply_affine_transform(
            x,
            transform_parameters.get("theta", 0),
            transform_parameters.get("tx", 0),
            transform_parameters.get("ty", 0),
            transform_parameters.get("shear", 0),
            transform_parameters.get("zx", 1),
            transform_parameters.get("zy", 1),
            row_axis=img_row_axis,
            col_axis=img_col_axis,
            channel_axis=img_channel_axis,
            fill_mode=self.fill_mode,
            cval=self.cval,
            order=self.interpolation_order,
        )
        if transform_parameters.get("channel_shift_intensity") is not None:
            x = apply_channel_shift(
                x, transform_parameters["channel_shift_intensity"], img_channel_axis
            )
        if transform_parameters.get("flip_horizontal", False):
            x = flip_axis(x, img_col_axis)
        if transform_parameters.get("flip_vertical", False):
            x = flip_axis(x, img_row_axis)
        if transform_parameters.get("brightness") is not None:
            x = apply_brightness_shift(x, transform_parameters["brightness"], False)
        return x

    def random_transform(self, x, seed=None):
        """Applies a random transformation to an image.

        Args:
            x: 3D tensor, single image.
            seed: Random seed. Defaults to `None`.

        Returns:
            A randomly transformed version of the input (same shape).
        """
        params = self.get_random_transform(x.shape, seed)
        return self.apply_transform(x, params)

    def fit(self, x, augment=False, rounds=1, seed=None):
        """Fits the data generator to some sample data.

        Computes the internal data stats related to the data-dependent transformations
        (`featurewise_center`, `featurewise_std_normalization`, `zca_whitening`).

        Args:
            x: Sample data. Should have rank 4. For grayscale data, the channels axis should
                have value 1, RGB 3 and RGBA 4.
            augment: Boolean. Whether to fit on randomly augmented samples.
                Defaults to `False`.
            rounds: Int. If using data augmentation (`augment=True`), this is how many
                augmentation passes over the data to use. Defaults to `1`.
            seed: Int. Random seed. Defaults to `None`.
        """
        x = np.asarray(x, dtype=self.dtype)
        if x.ndim != 4:
            raise ValueError(
                "Input to `.fit()` should have rank 4. Got array with shape: " + str(x.shape)
            )
        if x.shape[self.channel_axis] not in {1, 3, 4}:
            warnings.warn(
                "Expected input to be images (as Numpy array) following the data format "
                f'convention "{self.data_format}" (channels on axis {self.channel_axis}), '
                f"i.e. expected either 1, 3 or 4 channels on axis {self.channel_axis}. "
                f"However, it was passed an array with shape {x.shape} "
                f"({x.shape[self.channel_axis]} channels)."
            )
        if seed is not None:
            np.random.seed(seed)
        x = np.copy(x)
        if self.rescale:
            x *= self.rescale
        if augment:
            augmented = np.zeros((rounds * x.shape[0],) + x.shape[1:], dtype=self.dtype)
            for r in range(rounds):
                for i in range(x.shape[0]):
                    augmented[i + r * x.shape[0]] = self.random_transform(x[i])
            x = augmented
        broadcast_shape = [1, 1, 1]
        broadcast_shape[self.channel_axis - 1] = x.shape[self.channel_axis]
        if self.featurewise_center:
            self.mean = np.mean(x, axis=(0, self.row_axis, self.col_axis))
            self.mean = np.reshape(self.mean, broadcast_shape)
            x -= self.mean
        if self.featurewise_std_normalization:
            self.std = np.std(x, axis=(0, self.row_axis, self.col_axis))
            self.std = np.reshape(self.std, broadcast_shape)
            x /= self.std + 1e-6
        if self.zca_whitening:
            n = len(x)
            flat_x = np.reshape(x, (n, -1))
            u, s, _ = np.linalg.svd(flat_x.T, full_matrices=False)
            s_inv = np.sqrt(n) / (s + self.zca_epsilon)
            self.zca_whitening_matrix = (u * s_inv).dot(u.T)
