"""BaseAdaptivePooling: pooling to a fixed output size, whatever the input size."""

import torch.nn.functional as F

from torchkeras.backend import config
from torchkeras.layers.convolutional import conv_utils
from torchkeras.layers.layer import Layer

_ADAPTIVE = {
    ("max", 1): F.adaptive_max_pool2d, ("max", 2): F.adaptive_max_pool2d,
    ("max", 3): F.adaptive_max_pool3d, ("average", 1): F.adaptive_avg_pool2d,
    ("average", 2): F.adaptive_avg_pool2d, ("average", 3): F.adaptive_avg_pool3d,
}


def standardize_output_size(output_size, rank, names):
    """An int or a tuple of `rank` ints -> a tuple, with Keras's errors."""
    if isinstance(output_size, int):
        return (output_size,) * rank
    if rank == 1:
        if isinstance(output_size, (tuple, list)):
            if len(output_size) != 1:
                raise ValueError(
                    "For 1D input, `output_size` tuple must have length 1. "
                    f"Received: {output_size}"
                )
            return tuple(output_size)
        raise TypeError(
            "`output_size` must be an integer or tuple of 1 integer. "
            f"Received: {output_size} of type {type(output_size)}"
        )
    if isinstance(output_size, (tuple, list)) and len(output_size) == rank:
        return tuple(output_size)
    raise TypeError(
        f"`output_size` must be an integer or {names} tuple. "
        f"Received: {output_size} of type {type(output_size)}"
    )


class BaseAdaptivePooling(Layer):
    """Base class of the adaptive pooling layers (private).

    Output position `i` of a dimension of size `n` pools input positions
    `floor(i * n / out)` to `ceil((i + 1) * n / out)` (exclusive), as TensorFlow and torch do.

    Args:
        output_size: tuple of ints, the spatial output size.
        pool_mode: `"max"` or `"average"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
    """

    def __init__(self, output_size, pool_mode, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.output_size = output_size
        self.data_format = data_format or config.image_data_format()
        if self.data_format not in {"channels_first", "channels_last"}:
            raise ValueError(
                f"Invalid data_format: {self.data_format}. "
                "Expected 'channels_first' or 'channels_last'."
            )
        self._rank = len(output_size)
        self._pool = _ADAPTIVE[(pool_mode, self._rank)]
        # 1D pooling runs as 2D pooling on a height-1 view.
        self._torch_size = (1,) + tuple(output_size) if self._rank == 1 else tuple(output_size)

    def call(self, inputs):
        x = conv_utils.to_channels_first(inputs, self._rank, self.data_format)
        y = self._pool(x, self._torch_size)
        return conv_utils.from_channels_first(y, self._rank, self.data_format)

    def compute_output_shape(self, input_shape):
        if self.data_format == "channels_last":
            return (input_shape[0], *self.output_size, input_shape[-1])
        return (input_shape[0], input_shape[1], *self.output_size)

    def get_config(self):
        config_dict = {"output_size": self.output_size, "data_format": self.data_format}
        return {**super().get_config(), **config_dict}
