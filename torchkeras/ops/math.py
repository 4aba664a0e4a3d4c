"""`keras.ops` math functions: segment reductions, top-k, logsumexp, FFTs, STFT, erf, ...

FFTs take and return `(real, imag)` pairs of float tensors, as in Keras.
"""

import math

import torch

from torchkeras.ops import op_utils
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op


# -- segment reductions ----------------------------------------------------------------------------
def _segment(data, segment_ids, num_segments, sorted, reduce):
    data = to_tensor(data)
    segment_ids = to_tensor(segment_ids)
    if segment_ids.dim() > 1:
        raise ValueError(
            "Argument `segment_ids` should be an 1-D vector, got shape: "
            f"{segment_ids.dim()}. Consider either flatten input with "
            "segment_ids.reshape((-1)) and "
            "data.reshape((-1, ) + data.shape[len(segment_ids.shape):]) or vectorize with vmap."
        )
    if segment_ids.shape[0] != data.shape[0]:
        raise ValueError(
            "Argument `segment_ids` and `data` should have same leading dimension. Got "
            f"{tuple(segment_ids.shape)} v.s. {tuple(data.shape)}."
        )
    if sorted and num_segments is not None:
        raise ValueError(
            "Argument `num_segments` cannot be set when sorted is True when using the "
            f"tensorflow backend.Received: num_segments={num_segments}, sorted={sorted}."
        )
    ids = segment_ids.to(torch.int64)
    if num_segments is None:
        num_segments = int(ids.max()) + 1 if ids.numel() else 0
    inner = data.shape[1:]
    # Ids outside [0, num_segments) are dropped, as TensorFlow's unsorted segment ops do.
    valid = (ids >= 0) & (ids < num_segments)
    ids = ids[valid]
    rows = data[valid]
    index = ids.reshape((-1,) + (1,) * len(inner)).expand_as(rows)
    out = torch.zeros((num_segments,) + tuple(inner), dtype=data.dtype, device=data.device)
    if reduce == "sum":
        return out.index_add(0, ids, rows)
    out = out.scatter_reduce(0, index, rows, reduce, include_self=False)
    # Empty segments hold what TensorFlow gives them: 1 for products, 0 for the sorted
    # max/min, and the dtype's lowest (max) or highest (min) value for the unsorted ones.
    counts = torch.zeros(num_segments, dtype=torch.int64, device=data.device).index_add(
        0, ids, torch.ones_like(ids)
    )
    empty = (counts == 0).reshape((-1,) + (1,) * len(inner))
    info = torch.finfo(data.dtype) if op_utils.is_float(data.dtype) else torch.iinfo(data.dtype)
    if reduce == "prod":
        identity = 1
    elif sorted:
        identity = 0
    else:
        identity = info.min if reduce == "amax" else info.max
    return torch.where(empty, torch.full_like(out, identity), out)


@keras_op
def segment_sum(data, segment_ids, num_segments=None, sorted=False):
    """Computes the sum of segments in a tensor.

    Args:
        data: Input tensor.
        segment_ids: A N-D tensor containing segment indices for each element in `data`.
            Num dims for segment ids should be strictly smaller or equal to number of dims in
            data.
        num_segments: An integer representing the total number of segments. If not specified,
            it is inferred from the maximum value in `segment_ids`.
        sorted: A boolean indicating whether `segment_ids` is sorted. Defaults to `False`.

    Returns:
        A tensor containing the sum of segments, where each element represents the sum of the
        corresponding segment in `data`.
    """
    return _segment(data, segment_ids, num_segments, sorted, "sum")


@keras_op
def segment_max(data, segment_ids, num_segments=None, sorted=False):
    """Computes the max of segments in a tensor.

    Args:
        data: Input tensor.
        segment_ids: A N-D tensor containing segment indices for each element in `data`.
        num_segments: An integer representing the total number of segments. If not specified,
            it is inferred from the maximum value in `segment_ids`.
        sorted: A boolean indicating whether `segment_ids` is sorted. Defaults to `False`.

    Returns:
        A tensor containing the max of segments.
    """
    return _segment(data, segment_ids, num_segments, sorted, "amax")


