"""Shape inference without compute: run a function on fake tensors.

Symbolic tensors become torch fake tensors (shape, dtype and device, no storage, no compute),
which mix freely with the layer's real weights; unknown dimensions get a stand-in size. The function runs twice with two different stand-ins, and output dimensions that
follow the stand-in are reported as `None`.
"""

import torch
from torch._subclasses.fake_tensor import FakeTensorMode
from torch._subclasses.fake_tensor import unset_fake_temporarily

from torchkeras.backend import device as device_lib
from torchkeras.backend import dtypes
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.utils import tree

_STAND_INS = (83, 89)


def _to_fake(x, stand_in, device):
    if isinstance(x, KerasTensor):
        shape = [stand_in if d is None else d for d in x.shape]
        return torch.empty(shape, dtype=dtypes.to_torch_dtype(x.dtype), device=device)
    return x


def _run(fn, args, kwargs, stand_in):
    device = device_lib.get_device()
    with FakeTensorMode(allow_non_fake_inputs=True), torch.no_grad():
        fake_args = tree.map_structure(lambda x: _to_fake(x, stand_in, device), args)
        fake_kwargs = tree.map_structure(lambda x: _to_fake(x, stand_in, device), kwargs)
        return fn(*fake_args, **fake_kwargs)


def compute_output_spec(fn, args, kwargs):
    """Return KerasTensors describing `fn(*args, **kwargs)` for symbolic `args`/`kwargs`."""
    has_unknown = any(
        isinstance(x, KerasTensor) and None in x.shape for x in tree.flatten((args, kwargs))
    )
    first = _run(fn, args, kwargs, _STAND_INS[0])
    second = _run(fn, args, kwargs, _STAND_INS[1]) if has_unknown else first
    flat_first = tree.flatten(first)
    flat_second = tree.flatten(second)
    specs = []
    for a, b in zip(flat_first, flat_second):
        if not isinstance(a, torch.Tensor):
            specs.append(a)
            continue
        shape = tuple(
            None if da != db else int(da) for da, db in zip(a.shape, b.shape)
        )
        specs.append(KerasTensor(shape, dtype=dtypes.standardize_dtype(a.dtype)))
    return tree.pack_sequence_as(first, specs)


def real_tensors():
    """A context in which tensors are real again, inside shape inference (to create weights)."""
    return unset_fake_temporarily()
