"""`keras.ops.linalg`: decompositions, solvers, norms and forward-mode differentiation."""

import torch

from torchkeras.ops import op_utils
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op
from torchkeras.utils import tree


def _assert_1d(*arrays):
    for a in arrays:
        if a.dim() < 1:
            raise ValueError(f"Expected input to have rank >= 1. Received scalar input {a}.")


def _assert_2d(*arrays):
    for a in arrays:
        if a.dim() < 2:
            raise ValueError(
                f"Expected input to have rank >= 2. Received input with shape {tuple(a.shape)}."
            )


def _assert_square(*arrays):
    for a in arrays:
        m, n = a.shape[-2:]
        if m != n:
            raise ValueError(
                f"Expected a square matrix. Received non-square input with shape {tuple(a.shape)}"
            )


def _assert_a_b_compat(a, b):
    if a.dim() == b.dim():
        if a.shape[-2] != b.shape[-2]:
            raise ValueError(
                "Incompatible shapes between `a` and `b`. Expected `a.shape[-2] == b.shape[-2]`. "
                f"Received: a.shape={tuple(a.shape)}, b.shape={tuple(b.shape)}"
            )
    elif a.dim() == b.dim() - 1:
        if a.shape[-1] != b.shape[-1]:
            raise ValueError(
                "Incompatible shapes between `a` and `b`. Expected `a.shape[-1] == b.shape[-1]`. "
                f"Received: a.shape={tuple(a.shape)}, b.shape={tuple(b.shape)}"
            )


def _matrix(x):
    x = op_utils.to_float(x)
    _assert_2d(x)
    return x


def _square(x):
    x = _matrix(x)
    _assert_square(x)
    return x


@keras_op
def cholesky(x, upper=False):
    """Computes the Cholesky decomposition of a positive semi-definite matrix.

    Args:
        x: Input tensor of shape `(..., M, M)`.
        upper (bool): If True, returns the upper-triangular Cholesky factor. If False (default),
            returns the lower-triangular Cholesky factor.

    Returns:
        A tensor of shape `(..., M, M)` representing the Cholesky factor of `x`.
    """
    x = _square(x)
    factor, info = torch.linalg.cholesky_ex(x, upper=upper)
    if bool(torch.any(info != 0)):
        raise ValueError(
            "Cholesky decomposition failed: the input is not positive definite "
            "(the factorization could not be completed)."
        )
    return factor


@keras_op
def cholesky_inverse(x, upper=False):
    """Computes the inverse of a symmetric positive-definite matrix from its Cholesky factor.

    Args:
        x: Input tensor of shape `(..., M, M)`, a lower (or upper) triangular Cholesky factor.
        upper (bool): If True, `x` is an upper-triangular factor. If False (default), it is a
            lower-triangular factor.

    Returns:
        A tensor of shape `(..., M, M)` representing the inverse of the original matrix.
    """
    return torch.cholesky_inverse(_square(x), upper=upper)


@keras_op
def det(x):
    """Computes the determinant of a square tensor.

    Args:
        x: Input tensor of shape `(..., M, M)`.

    Returns:
        A tensor of shape `(...,)` representing the determinant of `x`.
    """
    return torch.linalg.det(_square(x))


@keras_op
def eig(x):
    """Computes the eigenvalues and eigenvectors of a square matrix.

    Args:
        x: Input tensor of shape `(..., M, M)`.

    Returns:
        A tuple of two tensors: a tensor of shape `(..., M)` containing eigenvalues and a tensor
        of shape `(..., M, M)` containing eigenvectors (both complex).
    """
    return torch.linalg.eig(_square(x))


@keras_op
def eigh(x):
    """Computes the eigenvalues and eigenvectors of a complex Hermitian (or real symmetric)
    matrix.

    Args:
        x: Input tensor of shape `(..., M, M)`.

    Returns:
        A tuple of two tensors: a tensor of shape `(..., M)` containing eigenvalues (in
        ascending order) and a tensor of shape `(..., M, M)` containing eigenvectors.
    """
    return tuple(torch.linalg.eigh(_square(x)))


@keras_op
def slogdet(x):
    """Compute the sign and natural logarithm of the determinant of a matrix.

    Args:
        x: Input matrix. It must 2D and square.

    Returns:
        A tuple `(sign, logabsdet)`. `sign` is a number representing the sign of the
        determinant. For a real matrix, this is 1, 0, or -1. For a complex matrix, this is a
        complex number with absolute value 1 (i.e., it is on the unit circle), or else 0.
        `logabsdet` is the natural log of the absolute value of the determinant.
    """
    return tuple(torch.linalg.slogdet(op_utils.to_float(x)))


