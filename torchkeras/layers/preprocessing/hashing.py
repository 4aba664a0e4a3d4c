"""Hashing: map strings or integers to a fixed number of bins with FarmHash or SipHash."""

import numpy as np
import torch

from torchkeras import backend
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.layer import Layer
from torchkeras.layers.preprocessing import hash_functions
from torchkeras.layers.preprocessing import preprocessing_utils as utils


def hash_to_bins(values, num_bins, mask_value=None, salt=None):
    """Bin indices (an int64 NumPy array of `values`' shape) as Keras's `Hashing` computes them.

    Values are hashed as text: floats are first truncated to integers, integers are written in
    decimal. With a `mask_value`, bin 0 is reserved for it and the rest use `num_bins - 1`.
    """
    values = np.asarray(values)
    hash_bins = num_bins
    mask = None
    if mask_value is not None and hash_bins > 1:
        hash_bins -= 1
        mask = values == mask_value
    if values.dtype.kind == "f":
        values = values.astype(np.int64)
    if values.dtype.kind == "S":
        values = values.astype(object)
    # Hash each distinct value once.
    uniques, inverse = np.unique(values.reshape(-1), return_inverse=True)
    buckets = hash_functions.hash_buckets(uniques.tolist(), hash_bins, salt=salt)[inverse]
    buckets = buckets.reshape(values.shape)
    if mask is not None:
        buckets = np.where(mask, 0, buckets + 1)
    return buckets


class Hashing(Layer):
    """A preprocessing layer which hashes and bins categorical features.

    This layer transforms categorical inputs to hashed output: it converts a sequence of ints
    or strings to a sequence of ints in `[0, num_bins)`. The hash is FarmHash64 (the same as
    TensorFlow's `to_hash_bucket_fast`), or SipHash64 keyed by `salt` (`to_hash_bucket_strong`),
    so bins equal those of Keras on TensorFlow. Integers and floats (truncated) are hashed as
    their decimal text.

    Args:
        num_bins: Number of hash bins, including the mask bin when `mask_value` is set.
        mask_value: A value that represents masked inputs, mapped to index 0.
            Defaults to `None` (no mask).
        salt: A single int or a tuple of two ints keying SipHash64. Defaults to `None`
            (FarmHash64).
        output_mode: `"int"`, `"one_hot"`, `"multi_hot"` or `"count"`. Defaults to `"int"`.
        sparse: Whether non-`"int"` outputs are sparse (COO) tensors. Defaults to `False`.
        **kwargs: Base layer keyword arguments; `dtype` defaults to `"int64"` for `"int"` output
            and `floatx()` otherwise.

    Inputs are NumPy arrays or lists of strings, or integer/float arrays or tensors; outputs are
    torch tensors.

    Example:

    >>> layer = keras.layers.Hashing(num_bins=3)
    >>> layer([["A"], ["B"], ["C"], ["D"], ["E"]])
    tensor([[1], [0], [1], [1], [2]])
    """

    def __init__(self, num_bins, mask_value=None, salt=None, output_mode="int", sparse=False,
                 **kwargs):
        if kwargs.get("dtype") is None:
            kwargs["dtype"] = "int64" if output_mode == "int" else backend.floatx()
        super().__init__(**kwargs)
        if num_bins is None or num_bins <= 0:
            raise ValueError(
                "The `num_bins` for `Hashing` cannot be `None` or "
                f"non-positive values. Received: num_bins={num_bins}."
            )
        if output_mode == "int" and self.dtype_policy.name not in ("int32", "int64"):
            raise ValueError(
                'When `output_mode="int"`, `dtype` should be an integer '
                f"type, 'int32' or 'in64'. Received: dtype={kwargs['dtype']}"
            )
        accepted_output_modes = ("int", "one_hot", "multi_hot", "count")
        if output_mode not in accepted_output_modes:
            raise ValueError(
                "Invalid value for argument `output_mode`. "
                f"Expected one of {accepted_output_modes}. "
                f"Received: output_mode={output_mode}"
            )
        if sparse and output_mode == "int":
            raise ValueError(
                "`sparse` may only be true if `output_mode` is "
                '`"one_hot"`, `"multi_hot"`, or `"count"`. '
                f"Received: sparse={sparse} and "
                f"output_mode={output_mode}"
            )
        self.num_bins = num_bins
        self.mask_value = mask_value
        self.strong_hash = salt is not None
        self.output_mode = output_mode
        self.sparse = sparse
        self.salt = None
        if salt is not None:
            if isinstance(salt, (tuple, list)) and len(salt) == 2:
                self.salt = list(salt)
            elif isinstance(salt, int):
                self.salt = [salt, salt]
            else:
                raise ValueError(
                    "The `salt` argument for `Hashing` can only be a tuple of "
                    "size 2 integers, or a single integer. "
                    f"Received: salt={salt}."
                )
        self.built = True

    def _convert_inputs(self, args, kwargs):
        # Strings stay NumPy arrays: hashing runs on the host, as TensorFlow runs it on the CPU.
        return args, kwargs

    def call(self, inputs):
        device = inputs.device if isinstance(inputs, torch.Tensor) else backend.get_device()
        if utils.is_string_like(inputs):
            values = utils.to_string_array(inputs)
        else:
            values = utils.to_numpy(inputs)
        if self.output_mode == "one_hot" and values.ndim > 0 and values.shape[-1] == 1:
            values = values.squeeze(-1)
        indices = torch.as_tensor(
            hash_to_bins(values, self.num_bins, self.mask_value, self.salt), device=device
        )
        return utils.encode_categorical_inputs(
            indices, self.output_mode, self.num_bins,
            dtype=backend.to_torch_dtype(self.dtype), sparse=self.sparse,
        )

    def compute_output_shape(self, input_shape):
        if self.output_mode == "int":
            return tuple(input_shape)
        if len(input_shape) == 0:
            return (self.num_bins,)
        return tuple(input_shape[:-1]) + (self.num_bins,)

    def compute_output_spec(self, inputs):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=self.dtype)

    def get_config(self):
        config = super().get_config()
        config.update({
            "num_bins": self.num_bins,
            "salt": self.salt,
            "mask_value": self.mask_value,
            "output_mode": self.output_mode,
            "sparse": self.sparse,
        })
        return config
