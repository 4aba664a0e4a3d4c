"""`tf.linalg`: matrix functions on torch.linalg, with TF's names and arguments."""

import builtins

import numpy as np
import torch

from torchkeras.compat.tensorflow._convert import axis_arg
from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow.array_ops import einsum  # noqa: F401
from torchkeras.compat.tensorflow.array_ops import tensordot  # noqa: F401
from torchkeras.compat.tensorflow.ops import eye  # noqa: F401
from torchkeras.compat.tensorflow.ops import matmul  # noqa: F401


def norm(tensor, ord="euclidean", axis=None, keepdims=None, name=None):
    """`tf.norm`: a vector norm over `axis` (all entries when `None`) or a matrix norm over two."""
    x = _t(tensor)
    axis = axis_arg(axis)
    keepdims = bool(keepdims)
    if isinstance(axis, tuple) and len(axis) == 2:
        if ord in ("euclidean", "fro"):
            return torch.linalg.matrix_norm(x, ord="fro", dim=axis, keepdim=keepdims)
        if ord not in (1, 2, np.inf):
            raise ValueError(
                "'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2, inf], "
                f"got {ord}"
            )
        return torch.linalg.matrix_norm(x, ord=ord, dim=axis, keepdim=keepdims)
    if ord == "euclidean":
        ord = 2
    if not (ord == np.inf or (isinstance(ord, (int, float)) and ord > 0)):
        raise ValueError(
            f"'ord' must be a supported vector norm, got {ord}"
        )
    if axis is None:
        out = torch.linalg.vector_norm(x, ord=ord)
        return out.reshape([1] * x.dim()) if keepdims else out
    return torch.linalg.vector_norm(x, ord=ord, dim=axis, keepdim=keepdims)


def global_norm(t_list, name=None):
    """The square root of the sum of the squared L2 norms of the tensors (`None`s skipped)."""
    tensors = [_t(t) for t in t_list if t is not None]
    return torch.sqrt(builtins.sum(torch.sum(t * t) for t in tensors))


def inv(input, adjoint=False, name=None):
    x = torch.linalg.inv(_t(input))
    return x.mH if adjoint else x


def det(input, name=None):
    return torch.linalg.det(_t(input))


def slogdet(input, name=None):
    result = torch.linalg.slogdet(_t(input))
    return result.sign, result.logabsdet


def logdet(matrix, name=None):
    return torch.linalg.slogdet(_t(matrix)).logabsdet


def diag(diagonal, name="diag", k=0, num_rows=-1, num_cols=-1, padding_value=0,
         align="RIGHT_LEFT"):
    return torch.diag_embed(_t(diagonal), offset=int(k))


def diag_part(input, name="diag_part", k=0, padding_value=0, align="RIGHT_LEFT"):
    return torch.diagonal(_t(input), offset=int(k), dim1=-2, dim2=-1)


def set_diag(input, diagonal, name="set_diag", k=0, align="RIGHT_LEFT"):
    x = _t(input).clone()
    torch.diagonal(x, offset=int(k), dim1=-2, dim2=-1).copy_(_t(diagonal))
    return x


def band_part(input, num_lower, num_upper, name=None):
    """Keep `num_lower` sub-diagonals and `num_upper` super-diagonals (negative: all)."""
    x = _t(input)
    rows, cols = x.shape[-2], x.shape[-1]
    i = torch.arange(rows, device=x.device).unsqueeze(1)
    j = torch.arange(cols, device=x.device).unsqueeze(0)
    keep = torch.ones(rows, cols, dtype=torch.bool, device=x.device)
    if int(num_lower) >= 0:
        keep &= (i - j) <= int(num_lower)
    if int(num_upper) >= 0:
        keep &= (j - i) <= int(num_upper)
    return torch.where(keep, x, torch.zeros((), dtype=x.dtype, device=x.device))


def trace(x, name=None):
    x = _t(x)
    return torch.diagonal(x, dim1=-2, dim2=-1).sum(-1).to(x.dtype)


def matrix_transpose(a, name="matrix_transpose", conjugate=False):
    x = _t(a).transpose(-1, -2)
    return x.conj() if conjugate else x