@keras_op
def segment_min(data, segment_ids, num_segments=None, sorted=False):
    """Computes the min of segments in a tensor.

    Args:
        data: Input tensor.
        segment_ids: A N-D tensor containing segment indices for each element in `data`.
        num_segments: An integer representing the total number of segments. If not specified,
            it is inferred from the maximum value in `segment_ids`.
        sorted: A boolean indicating whether `segment_ids` is sorted. Defaults to `False`.

    Returns:
        A tensor containing the min of segments.
    """
    return _segment(data, segment_ids, num_segments, sorted, "amin")


@keras_op
def segment_prod(data, segment_ids, num_segments=None, sorted=False):
    """Computes the product of segments in a tensor.

    Args:
        data: Input tensor.
        segment_ids: A N-D tensor containing segment indices for each element in `data`.
        num_segments: An integer representing the total number of segments. If not specified,
            it is inferred from the maximum value in `segment_ids`.
        sorted: A boolean indicating whether `segment_ids` is sorted. Defaults to `False`.

    Returns:
        A tensor containing the product of segments.
    """
    return _segment(data, segment_ids, num_segments, sorted, "prod")


# -- top-k and friends -----------------------------------------------------------------------------
@keras_op
def top_k(x, k, sorted=True):
    """Finds the top-k values and their indices in a tensor.

    Args:
        x: Input tensor.
        k: An integer representing the number of top elements to retrieve.
        sorted: A boolean indicating whether to sort the output in descending order. Defaults
            to `True`.

    Returns:
        A tuple containing two tensors. The first tensor contains the top-k values, and the
        second tensor contains the `int32` indices of the top-k values in the input tensor.
    """
    x = to_tensor(x)
    values, indices = torch.topk(x, int(k), dim=-1, largest=True, sorted=True)
    return values, indices.to(torch.int32)


@keras_op
def in_top_k(targets, predictions, k):
    """Checks if the targets are in the top-k predictions.

    Args:
        targets: A tensor of true labels.
        predictions: A tensor of predicted labels.
        k: An integer representing the number of predictions to consider.

    Returns:
        A boolean tensor of the same shape as `targets`, where each element indicates whether
        the corresponding target is in the top-k predictions.
    """
    targets = to_tensor(targets).to(torch.int64)
    predictions = to_tensor(predictions)
    target_scores = torch.gather(predictions, 1, targets.unsqueeze(1))
    # A target is in the top k when fewer than k classes score strictly higher (ties count in
    # its favour, as TensorFlow's in_top_k does); non-finite scores are never in the top k.
    higher = torch.sum(predictions > target_scores, dim=1)
    finite = torch.isfinite(target_scores.squeeze(1))
    return (higher < k) & finite


@keras_op
def logsumexp(x, axis=None, keepdims=False):
    """Computes the logarithm of sum of exponentials of elements in a tensor.

    Args:
        x: Input tensor.
        axis: An integer or a tuple of integers specifying the axis/axes along which to compute
            the sum. If `None`, the sum is computed over all elements. Defaults to `None`.
        keepdims: A boolean indicating whether to keep the dimensions of the input tensor when
            computing the sum. Defaults to `False`.

    Returns:
        A tensor containing the logarithm of the sum of exponentials of elements in `x`.
    """
    x = op_utils.to_float(x)
    return torch.logsumexp(x, dim=op_utils.reduce_dims(x, axis), keepdim=keepdims)


@keras_op
def cdist(x, y):
    """Computes the pairwise Euclidean distances between two sets of vectors.

    Args:
        x: Tensor of shape `(..., m, d)`.
        y: Tensor of shape `(..., n, d)`.

    Returns:
        A tensor of shape `(..., m, n)` with the pairwise distances.
    """
    x = to_tensor(x)
    y = to_tensor(y)
    if x.dim() < 2 or y.dim() < 2:
        raise ValueError("`cdist` inputs must have rank >= 2")
    if x.shape[-1] != y.shape[-1]:
        raise ValueError("Last dimension of inputs to `cdist` must match")
    diff = x.unsqueeze(-2) - y.unsqueeze(-3)
    return torch.sqrt(torch.sum(torch.square(diff), dim=-1))


