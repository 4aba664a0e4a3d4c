"""UnitNormalization: scale each example to unit L2 norm."""

import torch

from torchkeras.layers.layer import Layer
from torchkeras.layers.normalization import norm_utils


class UnitNormalization(Layer):
    """Unit normalization layer.

    Normalizes each example so that its L2 norm over `axis` is 1:
    `x * min(rsqrt(sum(square(x), axis)), 1e12)` (the bound keeps an all-zero input at zero).

    Args:
        axis: int or list/tuple of ints, the axis or axes to normalize across. Defaults to
            `-1`.

    Example:

    >>> data = np.arange(6, dtype="float32").reshape(2, 3)
    >>> out = keras.layers.UnitNormalization()(data)
    >>> float((out[0] ** 2).sum())
    1.0
    """

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            self.axis = list(axis)
        elif isinstance(axis, int):
            self.axis = axis
        else:
            raise TypeError(
                "Invalid value for `axis` argument: expected an int or a list/tuple of ints. "
                f"Received: axis={axis}"
            )
        self._axes = tuple(norm_utils.axes_list(self.axis))
        self.supports_masking = True
        self.built = True

    def call(self, inputs):
        square_sum = inputs.square().sum(dim=self._axes, keepdim=True)
        return inputs * torch.rsqrt(square_sum).clamp(max=1e12)

    def compute_output_shape(self, input_shape):
        for a in self._axes:
            if a >= len(input_shape) or a < -len(input_shape):
                raise ValueError(
                    f"Axis {self.axis} is out of bounds for input shape {tuple(input_shape)}."
                )
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update({"axis": self.axis})
        return config
