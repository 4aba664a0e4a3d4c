"""`tf.cond`, `tf.while_loop`, `tf.map_fn` and friends, run eagerly as Python control flow."""

import builtins
import time

import torch

from torchkeras.compat.tensorflow._convert import shape_arg
from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow._convert import torch_dtype
from torchkeras.utils import tree


def cond(pred, true_fn=None, false_fn=None, name=None):
    return true_fn() if bool(pred) else false_fn()


def case(pred_fn_pairs, default=None, exclusive=False, strict=False, name="case"):
    pairs = pred_fn_pairs.items() if isinstance(pred_fn_pairs, dict) else pred_fn_pairs
    for pred, fn in pairs:
        if bool(pred):
            return fn()
    return default() if default is not None else None


def switch_case(branch_index, branch_fns, default=None, name="switch_case"):
    branches = dict(branch_fns) if isinstance(branch_fns, dict) else dict(enumerate(branch_fns))
    index = int(branch_index)
    if index in branches:
        return branches[index]()
    return default() if default is not None else branches[max(branches)]()


def while_loop(cond, body, loop_vars, shape_invariants=None, parallel_iterations=10,
               back_prop=True, swap_memory=False, maximum_iterations=None, name=None):
    single = not isinstance(loop_vars, (list, tuple))
    values = [loop_vars] if single else loop_vars
    step = 0
    while bool(cond(*values)) and (maximum_iterations is None or step < maximum_iterations):
        values = body(*values)
        values = [values] if single or not isinstance(values, (list, tuple)) else values
        step += 1
    if single:
        return values[0]
    return type(loop_vars)(values) if isinstance(loop_vars, tuple) else list(values)


def _slices(elems):
    flat = [_t(e) for e in tree.flatten(elems)]
    return [tree.pack_sequence_as(elems, [f[i] for f in flat]) for i in range(flat[0].shape[0])]


def _stack(results):
    first = results[0]
    flat = [tree.flatten(r) for r in results]
    stacked = [torch.stack([_t(f[i]) for f in flat]) for i in range(len(flat[0]))]
    return tree.pack_sequence_as(first, stacked)


def map_fn(fn, elems, dtype=None, parallel_iterations=None, back_prop=True, swap_memory=False,
           infer_shape=True, name=None, fn_output_signature=None):
    """Apply `fn` to each slice of `elems` along axis 0 and stack the results."""
    return _stack([fn(e) for e in _slices(elems)])


def vectorized_map(fn, elems, fallback_to_while_loop=True, warn=True):
    return map_fn(fn, elems)


def scan(fn, elems, initializer=None, parallel_iterations=10, back_prop=True, swap_memory=False,
         infer_shape=True, reverse=False, name=None):
    slices = _slices(elems)
    if reverse:
        slices = slices[::-1]
    if initializer is None:
        accumulator, slices = slices[0], slices[1:]
        results = [accumulator]
    else:
        accumulator, results = initializer, []
    for item in slices:
        accumulator = fn(accumulator, item)
        results.append(accumulator)
    out = _stack(results)
    return tree.map_structure(lambda t: t.flip(0), out) if reverse else out


def foldl(fn, elems, initializer=None, parallel_iterations=10, back_prop=True,
          swap_memory=False, name=None):
    slices = _slices(elems)
    accumulator = initializer if initializer is not None else slices.pop(0)
    for item in slices:
        accumulator = fn(accumulator, item)
    return accumulator


def foldr(fn, elems, initializer=None, parallel_iterations=10, back_prop=True,
          swap_memory=False, name=None):
    slices = _slices(elems)[::-1]
    accumulator = initializer if initializer is not None else slices.pop(0)
    for item in slices:
        accumulator = fn(accumulator, item)
    return accumulator


def sequence_mask(lengths, maxlen=None, dtype="bool", name=None):
    lengths = _t(lengths)
    maxlen = int(lengths.max()) if maxlen is None else int(maxlen)
    positions = torch.arange(maxlen, device=lengths.device)
    return (positions < lengths.unsqueeze(-1)).to(torch_dtype(dtype))


def slice(input_, begin, size, name=None):
    x = _t(input_)
    begin, size = shape_arg(begin), shape_arg(size)
    index = tuple(builtins.slice(b, x.shape[i] if s == -1 else b + s)
                  for i, (b, s) in enumerate(zip(begin, size)))
    return x[index]


def timestamp(name=None):
    return torch.tensor(time.time(), dtype=torch.float64)


__all__ = ["case", "cond", "foldl", "foldr", "map_fn", "scan", "sequence_mask", "slice",
           "switch_case", "timestamp", "vectorized_map", "while_loop"]
