"""`keras.ops` core functions: conversion, casting, shapes, control flow, slices and scatters.

Control flow runs as plain Python over torch tensors (torch executes eagerly), with Keras's
signatures and output structures.
"""

import builtins

import numpy as np
import torch

from torchkeras.backend import dtypes
from torchkeras.backend import tensors
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.ops import op_utils
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op
from torchkeras.utils import tree


# -- conversion and introspection ------------------------------------------------------------------
def convert_to_tensor(x, dtype=None, sparse=None, ragged=None):
    """Convert a NumPy array or Python value to a tensor.

    Python ints become `int32` (`int64` beyond its range), Python floats `floatx()`, NumPy
    arrays keep their dtype, as with Keras on TensorFlow.

    Args:
        x: A NumPy array, Python array (can be nested) or a backend tensor.
        dtype: The target type. If `None`, the type of `x` is used.
        sparse: Whether to keep sparse tensors. `False` will cause sparse tensors to be
            densified. The default value of `None` means that sparse tensors are kept only if
            the backend supports them.
        ragged: Whether to keep ragged tensors. `False` will cause ragged tensors to be
            densified. The default value of `None` means that ragged tensors are kept only if
            the backend supports them.

    Returns:
        A backend tensor of the specified `dtype` and sparseness.
    """
    if sparse:
        raise ValueError("`sparse=True` is not supported with torch backend")
    if ragged:
        raise ValueError("`ragged=True` is not supported with torch backend")
    if isinstance(x, KerasTensor):
        return x if dtype is None else cast(x, dtype)
    return to_tensor(x, dtype)


def convert_to_numpy(x):
    """Convert a tensor to a NumPy array.

    Args:
        x: A tensor.

    Returns:
        A NumPy array.
    """
    if isinstance(x, KerasTensor):
        raise ValueError(
            "A KerasTensor is symbolic: it's a placeholder for a shape and a dtype. It doesn't "
            "have any actual numerical value. You cannot convert it to a NumPy array."
        )
    return tensors.convert_to_numpy(x)


def is_tensor(x):
    """Check whether the given object is a tensor.

    Note: This checks for backend specific tensors so passing a TensorFlow tensor would return
    `False` if your backend is PyTorch or JAX.

    Args:
        x: A variable.

    Returns:
        `True` if `x` is a tensor, otherwise `False`.
    """
    return isinstance(x, torch.Tensor)


def shape(x):
    """Gets the shape of the tensor input.

    Args:
        x: A tensor. This function will try to access the `shape` attribute of the input
            tensor.

    Returns:
        A tuple of integers or None values, indicating the shape of the input tensor.
    """
    if isinstance(x, KerasTensor):
        return x.shape
    if not isinstance(x, torch.Tensor):
        x = to_tensor(x)
    return tuple(x.shape)


def dtype(x):
    """Return the dtype of the tensor input as a standardized string.

    Args:
        x: A tensor. This function will try to access the `dtype` attribute of the input
            tensor.

    Returns:
        A string indicating the dtype of the input tensor, e.g. `"float32"`.
    """
    if isinstance(x, KerasTensor):
        return x.dtype
    return dtypes.standardize_dtype(getattr(x, "dtype", None) or to_tensor(x).dtype)


@keras_op
def cast(x, dtype):
    """Cast a tensor to the desired dtype.

    Args:
        x: A tensor or variable.
        dtype: The target type.

    Returns:
        A tensor of the specified `dtype`.
    """
    x = to_tensor(x)
    target = op_utils.torch_dtype(dtype)
    return x if x.dtype == target else x.to(target)


def _limits(dtype):
    if dtype == torch.bool:
        return 0, 1
    if op_utils.is_float(dtype):
        info = torch.finfo(dtype)
    else:
        info = torch.iinfo(dtype)
    return info.min, info.max


