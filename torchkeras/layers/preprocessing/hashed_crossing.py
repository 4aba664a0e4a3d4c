"""HashedCrossing: hash the combination of several categorical features into bins."""

import numpy as np
import torch

from torchkeras import backend
from torchkeras.layers.layer import Layer
from torchkeras.layers.preprocessing import hash_functions
from torchkeras.layers.preprocessing import preprocessing_utils as utils

# The default key of `tf.sparse.cross_hashed`, so that crosses equal Keras's on TensorFlow.
_CROSS_HASH_KEY = 0xDECAFCAFFE
_INT64_MASK = (1 << 64) - 1


def _feature_fingerprints(values):
    """The 64-bit fingerprint of each value: FarmHash for strings, the integer itself otherwise."""
    if values.dtype.kind in ("U", "S", "O"):
        uniques, inverse = np.unique(values.astype(str), return_inverse=True)
        prints = [hash_functions.fingerprint64(u.encode("utf-8")) for u in uniques.tolist()]
        return [prints[i] for i in inverse]
    return [int(v) & _INT64_MASK for v in values.tolist()]


class HashedCrossing(Layer):
    """A preprocessing layer which crosses features using the "hashing trick".

    This layer performs crosses of categorical features: each combination of input values is
    hashed into one of `num_bins` bins, with the same hash as TensorFlow's
    `tf.sparse.cross_hashed` (FarmHash fingerprints combined with `FingerprintCat64`).

    Args:
        num_bins: Number of hash bins.
        output_mode: `"int"` (bin indices) or `"one_hot"`. Defaults to `"int"`.
        sparse: Whether `"one_hot"` outputs are sparse (COO) tensors. Defaults to `False`.
        name: Name of the layer.
        dtype: Output dtype. Defaults to `"int64"` for `"int"` output, else `floatx()`.

    Call arguments:
        inputs: A list or tuple of at least two features, each of shape `()`, `(batch_size,)`
            or `(batch_size, 1)`, with integer or string values.

    Example:

    >>> layer = keras.layers.HashedCrossing(num_bins=5)
    >>> layer((np.array([1, 2, 3, 4, 5]), np.array(["A", "B", "A", "B", "A"])))
    """

    def __init__(self, num_bins, output_mode="int", sparse=False, name=None, dtype=None,
                 **kwargs):
        if output_mode == "int" and dtype is None:
            dtype = "int64"
        super().__init__(name=name, dtype=dtype)
        utils.validate_string_arg(
            output_mode, allowable_strings=("int", "one_hot"),
            caller_name=self.__class__.__name__, arg_name="output_mode",
        )
        self.num_bins = num_bins
        self.output_mode = output_mode
        self.sparse = sparse
        self.built = True

    def _convert_inputs(self, args, kwargs):
        return args, kwargs

    def call(self, inputs):
        if not isinstance(inputs, (list, tuple)):
            raise ValueError(
                "`HashedCrossing` should be called on a list or tuple of "
                f"inputs. Received: inputs={inputs}"
            )
        if len(inputs) < 2:
            raise ValueError(
                "`HashedCrossing` should be called on at least two inputs. "
                f"Received: inputs={inputs}"
            )
        device = next(
            (x.device for x in inputs if isinstance(x, torch.Tensor)), backend.get_device()
        )
        arrays = [
            utils.to_string_array(x) if utils.is_string_like(x) else utils.to_numpy(x)
            for x in inputs
        ]
        first_shape = arrays[0].shape
        rank = len(first_shape)
        if rank > 2 or (rank == 2 and first_shape[-1] != 1):
            raise ValueError(
                "All `HashedCrossing` inputs should have shape `()`, "
                "`(batch_size)` or `(batch_size, 1)`. "
                f"Received: inputs={inputs}"
            )
        if not all(a.shape == first_shape for a in arrays[1:]):
            raise ValueError(
                "All `HashedCrossing` inputs should have equal shape. "
                f"Received: inputs={inputs}"
            )
        if not all(a.dtype.kind in ("i", "u", "U", "S", "O") for a in arrays):
            raise ValueError(
                "All `HashedCrossing` inputs should have an integer or "
                f"string dtype. Received: inputs={inputs}"
            )
        columns = [_feature_fingerprints(a.reshape(-1)) for a in arrays]
        crossed = []
        for row in zip(*columns):
            value = _CROSS_HASH_KEY
            for fingerprint in row:
                value = hash_functions.fingerprint_cat64(value, fingerprint)
            crossed.append(value % self.num_bins)
        outputs = torch.as_tensor(np.asarray(crossed, dtype=np.int64).reshape(first_shape),
                                  device=device)
        return utils.encode_categorical_inputs(
            outputs, self.output_mode, self.num_bins,
            dtype=backend.to_torch_dtype(self.compute_dtype), sparse=self.sparse,
        ).to(backend.to_torch_dtype(self.dtype))

    def compute_output_shape(self, input_shape):
        if (
            not len(input_shape) == 2
            or not isinstance(input_shape[0], tuple)
            or not isinstance(input_shape[1], tuple)
        ):
            raise ValueError(
                "Expected as input a list/tuple of 2 tensors. "
                f"Received input_shape={input_shape}"
            )
        if input_shape[0][-1] != input_shape[1][-1]:
            raise ValueError(
                "Expected the two input tensors to have identical shapes. "
                f"Received input_shape={input_shape}"
            )
        if self.output_mode == "int":
            return tuple(input_shape[0])
        if self.output_mode == "one_hot" and input_shape[0][-1] != 1:
            return tuple(input_shape[0]) + (self.num_bins,)
        return tuple(input_shape[0])[:-1] + (self.num_bins,)

    def get_config(self):
        return {
            "num_bins": self.num_bins,
            "output_mode": self.output_mode,
            "sparse": self.sparse,
            "name": self.name,
            "dtype": self.dtype,
        }
