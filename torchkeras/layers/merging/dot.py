"""Dot: the batchwise dot product of two inputs along given axes."""

import torch

from torchkeras import backend
from torchkeras.layers.merging.base_merge import Merge


class Dot(Merge):
    """Computes element-wise dot product of two tensors.

    It takes a list of two inputs and the axis of each along which the dot product is taken.
    With inputs of shapes `(2, 3, 5)` and `(2, 10, 3)` and `axes=(1, 2)`, the output has shape
    `(2, 5, 10)`. A rank-1 result is returned as `(batch_size, 1)`.

    Args:
        axes: Integer or tuple of two integers, the axis (or the axis of each input) along
            which to take the dot product. The batch axis 0 cannot be one of them.
        normalize: Whether to L2-normalize the samples along the dot product axes first; the
            output is then the cosine proximity. Defaults to `False`.

    Example:

    >>> x = np.arange(10).reshape(1, 5, 2).astype("float32")
    >>> y = np.arange(10, 20).reshape(1, 2, 5).astype("float32")
    >>> keras.layers.Dot(axes=(1, 2))([x, y])
    tensor([[[260., 360.],
             [320., 445.]]])
    """

    _align_ranks = False

    def __init__(self, axes, normalize=False, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(axes, int):
            if not isinstance(axes, (list, tuple)):
                raise TypeError(
                    "Invalid type for argument `axes`: it should be a list or an int. "
                    f"Received: axes={axes}"
                )
            if len(axes) != 2:
                raise ValueError(
                    "Invalid format for argument `axes`: it should contain two elements. "
                    f"Received: axes={axes}"
                )
            if not isinstance(axes[0], int) or not isinstance(axes[1], int):
                raise ValueError(
                    "Invalid format for argument `axes`: list elements should be integers. "
                    f"Received: axes={axes}"
                )
        self.axes = axes
        self.normalize = normalize
        self.supports_masking = True

    def _resolve_axes(self, rank1, rank2):
        if isinstance(self.axes, int):
            if self.axes < 0:
                return [self.axes % rank1, self.axes % rank2]
            return [self.axes] * 2
        return [a % r if a < 0 else a for a, r in zip(self.axes, (rank1, rank2))]

    def build(self, input_shape):
        if not isinstance(input_shape[0], (tuple, list)) or len(input_shape) != 2:
            raise ValueError(
                "A `Dot` layer should be called on a list of 2 inputs. "
                f"Received: input_shape={input_shape}"
            )
        shape1, shape2 = tuple(input_shape[0]), tuple(input_shape[1])
        axes = self._resolve_axes(len(shape1), len(shape2))
        if shape1[axes[0]] != shape2[axes[1]]:
            raise ValueError(
                f"Incompatible input shapes: axis values {shape1[axes[0]]} (at axis {axes[0]}) "
                f"!= {shape2[axes[1]]} (at axis {axes[1]}). Full input shapes: {shape1}, "
                f"{shape2}"
            )
        self.built = True

    def _merge_function(self, inputs):
        if len(inputs) != 2:
            raise ValueError(
                f"A `Dot` layer should be called on exactly 2 inputs. Received: inputs={inputs}"
            )
        x1, x2 = inputs
        axes = self._resolve_axes(x1.dim(), x2.dim())
        if self.normalize:
            x1 = _l2_normalize(x1, axes[0])
            x2 = _l2_normalize(x2, axes[1])
        return batch_dot(x1, x2, axes)

    def compute_output_shape(self, input_shape):
        if not isinstance(input_shape, (tuple, list)) or len(input_shape) != 2:
            raise ValueError(
                "A `Dot` layer should be called on a list of 2 inputs. "
                f"Received: input_shape={input_shape}"
            )
        shape1, shape2 = list(input_shape[0]), list(input_shape[1])
        axes = self._resolve_axes(len(shape1), len(shape2))
        shape1.pop(axes[0])
        shape2.pop(axes[1])
        shape2.pop(0)
        output_shape = shape1 + shape2
        if len(output_shape) == 1:
            output_shape += [1]
        return tuple(output_shape)

    def compute_mask(self, inputs, mask=None):
        return None

    def get_config(self):
        config = super().get_config()
        config.update({"axes": self.axes, "normalize": self.normalize})
        return config


def _l2_normalize(x, axis):
    # Keras: x * min(rsqrt(sum(x^2)), 1 / epsilon), so an all-zero sample stays zero.
    inv_norm = torch.rsqrt(torch.sum(x * x, dim=axis, keepdim=True))
    return x * torch.clamp(inv_norm, max=1.0 / backend.epsilon())


def batch_dot(x, y, axes):
    """Dot product of each sample of `x` with the same sample of `y`, over `axes` (one axis of
    each, batch axis excluded). The output holds `x`'s remaining axes, then `y`'s; a rank-1
    result becomes `(batch_size, 1)`."""
    x_ndim, y_ndim = x.dim(), y.dim()
    if x_ndim < 2 or y_ndim < 2:
        raise ValueError(
            "Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes "
            f"{tuple(x.shape)} and {tuple(y.shape)}."
        )
    a0, a1 = axes
    if 0 in (a0, a1):
        raise ValueError(
            "Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy "
            "batch dimension to your inputs using keras.ops.expand_dims(x, 0)"
        )
    if x.shape[a0] != y.shape[a1]:
        raise ValueError(
            f"Cannot do batch_dot on inputs with shapes {tuple(x.shape)} and "
            f"{tuple(y.shape)} with axes={list(axes)}. x.shape[{a0}] != y.shape[{a1}] "
            f"({x.shape[a0]} != {y.shape[a1]})."
        )
    x_rest = [x.shape[i] for i in range(1, x_ndim) if i != a0]
    y_rest = [y.shape[i] for i in range(1, y_ndim) if i != a1]
    batch = x.shape[0]
    # (batch, prod(x_rest), d) @ (batch, d, prod(y_rest)) -> (batch, *x_rest, *y_rest)
    xm = torch.movedim(x, a0, -1).reshape(batch, -1, x.shape[a0])
    ym = torch.movedim(y, a1, 1).reshape(batch, y.shape[a1], -1)
    result = torch.bmm(xm, ym).reshape([batch] + x_rest + y_rest)
    if result.dim() == 1:
        result = result.unsqueeze(-1)
    return result
