"""Converting user values (NumPy, Python numbers, lists) to torch tensors on the current device."""

import numpy as np
import torch

from torchkeras.backend import device as device_lib
from torchkeras.backend import dtypes


def convert_to_tensor(x, dtype=None, device=None):
    """Return `x` as a `torch.Tensor` on the default device.

    NumPy float64 arrays become `floatx()` tensors unless `dtype` says otherwise, as in Keras.
    """
    device = device if device is not None else device_lib.get_device()
    torch_dtype = dtypes.to_torch_dtype(dtype) if dtype is not None else None
    if isinstance(x, torch.Tensor):
        if (torch_dtype is None or x.dtype == torch_dtype) and x.device == device:
            return x
        return x.to(device=device, dtype=torch_dtype)
    if torch_dtype is None:
        array = np.asarray(x)
        if array.dtype == np.float64:
            torch_dtype = dtypes.to_torch_dtype(None)
        elif array.dtype.kind in ("U", "S", "O"):
            raise TypeError(
                f"Cannot convert a value of dtype {array.dtype} to a tensor. Received: x={x!r:.80}"
            )
        return torch.as_tensor(array, dtype=torch_dtype, device=device)
    return torch.as_tensor(np.asarray(x), dtype=torch_dtype, device=device)


def convert_to_numpy(x):
    """Return `x` as a NumPy array (detached, on the host)."""
    if isinstance(x, torch.Tensor):
        x = x.detach()
        if x.dtype == torch.bfloat16:
            x = x.float()
        return x.cpu().numpy()
    return np.asarray(x)


def is_tensor(x):
    return isinstance(x, torch.Tensor)
