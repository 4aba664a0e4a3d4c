"""Flatten: flattens the input, keeping the batch axis."""

import math

from torchkeras import backend
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer


class Flatten(Layer):
    """Flattens the input. Does not affect the batch size.

    Args:
        data_format: `"channels_last"` (default) or `"channels_first"`. With `channels_first`
            the features are flattened in channels-last order, as Keras does, so weights stay
            portable between formats.

    Example:

    >>> x = keras.Input(shape=(10, 64))
    >>> keras.layers.Flatten()(x).shape
    (None, 640)
    """

    def __init__(self, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = backend.standardize_data_format(data_format)
        self.input_spec = InputSpec(min_ndim=1)

    def call(self, inputs):
        if self.data_format == "channels_first" and inputs.dim() > 2:
            inputs = inputs.movedim(1, -1)
        return inputs.reshape(inputs.shape[0], -1)  # (batch, prod(features))

    def compute_output_shape(self, input_shape):
        rest = input_shape[1:]
        flat = None if any(d is None for d in rest) else math.prod(rest)
        return (input_shape[0], flat)

    def get_config(self):
        config = super().get_config()
        config["data_format"] = self.data_format
        return config
