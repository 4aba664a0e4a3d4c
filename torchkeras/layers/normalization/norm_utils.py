"""Small helpers shared by the normalization layers."""

import torch

# Statistics overflow in half precision; the normalization layers compute them in float32.
HALF = (torch.float16, torch.bfloat16)


def axes_list(axis):
    return list(axis) if isinstance(axis, (list, tuple)) else [axis]


def check_axes_in_bounds(axis, input_shape):
    """Keras's `compute_output_shape` check of the normalization layers."""
    for a in axes_list(axis):
        if a >= len(input_shape) or a < -len(input_shape):
            raise ValueError(
                f"Axis {a} is out of bounds for input shape {tuple(input_shape)}. "
                f"Received: axis={axis}"
            )


def broadcast_shape(axes, input_shape):
    """`[1, ..., size, ..., 1]`: the shape a weight over `axes` is viewed as for broadcasting."""
    shape = [1] * len(input_shape)
    for a in axes:
        shape[a] = input_shape[a]
    return shape


def is_trailing(axes, input_shape):
    """Whether `axes` are the last dimensions, in order (torch's fused kernels' case)."""
    ndim = len(input_shape)
    canonical = [a % ndim for a in axes]
    return canonical == list(range(ndim - len(axes), ndim))
