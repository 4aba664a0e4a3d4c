"""Products in `keras.ops.numpy`: matmul, dot, einsum, tensordot, outer/inner/kron, cross, trace.

Integer products are computed in floats and cast back, as Keras does on TensorFlow (GPU kernels
are float-only); `int8 x int8` products are `int32`, as in JAX.
"""

import torch
import torch.nn.functional as F

from torchkeras.ops import numpy_reductions
from torchkeras.ops import op_utils
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op

_Tensor = torch.Tensor


def _product_dtypes(x1, x2):
    """(result dtype, compute dtype) of a product of `x1` and `x2`."""
    if x1.dtype == torch.int8 and x2.dtype == torch.int8:
        return torch.int32, torch.float32
    result = op_utils.result_dtype(x1, x2)
    compute = (
        result
        if (op_utils.is_float(result) or result in op_utils.COMPLEX)
        else (op_utils.result_dtype(x1, x2, float))
    )
    return result, compute


@keras_op
def matmul(x1, x2):
    """Matrix product of two tensors.

    - If both tensors are 1-dimensional, the dot product (scalar) is returned.
    - If either tensor is N-D, N > 2, it is treated as a stack of matrices residing in the last
      two indexes and broadcast accordingly.
    - If the first tensor is 1-D, it is promoted to a matrix by prepending a 1 to its
      dimensions. After matrix multiplication the prepended 1 is removed.
    - If the second tensor is 1-D, it is promoted to a matrix by appending a 1 to its
      dimensions. After matrix multiplication the appended 1 is removed.

    Args:
        x1: First tensor.
        x2: Second tensor.

    Returns:
        Output tensor, matrix product of the inputs.
    """
    if (
        type(x1) is _Tensor
        and type(x2) is _Tensor
        and x1.dtype == x2.dtype
        and x1.dtype in op_utils.FLOATING
    ):
        return torch.matmul(x1, x2)
    x1 = to_tensor(x1)
    x2 = to_tensor(x2)
    result, compute = _product_dtypes(x1, x2)
    out = torch.matmul(x1.to(compute), x2.to(compute))
    return out if out.dtype == result else out.to(result)


@keras_op
def dot(x1, x2):
    """Dot product of two tensors.

    - If both `x1` and `x2` are 1-D tensors, it is inner product of vectors (without complex
      conjugation).
    - If both `x1` and `x2` are 2-D tensors, it is matrix multiplication.
    - If either `x1` or `x2` is 0-D (scalar), it is equivalent to `x1 * x2`.
    - If `x1` is an N-D tensor and `x2` is a 1-D tensor, it is a sum product over the last axis
      of `x1` and `x2`.
    - If `x1` is an N-D tensor and `x2` is an M-D tensor (where `M>=2`), it is a sum product over
      the last axis of `x1` and the second-to-last axis of `x2`.

    Args:
        x1: First argument.
        x2: Second argument.

    Returns:
        Dot product of `x1` and `x2`.
    """
    x1 = to_tensor(x1)
    x2 = to_tensor(x2)
    result = op_utils.result_dtype(x1, x2)
    compute = op_utils._result_from_kinds((result, float))
    x1, x2 = x1.to(compute), x2.to(compute)
    if x1.dim() == 0 or x2.dim() == 0:
        out = x1 * x2
    elif x2.dim() == 1:
        out = torch.tensordot(x1, x2, dims=([-1], [-1]))
    else:
        out = torch.tensordot(x1, x2, dims=([-1], [-2]))
    return out.to(result)


@keras_op
def vdot(x1, x2):
    """Return the dot product of two vectors (the inputs are flattened first).

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        Output tensor.
    """
    x1 = to_tensor(x1)
    x2 = to_tensor(x2)
    result = op_utils.result_dtype(x1, x2)
    compute = op_utils._result_from_kinds((result, float))
    return torch.dot(x1.to(compute).reshape(-1), x2.to(compute).reshape(-1)).to(result)