@keras_op
def extract_sequences(x, sequence_length, sequence_stride):
    """Expands the dimension of last axis into sequences of `sequence_length`.

    Slides a window of size `sequence_length` over the last axis of the input with a stride of
    `sequence_stride`, replacing the last axis with `[num_sequences, sequence_length]`
    sequences.

    Args:
        x: Input tensor.
        sequence_length: An integer representing the sequences length.
        sequence_stride: An integer representing the sequences hop size.

    Returns:
        A tensor of sequences with shape `[..., num_sequences, sequence_length]`.
    """
    x = to_tensor(x)
    if x.dim() < 1:
        raise ValueError(f"Input should have rank >= 1. Received: input.shape = {tuple(x.shape)}")
    if x.shape[-1] < sequence_length:
        return x.new_zeros((*x.shape[:-1], 0, sequence_length))
    return x.unfold(-1, sequence_length, sequence_stride)


# -- FFT -------------------------------------------------------------------------------------------
def _complex_from_pair(x):
    if not isinstance(x, (tuple, list)) or len(x) != 2:
        raise ValueError(
            "Input `x` should be a tuple of two tensors - real and imaginary." f"Received: x={x}"
        )
    real, imag = to_tensor(x[0]), to_tensor(x[1])
    if real.shape != imag.shape:
        raise ValueError(
            "Input `x` should be a tuple of two tensors - real and imaginary."
            "Both the real and imaginary parts should have the same shape. "
            f"Received: x[0].shape = {tuple(real.shape)}, x[1].shape = {tuple(imag.shape)}"
        )
    if not (op_utils.is_float(real.dtype) and op_utils.is_float(imag.dtype)):
        raise ValueError(f"At least one tensor in input `x` is not of type float.Received: x={x}.")
    return torch.complex(real, imag)


def _pair(z):
    return torch.real(z).contiguous(), torch.imag(z).contiguous()


@keras_op
def fft(x):
    """Computes the Fast Fourier Transform along last axis of input.

    Args:
        x: Tuple of the real and imaginary parts of the input tensor. Both tensors in the tuple
            should be of floating type.

    Returns:
        A tuple containing two tensors - the real and imaginary parts of the output tensor.
    """
    return _pair(torch.fft.fft(_complex_from_pair(x), dim=-1))


@keras_op
def fft2(x):
    """Computes the 2D Fast Fourier Transform along the last two axes of input.

    Args:
        x: Tuple of the real and imaginary parts of the input tensor. Both tensors in the tuple
            should be of floating type.

    Returns:
        A tuple containing two tensors - the real and imaginary parts of the output.
    """
    return _pair(torch.fft.fft2(_complex_from_pair(x), dim=(-2, -1)))


@keras_op
def ifft2(x):
    """Computes the 2D Inverse Fast Fourier Transform along the last two axes of input.

    Args:
        x: Tuple of the real and imaginary parts of the input tensor. Both tensors in the tuple
            should be of floating type.

    Returns:
        A tuple containing two tensors - the real and imaginary parts of the output.
    """
    return _pair(torch.fft.ifft2(_complex_from_pair(x), dim=(-2, -1)))


@keras_op
def rfft(x, fft_length=None):
    """Real-valued Fast Fourier Transform along the last axis of the input.

    Computes the 1D Discrete Fourier Transform of a real-valued signal over the inner-most
    dimension of input. Since the DFT of a real signal is Hermitian-symmetric, RFFT only
    returns the `fft_length / 2 + 1` unique components of the FFT: the zero-frequency term,
    followed by the `fft_length / 2` positive-frequency terms.

    Args:
        x: Input tensor.
        fft_length: An integer representing the number of the fft length. If not specified, it
            is inferred from the length of the last axis of `x`. Defaults to `None`.

    Returns:
        A tuple containing two tensors - the real and imaginary parts of the output.
    """
    x = op_utils.to_float(x)
    return _pair(torch.fft.rfft(x, n=fft_length, dim=-1))


@keras_op
def irfft(x, fft_length=None):
    """Inverse real-valued Fast Fourier transform along the last axis.

    Args:
        x: Tuple of the real and imaginary parts of the input tensor. Both tensors in the tuple
            should be of floating type.
        fft_length: An integer representing the number of the fft length. If not specified, it
            is inferred from the length of the last axis of `x`. Defaults to `None`.

    Returns:
        A tensor containing the inverse real-valued Fast Fourier Transform along the last axis
        of `x`.
    """
    return torch.fft.irfft(_complex_from_pair(x), n=fft_length, dim=-1)


