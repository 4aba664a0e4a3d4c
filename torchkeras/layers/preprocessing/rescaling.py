"""Rescaling: `inputs * scale + offset`, in training and inference."""

import numpy as np
import torch

from torchkeras import backend
from torchkeras.layers.layer import Layer
from torchkeras.layers.preprocessing import preprocessing_utils as utils


def _serialize_value(value):
    # Keras writes NumPy arrays as `__numpy__` objects and NumPy scalars as plain numbers.
    if isinstance(value, np.ndarray):
        return {"class_name": "__numpy__",
                "config": {"value": value.tolist(), "dtype": str(value.dtype)}}
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, torch.Tensor):
        return _serialize_value(backend.convert_to_numpy(value))
    if isinstance(value, tuple):
        return list(value)
    return value


def _deserialize_value(value):
    if isinstance(value, dict) and value.get("class_name") == "__numpy__":
        return np.array(value["config"]["value"], dtype=value["config"]["dtype"])
    return value


class Rescaling(Layer):
    """A preprocessing layer which rescales input values to a new range.

    Every value of the input (often an image) is multiplied by `scale`, then `offset` is added:
    `scale=1./255` maps `[0, 255]` to `[0, 1]`; `scale=1./127.5, offset=-1` maps it to `[-1, 1]`.
    The rescaling is applied in training and inference. Integer inputs give float outputs.

    Args:
        scale: Float (or per-channel array), the scale to apply to the inputs.
        offset: Float (or per-channel array), the offset to apply to the inputs.
            Defaults to `0.0`.
        **kwargs: Base layer keyword arguments, such as `name` and `dtype`.
    """

    def __init__(self, scale, offset=0.0, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale
        self.offset = offset
        self.supports_masking = True
        self._scalar = np.ndim(scale) == 0 and np.ndim(offset) == 0
        self._constants = None
        self.built = True

    def _tensors(self, dtype, device):
        # Array-valued scale/offset as tensors, made once per dtype and device.
        key = (dtype, device)
        if self._constants is None or self._constants[0] != key:
            scale = torch.as_tensor(backend.convert_to_numpy(self.scale), dtype=dtype,
                                    device=device)
            offset = torch.as_tensor(backend.convert_to_numpy(self.offset), dtype=dtype,
                                     device=device)
            if scale.dim() > 0 and backend.image_data_format() == "channels_first":
                scale = scale.reshape(tuple(scale.shape) + (1,) * (3 - scale.dim()))
            self._constants = (key, scale, offset)
        return self._constants[1], self._constants[2]

    def call(self, inputs):
        dtype = self._torch_compute_dtype
        inputs = utils.ensure_tensor(inputs, dtype)
        if self._scalar:
            # Python scalars are cast to the tensor's dtype by torch, as Keras casts them.
            outputs = inputs * float(self.scale)
            return outputs + float(self.offset) if self.offset else outputs
        scale, offset = self._tensors(dtype, inputs.device)
        return inputs * scale + offset

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({
            "scale": _serialize_value(self.scale),
            "offset": _serialize_value(self.offset),
        })
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["scale"] = _deserialize_value(config["scale"])
        config["offset"] = _deserialize_value(config["offset"])
        return super().from_config(config)