@keras_op
def inner(x1, x2):
    """Return the inner product of two tensors (a sum product over their last axes).

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        Output tensor.
    """
    x1 = to_tensor(x1)
    x2 = to_tensor(x2)
    result = op_utils.result_dtype(x1, x2)
    compute = op_utils._result_from_kinds((result, float))
    x1, x2 = x1.to(compute), x2.to(compute)
    if x1.dim() == 0 or x2.dim() == 0:
        return (x1 * x2).to(result)
    return torch.tensordot(x1, x2, dims=([-1], [-1])).to(result)


@keras_op
def outer(x1, x2):
    """Compute the outer product of two vectors (the inputs are flattened first).

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        Output tensor of shape `(x1.size, x2.size)`.
    """
    x1, x2 = op_utils.promote(x1, x2)
    return x1.reshape(-1, 1) * x2.reshape(-1)


def _tensordot_axes(axes):
    if isinstance(axes, int):
        return axes
    axes = list(axes)
    if len(axes) == 2 and all(isinstance(a, int) for a in axes):
        return ([axes[0]], [axes[1]])
    return tuple([a] if isinstance(a, int) else list(a) for a in axes)


@keras_op
def tensordot(x1, x2, axes=2):
    """Compute the tensor dot product along specified axes.

    Args:
        x1: First tensor.
        x2: Second tensor.
        axes: - If an integer, N, sum over the last N axes of `x1` and the first N axes of `x2`
            in order. The sizes of the corresponding axes must match.
            - Or, a list of axes to be summed over, first sequence applying to `x1`, second to
            `x2`. Both sequences must be of the same length.

    Returns:
        The tensor dot product of the inputs.
    """
    x1 = to_tensor(x1)
    x2 = to_tensor(x2)
    result = op_utils.result_dtype(x1, x2)
    if (
        result in (torch.int32, torch.int64)
        or op_utils.is_float(result)
        or result in op_utils.COMPLEX
    ):
        compute = result
    else:
        compute = op_utils._result_from_kinds((result, float))
    out = torch.tensordot(x1.to(compute), x2.to(compute), dims=_tensordot_axes(axes))
    return out.to(result)


@keras_op
def einsum(subscripts, *operands, **kwargs):
    """Evaluates the Einstein summation convention on the operands.

    Args:
        subscripts: Specifies the subscripts for summation as comma separated list of subscript
            labels. An implicit (classical Einstein summation) calculation is performed unless
            the explicit indicator `->` is included as well as subscript labels of the precise
            output form.
        operands: The operands to compute the Einstein sum of.

    Returns:
        The calculation based on the Einstein summation convention.
    """
    operands = [to_tensor(x) for x in operands]
    kinds = {x.dtype for x in operands}
    if kinds == {torch.int8}:
        result = torch.int32
    else:
        result = op_utils._result_from_kinds(tuple(kinds))
    compute = (
        result
        if (op_utils.is_float(result) or result in op_utils.COMPLEX)
        else (op_utils.floatx_torch())
    )
    out = torch.einsum(subscripts, *[x.to(compute) for x in operands])
    return out if out.dtype == result else out.to(result)


@keras_op
def kron(x1, x2):
    """Kronecker product of `x1` and `x2`.

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        A tensor representing the Kronecker product of `x1` and `x2`.
    """
    x1, x2 = op_utils.promote(x1, x2)
    if x1.dtype == torch.bool:
        return torch.kron(x1.to(torch.uint8), x2.to(torch.uint8)).bool()
    return torch.kron(x1, x2)