@keras_op
def saturate_cast(x, dtype):
    """Performs a safe saturating cast to the desired dtype.

    Saturating cast prevents data type overflow when casting to a `dtype` with a smaller
    values range: values are first clipped to the target range.

    Args:
        x: A tensor or variable.
        dtype: The target type.

    Returns:
        A safely casted tensor of the specified `dtype`.
    """
    x = to_tensor(x)
    target = op_utils.torch_dtype(dtype)
    in_min, in_max = _limits(x.dtype)
    out_min, out_max = _limits(target)
    in_np = np.dtype(op_utils.name(x.dtype)) if x.dtype != torch.bfloat16 else np.dtype("float32")
    # The bounds must be representable in the input dtype without overshooting the target.
    low = np.asarray(builtins.max(in_min, out_min)).astype(in_np)
    if low < out_min:
        low = np.nextafter(low, 0, dtype=in_np)
    high = np.asarray(builtins.min(in_max, out_max)).astype(in_np)
    if high > out_max:
        high = np.nextafter(high, 0, dtype=in_np)
    if x.dtype == torch.bool:
        return x.to(target)
    return torch.clamp(x, low.item(), high.item()).to(target)


@keras_op
def stop_gradient(variable):
    """Stops gradient computation.

    Args:
        variable: A tensor variable for which the gradient computation is to be disabled.

    Returns:
        The variable with gradient computation disabled.
    """
    return to_tensor(variable).detach()


# -- slices and scatters ---------------------------------------------------------------------------
def _ints(values):
    if isinstance(values, torch.Tensor):
        return [int(v) for v in values.tolist()]
    return [int(v) for v in values]


@keras_op
def slice(inputs, start_indices, shape):
    """Return a slice of an input tensor.

    At a high level, this operation is an explicit replacement for array slicing e.g.
    `inputs[start_indices: start_indices + shape]`. Unlike slicing via brackets, this operation
    will accept tensor start indices on all backends, which is useful when indices dynamically
    computed via other tensor operations.

    Args:
        inputs: A tensor, the tensor to be sliced.
        start_indices: A list/tuple of shape `(inputs.ndim,)`, specifying the starting indices
            for updating.
        shape: The full shape of the returned slice (`-1` takes the rest of a dimension).

    Returns:
        A tensor, has the same shape and dtype as `inputs`.
    """
    inputs = to_tensor(inputs)
    index = []
    for start, size, full in zip(_ints(start_indices), _ints(shape), inputs.shape):
        end = full if size == -1 else start + size
        index.append(builtins.slice(start, end))
    return inputs[tuple(index)]


@keras_op
def slice_update(inputs, start_indices, updates):
    """Update an input by slicing in a tensor of updated values.

    At a high level, this operation does `inputs[start_indices: start_indices + updates.shape]
    = updates`, returning a new tensor.

    Args:
        inputs: A tensor, the tensor to be updated.
        start_indices: A list/tuple of shape `(inputs.ndim,)`, specifying the starting indices
            for updating.
        updates: A tensor, the new values to be put to `inputs` at `indices`. `updates` must
            have the same rank as `inputs`.

    Returns:
        A tensor, has the same shape and dtype as `inputs`.
    """
    inputs = to_tensor(inputs)
    updates = to_tensor(updates, inputs.dtype)
    index = tuple(
        builtins.slice(start, start + size)
        for start, size in zip(_ints(start_indices), updates.shape)
    )
    out = inputs.clone()
    out[index] = updates
    return out


def _scatter_positions(indices, shape):
    """Flat positions and slice size for `scatter_nd`-style indices into `shape`."""
    indices = to_tensor(indices).to(torch.int64)
    depth = indices.shape[-1]
    strides = []
    stride = 1
    for size in reversed(shape[:depth]):
        strides.append(stride)
        stride *= size
    strides = torch.tensor(list(reversed(strides)), dtype=torch.int64, device=indices.device)
    flat = (indices * strides).sum(-1).reshape(-1)
    return flat, depth


@keras_op
def scatter(indices, values, shape):
    """Returns a tensor of shape `shape` where `indices` are set to `values`.

    At a high level, this operation does `zeros[indices] = updates` and returns the output. It
    is equivalent to `zeros = keras.ops.zeros(shape); output = keras.ops.scatter_update(zeros,
    indices, values)`, except that values at repeated indices are summed.

    Args:
        indices: A tensor or list/tuple specifying indices for the values in `values`.
        values: A tensor, the values to be set at `indices`.
        shape: Shape of the output tensor.

    Returns:
        A tensor of shape `shape`.
    """
    values = to_tensor(values)
    shape = op_utils.shape_tuple(shape)
    flat, depth = _scatter_positions(indices, shape)
    inner = shape[depth:]
    out = torch.zeros(
        (int(np.prod(shape[:depth])),) + inner, dtype=values.dtype, device=values.device
    )
    out = out.index_add(0, flat, values.reshape((-1,) + inner))
    return out.reshape(shape)


