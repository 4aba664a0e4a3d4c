"""Ops that `torch.compile` should call as ATen kernels instead of generating code for.

Inductor's CPU code for `max_pool2d_with_indices` (forward with indices, and its backward) is
~10x slower than ATen's kernel in a training step, which made compiled CNNs slower than eager
ones. Wrapped as a custom op, the compiled graph calls ATen's kernels (as eager does) and fuses
everything around them. Layers use these only while `torch.compile` traces them.
"""

from typing import List
from typing import Tuple

import torch


@torch.library.custom_op("torchkeras::max_pool2d", mutates_args=())
def _max_pool2d_with_indices(x: torch.Tensor, kernel: List[int], stride: List[int],
                             padding: List[int], ceil_mode: bool
                             ) -> Tuple[torch.Tensor, torch.Tensor]:
    out, indices = torch.ops.aten.max_pool2d_with_indices(
        x, kernel, stride, padding, [1, 1], ceil_mode
    )
    return out, indices


@_max_pool2d_with_indices.register_fake
def _(x, kernel, stride, padding, ceil_mode):
    return torch.ops.aten.max_pool2d_with_indices(x, kernel, stride, padding, [1, 1], ceil_mode)


@torch.library.custom_op("torchkeras::max_pool2d_backward", mutates_args=())
def _max_pool2d_backward(grad: torch.Tensor, x: torch.Tensor, indices: torch.Tensor,
                         kernel: List[int], stride: List[int], padding: List[int],
                         ceil_mode: bool) -> torch.Tensor:
    return torch.ops.aten.max_pool2d_with_indices_backward(
        grad, x, kernel, stride, padding, [1, 1], ceil_mode, indices
    )


@_max_pool2d_backward.register_fake
def _(grad, x, indices, kernel, stride, padding, ceil_mode):
    return torch.empty_like(x)


def _setup_context(ctx, inputs, output):
    x, kernel, stride, padding, ceil_mode = inputs
    ctx.save_for_backward(x, output[1])
    ctx.arguments = (kernel, stride, padding, ceil_mode)


def _backward(ctx, grad, _grad_indices):
    x, indices = ctx.saved_tensors
    return (_max_pool2d_backward(grad, x, indices, *ctx.arguments),) + (None,) * 4


_max_pool2d_with_indices.register_autograd(_backward, setup_context=_setup_context)


def max_pool2d(x, kernel_size, stride, padding, ceil_mode=False):
    """`F.max_pool2d` (no dilation) as one opaque op for `torch.compile`."""
    return _max_pool2d_with_indices(
        x, list(kernel_size), list(stride), list(padding), bool(ceil_mode)
    )[0]