@keras_op
def cross(x1, x2, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """Returns the cross product of two (arrays of) vectors.

    The vectors are defined by the last axis of `x1` and `x2` by default, and these axes can
    have dimensions 2 or 3. Where the dimension of either `x1` or `x2` is 2, the third component
    of the input vector is assumed to be zero and the cross product calculated accordingly.

    Args:
        x1: Components of the first vector(s).
        x2: Components of the second vector(s).
        axisa: Axis of `x1` that defines the vector(s). Defaults to `-1`.
        axisb: Axis of `x2` that defines the vector(s). Defaults to `-1`.
        axisc: Axis of the result containing the cross product vector(s). Ignored if both input
            vectors have dimension 2, as the return is scalar. By default, the last axis.
        axis: If defined, the axis of `x1`, `x2` and the result that defines the vector(s) and
            cross product(s). Overrides `axisa`, `axisb` and `axisc`.

    Returns:
        Vector cross product(s).
    """
    x1, x2 = op_utils.promote(x1, x2)
    if axis is not None:
        axisa = axisb = axisc = axis
    x1 = torch.movedim(x1, axisa, -1)
    x2 = torch.movedim(x2, axisb, -1)
    for name, x in (("x1", x1), ("x2", x2)):
        if x.shape[-1] not in (2, 3):
            which = "axisa" if name == "x1" else "axisb"
            raise ValueError(
                f"`{name}`'s dim on `axis={which}` must be either 2 or 3, but received: "
                f"{x.shape[-1]}"
            )
    both_2d = x1.shape[-1] == 2 and x2.shape[-1] == 2
    if x1.shape[-1] == 2:
        x1 = F.pad(x1, (0, 1))
    if x2.shape[-1] == 2:
        x2 = F.pad(x2, (0, 1))
    x1, x2 = torch.broadcast_tensors(x1, x2)
    c = torch.linalg.cross(x1, x2, dim=-1)
    if both_2d:
        return c[..., 2]
    return torch.movedim(c, -1, axisc)


@keras_op
def trace(x, offset=0, axis1=0, axis2=1):
    """Return the sum along diagonals of the tensor.

    Args:
        x: Input tensor.
        offset: Offset of the diagonal from the main diagonal. Can be both positive and
            negative. Defaults to `0`.
        axis1: Axis to be used as the first axis of the 2-D sub-arrays. Defaults to `0`.
        axis2: Axis to be used as the second axis of the 2-D sub-arrays. Defaults to `1`.

    Returns:
        If `x` is 2-D, the sum of the diagonal is returned. If `x` has larger dimensions, then a
        tensor of sums along diagonals is returned.
    """
    x = to_tensor(x)
    diagonal = torch.diagonal(x, offset=offset, dim1=axis1, dim2=axis2)
    return numpy_reductions.sum.__wrapped__(diagonal, axis=-1)


@keras_op
def correlate(x1, x2, mode="valid"):
    """Compute the cross-correlation of two 1-dimensional tensors.

    Args:
        x1: First 1-dimensional input tensor of length M.
        x2: Second 1-dimensional input tensor of length N.
        mode: Either `"valid"`, `"same"` or `"full"`. By default the mode is set to `"valid"`,
            which returns an output of length `max(M, N) - min(M, N) + 1`. `"same"` returns an
            output of length `max(M, N)`. `"full"` mode returns the convolution at each point of
            overlap, with an output length of `N+M-1`.

    Returns:
        Output tensor, cross-correlation of `x1` and `x2`.
    """
    x1 = to_tensor(x1)
    x2 = to_tensor(x2)
    dtype = op_utils.result_dtype(x1, x2)
    if dtype == torch.int64:
        dtype = torch.float64
    elif dtype not in (torch.bfloat16, torch.float16, torch.float64):
        dtype = torch.float32
    x1, x2 = x1.to(dtype), x2.to(dtype)
    n, m = x1.shape[0], x2.shape[0]
    if mode not in ("valid", "same", "full"):
        raise ValueError(f"Invalid mode: '{mode}'. Mode must be one of: 'full', 'same', 'valid'.")
    if mode == "valid":
        padded = x1
    else:
        padded = F.pad(x1, (m - 1, m - 1))
    out = F.conv1d(padded.reshape(1, 1, -1), x2.reshape(1, 1, -1)).reshape(-1)
    if mode == "same":
        out_len = max(n, m)
        start = (n + m - 1 - out_len) // 2
        out = out[start : start + out_len]
    return out