@keras_op
def scatter_update(inputs, indices, updates, reduction=None):
    """Update inputs via updates at scattered (sparse) indices.

    At a high level, this operation does `inputs[indices] = updates`. Assume `inputs` is a
    tensor of shape `(D0, D1, ..., Dn)`, there are 2 main usages of `scatter_update`:

    1. `indices` is a 2D tensor of shape `(num_updates, n)`, where `num_updates` is the number
       of updates to perform, and `updates` is a 1D tensor of shape `(num_updates,)`.
    2. `indices` is a 2D tensor of shape `(num_updates, k)`, where `num_updates` is the number
       of updates to perform, and `k` (`k < n`) is the size of each index in `indices`.
       `updates` is a `n - k`-D tensor of shape `(num_updates, inputs.shape[k:])`.

    Args:
        inputs: A tensor, the tensor to be updated.
        indices: A tensor or list/tuple of shape `(N, inputs.ndim)`, specifying indices to
            update. `N` is the number of indices to update, must be equal to the first
            dimension of `updates`.
        updates: A tensor, the new values to be put to `inputs` at `indices`.
        reduction: How existing and new values combine: `None` (replace), `"add"`, `"max"`,
            `"min"` or `"mul"`. Defaults to `None`.

    Returns:
        A tensor, has the same shape and dtype as `inputs`.
    """
    inputs = to_tensor(inputs)
    updates = to_tensor(updates, inputs.dtype)
    shape = tuple(inputs.shape)
    flat, depth = _scatter_positions(indices, shape)
    inner = shape[depth:]
    target = inputs.reshape((-1,) + inner).clone()
    rows = updates.reshape((-1,) + inner)
    if reduction is None:
        target[flat] = rows
    elif reduction == "add":
        target = target.index_add(0, flat, rows)
    elif reduction in ("max", "min", "mul"):
        mode = {"max": "amax", "min": "amin", "mul": "prod"}[reduction]
        index = flat.reshape((-1,) + (1,) * len(inner)).expand_as(rows)
        target = target.scatter_reduce(0, index, rows, mode, include_self=True)
    else:
        raise ValueError(f"Unsupported reduction: {reduction}")
    return target.reshape(shape)


# -- control flow ----------------------------------------------------------------------------------
def cond(pred, true_fn, false_fn):
    """Conditionally applies `true_fn` or `false_fn`.

    Args:
        pred: Boolean scalar type
        true_fn: Callable returning the output for the `pred == True` case.
        false_fn: Callable returning the output for the `pred == False` case.

    Returns:
        The output of either `true_fn` or `false_fn` depending on pred.
    """
    if isinstance(pred, KerasTensor):
        raise NotImplementedError(
            "`keras.ops.cond` on a symbolic tensor is not supported by torchkeras: put the "
            "condition inside a layer's `call`. See compat/DIFFERENCES.md."
        )
    return true_fn() if bool(pred) else false_fn()


def switch(index, branches, *operands):
    """Apply exactly one of the `branches` given by `index`.

    If `index` is out of bounds, it is clamped to within bounds.

    Args:
        index: An integer scalar indicating which branch function to apply.
        branches: A list of functions to be applied based on `index`.
        operands: Inputs to whichever branch is applied.

    Returns:
        The outputs of `branch(*operands)` for the branch that was selected based on `index`.
    """
    index = builtins.min(builtins.max(int(index), 0), len(branches) - 1)
    return branches[index](*operands)


def fori_loop(lower, upper, body_fun, init_val):
    """For loop implementation: `val = body_fun(i, val)` for `i` in `range(lower, upper)`.

    Args:
        lower: The initial value of the loop variable.
        upper: The upper bound of the loop variable.
        body_fun: A callable that represents the loop body. Must take two arguments: the loop
            variable and the loop state. The loop state should be updated and returned by this
            function.
        init_val: The initial value of the loop state.

    Returns:
        The final state after the loop.
    """
    value = init_val
    for i in range(int(lower), int(upper)):
        value = body_fun(i, value)
    return value