def adjoint(matrix, name=None):
    return _t(matrix).mH


def matvec(a, b, transpose_a=False, adjoint_a=False, a_is_sparse=False, b_is_sparse=False,
           name=None):
    a, b = _t(a), _t(b)
    if transpose_a or adjoint_a:
        a = a.mH if adjoint_a else a.transpose(-1, -2)
    return torch.matmul(a, b.unsqueeze(-1)).squeeze(-1)


def solve(matrix, rhs, adjoint=False, name=None):
    a = _t(matrix)
    return torch.linalg.solve(a.mH if adjoint else a, _t(rhs))


def triangular_solve(matrix, rhs, lower=True, adjoint=False, name=None):
    a = _t(matrix)
    if adjoint:
        a, lower = a.mH, not lower
    return torch.linalg.solve_triangular(a, _t(rhs), upper=not lower)


def cholesky(input, name=None):
    return torch.linalg.cholesky(_t(input))


def qr(input, full_matrices=False, name=None):
    q, r = torch.linalg.qr(_t(input), mode="complete" if full_matrices else "reduced")
    return q, r


def svd(tensor, full_matrices=False, compute_uv=True, name=None):
    """TF's order: `(s, u, v)` with `v` (not `v^H`) and only `s` when `compute_uv=False`."""
    x = _t(tensor)
    if not compute_uv:
        return torch.linalg.svdvals(x)
    u, s, vh = torch.linalg.svd(x, full_matrices=full_matrices)
    return s, u, vh.mH


def eigh(tensor, name=None):
    values, vectors = torch.linalg.eigh(_t(tensor))
    return values, vectors


def eigvalsh(tensor, name=None):
    return torch.linalg.eigvalsh(_t(tensor))


def pinv(a, rcond=None, validate_args=False, name=None):
    return torch.linalg.pinv(_t(a), rtol=rcond)


def cross(a, b, name=None):
    return torch.linalg.cross(_t(a), _t(b))


def l2_normalize(x, axis=None, epsilon=1e-12, name=None, dim=None):
    from torchkeras.compat.tensorflow.nn import l2_normalize as _l2

    return _l2(x, axis=axis, epsilon=epsilon, dim=dim)


def lstsq(matrix, rhs, l2_regularizer=0.0, fast=True, name=None):
    a, b = _t(matrix), _t(rhs)
    if l2_regularizer:
        # Regularised normal equations, as TF's fast path solves them.
        gram = a.mH @ a + l2_regularizer * torch.eye(a.shape[-1], dtype=a.dtype, device=a.device)
        return torch.linalg.solve(gram, a.mH @ b)
    return torch.linalg.lstsq(a, b).solution


def matrix_rank(a, tol=None, validate_args=False, name=None):
    return torch.linalg.matrix_rank(_t(a), atol=tol).to(torch.int32)


def expm(input, name=None):
    return torch.linalg.matrix_exp(_t(input))


def eig(tensor, name=None):
    values, vectors = torch.linalg.eig(_t(tensor))
    return values, vectors


def eigvals(tensor, name=None):
    return torch.linalg.eigvals(_t(tensor))


def cholesky_solve(chol, rhs, name=None):
    return torch.cholesky_solve(_t(rhs), _t(chol))


def normalize(tensor, ord="euclidean", axis=None, name=None):
    x = _t(tensor)
    n = norm(x, ord=ord, axis=axis, keepdims=True)
    return x / n, n


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.linalg.{name} is not provided by torchkeras.compat. Use the torch.linalg "
        "equivalent, or see compat/DIFFERENCES.md."
    )


__all__ = [
    "cholesky_solve", "eig", "eigvals", "expm", "lstsq", "matrix_rank", "normalize",
    "adjoint", "band_part", "cholesky", "cross", "det", "diag", "diag_part", "eigh", "eigvalsh",
    "einsum", "eye", "global_norm", "inv", "l2_normalize", "logdet", "matmul",
    "matrix_transpose", "matvec", "norm", "pinv", "qr", "set_diag", "slogdet", "solve", "svd",
    "tensordot", "trace", "triangular_solve",
]
