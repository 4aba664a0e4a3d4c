"""Where tensors and variables live.

CUDA if available, else an XLA device if `torch_xla` is importable, else the CPU. The environment
variable `TORCHKERAS_DEVICE` or `set_device()` override the choice.
"""

import os

import torch

_DEVICE = None


def _detect_device():
    requested = os.environ.get("TORCHKERAS_DEVICE")
    if requested:
        return _parse_device(requested, "TORCHKERAS_DEVICE")
    if torch.cuda.is_available():
        return torch.device("cuda")
    try:
        import torch_xla.core.xla_model as xm  # noqa: F401
    except ImportError:
        return torch.device("cpu")
    return xm.xla_device()


def _parse_device(value, source):
    if isinstance(value, torch.device):
        return value
    text = str(value).strip().lower()
    if text in ("gpu",):
        text = "cuda"
    if text.startswith("gpu:"):
        text = "cuda:" + text[4:]
    if text in ("tpu", "xla"):
        try:
            import torch_xla.core.xla_model as xm
        except ImportError as e:
            raise ValueError(
                f"{source}: an XLA device was requested but torch_xla is not installed. "
                "Install the `tpu` extra. Received: device={value}"
            ) from e
        return xm.xla_device()
    try:
        return torch.device(text)
    except RuntimeError as e:
        raise ValueError(
            f"{source}: unknown device. Expected 'cpu', 'cuda', 'cuda:N', 'mps' or 'tpu'. "
            f"Received: device={value}"
        ) from e


def get_device():
    """Return the `torch.device` new variables and tensors are placed on."""
    global _DEVICE
    if _DEVICE is None:
        _DEVICE = _detect_device()
    return _DEVICE


def set_device(device):
    """Set the device for new variables and tensors, e.g. `"cpu"`, `"cuda:1"`, `"tpu"`."""
    global _DEVICE
    _DEVICE = _parse_device(device, "set_device()")
