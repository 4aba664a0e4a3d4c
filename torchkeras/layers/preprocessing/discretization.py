"""Discretization: bucket continuous features by boundaries, given or learned from quantiles."""

import numpy as np
import torch

from torchkeras import backend
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.layer import Layer
from torchkeras.layers.preprocessing import preprocessing_utils as utils


class Discretization(Layer):
    """A preprocessing layer which buckets continuous features by ranges.

    Input values are mapped to the index of the range they fall in: with `bin_boundaries=[0.,
    1., 2.]` the bins are `(-inf, 0)`, `[0, 1)`, `[1, 2)` and `[2, +inf)`.

    Args:
        bin_boundaries: A list of sorted float boundaries. If given, `adapt()` is not needed.
            Defaults to `None`.
        num_bins: The number of bins to learn with `adapt()`. Defaults to `None`.
        epsilon: Error tolerance of the approximate quantiles, between 0 and 1. Defaults to
            `0.01`.
        output_mode: One of `"int"` (bin indices), `"one_hot"`, `"multi_hot"` or `"count"`.
            Defaults to `"int"`.
        sparse: Whether non-`"int"` outputs are sparse (COO) tensors. Defaults to `False`.
        dtype: The dtype of non-`"int"` outputs. Defaults to `None` (`floatx()`).
        name: String name of the layer.

    Example:

    >>> layer = keras.layers.Discretization(bin_boundaries=[0., 1., 2.])
    >>> layer(np.array([[-1.5, 1.0, 3.4, 0.5], [0.0, 3.0, 1.3, 0.0]]))
    tensor([[0, 2, 3, 1],
            [1, 3, 2, 1]], dtype=torch.int32)
    """

    def __init__(self, bin_boundaries=None, num_bins=None, epsilon=0.01, output_mode="int",
                 sparse=False, dtype=None, name=None):
        super().__init__(name=name, dtype=dtype)
        if sparse and output_mode == "int":
            raise ValueError(
                "`sparse=True` may only be used if `output_mode` is "
                "`'one_hot'`, `'multi_hot'`, or `'count'`. "
                f"Received: sparse={sparse} and "
                f"output_mode={output_mode}"
            )
        utils.validate_string_arg(
            output_mode, allowable_strings=("int", "one_hot", "multi_hot", "count"),
            caller_name=self.__class__.__name__, arg_name="output_mode",
        )
        if num_bins is not None and num_bins < 0:
            raise ValueError(
                "`num_bins` must be greater than or equal to 0. "
                f"Received: `num_bins={num_bins}`"
            )
        if num_bins is not None and bin_boundaries is not None:
            raise ValueError(
                "Both `num_bins` and `bin_boundaries` should not be set. "
                f"Received: `num_bins={num_bins}` and "
                f"`bin_boundaries={bin_boundaries}`"
            )
        if num_bins is None and bin_boundaries is None:
            raise ValueError("You need to set either `num_bins` or `bin_boundaries`.")
        self.bin_boundaries = bin_boundaries
        self.num_bins = num_bins
        self.epsilon = epsilon
        self.output_mode = output_mode
        self.sparse = sparse
        self.summary = None if bin_boundaries else np.array([[], []], dtype="float32")
        self._boundaries_cache = None
        self.built = True

    @property
    def input_dtype(self):
        return backend.floatx()

    @property
    def output_dtype(self):
        return self.compute_dtype if self.output_mode != "int" else "int32"

    def adapt(self, data, steps=None):
        """Compute bin boundaries from the quantiles of a dataset.

        Args:
            data: A NumPy array, a tensor, or an iterable of batches (a generator, a torch
                `DataLoader`, a `keras.utils.PyDataset`).
            steps: Number of batches to read from an iterable. Defaults to `None` (all).
        """
        if self.num_bins is None:
            raise ValueError(
                "Cannot adapt a Discretization layer that has been initialized "
                "with `bin_boundaries`, use `num_bins` instead."
            )
        self.reset_state()
        # Lists too are read as batches, as in Keras.
        if isinstance(data, (list, tuple)) or utils.is_batch_iterable(data):
            for batch in utils.iterate_batches(data, steps):
                self.update_state(batch)
        else:
            self.update_state(data)
        self.finalize_state()

    def update_state(self, data):
        data = utils.to_numpy(data).astype("float32")
        summary = _summarize(data, self.epsilon)
        self.summary = _merge_summaries(summary, self.summary, self.epsilon)

    def finalize_state(self):
        if self.num_bins is None:
            return
        self.bin_boundaries = _get_bin_boundaries(self.summary, self.num_bins).tolist()

    def reset_state(self):
        if self.num_bins is None:
            return
        self.summary = np.array([[], []], dtype="float32")

    def _boundaries(self, device):
        key = (tuple(self.bin_boundaries), device)
        if self._boundaries_cache is None or self._boundaries_cache[0] != key:
            values = torch.tensor([float(b) for b in self.bin_boundaries], dtype=torch.float32,
                                  device=device)
            self._boundaries_cache = (key, values)
        return self._boundaries_cache[1]

    def call(self, inputs):
        if self.bin_boundaries is None:
            raise ValueError(
                "You need to either pass the `bin_boundaries` argument at "
                "construction time or call `adapt(dataset)` before you can "
                "start using the `Discretization` layer."
            )
        inputs = utils.ensure_tensor(inputs, torch.float32)
        # Bin i holds boundaries[i-1] <= x < boundaries[i], as TensorFlow's Bucketize.
        indices = torch.bucketize(inputs.contiguous(), self._boundaries(inputs.device), right=True)
        dtype = backend.to_torch_dtype(self.output_dtype)
        if self.output_mode == "int":
            return indices.to(dtype)
        return utils.encode_categorical_inputs(
            indices, self.output_mode, len(self.bin_boundaries) + 1, dtype=dtype,
            sparse=self.sparse,
        )

    def compute_output_shape(self, input_shape):
        if self.output_mode == "int":
            return input_shape
        depth = (
            len(self.bin_boundaries) + 1 if self.bin_boundaries is not None else self.num_bins
        )
        if self.output_mode == "one_hot":
            if input_shape and input_shape[-1] == 1 and len(input_shape) > 1:
                return tuple(input_shape[:-1]) + (depth,)
            return tuple(input_shape) + (depth,)
        if input_shape and len(input_shape) >= 2:
            # The encoding reduces axis 1 (see `encode_categorical_inputs`).
            return (input_shape[0],) + tuple(input_shape[2:]) + (depth,)
        return (depth,)

    def compute_output_spec(self, inputs):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=self.output_dtype)

    def load_own_variables(self, store):
        if len(store) == 1:
            # Files written by older Keras versions hold the summary.
            self.summary = store["0"]

    def get_config(self):
        return {
            "bin_boundaries": self.bin_boundaries,
            "num_bins": self.num_bins,
            "epsilon": self.epsilon,
            "output_mode": self.output_mode,
            "sparse": self.sparse,
            "name": self.name,
            "dtype": self.dtype,
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        if config.get("bin_boundaries") is not None and config.get("num_bins") is not None:
            # After `adapt()` both are set, which `__init__` refuses: apply the boundaries after.
            bin_boundaries = config.pop("bin_boundaries")
            layer = cls(**config)
            layer.bin_boundaries = bin_boundaries
            return layer
        return cls(**config)


# -- approximate quantiles (the same summaries Keras computes, so `adapt` gives equal bins) -----
def _summarize(values, epsilon):
    """Reduce values to a `(2, n)` summary: sampled sorted values and the weight of each."""
    values = np.sort(np.reshape(values, [-1]))
    elements = np.size(values)
    increment = elements / (1.0 / epsilon)
    step = max(increment, 1)
    start = step - 1
    boundaries = values[int(start)::int(step)]
    weights = np.ones_like(boundaries) * step
    return np.stack([boundaries, weights])


def _merge_summaries(prev_summary, next_summary, epsilon):
    merged = np.concatenate((prev_summary, next_summary), axis=1)
    merged = np.take(merged, np.argsort(merged[0]), axis=1)
    return _compress_summary(merged, epsilon)


def _get_bin_boundaries(summary, num_bins):
    return _compress_summary(summary, 1.0 / num_bins)[0, :-1]


def _compress_summary(summary, epsilon):
    """Interpolate the cumulative weights of a summary down to about `1 / epsilon` bins."""
    if summary.shape[1] * epsilon < 1:
        return summary
    percents = epsilon + np.arange(0.0, 1.0, epsilon)
    cum_weights = summary[1].cumsum()
    cum_weight_percents = cum_weights / cum_weights[-1]
    new_bins = np.interp(percents, cum_weight_percents, summary[0])
    cum_weights = np.interp(percents, cum_weight_percents, cum_weights)
    new_weights = cum_weights - np.concatenate((np.array([0]), cum_weights[:-1]))
    return np.stack((new_bins, new_weights)).astype("float32")
