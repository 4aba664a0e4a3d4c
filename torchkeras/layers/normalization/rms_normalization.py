"""RMSNormalization: scale each example by the inverse root mean square of its features."""

import torch
import torch.nn.functional as F

from torchkeras.layers.layer import Layer
from torchkeras.layers.normalization import norm_utils


class RMSNormalization(Layer):
    """Root Mean Square (RMS) normalization layer (Zhang and Sennrich, 2019).

    Computes `x * rsqrt(mean(square(x), axis) + epsilon) * scale`, with a learned `scale` of the
    shape of the `axis` dimensions (initialized to ones). Unlike `LayerNormalization`, the input
    is not centered.

    Args:
        axis: int or list/tuple of ints, the axis or axes to normalize across. Defaults to
            `-1`.
        epsilon: Small float added to the mean square. Defaults to `1e-6`.

    Example:

    >>> x = np.array([[3.0, 4.0]], dtype="float32")
    >>> keras.layers.RMSNormalization()(x)
    tensor([[0.8485, 1.1314]])
    """

    def __init__(self, axis=-1, epsilon=1e-6, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self.epsilon = epsilon

    def build(self, input_shape):
        norm_utils.check_axes_in_bounds(self.axis, input_shape)
        self.axis = sorted(self.axis) if isinstance(self.axis, (list, tuple)) else [self.axis]
        shape = tuple(input_shape[a] for a in self.axis)
        self.scale = self.add_weight(name="scale", shape=shape, initializer="ones")
        self._axes = tuple(self.axis)
        self._normalized_shape = shape
        self._trailing = norm_utils.is_trailing(self.axis, input_shape)
        self._broadcast = norm_utils.broadcast_shape(self.axis, input_shape)
        self.built = True

    def call(self, x):
        input_dtype = x.dtype
        if input_dtype in norm_utils.HALF:
            x = x.float()
        scale = self.scale.to(x.dtype)
        if self._trailing:
            outputs = F.rms_norm(x, self._normalized_shape, scale, self.epsilon)
        else:
            rrms = torch.rsqrt(x.square().mean(dim=self._axes, keepdim=True) + self.epsilon)
            outputs = x * rrms * scale.view(self._broadcast)
        return outputs.to(input_dtype)

    def compute_output_shape(self, input_shape):
        norm_utils.check_axes_in_bounds(self.axis, input_shape)
        return tuple(input_shape)

    def get_config(self):
        config = {"axis": self.axis, "epsilon": self.epsilon}
        return {**super().get_config(), **config}
