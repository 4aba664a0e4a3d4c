"""STFTSpectrogram: the short-time Fourier transform as a 1D convolution with Fourier kernels."""

import math
import warnings

import torch

from torchkeras import backend
from torchkeras import initializers
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer

_MODES = ["log", "magnitude", "psd", "real", "imag", "angle", "stft"]


class STFTSpectrogram(Layer):
    """Layer to compute the Short-Time Fourier Transform (STFT) on a 1D signal.

    The STFT is a convolution of the input with the real and imaginary parts of the (windowed)
    Fourier basis; those kernels are the layer's weights (`real_kernel`, `imag_kernel`, each
    `(frame_length, 1, fft_length // 2 + 1)`), initialized by `keras.initializers.STFT`, so the
    transform can be fine-tuned. Each input channel is transformed independently.

    Args:
        mode: The output: `"log"` (log-magnitude), `"magnitude"`, `"psd"` (power spectral
            density), `"real"`, `"imag"`, `"angle"` or `"stft"` (real and imaginary parts
            concatenated on the frequency axis). Defaults to `"log"`.
        frame_length: Integer, the window size. Defaults to `256`.
        frame_step: Integer, the hop between frames. Defaults to `None` (`frame_length // 2`).
        fft_length: Integer, the FFT size. Defaults to `None` (the smallest power of two not
            less than `frame_length`).
        window: A window name (`"hann"`, `"hamming"`, ...), an array of `frame_length` values, or
            `None` (no window). Defaults to `"hann"`.
        periodic: Boolean, whether the window is periodic. Defaults to `False`.
        scaling: `"density"`, `"spectrum"` or `None`: the window normalization. Defaults to
            `"density"`.
        padding: `"valid"` or `"same"`. Defaults to `"valid"`.
        expand_dims: Boolean, whether to keep the frequencies and channels as two axes.
            Defaults to `False`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.

    Input shape: `(batch, time, channels)` (channels_last) or `(batch, channels, time)`.

    Output shape: `(batch, frames, channels * freq)` (channels_last) or
    `(batch, channels * freq, frames)`; with `expand_dims`, `(batch, frames, freq, channels)` or
    `(batch, channels, frames, freq)`. `freq` is `fft_length // 2 + 1`, doubled for `"stft"`.

    Example:

    >>> layer = keras.layers.STFTSpectrogram(frame_length=64, frame_step=32)
    >>> layer(np.random.rand(2, 1000, 1).astype("float32")).shape
    torch.Size([2, 30, 33])
    """

    def __init__(self, mode="log", frame_length=256, frame_step=None, fft_length=None,
                 window="hann", periodic=False, scaling="density", padding="valid",
                 expand_dims=False, data_format=None, **kwargs):
        if frame_step is not None and (frame_step > frame_length or frame_step < 1):
            raise ValueError(
                "`frame_step` should be a positive integer not greater than `frame_length`. "
                f"Received frame_step={frame_step}, frame_length={frame_length}"
            )
        if fft_length is not None and fft_length < frame_length:
            raise ValueError(
                "`fft_length` should be not less than `frame_length`. "
                f"Received fft_length={fft_length}, frame_length={frame_length}"
            )
        if fft_length is not None and (fft_length & -fft_length) != fft_length:
            warnings.warn(
                f"`fft_length` is recommended to be a power of two. Received fft_length={fft_length}"
            )
        if mode not in _MODES:
            raise ValueError(
                f"Output mode is invalid, it must be one of {', '.join(_MODES)}. "
                f"Received: mode={mode}"
            )
        if scaling is not None and scaling not in ["density", "spectrum"]:
            raise ValueError(
                "Scaling is invalid, it must be `None`, 'density' or 'spectrum'. "
                f"Received scaling={scaling}"
            )
        if padding not in ["valid", "same"]:
            raise ValueError(
                f"Padding is invalid, it should be 'valid', 'same'. Received: padding={padding}"
            )
        if isinstance(window, str):
            initializers.STFT("real", window, scaling, periodic)  # raises for an unknown window
        super().__init__(**kwargs)
        self.mode = mode
        self.frame_length = frame_length
        self.frame_step = frame_step
        self._frame_step = frame_step or frame_length // 2
        self.fft_length = fft_length
        self._fft_length = fft_length or 2 ** int(math.ceil(math.log2(frame_length)))
        self.window = window
        self.periodic = periodic
        self.scaling = scaling
        self.padding = padding
        self.expand_dims = expand_dims
        self.data_format = backend.standardize_data_format(data_format)
        self.input_spec = InputSpec(ndim=3)

    def build(self, input_shape):
        shape = (self.frame_length, 1, self._fft_length // 2 + 1)
        if self.mode != "imag":
            self.real_kernel = self.add_weight(
                name="real_kernel", shape=shape,
                initializer=initializers.STFT("real", self.window, self.scaling, self.periodic),
            )
        if self.mode != "real":
            self.imag_kernel = self.add_weight(
                name="imag_kernel", shape=shape,
                initializer=initializers.STFT("imag", self.window, self.scaling, self.periodic),
            )

    def _conv(self, signals, kernels):
        # signals: (batch * channels, 1, time); kernels: Keras layout (frame, 1, freq) each,
        # stacked on the output channels so the real and imaginary parts take one convolution.
        weight = torch.cat([k.to(signals.dtype).permute(2, 1, 0) for k in kernels], dim=0)
        if self.padding == "same":
            # TF "same": total pad so that frames = ceil(time / step), the extra on the right.
            time = signals.shape[-1]
            frames = -(-time // self._frame_step)
            total = max((frames - 1) * self._frame_step + self.frame_length - time, 0)
            signals = torch.nn.functional.pad(signals, (total // 2, total - total // 2))
        return torch.nn.functional.conv1d(signals, weight, stride=self._frame_step)

    def _adjust_shapes(self, outputs):
        # outputs: (batch, channels, freq, frames)
        batch, channels, freq, frames = outputs.shape
        if self.data_format == "channels_last":
            if self.expand_dims:
                return outputs.permute(0, 3, 2, 1)  # (batch, frames, freq, channels)
            return outputs.reshape(batch, channels * freq, frames).transpose(1, 2)
        if self.expand_dims:
            return outputs.permute(0, 1, 3, 2)  # (batch, channels, frames, freq)
        return outputs.reshape(batch, channels * freq, frames)

    def call(self, inputs):
        if backend.standardize_dtype(inputs.dtype) not in {"float16", "float32", "float64"}:
            raise TypeError(
                "Invalid input type. Expected `float16`, `float32` or `float64`. "
                f"Received: input type={backend.standardize_dtype(inputs.dtype)}"
            )
        if self.data_format == "channels_last":
            batch, time, channels = inputs.shape
            signals = inputs.transpose(1, 2).reshape(-1, 1, time)
        else:
            batch, channels, time = inputs.shape
            signals = inputs.reshape(-1, 1, time)
        kernels = [k for k in (getattr(self, "real_kernel", None),
                               getattr(self, "imag_kernel", None)) if k is not None]
        out = self._conv(signals, kernels)  # (batch * channels, parts * freq, frames)
        out = out.reshape(batch, channels, len(kernels), -1, out.shape[-1])
        if self.mode == "real" or self.mode == "imag":
            return self._adjust_shapes(out[:, :, 0])
        real, imag = out[:, :, 0], out[:, :, 1]
        if self.mode == "angle":
            return self._adjust_shapes(torch.atan2(imag, real))
        if self.mode == "stft":
            return self._adjust_shapes(torch.cat([real, imag], dim=2))
        power = real * real + imag * imag
        if self.mode == "psd":
            # One-sided spectrum: every bin but DC and Nyquist counts twice.
            return self._adjust_shapes(
                power + torch.nn.functional.pad(power[:, :, 1:-1, :], (0, 0, 1, 1)))
        eps = backend.epsilon()
        magnitude = self._adjust_shapes(torch.sqrt(torch.clamp(power, min=eps)))
        if self.mode == "magnitude":
            return magnitude
        return torch.log(torch.clamp(magnitude, min=eps))

    def compute_output_shape(self, input_shape):
        if self.data_format == "channels_last":
            batch, time, channels = input_shape
        else:
            batch, channels, time = input_shape
        freq = self._fft_length // 2 + 1
        if self.mode == "stft":
            freq *= 2
        if time is None:
            frames = None
        elif self.padding == "same":
            frames = -(-time // self._frame_step)
        else:
            frames = (time - self.frame_length) // self._frame_step + 1
        if self.expand_dims:
            if self.data_format == "channels_last":
                return (batch, frames, freq, channels)
            return (batch, channels, frames, freq)
        merged = None if channels is None else channels * freq
        if self.data_format == "channels_last":
            return (batch, frames, merged)
        return (batch, merged, frames)

    def get_config(self):
        config = super().get_config()
        config.update({
            "mode": self.mode,
            "frame_length": self.frame_length,
            "frame_step": self.frame_step,
            "fft_length": self.fft_length,
            "window": self.window,
            "periodic": self.periodic,
            "scaling": self.scaling,
            "padding": self.padding,
            "data_format": self.data_format,
            "expand_dims": self.expand_dims,
        })
        return config