def while_loop(cond, body, loop_vars, maximum_iterations=None):
    """While loop implementation.

    Args:
        cond: A callable that represents the termination condition of the loop. Must accept a
            `loop_vars` like structure as an argument. If `loop_vars` is a tuple or list, each
            element of `loop_vars` will be passed positionally to the callable.
        body: A callable that represents the loop body. Must accept a `loop_vars` like
            structure as an argument, and return update value with the same structure. If
            `loop_vars` is a tuple or list, each element of `loop_vars` will be passed
            positionally to the callable.
        loop_vars: An arbitrary nested structure of tensor state to persist across loop
            iterations.
        maximum_iterations: Optional maximum number of iterations of the while loop to run. If
            provided, the `cond` output is AND-ed with an additional condition ensuring the
            number of iterations executed is no greater than `maximum_iterations`.

    Returns:
        A list/tuple of tensors, has the same shape and dtype as `inputs`.
    """
    is_sequence = isinstance(loop_vars, (tuple, list))
    state = tuple(loop_vars) if is_sequence else (loop_vars,)
    state = tree.map_structure(lambda v: to_tensor(v) if v is not None else v, state)
    iteration = 0
    while (maximum_iterations is None or iteration < maximum_iterations) and bool(cond(*state)):
        state = body(*state)
        if not isinstance(state, (list, tuple)):
            state = (state,)
        state = tuple(state)
        iteration += 1
    return state if is_sequence else state[0]


def _leading_slices(xs, length):
    flat = tree.flatten(xs)
    return [tree.pack_sequence_as(xs, [leaf[i] for leaf in flat]) for i in range(length)]


def _stack_structures(items):
    if not items:
        return None
    flat = [tree.flatten(item) for item in items]
    stacked = [
        None if column[0] is None else torch.stack([to_tensor(c) for c in column])
        for column in zip(*flat)
    ]
    return tree.pack_sequence_as(items[0], stacked)


def scan(f, init, xs=None, length=None, reverse=False, unroll=1):
    """Scan a function over leading array axes while carrying along state.

    When the type of `xs` is an array type or `None`, and the type of `ys` is an array type,
    the semantics of `scan()` are given roughly by this Python implementation:

    ```python
    def scan(f, init, xs, length=None):
        if xs is None:
            xs = [None] * length
        carry = init
        ys = []
        for x in xs:
            carry, y = f(carry, x)
            ys.append(y)
        return carry, np.stack(ys)
    ```

    Args:
        f: Callable defines the logic for each loop iteration. This accepts two arguments where
            the first is a value of the loop carry and the second is a slice of `xs` along its
            leading axis. This callable returns a pair where the first represents a new value
            for the loop carry and the second represents a slice of the output.
        init: The initial loop carry value. This can be a scalar, tensor, or any nested
            structure. It must match the structure of the first element returned by `f`.
        xs: Optional value to scan along its leading axis. This can be a tensor or any nested
            structure. If `xs` is not provided, you must specify `length` to define the number
            of loop iterations. Defaults to `None`.
        length: Optional integer specifying the number of loop iterations. If `length` is not
            provided, it defaults to the sizes of leading axis of the arrays in `xs`. Defaults
            to `None`.
        reverse: Optional boolean specifying whether to run the scan iteration forward or in
            reverse, equivalent to reversing the leading axes of the arrays in both `xs` and in
            `ys`.
        unroll: Optional positive integer or boolean specifying how many scan iterations to
            unroll within a single iteration of a loop (ignored: torch runs eagerly).

    Returns:
        A pair where the first element represents the final loop carry value and the second
        element represents the stacked outputs of `f` when scanned over the leading axis of
        the inputs.
    """
    if not isinstance(unroll, bool) and (not isinstance(unroll, int) or unroll < 1):
        raise ValueError(
            "`unroll` must be an positive integer or boolean. "
            f"Received: unroll={unroll} of type {type(unroll)}"
        )
    if xs is None:
        if length is None:
            raise ValueError("`length` must be specified when `xs` is None.")
        slices = [None] * int(length)
    else:
        xs = tree.map_structure(to_tensor, xs)
        n = tree.flatten(xs)[0].shape[0] if length is None else int(length)
        slices = _leading_slices(xs, n)
    if reverse:
        slices = slices[::-1]
    carry = init
    ys = []
    for x in slices:
        carry, y = f(carry, x)
        ys.append(y)
    if reverse:
        ys = ys[::-1]
    return carry, _stack_structures(ys)