@keras_op
def inv(x):
    """Computes the inverse of a square tensor.

    Args:
        x: Input tensor of shape `(..., M, M)`.

    Returns:
        A tensor of shape `(..., M, M)` representing the inverse of `x`.
    """
    return torch.linalg.inv(_square(x))


@keras_op
def lu_factor(x):
    """Computes the lower-upper decomposition of a square matrix.

    Args:
        x: A tensor of shape `(..., M, M)`.

    Returns:
        A tuple of two tensors: a tensor of shape `(..., M, M)` containing the lower and upper
        triangular matrices and a tensor of shape `(..., M)` containing the `int32` row
        permutation.
    """
    x = _matrix(x)
    try:
        _assert_square(x)
    except ValueError as e:
        raise ValueError(
            f"LU decomposition failed: {e}. LU decomposition is only supported for square "
            "matrices in Tensorflow."
        ) from None
    lu, pivots = torch.linalg.lu_factor(x)
    # Keras on TensorFlow returns a row permutation (the inverse of TF's `perm`, for which
    # `x[perm] = L @ U`), not LAPACK's sequential pivots.
    permutation_matrix = torch.lu_unpack(lu, pivots)[0]
    perm = torch.argmax(permutation_matrix, dim=-2)
    return lu, torch.argsort(perm, dim=-1).to(torch.int32)


@keras_op
def norm(x, ord=None, axis=None, keepdims=False):
    """Matrix or vector norm.

    This function is able to return one of eight different matrix norms, or one of an infinite
    number of vector norms (described below), depending on the value of the `ord` parameter.

    Args:
        x: Input tensor.
        ord: Order of the norm (see table under Notes). The default is `None`.
        axis: If `axis` is an integer, it specifies the axis of `x` along which to compute the
            vector norms. If `axis` is a 2-tuple, it specifies the axes that hold 2-D matrices,
            and the matrix norms of these matrices are computed.
        keepdims: If this is set to `True`, the axes which are reduced are left in the result as
            dimensions with size one.

    Note:
        For values of `ord < 1`, the result is, strictly speaking, not a mathematical 'norm',
        but it may still be useful for various numerical purposes. The following norms can be
        calculated:
        - For matrices:
            - `ord=None`: Frobenius norm
            - `ord="fro"`: Frobenius norm
            - `ord="nuc"`: nuclear norm
            - `ord=np.inf`: `max(sum(abs(x), axis=1))`
            - `ord=-np.inf`: `min(sum(abs(x), axis=1))`
            - `ord=0`: not supported
            - `ord=1`: `max(sum(abs(x), axis=0))`
            - `ord=-1`: `min(sum(abs(x), axis=0))`
            - `ord=2`: 2-norm (largest sing. value)
            - `ord=-2`: smallest singular value
            - other: not supported
        - For vectors:
            - `ord=None`: 2-norm
            - `ord="fro"`: not supported
            - `ord="nuc"`: not supported
            - `ord=np.inf`: `max(abs(x))`
            - `ord=-np.inf`: `min(abs(x))`
            - `ord=0`: `sum(x != 0)`
            - `ord=1`: as below
            - `ord=-1`: as below
            - `ord=2`: as below
            - `ord=-2`: as below
            - other: `sum(abs(x)**ord)**(1./ord)`

    Returns:
        Norm of the matrix or vector(s).
    """
    x = to_tensor(x)
    ndim = x.dim()
    axes = (
        tuple(range(ndim)) if axis is None else ((axis,) if isinstance(axis, int) else tuple(axis))
    )
    if any(a < -ndim or a >= ndim for a in axes):
        raise ValueError(
            "All `axis` values must be in the range [-ndim, ndim). "
            f"Received inputs with ndim={ndim}, while axis={axes}"
        )
    x = op_utils.to_float(x) if x.dtype != torch.int64 else x.to(op_utils.floatx_torch())
    if len(axes) == 1:
        if isinstance(ord, str):
            raise ValueError(f"Invalid `ord` argument for vector norm. Received: ord={ord}")
        return torch.linalg.vector_norm(
            x, ord=2 if ord is None else ord, dim=axes, keepdim=keepdims
        )
    if len(axes) == 2:
        if ord is None or ord == "fro":
            return torch.sqrt(torch.sum(torch.real(x * torch.conj(x)), dim=axes, keepdim=keepdims))
        if ord in (1, -1, 2, -2, float("inf"), float("-inf"), "nuc"):
            return torch.linalg.matrix_norm(x, ord=ord, dim=axes, keepdim=keepdims)
        raise ValueError(f"Invalid `ord` argument for matrix norm. Received: ord={ord}")
    if ord is None:
        # The default norm of an N-D tensor is the 2-norm of its flattened values.
        return torch.sqrt(torch.sum(torch.real(x * torch.conj(x)), dim=axes, keepdim=keepdims))
    raise ValueError(f"Invalid axis values. Received: axis={axis}")