def _stft_window(window, sequence_length, fft_length, dtype, device):
    if window is None:
        return None
    if isinstance(window, str):
        if window not in ("hann", "hamming"):
            raise ValueError(
                "If a string is passed to `window`, it must be one of "
                f'`"hann"`, `"hamming"`. Received: window={window}'
            )
        n = torch.arange(sequence_length, dtype=torch.float64, device=device)
        a0 = 0.5 if window == "hann" else 0.54
        values = a0 - (1 - a0) * torch.cos(2 * math.pi * n / sequence_length)
        values = values.to(dtype)
    else:
        values = to_tensor(window, dtype)
    if values.dim() != 1 or values.shape[-1] != sequence_length:
        raise ValueError(
            "The shape of `window` must be equal to [sequence_length]."
            f"Received: window shape={tuple(values.shape)}"
        )
    left = (fft_length - sequence_length) // 2
    right = fft_length - sequence_length - left
    return torch.nn.functional.pad(values, (left, right))


def _check_stride(sequence_stride):
    if not isinstance(sequence_stride, int) or sequence_stride <= 0:
        raise ValueError(
            "`sequence_stride` must be a positive integer. "
            f"Received: sequence_stride={sequence_stride}"
        )


@keras_op
def stft(x, sequence_length, sequence_stride, fft_length, window="hann", center=True):
    """Short-Time Fourier Transform along the last axis of the input.

    The STFT computes the Fourier transform of short overlapping windows of the input. This
    giving frequency components of the signal as they change over time.

    Args:
        x: Input tensor.
        sequence_length: An integer representing the sequence length.
        sequence_stride: An integer representing the sequence hop size.
        fft_length: An integer representing the size of the FFT to apply. If not specified,
            uses the smallest power of 2 enclosing `sequence_length`.
        window: A string, a tensor of the window or `None`. If `window` is a string, available
            values are `"hann"` and `"hamming"`. If `window` is a tensor, it will be used
            directly as the window and its length must be `sequence_length`. If `window` is
            `None`, no windowing is used. Defaults to `"hann"`.
        center: Whether to pad `x` on both sides so that the t-th sequence is centered at time
            `t * sequence_stride`. Otherwise, the t-th sequence begins at time `t *
            sequence_stride`. Defaults to `True`.

    Returns:
        A tuple containing two tensors - the real and imaginary parts of the STFT output.
    """
    _check_stride(sequence_stride)
    x = to_tensor(x)
    if x.dtype not in (torch.float32, torch.float64):
        raise TypeError(
            "Invalid input type. Expected `float32` or `float64`. "
            f"Received: input type={op_utils.name(x.dtype)}"
        )
    if fft_length < sequence_length:
        raise ValueError(
            "`fft_length` must equal or larger than `sequence_length`. Received: "
            f"sequence_length={sequence_length}, fft_length={fft_length}"
        )
    window = _stft_window(window, sequence_length, fft_length, x.dtype, x.device)
    if center:
        half = fft_length // 2
        flat = x.reshape(-1, 1, x.shape[-1])
        x = torch.nn.functional.pad(flat, (half, half), mode="reflect").reshape(*x.shape[:-1], -1)
    frames = x.unfold(-1, fft_length, sequence_stride)
    if window is not None:
        frames = frames * window
    return _pair(torch.fft.rfft(frames, n=fft_length, dim=-1))


