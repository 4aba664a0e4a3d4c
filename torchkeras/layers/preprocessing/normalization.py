"""Normalization: `(x - mean) / sqrt(var)` with a mean and variance given or learned by `adapt`."""

import itertools
import math

import numpy as np
import torch

from torchkeras import backend
from torchkeras.layers.layer import Layer
from torchkeras.layers.preprocessing import preprocessing_utils as utils


def _extract_batch(batch):
    """The inputs of a batch that may be `(x, y)` or `(x, y, sample_weight)`."""
    return batch[0] if isinstance(batch, tuple) else batch


class Normalization(Layer):
    """A preprocessing layer that normalizes continuous features.

    This layer shifts and scales inputs into a distribution centered around 0 with standard
    deviation 1, computing `(input - mean) / sqrt(var)` at runtime. The mean and variance are
    either given on construction or learned from data with `adapt()`, which must then be called
    before `fit()`, `evaluate()` or `predict()`.

    Args:
        axis: Integer, tuple of integers, or None. The axis or axes that have a separate mean
            and variance for each index in the shape. `None` normalizes all elements with a
            scalar mean and variance. Defaults to `-1`.
        mean: The mean value(s) to use, broadcast to the shape of the kept axes. `mean` and
            `variance` must be given together. Defaults to `None`.
        variance: The variance value(s) to use, broadcast like `mean`. Defaults to `None`.
        invert: If `True`, apply the inverse transformation, turning normalized inputs back
            into their original form. Defaults to `False`.

    Example:

    >>> layer = keras.layers.Normalization(axis=None)
    >>> layer.adapt(np.array([1., 2., 3., 4., 5.], dtype="float32"))
    >>> layer(np.array([1., 2., 3.], dtype="float32"))
    tensor([-1.4142, -0.7071,  0.0000])
    """

    def __init__(self, axis=-1, mean=None, variance=None, invert=False, **kwargs):
        super().__init__(**kwargs)
        if axis is None:
            axis = ()
        elif isinstance(axis, int):
            axis = (axis,)
        else:
            axis = tuple(axis)
        self.axis = axis
        self.input_mean = mean
        self.input_variance = variance
        self.invert = invert
        self.supports_masking = True
        self._build_input_shape = None
        if (mean is not None) != (variance is not None):
            raise ValueError(
                "When setting values directly, both `mean` and `variance` "
                f"must be set. Received: mean={mean} and variance={variance}"
            )
        if mean is not None:
            if np.shape(mean) != np.shape(variance):
                raise ValueError(
                    "When setting values directly, `mean` and `variance` "
                    "must have the same shape. Received: "
                    f"mean shape {np.shape(mean)} and "
                    f"variance shape {np.shape(variance)}"
                )
            if len(np.shape(mean)) > len(self.axis):
                raise ValueError(
                    "The rank of `mean` must be less than or equal to the "
                    f"number of axes ({len(self.axis)}). Received: "
                    f"mean shape {np.shape(mean)} for axis {self.axis}"
                )

    def build(self, input_shape):
        if input_shape is None:
            return
        input_shape = tuple(input_shape)
        ndim = len(input_shape)
        self._build_input_shape = input_shape
        if any(a < -ndim or a >= ndim for a in self.axis):
            raise ValueError(
                "All `axis` values must be in the range [-ndim, ndim). "
                f"Received inputs with ndim={ndim}, while axis={self.axis}"
            )
        # Kept axes, non-negative and sorted so no transpose is needed.
        self._keep_axis = tuple(sorted(d if d >= 0 else d + ndim for d in self.axis))
        for d in self._keep_axis:
            if input_shape[d] is None:
                raise ValueError(
                    "All `axis` values to be kept must have a known shape. "
                    f"Received axis={self.axis}, "
                    f"inputs.shape={input_shape}, "
                    f"with unknown axis at index {d}"
                )
        self._reduce_axis = tuple(d for d in range(ndim) if d not in self._keep_axis)
        self._broadcast_shape = [
            input_shape[d] if d in self._keep_axis else 1 for d in range(ndim)
        ]
        self._mean_and_var_shape = tuple(input_shape[d] for d in self._keep_axis)

        if self.input_mean is None:
            self.adapt_mean = self.add_weight(
                name="mean", shape=self._mean_and_var_shape, initializer="zeros",
                trainable=False,
            )
            self.adapt_variance = self.add_weight(
                name="variance", shape=self._mean_and_var_shape, initializer="ones",
                trainable=False,
            )
            # Kept for compatibility with files written by older Keras versions.
            self.count = self.add_weight(
                name="count", shape=(), dtype="int64", initializer="zeros", trainable=False,
            )
        else:
            dtype = self._torch_compute_dtype
            mean = torch.as_tensor(np.asarray(self.input_mean), dtype=dtype)
            variance = torch.as_tensor(np.asarray(self.input_variance), dtype=dtype)
            if mean.dim() > 0:
                # Align the given dimensions with the kept axes, from the right.
                expanded = [1] * ndim
                for i in range(1, mean.dim() + 1):
                    expanded[self._keep_axis[-i]] = mean.shape[-i]
                mean = mean.reshape(expanded)
                variance = variance.reshape(expanded)
            device = backend.get_device()
            # Constants, not weights (as in Keras); buffers so that `.to(device)` moves them.
            self.register_buffer(
                "_mean_const", mean.expand(self._broadcast_shape).contiguous().to(device),
                persistent=False,
            )
            self.register_buffer(
                "_variance_const",
                variance.expand(self._broadcast_shape).contiguous().to(device),
                persistent=False,
            )
        self.built = True

    @property
    def mean(self):
        """The mean, broadcastable against the inputs (`None` before the layer is built)."""
        if not self.built or self._build_input_shape is None:
            return None
        if self.input_mean is not None:
            return self._mean_const
        return self.adapt_mean.detach().reshape(self._broadcast_shape)

    @property
    def variance(self):
        """The variance, broadcastable against the inputs (`None` before the layer is built)."""
        if not self.built or self._build_input_shape is None:
            return None
        if self.input_mean is not None:
            return self._variance_const
        return self.adapt_variance.detach().reshape(self._broadcast_shape)

    def adapt(self, data):
        """Compute the mean and variance of the values in a dataset.

        The mean and variance are computed separately for each position along the kept `axis`
        and stored as the layer's weights.

        Args:
            data: A NumPy array, a tensor, a `keras.utils.PyDataset`, or an iterable of batches
                (a list of arrays, a generator, a torch `DataLoader`). An iterable must be
                batched: each element is taken as a batch.
        """
        if isinstance(data, (np.ndarray, torch.Tensor)):
            input_shape = tuple(data.shape)
        elif utils._is_py_dataset(data):
            first = _extract_batch(data[0])
            input_shape = tuple(first.shape)
            data = utils.iterate_batches(data)
        elif hasattr(data, "__iter__"):
            data_iter = iter(data)
            first_batch = next(data_iter, None)
            if first_batch is None:
                raise ValueError(
                    "adapt() received an empty iterable (no batches). "
                    "Expected at least one batch. Pass a non-empty iterable "
                    "of arrays or tensors, e.g. layer.adapt([x]) or "
                    "layer.adapt(list_of_batches)."
                )
            first_batch = _extract_batch(first_batch)
            input_shape = getattr(first_batch, "shape", None)
            if input_shape is None:
                raise TypeError(
                    "adapt() expects an iterable that yields arrays or "
                    "tensors with a `.shape` attribute (e.g. numpy arrays or "
                    "backend tensors). Got an element of type "
                    f"{type(first_batch).__name__}. Ensure each yielded "
                    "element is array-like with a `.shape` attribute."
                )
            input_shape = tuple(input_shape)
            data = itertools.chain([first_batch], data_iter)
        else:
            raise TypeError(
                f"Unsupported data type: {type(data)}. `adapt` supports "
                f"`np.ndarray`, backend tensors, `tf.data.Dataset`, "
                f"`keras.utils.PyDataset`, and iterables of batches (e.g. "
                f"list, generator)."
            )

        if not self.built:
            self.build(input_shape)
        else:
            for d in self._keep_axis:
                if input_shape[d] != self._build_input_shape[d]:
                    raise ValueError(
                        "The layer was built with "
                        f"input_shape={self._build_input_shape}, "
                        "but adapt() is being called with data with "
                        f"an incompatible shape, data.shape={input_shape}"
                    )
        if self.input_mean is not None:
            return

        if isinstance(data, np.ndarray):
            # NumPy statistics in the data's own precision, as Keras computes them.
            total_mean = np.mean(data, axis=self._reduce_axis)
            total_var = np.var(data, axis=self._reduce_axis)
        elif isinstance(data, torch.Tensor):
            data = data.detach().to(torch.float32)
            total_mean = torch.mean(data, dim=self._reduce_axis)
            total_var = torch.var(data, dim=self._reduce_axis, unbiased=False)
        else:
            total_mean, total_var = self._adapt_batches(data)
        with torch.no_grad():
            self.adapt_mean.copy_(torch.as_tensor(np.asarray(utils.to_numpy(total_mean))).to(
                self.adapt_mean.device, self.adapt_mean.dtype))
            self.adapt_variance.copy_(torch.as_tensor(np.asarray(utils.to_numpy(total_var))).to(
                self.adapt_variance.device, self.adapt_variance.dtype))

    def _adapt_batches(self, batches):
        # Running mean and variance over batches, merged with the lack-of-fit sum of squares.
        total_mean = torch.zeros(self._mean_and_var_shape)
        total_var = torch.zeros(self._mean_and_var_shape)
        total_count = 0
        for batch in batches:
            batch = _extract_batch(batch)
            batch = torch.as_tensor(utils.to_numpy(batch), dtype=self._torch_compute_dtype)
            for d in self._keep_axis:
                if batch.shape[d] != self._build_input_shape[d]:
                    raise ValueError(
                        "adapt() yielded a batch with incompatible "
                        "shape. Expected "
                        f"{self._build_input_shape}, got "
                        f"{tuple(batch.shape)}."
                    )
            batch_mean = torch.mean(batch, dim=self._reduce_axis)
            batch_var = torch.var(batch, dim=self._reduce_axis, unbiased=False)
            batch_count = math.prod(batch.shape[d] for d in self._reduce_axis)
            total_count += batch_count
            batch_weight = float(batch_count) / total_count
            existing_weight = 1.0 - batch_weight
            new_total_mean = total_mean * existing_weight + batch_mean * batch_weight
            total_var = (total_var + (total_mean - new_total_mean) ** 2) * existing_weight + (
                batch_var + (batch_mean - new_total_mean) ** 2
            ) * batch_weight
            total_mean = new_total_mean
        return total_mean, total_var

    def finalize_state(self):
        """Kept for Keras compatibility: the statistics are read from the weights at call time."""

    def call(self, inputs):
        if self.mean is None:
            raise ValueError(
                "You must call `.build(input_shape)` "
                "on the layer before using it."
            )
        inputs = utils.ensure_tensor(inputs, self._torch_compute_dtype)
        mean = self.mean.to(inputs.dtype)
        # max(sqrt(var), epsilon) keeps constant features finite, as in Keras.
        scale = torch.clamp_min(torch.sqrt(self.variance.to(inputs.dtype)), backend.epsilon())
        if self.invert:
            return torch.addcmul(mean, inputs, scale)
        return (inputs - mean) / scale

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({
            "axis": self.axis,
            "invert": self.invert,
            "mean": np.array(self.input_mean).tolist(),
            "variance": np.array(self.input_variance).tolist(),
        })
        return config

    def get_build_config(self):
        if self._build_input_shape:
            return {"input_shape": self._build_input_shape}
        return None

    def build_from_config(self, config):
        if config:
            self.build(config["input_shape"])