@keras_op
def qr(x, mode="reduced"):
    """Computes the QR decomposition of a tensor.

    Args:
        x: Input tensor of shape `(..., M, N)`.
        mode: A string specifying the mode of the QR decomposition.
            - 'reduced': Returns the reduced QR decomposition. (default)
            - 'complete': Returns the complete QR decomposition.

    Returns:
        A tuple containing two tensors. The first tensor of shape `(..., M, K)` is the
        orthogonal matrix `q` and the second tensor of shape `(..., K, N)` is the upper
        triangular matrix `r`, where `K = min(M, N)`.
    """
    if mode not in {"reduced", "complete"}:
        raise ValueError(
            "`mode` argument value not supported. Expected one of {'reduced', 'complete'}. "
            f"Received: mode={mode}"
        )
    x = op_utils.to_float(x)
    if x.dim() < 2:
        raise ValueError(f"Input should have rank >= 2. Received: input.shape = {tuple(x.shape)}")
    return tuple(torch.linalg.qr(x, mode=mode))


def _solve_operands(a, b):
    a = op_utils.to_float(a)
    b = to_tensor(b, a.dtype)
    _assert_2d(a)
    _assert_square(a)
    _assert_1d(b)
    _assert_a_b_compat(a, b)
    return a, b


@keras_op
def solve(a, b):
    """Solves a linear system of equations given by `a x = b`.

    Args:
        a: A tensor of shape `(..., M, M)` representing the coefficients matrix.
        b: A tensor of shape `(..., M)` or `(..., M, N)` represeting the right-hand side or
            "dependent variable" matrix.

    Returns:
        A tensor of shape `(..., M)` or `(..., M, N)` representing the solution of the linear
        system. Returned shape is identical to `b`.
    """
    a, b = _solve_operands(a, b)
    if b.dim() == a.dim() - 1:
        return torch.linalg.solve(a, b.unsqueeze(-1)).squeeze(-1)
    return torch.linalg.solve(a, b)


@keras_op
def solve_triangular(a, b, lower=False):
    """Solves a linear system of equations given by `a x = b`, with `a` triangular.

    Args:
        a: A tensor of shape `(..., M, M)` representing the coefficients matrix.
        b: A tensor of shape `(..., M)` or `(..., M, N)` represeting the right-hand side or
            "dependent variable" matrix.
        lower: Whether `a` is lower triangular (else upper). Defaults to `False`.

    Returns:
        A tensor of shape `(..., M)` or `(..., M, N)` representing the solution of the linear
        system. Returned shape is identical to `b`.
    """
    a, b = _solve_operands(a, b)
    if b.dim() == a.dim() - 1:
        return torch.linalg.solve_triangular(a, b.unsqueeze(-1), upper=not lower).squeeze(-1)
    return torch.linalg.solve_triangular(a, b, upper=not lower)


@keras_op
def svd(x, full_matrices=True, compute_uv=True):
    """Computes the singular value decomposition of a matrix.

    Args:
        x: Input tensor of shape `(..., M, N)`.
        full_matrices: Whether `u` and `v` are square (`True`, the default) or reduced.
        compute_uv: Whether to return `u` and `v` as well as `s`. Defaults to `True`.

    Returns:
        A tuple of three tensors: a tensor of shape `(..., M, M)` containing the left singular
        vectors, a tensor of shape `(..., M, N)` containing the singular values and a tensor of
        shape `(..., N, N)` containing the right singular vectors. With `compute_uv=False`, only
        the singular values.
    """
    x = _matrix(x)
    if not compute_uv:
        return torch.linalg.svdvals(x)
    return tuple(torch.linalg.svd(x, full_matrices=full_matrices))