def associative_scan(f, elems, reverse=False, axis=0):
    """Performs a scan with an associative binary operation: `out[i] = f(out[i-1], elems[i])`.

    Args:
        f: A Python callable implementing an associative binary operation with signature
            `r = f(a, b)`. Function `f` must be associative, i.e., it must satisfy the equation
            `f(a, f(b, c)) == f(f(a, b), c)`. The inputs and result are (possibly nested
            Python tree structures of) array(s) matching `elems`. Each array has a dimension in
            place of the `axis` dimension.
        elems: A (possibly nested Python tree structure of) array(s), each with an `axis`
            dimension of size `num_elems`.
        reverse: A boolean stating if the scan should be reversed with respect to the leading
            axis.
        axis: an integer identifying the axis over which the scan should occur.

    Returns:
        A (possibly nested Python tree structure of) array(s) of the same shape and structure
        as `elems`, in which the `k`'th element of `axis` is the result of recursively applying
        `f` to combine the first `k` elements of `elems` along `axis`.
    """
    elems = tree.map_structure(to_tensor, elems)
    flat = tree.flatten(elems)
    n = flat[0].shape[axis]
    order = range(n - 1, -1, -1) if reverse else range(n)
    outputs = []
    carry = None
    for i in order:
        piece = tree.pack_sequence_as(
            elems, [leaf.select(axis, i).unsqueeze(axis) for leaf in flat]
        )
        carry = piece if carry is None else f(carry, piece)
        outputs.append(carry)
    if reverse:
        outputs = outputs[::-1]
    columns = zip(*[tree.flatten(o) for o in outputs])
    return tree.pack_sequence_as(elems, [torch.cat(list(c), dim=axis) for c in columns])


def map(f, xs):
    """Map a function over leading array axes.

    Like Python’s builtin map, except inputs and outputs are in the form of stacked arrays.
    Consider using the `vectorized_map()` transform instead, unless you need to apply a
    function element by element for reduced memory usage or heterogeneous computation with
    other control flow primitives.

    Args:
        f: Callable defines the function to apply element-wise over the first axis or axes of
            `xs`.
        xs: Values over which to map along the leading axis.

    Returns:
        Mapped values.
    """
    xs = tree.map_structure(to_tensor, xs)
    n = tree.flatten(xs)[0].shape[0]
    return _stack_structures([f(x) for x in _leading_slices(xs, n)])


def vectorized_map(function, elements):
    """Parallel map of `function` on axis 0 of tensor(s) `elements`.

    Schematically, `vectorized_map` implements `stack([function(x) for x in elements])`, here
    with `torch.vmap` (and a Python loop when the function cannot be vectorized).

    Args:
        function: The function to apply to each slice.
        elements: A tensor or a nested structure of tensors, sliced along their first axis.

    Returns:
        The stacked outputs.
    """
    elements = tree.map_structure(to_tensor, elements)
    try:
        return torch.vmap(function)(elements)
    except (RuntimeError, TypeError, ValueError):
        return map(function, elements)


def unstack(x, num=None, axis=0):
    """Unpacks the given dimension of a rank-R tensor into rank-(R-1) tensors.

    Args:
        x: The input tensor.
        num: The length of the dimension axis. Automatically inferred if `None`.
        axis: The axis along which to unpack.

    Returns:
        A list of tensors unpacked along the given axis.
    """
    if isinstance(x, KerasTensor):
        size = x.shape[axis] if num is None else num
        if size is None:
            raise ValueError(
                f"Cannot infer argument `num` from shape {x.shape}. Either provide a tensor "
                "with a concrete shape in the `axis` dimension or explicitly pass the `num` "
                "argument."
            )
        return [keras_op(_unstack_one)(x, axis, i) for i in range(size)]
    return list(torch.unbind(to_tensor(x), dim=axis))


