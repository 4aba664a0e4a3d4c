"""`keras.device`: a context manager placing new tensors and variables on a device."""

import contextlib

import torch

from torchkeras.backend import device as device_lib


@contextlib.contextmanager
def device(device_name):
    """Context manager for device placement.

    Tensors created by `keras.ops` / `keras.random` and variables created inside the block are
    placed on `device_name`; the previous device is restored on exit.

    Args:
        device_name: String specifying the device in format `"device_type:device_index"`, such
            as `"cpu:0"`, `"gpu:0"` or `"gpu:1"` (`"gpu"` means `"cuda"`), or a `torch.device`.

    Example:

    ```python
    with keras.device("cpu:0"):
        cpu_tensor = keras.ops.ones((2, 2))
    ```
    """
    if not isinstance(device_name, (str, torch.device)):
        raise ValueError(
            "Invalid value for argument `device_name`. Expected a string like 'gpu:0' or 'cpu'. "
            f"Received: device_name='{device_name}'"
        )
    previous = device_lib.get_device()
    device_lib.set_device(device_name)
    try:
        yield device_lib.get_device()
    finally:
        device_lib.set_device(previous)