@keras_op
def lstsq(a, b, rcond=None):
    """Return the least-squares solution to a linear matrix equation.

    Computes the vector x that approximately solves the equation `a @ x = b`. The equation may
    be under-, well-, or over-determined (i.e., the number of linearly independent rows of a
    can be less than, equal to, or greater than its number of linearly independent columns).
    If a is square and of full rank, then `x` (but for round-off error) is the exact solution
    of the equation. Else, `x` minimizes the L2 norm of `b - a * x`.

    If there are multiple minimizing solutions, the one with the smallest L2 norm is returned.

    Args:
        a: "Coefficient" matrix of shape `(M, N)`.
        b: Ordinate or "dependent variable" values, of shape `(M,)` or `(M, K)`. If `b` is
            two-dimensional, the least-squares solution is calculated for each of the K columns
            of `b`.
        rcond: Cut-off ratio for small singular values of `a`. For the purposes of rank
            determination, singular values are treated as zero if they are smaller than rcond
            times the largest singular value of `a`.

    Returns:
        Tensor with shape `(N,)` or `(N, K)` containing the least-squares solutions.
    """
    a = op_utils.to_float(a)
    b = to_tensor(b, a.dtype)
    if a.shape[0] != b.shape[0]:
        raise ValueError("Leading dimensions of input arrays must match")
    vector = b.dim() == 1
    if vector:
        b = b[:, None]
    if a.dim() != 2:
        raise TypeError(f"{a.dim()}-dimensional array given. Array must be two-dimensional")
    if b.dim() != 2:
        raise TypeError(f"{b.dim()}-dimensional array given. Array must be one or two-dimensional")
    m, n = a.shape
    eps = torch.finfo(a.dtype).eps
    rcond = eps * max(n, m) if rcond is None else (eps if rcond < 0 else rcond)
    u, s, vt = torch.linalg.svd(a, full_matrices=False)
    mask = s >= rcond * s[0]
    s_inv = torch.where(mask, 1 / torch.where(mask, s, torch.ones_like(s)), torch.zeros_like(s))
    x = vt.conj().transpose(0, 1) @ (s_inv[:, None] * (u.conj().transpose(0, 1) @ b))
    return x.reshape(-1) if vector else x


@keras_op
def matrix_rank(x, tol=None):
    """Return matrix rank of array using SVD method.

    Args:
        x: Input tensor of shape `(..., M, N)`.
        tol: Threshold below which SVD values are considered zero. If `None`, it is set to
            `S.max() * max(M, N) * eps`, with `S` the singular values and `eps` the epsilon of
            the dtype of `x`.

    Returns:
        The rank of `x`, as an `int32` tensor.
    """
    x = _matrix(x)
    if tol is None:
        return torch.linalg.matrix_rank(x).to(torch.int32)
    return torch.linalg.matrix_rank(x, atol=tol, rtol=0.0).to(torch.int32)


@keras_op
def pinv(x, rcond=None):
    """Computes the Moore-Penrose pseudo-inverse of a matrix.

    Args:
        x: Input tensor of shape `(..., M, N)`.
        rcond: Cutoff for small singular values, relative to the largest singular value.
            Defaults to `max(M, N) * eps`.

    Returns:
        The pseudo-inverse of `x`, of shape `(..., N, M)`.
    """
    x = _matrix(x)
    if rcond is None:
        return torch.linalg.pinv(x)
    return torch.linalg.pinv(x, rtol=rcond)


def jvp(fun, primals, tangents, has_aux=False):
    """Computes a (forward-mode) Jacobian-vector product of `fun`.

    Args:
        fun: Function to be differentiated. Its arguments should be arrays, scalars, or
            standard Python containers of arrays or scalars. It should return an array, scalar,
            or standard Python container of arrays or scalars.
        primals: The primal values at which the Jacobian of `fun` should be evaluated. Should
            be either a tuple or a list of arguments, and its length should be equal to the
            number of positional parameters of `fun`.
        tangents: The tangent vector for which the Jacobian-vector product should be evaluated.
            Should be either a tuple or a list of tangents, with the same tree structure and
            array shapes as `primals`.
        has_aux: Optional, bool. Indicates whether `fun` returns a pair where the first element
            is considered the output of the mathematical function to be differentiated and the
            second element is auxiliary data. Default is False.

    Returns:
        If `has_aux` is False, returns a (`primals_out`, `tangents_out`) pair, where
        `primals_out` is `fun(*primals)`, and `tangents_out` is the Jacobian-vector product of
        `fun` evaluated at `primals` with `tangents`. The `tangents_out` value has the same
        Python tree structure and shapes as `primals_out`. If `has_aux` is True, returns a
        (`primals_out`, `tangents_out`, `aux`) tuple where `aux` is the auxiliary data returned
        by `fun`.
    """
    primals = tuple(tree.map_structure(to_tensor, p) for p in primals)
    tangents = tuple(
        tree.pack_sequence_as(
            t, [to_tensor(tt, pp.dtype) for tt, pp in zip(tree.flatten(t), tree.flatten(p))]
        )
        for t, p in zip(tangents, primals)
    )
    return tuple(torch.func.jvp(fun, primals, tangents, has_aux=has_aux))


__all__ = [
    "cholesky",
    "cholesky_inverse",
    "det",
    "eig",
    "eigh",
    "inv",
    "jvp",
    "lstsq",
    "lu_factor",
    "matrix_rank",
    "norm",
    "pinv",
    "qr",
    "solve",
    "solve_triangular",
    "svd",
]