def _unstack_one(x, axis, i):
    return torch.select(x, axis, i)


_unstack_one.__name__ = "unstack"


class _CustomGradientFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, forward_fn, *args):
        with torch.enable_grad():
            output, grad_fn = forward_fn(*args)
        ctx.grad_fn = grad_fn
        if isinstance(output, torch.Tensor):
            return output.detach()
        return tuple(o.detach() for o in output)

    @staticmethod
    def backward(ctx, *upstream):
        grads = ctx.grad_fn(upstream[0] if len(upstream) == 1 else upstream)
        if not isinstance(grads, (tuple, list)):
            grads = (grads,)
        return (None, *grads)


def custom_gradient(f):
    """Decorator to define a function with a custom gradient.

    Args:
        f: Function `f(*args)` that returns a tuple `(output, grad_fn)`, where `args` is a
            sequence of tensor inputs to the function, `output` is a (nested structure of)
            tensor outputs of applying operations in `forward_fn` to `args`, and `grad_fn` is a
            function `grad_fn(upstream)` returning the gradients of `output` with respect to the
            tensors in `args` (one per argument). As with Keras on TensorFlow and JAX, `grad_fn`
            receives the upstream gradient as its only positional argument.

    Returns:
        A function `h(*args)` which returns the same value as `f(*args)[0]` and whose gradient
        is determined by `f(*args)[1]`.
    """

    def wrapped(*args):
        args = tuple(to_tensor(a) if not isinstance(a, torch.Tensor) else a for a in args)
        return _CustomGradientFunction.apply(f, *args)

    wrapped.__name__ = getattr(f, "__name__", "custom_gradient")
    wrapped.__doc__ = f.__doc__
    return wrapped


def vectorize(pyfunc, *, excluded=None, signature=None):
    """Turn a function into a vectorized function.

    The function is applied element by element over the broadcast inputs (or over their
    leading, non-core dimensions when a gufunc `signature` such as `"(d),(d)->()"` is given),
    using `torch.vmap`.

    Args:
        pyfunc: Callable of a single tensor argument (or several).
        excluded: Optional set of integers representing positional arguments for which the
            function will not be vectorized. These will be passed directly to `pyfunc`
            unmodified.
        signature: Optional generalized universal function signature, e.g.,
            `"(m,n),(n)->(m)"` for vectorized matrix-vector multiplication. If provided,
            `pyfunc` will be called with (and expected to return) arrays with shapes given by
            the size of corresponding core dimensions. By default, pyfunc is assumed to take
            scalars tensors as input and output.

    Returns:
        A new function that applies `pyfunc` to every element of its input along axis 0 (the
        batch axis).
    """
    excluded = set(excluded or ())

    def wrapped(*args, **kwargs):
        vector_positions = [i for i in range(len(args)) if i not in excluded]
        tensors_in = [to_tensor(args[i]) for i in vector_positions]
        if signature is None:
            core = [0] * len(tensors_in)
        else:
            inputs_sig = signature.split("->")[0]
            core = [
                0 if not part.strip("() ") else len(part.strip("() ").split(","))
                for part in _split_signature(inputs_sig)
            ]
        batch_shapes = [t.shape[: t.dim() - c] for t, c in zip(tensors_in, core)]
        batch = torch.broadcast_shapes(*batch_shapes)
        tensors_in = [t.expand(*batch, *t.shape[t.dim() - c :]) for t, c in zip(tensors_in, core)]

        def call(*vector_args):
            full = list(args)
            for position, value in zip(vector_positions, vector_args):
                full[position] = value
            return pyfunc(*full, **kwargs)

        fn = call
        for _ in range(len(batch)):
            fn = torch.vmap(fn)
        return fn(*tensors_in)

    return wrapped


def _split_signature(inputs_sig):
    parts, depth, current = [], 0, ""
    for ch in inputs_sig:
        if ch == "(":
            depth += 1
        if ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += ch
    parts.append(current)
    return parts
