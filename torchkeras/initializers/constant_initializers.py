"""Initializers that do not draw random numbers: Zeros, Ones, Constant, Identity, STFT."""

import math

import numpy as np
import torch

from torchkeras.backend import device as device_lib
from torchkeras.backend import dtypes
from torchkeras.backend.tensors import convert_to_tensor
from torchkeras.initializers.initializer import Initializer
from torchkeras.saving import serialization


def _shape(shape):
    return tuple(int(d) for d in shape)


class Zeros(Initializer):
    """Initializer that generates tensors initialized to 0.

    Example:

    >>> initializer = Zeros()
    >>> values = initializer(shape=(2, 2))
    >>> layer = Dense(units=3, kernel_initializer=initializer)
    """

    def __call__(self, shape, dtype=None):
        """Return a tensor of zeros.

        Args:
            shape: Shape of the tensor.
            dtype: Optional dtype of the tensor. Only numeric or boolean dtypes are supported.
                Defaults to `keras.config.floatx()`.
        """
        return torch.zeros(
            _shape(shape), dtype=dtypes.to_torch_dtype(dtype), device=device_lib.get_device()
        )


class Ones(Initializer):
    """Initializer that generates tensors initialized to 1.

    Example:

    >>> initializer = Ones()
    >>> values = initializer(shape=(2, 2))
    >>> layer = Dense(3, kernel_initializer=initializer)
    """

    def __call__(self, shape, dtype=None):
        """Return a tensor of ones.

        Args:
            shape: Shape of the tensor.
            dtype: Optional dtype of the tensor. Only numeric or boolean dtypes are supported.
                Defaults to `keras.config.floatx()`.
        """
        return torch.ones(
            _shape(shape), dtype=dtypes.to_torch_dtype(dtype), device=device_lib.get_device()
        )


class Constant(Initializer):
    """Initializer that generates tensors with constant values.

    The value must be convertible to the dtype requested when calling the initializer. A scalar
    fills the tensor; an array is broadcast to the requested shape.

    Args:
        value: A Python scalar (or an array broadcastable to the shape). Defaults to `0.0`.

    Example:

    >>> initializer = Constant(10.0)
    >>> values = initializer(shape=(2, 2))
    >>> layer = Dense(3, kernel_initializer=initializer)
    """

    def __init__(self, value=0.0):
        self.value = value

    def __call__(self, shape, dtype=None):
        torch_dtype = dtypes.to_torch_dtype(dtype)
        device = device_lib.get_device()
        if isinstance(self.value, (bool, int, float)):
            return torch.full(_shape(shape), self.value, dtype=torch_dtype, device=device)
        value = convert_to_tensor(self.value, dtype=torch_dtype, device=device)
        return value * torch.ones(_shape(shape), dtype=torch_dtype, device=device)

    def get_config(self):
        return {"value": serialization.serialize_keras_object(self.value)}

    @classmethod
    def from_config(cls, config):
        value = config["value"]
        if isinstance(value, dict) and value.get("class_name") in ("__numpy__", "__tensor__"):
            # How Keras writes an array value into a config.
            inner = value["config"]
            value = np.asarray(inner["value"], dtype=inner.get("dtype"))
        elif isinstance(value, dict):
            value = serialization.deserialize_keras_object(value)
        return cls(value)


class Identity(Initializer):
    """Initializer that generates the identity matrix.

    Only usable for 2D matrices; a non-square shape gives ones on the main diagonal.

    Args:
        gain: Multiplicative factor to apply to the identity matrix. Defaults to `1.0`.

    Example:

    >>> initializer = Identity()
    >>> values = initializer(shape=(2, 2))
    >>> layer = Dense(3, kernel_initializer=initializer)
    """

    def __init__(self, gain=1.0):
        self.gain = gain

    def __call__(self, shape, dtype=None):
        if len(shape) != 2:
            raise ValueError(
                "Identity matrix initializer can only be used for 2D matrices. "
                f"Received: shape={shape} of rank {len(shape)}."
            )
        torch_dtype = dtypes.to_torch_dtype(dtype)
        rows, cols = _shape(shape)
        eye = torch.eye(rows, cols, dtype=torch_dtype, device=device_lib.get_device())
        return (self.gain * eye).to(torch_dtype)

    def get_config(self):
        return {"gain": self.gain}


