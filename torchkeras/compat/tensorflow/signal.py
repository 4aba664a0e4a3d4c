"""`tf.signal`: framing, windows, the STFT and mel filterbanks, computed as TF defines them.

The STFT frames the signal without centring, multiplies each frame by the window and zero-pads it
at the end to `fft_length` (TF's layout, unlike `torch.stft`'s centred window).
"""

import math as _math

import torch

from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow._convert import torch_dtype


def _raised_cosine(window_length, periodic, dtype, a, b):
    dtype = torch_dtype(dtype)
    if not dtype.is_floating_point:
        name = str(dtype).replace("torch.", "")
        raise ValueError(f"dtype must be a floating point type. Found <dtype: '{name}'>")
    length = int(window_length)
    if length == 1:
        return torch.ones(1, dtype=dtype)
    even = 1 - length % 2
    n = length + int(bool(periodic)) * even - 1
    count = torch.arange(length, dtype=torch.float64)
    return (a - b * torch.cos(2.0 * _math.pi * count / n)).to(dtype)


def hann_window(window_length, periodic=True, dtype="float32", name=None):
    return _raised_cosine(window_length, periodic, dtype, 0.5, 0.5)


def hamming_window(window_length, periodic=True, dtype="float32", name=None):
    return _raised_cosine(window_length, periodic, dtype, 0.54, 0.46)


def frame(signal, frame_length, frame_step, pad_end=False, pad_value=0, axis=-1, name=None):
    """Windows of `frame_length` every `frame_step` along `axis`: `(..., frames, frame_length)`."""
    x = _t(signal)
    axis = axis % x.dim()
    length = x.shape[axis]
    frame_length, frame_step = int(frame_length), int(frame_step)
    if pad_end:
        frames = -(-length // frame_step)
        needed = max(0, (frames - 1) * frame_step + frame_length - length)
        pad = [0, 0] * (x.dim() - 1 - axis) + [0, needed]
        x = torch.nn.functional.pad(x, pad, value=pad_value)
    if x.shape[axis] < frame_length:
        shape = list(x.shape)
        shape[axis:axis + 1] = [0, frame_length]
        return x.new_zeros(shape)
    # unfold puts the window last: move it next to the frame axis.
    return x.unfold(axis, frame_length, frame_step).movedim(-1, axis + 1)


def stft(signals, frame_length, frame_step, fft_length=None, window_fn=hann_window,
         pad_end=False, name=None):
    """Short-time Fourier transform: complex `(..., frames, fft_length // 2 + 1)`."""
    x = _t(signals)
    frame_length, frame_step = int(frame_length), int(frame_step)
    if fft_length is None:
        fft_length = 1 << (frame_length - 1).bit_length()
    framed = frame(x, frame_length, frame_step, pad_end=pad_end)
    if window_fn is not None:
        framed = framed * window_fn(frame_length, dtype=framed.dtype).to(framed.device)
    return torch.fft.rfft(framed, n=int(fft_length))


def linear_to_mel_weight_matrix(num_mel_bins=20, num_spectrogram_bins=129, sample_rate=8000,
                                lower_edge_hertz=125.0, upper_edge_hertz=3800.0,
                                dtype="float32", name=None):
    """A `(num_spectrogram_bins, num_mel_bins)` matrix of triangular HTK-mel filters."""
    dtype = torch_dtype(dtype)
    if lower_edge_hertz < 0.0:
        raise ValueError(f"lower_edge_hertz must be non-negative. Got: {lower_edge_hertz}")
    if lower_edge_hertz >= upper_edge_hertz:
        raise ValueError(f"lower_edge_hertz {lower_edge_hertz} >= upper_edge_hertz "
                         f"{upper_edge_hertz}")
    if upper_edge_hertz > sample_rate / 2:
        raise ValueError("upper_edge_hertz must not be larger than the Nyquist frequency "
                         f"(sample_rate / 2). Got {upper_edge_hertz} for sample_rate: "
                         f"{sample_rate}")

    def linspace(start, stop, num):
        # TF's float formula: start + i * ((stop - start) / (num - 1)), last value exactly stop.
        start, stop = torch.tensor(start, dtype=dtype), torch.tensor(stop, dtype=dtype)
        delta = (stop - start) / (num - 1)
        out = torch.arange(num, dtype=dtype) * delta + start
        out[-1] = stop
        return out

    def to_mel(hz):
        return 1127.0 * torch.log(1.0 + hz / 700.0)

    # Computed in the requested dtype, as TF does.
    nyquist = sample_rate / 2.0
    linear = linspace(0.0, float(nyquist), int(num_spectrogram_bins))[1:]
    bins_mel = to_mel(linear).unsqueeze(1)
    edges = linspace(float(to_mel(torch.tensor(lower_edge_hertz, dtype=dtype))),
                     float(to_mel(torch.tensor(upper_edge_hertz, dtype=dtype))),
                     int(num_mel_bins) + 2)
    lower, center, upper = edges[:-2], edges[1:-1], edges[2:]
    lower_slopes = (bins_mel - lower) / (center - lower)
    upper_slopes = (upper - bins_mel) / (upper - center)
    weights = torch.clamp(torch.minimum(lower_slopes, upper_slopes), min=0.0)
    return torch.nn.functional.pad(weights, (0, 0, 1, 0))


def rfft(input_tensor, fft_length=None, name=None):
    n = None if fft_length is None else int(list(fft_length)[0])
    return torch.fft.rfft(_t(input_tensor), n=n)


def fft(input, name=None):
    return torch.fft.fft(_t(input))


def ifft(input, name=None):
    return torch.fft.ifft(_t(input))


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.signal.{name} is not provided by torchkeras.compat. Use the torch.fft / "
        "torch.stft equivalent, or see compat/DIFFERENCES.md."
    )