@keras_op
def istft(x, sequence_length, sequence_stride, fft_length, length=None, window="hann", center=True):
    """Inverse Short-Time Fourier Transform along the last axis of the input.

    To reconstruct an original waveform, the parameters should be the same in `stft`.

    Args:
        x: Tuple of the real and imaginary parts of the input tensor. Both tensors in the tuple
            should be of floating type.
        sequence_length: An integer representing the sequence length.
        sequence_stride: An integer representing the sequence hop size.
        fft_length: An integer representing the size of the FFT that produced `stft`. Should be
            of type `int32`.
        length: An integer representing the output is clipped to exactly length. If not
            specified, no padding or clipping take place. Defaults to `None`.
        window: A string, a tensor of the window or `None`. If `window` is a string, available
            values are `"hann"` and `"hamming"`. If `window` is a tensor, it will be used
            directly as the window and its length must be `sequence_length`. If `window` is
            `None`, no windowing is used. Defaults to `"hann"`.
        center: Whether `x` was padded on both sides so that the t-th sequence is centered at
            time `t * sequence_stride`. Defaults to `True`.

    Returns:
        A tensor containing the inverse Short-Time Fourier Transform along the last axis of
        `x`.
    """
    _check_stride(sequence_stride)
    spectrum = _complex_from_pair(x)
    dtype = torch.real(spectrum).dtype
    frames = torch.fft.irfft(spectrum, n=fft_length, dim=-1)
    window = _stft_window(window, sequence_length, fft_length, dtype, frames.device)
    if window is not None:
        # TensorFlow's inverse_stft_window_fn: the window divided by the overlap-added squares.
        overlaps = -(-fft_length // sequence_stride)
        denom = torch.nn.functional.pad(
            window * window, (0, overlaps * sequence_stride - fft_length)
        )
        denom = denom.reshape(overlaps, sequence_stride).sum(0, keepdim=True)
        denom = denom.repeat(overlaps, 1).reshape(-1)[:fft_length]
        frames = frames * (window / denom)
    num_frames = frames.shape[-2]
    total = (num_frames - 1) * sequence_stride + fft_length
    batch = frames.shape[:-2]
    flat = frames.reshape(-1, num_frames, fft_length).transpose(1, 2)
    signal = torch.nn.functional.fold(
        flat, output_size=(1, total), kernel_size=(1, fft_length), stride=(1, sequence_stride)
    ).reshape(*batch, total)
    start = fft_length // 2 if center else 0
    if length is not None:
        end = start + length
    elif center:
        end = total - fft_length // 2
    else:
        end = total
    return signal[..., start:end]


# -- special functions -----------------------------------------------------------------------------
@keras_op
def rsqrt(x):
    """Computes reciprocal of square root of x element-wise.

    Args:
        x: input tensor

    Returns:
        A tensor with the same dtype as `x`.
    """
    return torch.rsqrt(op_utils.to_float(x))


@keras_op
def erf(x):
    """Computes the error function of `x`, element-wise.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same dtype as `x`.
    """
    return torch.erf(op_utils.to_float(x))


@keras_op
def erfc(x):
    """Computes the complementary error function `1 - erf(x)`, element-wise.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same dtype as `x`.
    """
    return torch.erfc(op_utils.to_float(x))


@keras_op
def erfinv(x):
    """Computes the inverse error function of `x`, element-wise.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the same dtype as `x`.
    """
    x = op_utils.to_float(x)
    if x.dtype in (torch.float16, torch.bfloat16):
        return torch.erfinv(x.to(torch.float32)).to(x.dtype)
    return torch.erfinv(x)


@keras_op
def logdet(x):
    """Computes log of the determinant of a hermitian positive definite matrix.

    Args:
        x: Input matrix. It must 2D and square.

    Returns:
        The natural log of the determinant of matrix.
    """
    x = op_utils.to_float(x)
    # TensorFlow's logdet assumes a Hermitian positive definite matrix (Cholesky based).
    chol = torch.linalg.cholesky(x)
    return 2.0 * torch.sum(torch.log(torch.real(torch.diagonal(chol, dim1=-2, dim2=-1))), dim=-1)


@keras_op
def view_as_complex(x):
    """Converts a real tensor with shape `(..., 2)` to a complex tensor.

    Args:
        x: A real tensor with last dimension of size 2.

    Returns:
        A complex tensor with shape `x.shape[:-1]`.
    """
    x = to_tensor(x)
    if x.dim() < 1 or x.shape[-1] != 2:
        raise ValueError(
            "Last dimension of input must be size 2 (real and imaginary). "
            f"Received shape: {tuple(x.shape)}"
        )
    return torch.complex(x[..., 0].to(torch.float32), x[..., 1].to(torch.float32))


@keras_op
def view_as_real(x):
    """Converts a complex tensor to a real tensor with shape `(..., 2)`.

    Args:
        x: A complex tensor.

    Returns:
        A real tensor where the last dimension contains the real and imaginary parts.
    """
    x = to_tensor(x)
    if x.dtype in op_utils.COMPLEX:
        return torch.stack([torch.real(x), torch.imag(x)], dim=-1)
    return torch.stack([x, torch.zeros_like(x)], dim=-1)