# Windows computed with torch (no SciPy needed); other names go to `scipy.signal.get_window`.
_TORCH_WINDOWS = {
    "hann": torch.signal.windows.hann,
    "hamming": torch.signal.windows.hamming,
    "blackman": torch.signal.windows.blackman,
    "bartlett": torch.signal.windows.bartlett,
}


def _get_window(window, length, periodic):
    """Window values as a float64 NumPy array, like `scipy.signal.get_window(window, length,
    fftbins=periodic)`."""
    if window in _TORCH_WINDOWS:
        values = _TORCH_WINDOWS[window](length, sym=not periodic, dtype=torch.float64)
        return values.numpy()
    try:
        import scipy.signal
    except ImportError as e:
        raise ImportError(
            "This requires the scipy module. You can install it via `pip install scipy`"
        ) from e
    return scipy.signal.get_window(window, length, periodic)


class STFT(Initializer):
    """Initializer of Conv kernels for the Short-term Fourier Transformation (STFT).

    The kernel holds either the real or the imaginary part of the Fourier basis, optionally
    multiplied by a window over the time dimension and normalized. It is meant for the
    `STFTSpectrogram` layer. The `"hann"`, `"hamming"`, `"blackman"` and `"bartlett"` windows are
    built in; other window names need SciPy (`scipy.signal.windows`).

    Args:
        side: String, `"real"` or `"imag"`: which side of the output the kernel computes.
            Defaults to `"real"`.
        window: String name of a window function, array-like window values, or `None` for no
            windowing. Defaults to `"hann"`.
        scaling: String, `"density"` (L2) or `"spectrum"` (L1) normalization of the window, or
            `None` for no scaling. Defaults to `"density"`.
        periodic: Boolean, whether the window is periodic rather than symmetric.
            Defaults to `False`.

    Example:

    >>> initializer = STFT("real", "hann", "density", False)
    >>> values = initializer(shape=(128, 1, 513))
    """

    def __init__(self, side="real", window="hann", scaling="density", periodic=False):
        if side not in ["real", "imag"]:
            raise ValueError(f"side should be 'real' or 'imag', not {side}")
        if isinstance(window, str):
            _get_window(window, 1, periodic)  # raises for an unknown window name
        if scaling is not None and scaling not in ["density", "spectrum"]:
            raise ValueError(
                "Scaling is invalid, it must be `None`, 'density' or 'spectrum'. "
                f"Received scaling={scaling}"
            )
        self.side = side
        self.window = window
        self.scaling = scaling
        self.periodic = periodic

    def __call__(self, shape, dtype=None):
        """Return the kernel for a shape `(frame_length, input_channels, fft_length // 2 + 1)`.

        Args:
            shape: Shape of the tensor.
            dtype: Optional dtype of the tensor. Defaults to `keras.config.floatx()`.
        """
        torch_dtype = dtypes.to_torch_dtype(dtype)
        device = device_lib.get_device()
        frame_length, _, fft_length = _shape(shape)
        win = None
        scaling = 1
        if self.window is not None:
            win = self.window
            if isinstance(win, str):
                win = _get_window(win, frame_length, self.periodic)
            win = convert_to_tensor(win, dtype=torch_dtype, device=device)
            if win.dim() != 1 or win.shape[-1] != frame_length:
                raise ValueError(
                    "The shape of `window` must be equal to [frame_length]."
                    f"Received: window shape={tuple(win.shape)}"
                )
            win = win.reshape(frame_length, 1, 1)
            if self.scaling == "density":
                scaling = torch.sqrt(torch.sum(win * win))
            elif self.scaling == "spectrum":
                scaling = torch.sum(torch.abs(win))
        full_fft_length = (fft_length - 1) * 2
        freq = torch.arange(fft_length, dtype=torch_dtype, device=device).reshape(1, 1, -1)
        freq = freq / full_fft_length
        time = torch.arange(frame_length, dtype=torch_dtype, device=device).reshape(-1, 1, 1)
        args = (-2 * time) * freq * torch.tensor(math.pi, dtype=torch_dtype, device=device)
        kernel = torch.cos(args) if self.side == "real" else torch.sin(args)
        if win is not None:
            kernel = kernel * win / scaling
        return kernel

    def get_config(self):
        return {
            "side": self.side,
            "window": self.window,
            "periodic": self.periodic,
            "scaling": self.scaling,
        }
