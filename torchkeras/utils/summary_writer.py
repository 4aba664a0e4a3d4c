"""`SummaryWriter` and the `tf.summary` functions, writing TensorBoard event files without TF.

This is the machinery behind `keras.callbacks.TensorBoard` and the compat shim's `tf.summary`:
a default writer (`writer.as_default()`), a default step (`set_step`), a recording condition
(`record_if`), and the summary functions `scalar`, `histogram`, `text`, `image` and `write`, which
lay out their data as TensorBoard's `summary_v2` ops do (same dtypes, shapes, bucketing and plugin
metadata). The state is per process, not per thread.
"""

import atexit
import contextlib
import struct
import weakref
import zlib

import numpy as np
import torch

from torchkeras.backend import convert_to_numpy
from torchkeras.utils import event_file_writer as efw


class _State:
    writer = None  # the default writer, or None
    step = None  # the default step, or None
    conditions = []  # the `record_if` stack


_state = _State()
_open_writers = weakref.WeakSet()


def _to_numpy(value):
    """A tensor, array or Python value as a NumPy array (a host copy for device tensors)."""
    if callable(value):
        value = value()
    if isinstance(value, torch.Tensor):
        # bfloat16 has no NumPy dtype: `convert_to_numpy` widens it.
        value = convert_to_numpy(value.detach())
    elif hasattr(value, "numpy") and not isinstance(value, np.ndarray):
        value = value.numpy()
    return np.asarray(value)


class SummaryWriter:
    """Writes summaries to an event file in `logdir` (see `create_file_writer`).

    Args:
        logdir: A string specifying the directory in which to write an event file.
        max_queue: The largest number of summaries to keep in a queue; will flush once the
            queue gets bigger than this. Defaults to `10`.
        flush_millis: The largest interval between flushes, in milliseconds.
            Defaults to `120000`.
        filename_suffix: Optional suffix for the event file name. Defaults to `".v2"`.

    Example:

    >>> writer = create_file_writer("/tmp/logs")
    >>> with writer.as_default(step=0):
    ...     scalar("loss", 0.5)
    """

    def __init__(self, logdir, max_queue=None, flush_millis=None, filename_suffix=None):
        self._logdir = logdir
        self._options = (max_queue, flush_millis, filename_suffix)
        self._file = None
        self._closed = False
        # TensorFlow creates the event file when the writer is created.
        self.init()

    def init(self):
        """Initializes the writer: opens a new event file unless one is open."""
        if self._file is None or self._closed:
            self._file = efw.EventFileWriter(self._logdir, *self._options)
            self._closed = False
            _open_writers.add(self)

    def _check_open(self):
        if self._closed:
            raise RuntimeError(f"SummaryWriter {self!r} is already closed")

    def set_as_default(self, step=None):
        """Makes this the default summary writer (for the whole process).

        Args:
            step: An `int64`-castable default step value, or `None`. When not `None`, the
                current step is modified to the given value. When `None`, the current step is
                not modified.
        """
        self._check_open()
        _state.writer = self
        if step is not None:
            _state.step = step

    @contextlib.contextmanager
    def as_default(self, step=None):
        """Returns a context manager that enables summary writing.

        Args:
            step: An `int64`-castable default step value, or `None`. When not `None`, the
                current step is captured, replaced by a given one, and the original one is
                restored when the context manager exits. When `None`, the current step is not
                modified (and not restored when the context manager exits).
        """
        self._check_open()
        old_writer, old_step = _state.writer, _state.step
        _state.writer = self
        if step is not None:
            _state.step = step
        try:
            yield self
        finally:
            _state.writer = old_writer
            if step is not None:
                _state.step = old_step
            # Summaries written in the block reach the disk when it ends, as in TensorFlow.
            self.flush()

    def flush(self):
        """Flushes any buffered data."""
        if self._file is not None and not self._closed:
            self._file.flush()

    def close(self):
        """Flushes and closes the summary writer."""
        if self._file is not None and not self._closed:
            self._file.close()
        self._closed = True

    def _write(self, values, step):
        self._check_open()
        self._file.add_summary(values, step)

    def _write_raw(self, summary, step):
        self._check_open()
        self._file.add_raw_summary(summary, step)


class NoopSummaryWriter(SummaryWriter):
    """A summary writer that writes nothing (see `create_noop_writer`)."""

    def __init__(self):
        self._file = None
        self._closed = False

    def init(self):
        pass

    def _write(self, values, step):
        pass

    def _write_raw(self, summary, step):
        pass


def create_file_writer(
    logdir,
    max_queue=None,
    flush_millis=None,
    filename_suffix=None,
    name=None,
    experimental_trackable=False,
    experimental_mesh=None,
):
    """Creates a summary file writer for the given log directory.

    Args:
        logdir: A string specifying the directory in which to write an event file.
        max_queue: The largest number of summaries to keep in a queue; will flush once the
            queue gets bigger than this. Defaults to `10`.
        flush_millis: The largest interval between flushes. Defaults to `120000`.
        filename_suffix: Optional suffix for the event file name. Defaults to `".v2"`.
        name: Unused (TensorFlow's op name).
        experimental_trackable: Unused.
        experimental_mesh: Unused.

    Returns:
        A `SummaryWriter` object.
    """
    if logdir is None:
        raise ValueError("Argument `logdir` cannot be None")
    return SummaryWriter(
        str(logdir), max_queue=max_queue, flush_millis=flush_millis,
        filename_suffix=filename_suffix,
    )


def create_noop_writer():
    """Returns a summary writer that does nothing (useful as a placeholder)."""
    return NoopSummaryWriter()


def get_default_writer():
    """The default `SummaryWriter` (set by `as_default` / `set_as_default`), or `None`."""
    return _state.writer


def get_step():
    """Returns the default summary step (or `None`)."""
    return _state.step


def set_step(step):
    """Sets the default summary step (for the whole process).

    Args:
        step: An `int64`-castable default step value, or `None` to unset.
    """
    _state.step = step


@contextlib.contextmanager
def record_if(condition):
    """Sets summary recording on or off per the provided boolean value.

    Args:
        condition: can be `True`, `False`, a bool tensor, or a callable providing such.
    """
    _state.conditions.append(condition)
    try:
        yield
    finally:
        _state.conditions.pop()


def should_record_summaries():
    """Returns a boolean: whether summaries would be written now.

    `False` without a default writer; otherwise the innermost `record_if` condition (`True`
    when there is none).
    """
    if _state.writer is None or isinstance(_state.writer, NoopSummaryWriter):
        return False
    if not _state.conditions:
        return True
    condition = _state.conditions[-1]
    if callable(condition):
        condition = condition()
    return bool(condition)


def flush(writer=None, name=None):
    """Forces summary writer to send any buffered data to storage.

    Args:
        writer: The `SummaryWriter` to flush. Defaults to the default writer.
        name: Unused (TensorFlow's op name).
    """
    writer = _state.writer if writer is None else writer
    if writer is not None:
        writer.flush()


@contextlib.contextmanager
def summary_scope(name, default_name=None, values=None):
    """Yields `(tag, scope_name)` for a summary named `name` (no name scopes: both are `name`)."""
    name = name or default_name
    yield name, name


def _resolve_step(step):
    """`step`, or else the default step, as an int."""
    if step is None:
        step = _state.step
        if step is None:
            raise ValueError(
                "No step set. Please specify one either through the `step` argument or "
                "through tf.summary.experimental.set_step()"
            )
    return int(_to_numpy(step))


def _write_value(tag, step, make_tensor, metadata):
    """Writes one summary value if a writer is set and recording is on; returns whether it did.

    `make_tensor` is only called (and the data only read, e.g. from the device) when the value
    is actually written.
    """
    if _state.writer is None:
        return False
    step = _resolve_step(step)
    if not should_record_summaries():
        return False
    value = efw.summary_value(tag, efw.tensor_proto(make_tensor()), metadata)
    _state.writer._write([value], step)
    return True


def write(tag, tensor, step=None, metadata=None, name=None):
    """Writes a generic summary to the default writer, if one exists.

    Args:
        tag: String tag for the summary.
        tensor: The value (a tensor, array, Python value or a callable returning one).
        step: Explicit `int64`-castable monotonic step value for this summary. Defaults to
            `get_step()`, which must not be `None`.
        metadata: Optional `SummaryMetadata`, as a proto (with `SerializeToString`) or bytes.
        name: Unused (TensorFlow's op name).

    Returns:
        True on success, or False if no summary was written because no default summary writer
        was available.
    """
    if metadata is None:
        metadata = b""
    elif hasattr(metadata, "SerializeToString"):
        metadata = metadata.SerializeToString()
    return _write_value(tag, step, lambda: _to_numpy(tensor), bytes(metadata))


def write_raw_pb(tensor, step=None, name=None):
    """Writes serialized `Summary` protocol buffers (bytes, or a list of them) as events."""
    if _state.writer is None:
        return False
    step = _resolve_step(step)
    if not should_record_summaries():
        return False
    if isinstance(tensor, (bytes, str)):
        items = [tensor]
    elif isinstance(tensor, (list, tuple)):
        items = list(tensor)
    else:
        items = np.asarray(_to_numpy(tensor), dtype=object).reshape(-1).tolist()
    for data in items:
        _state.writer._write_raw(data.encode() if isinstance(data, str) else bytes(data), step)
    return True


def scalar(name, data, step=None, description=None):
    """Writes a scalar summary.

    Args:
        name: A name for this summary.
        data: A real numeric scalar value, convertible to a `float32` tensor.
        step: Explicit `int64`-castable monotonic step value for this summary. Defaults to
            `get_step()`, which must not be `None`.
        description: Optional long-form description for this summary, as a constant `str`.
            Markdown is supported. Defaults to empty.

    Returns:
        True on success, or false if no summary was written because no default summary writer
        was available.
    """

    def make_tensor():
        value = _to_numpy(data)
        if value.ndim != 0:
            raise ValueError(f"Expected scalar shape, saw shape: {value.shape}.")
        return value.astype(np.float32)

    return _write_value(name, step, make_tensor, efw.summary_metadata("scalars", b"", description))


def histogram_buckets(data, buckets=None):
    """The `[k, 3]` float64 array `[left_edge, right_edge, count]` TensorBoard stores.

    As TensorBoard's `summary_v2`: `buckets` (default 30) equal-width buckets from the min to the
    max; the max falls in the last bucket; all zeros for empty data; when all values are equal,
    every edge is that value and only the last bucket counts them.
    """
    k = 30 if buckets is None else max(0, int(buckets))
    data = np.asarray(data, dtype=np.float64).reshape(-1)
    if data.size == 0 or k == 0:
        return np.zeros((k, 3), dtype=np.float64)
    low, high = data.min(), data.max()
    span = high - low
    if span == 0:
        counts = np.zeros(k, dtype=np.float64)
        counts[-1] = data.size
        edges = np.full(k, high)
        return np.stack([edges, edges, counts], axis=1)
    indices = np.minimum(np.floor((data - low) / (span / k)).astype(np.int64), k - 1)
    counts = np.bincount(indices, minlength=k).astype(np.float64)
    edges = low + np.arange(k + 1, dtype=np.float64) * (span / k)
    edges[-1] = high  # exactly the max, as TensorBoard ensures
    return np.stack([edges[:-1], edges[1:], counts], axis=1)


def histogram(name, data, step=None, buckets=None, description=None):
    """Writes a histogram summary.

    Args:
        name: A name for this summary.
        data: A tensor of any shape. The histogram is computed over its elements, which must
            be castable to `float64`.
        step: Explicit `int64`-castable monotonic step value for this summary. Defaults to
            `get_step()`, which must not be `None`.
        buckets: Optional positive `int`. The output will have this many buckets, except in
            two edge cases. If there is no data, then there are no buckets. If there is data
            but all points have the same value, then all buckets' left and right endpoints are
            the same and only the last bucket has nonzero count. Defaults to 30 if not
            specified.
        description: Optional long-form description for this summary. Defaults to empty.

    Returns:
        True on success, or false if no summary was written because no default summary writer
        was available.
    """
    return _write_value(
        name,
        step,
        lambda: histogram_buckets(_to_numpy(data), buckets),
        efw.summary_metadata("histograms", b"", description),
    )


def text(name, data, step=None, description=None):
    """Writes a text summary.

    Args:
        name: A name for this summary.
        data: A UTF-8 string, or an array of strings.
        step: Explicit `int64`-castable monotonic step value for this summary. Defaults to
            `get_step()`, which must not be `None`.
        description: Optional long-form description for this summary. Defaults to empty.

    Returns:
        True on success, or false if no summary was written because no default summary writer
        was available.
    """

    def make_tensor():
        value = _to_numpy(data)
        if value.dtype.kind not in "USO":
            raise TypeError(f"tensor must be of type tf.string; got tf.{value.dtype}")
        return value.astype(object)

    return _write_value(name, step, make_tensor, efw.summary_metadata("text", b"", description))


def _to_uint8(images):
    """Images in [0, 1] (floats) or integers to uint8, as `tf.image.convert_image_dtype`."""
    if images.dtype == np.uint8:
        return images
    if images.dtype.kind == "f":
        scaled = images * images.dtype.type(255.5)  # 255.5: avoids rounding problems in the cast
        return np.clip(scaled, 0, 255).astype(np.uint8)
    if images.dtype.kind in "iu":
        # Integers: keep the top 8 bits of the range.
        shift = np.iinfo(images.dtype).bits - (1 if images.dtype.kind == "i" else 0) - 8
        return np.right_shift(images, shift).astype(np.uint8)
    if images.dtype == np.bool_:
        return images.astype(np.uint8)
    raise TypeError(f"tf.summary.image: unsupported image dtype. Received: dtype={images.dtype}")


def encode_png(image):
    """A `(height, width, channels)` uint8 array (1 to 4 channels) as PNG bytes."""
    height, width, channels = image.shape
    color_type = {1: 0, 2: 4, 3: 2, 4: 6}[channels]
    # Each row starts with filter type 0 (none).
    rows = np.concatenate(
        [np.zeros((height, 1), np.uint8), image.reshape(height, width * channels)], axis=1
    )

    def chunk(kind, payload):
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows.tobytes(), 6))
        + chunk(b"IEND", b"")
    )


def image(name, data, step=None, max_outputs=3, description=None):
    """Writes an image summary.

    Args:
        name: A name for this summary.
        data: A tensor representing pixel data with shape `[k, h, w, c]`, where `k` is the
            number of images, `h` and `w` are the height and width of the images, and `c` is
            the number of channels, which should be 1, 2, 3, or 4 (grayscale, grayscale with
            alpha, RGB, RGBA). Any of the dimensions may be statically unknown (i.e., `None`).
            Floating point data will be clipped to the range [0,1].
        step: Explicit `int64`-castable monotonic step value for this summary. Defaults to
            `get_step()`, which must not be `None`.
        max_outputs: Optional `int`. At most this many images will be emitted at each step.
            When more than `max_outputs` many images are provided, the first `max_outputs`
            many images will be used and the rest silently discarded. Defaults to `3`.
        description: Optional long-form description for this summary. Defaults to empty.

    Returns:
        True on success, or false if no summary was written because no default summary writer
        was available.
    """

    def make_tensor():
        images = _to_numpy(data)
        if images.ndim != 4:
            raise ValueError(
                f"Tensor  must have rank 4.  Received rank {images.ndim}, shape {images.shape}"
            )
        if images.shape[-1] not in (1, 2, 3, 4):
            raise ValueError(
                f"image must have 1, 2, 3, or 4 channels, got {images.shape[-1]}"
            )
        images = _to_uint8(images)
        pngs = [encode_png(picture) for picture in images[: max(0, int(max_outputs))]]
        dims = [str(images.shape[2]).encode(), str(images.shape[1]).encode()]
        return np.array(dims + pngs, dtype=object)

    return _write_value(name, step, make_tensor, efw.summary_metadata("images", b"", description))


def encode_wav(audio, sample_rate):
    """A `(frames, channels)` float array in [-1, 1] as 16-bit PCM WAV bytes.

    As `tf.audio.encode_wav`: samples are scaled by 32768, rounded half away from zero and
    clipped to the int16 range.
    """
    frames, channels = audio.shape
    scaled = np.clip(audio.astype(np.float32), -1.0, 1.0) * np.float32(32768)
    rounded = np.sign(scaled) * np.floor(np.abs(scaled) + np.float32(0.5))
    samples = np.clip(rounded, -32768, 32767).astype("<i2").tobytes()
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF", 36 + len(samples), b"WAVE", b"fmt ", 16, 1, channels, sample_rate,
        sample_rate * channels * 2, channels * 2, 16, b"data", len(samples),
    )
    return header + samples


def audio(name, data, sample_rate, step=None, max_outputs=3, encoding=None, description=None):
    """Writes an audio summary.

    Args:
        name: A name for this summary.
        data: A tensor representing audio data with shape `[k, t, c]`, where `k` is the number
            of audio clips, `t` is the number of frames, and `c` is the number of channels.
            Elements should be floating-point values in `[-1.0, 1.0]`.
        sample_rate: An `int` that represents the sample rate, in Hz. Must be positive.
        step: Explicit `int64`-castable monotonic step value for this summary. Defaults to
            `get_step()`, which must not be `None`.
        max_outputs: Optional `int`. At most this many audio clips will be emitted at each
            step. When more than `max_outputs` many clips are provided, the first `max_outputs`
            many clips will be used and the rest silently discarded. Defaults to `3`.
        encoding: Optional constant `str` for the desired encoding. Only "wav" is currently
            supported, but this is not guaranteed to remain the default, so if you want "wav"
            in particular, set this explicitly.
        description: Optional long-form description for this summary. Defaults to empty.

    Returns:
        True on success, or false if no summary was written because no default summary writer
        was available.
    """
    if encoding is None:
        encoding = "wav"
    if encoding != "wav":
        raise ValueError("Unknown encoding: %r" % encoding)

    def make_tensor():
        clips = _to_numpy(data)
        if clips.ndim != 3:
            raise ValueError(
                f"Tensor  must have rank 3.  Received rank {clips.ndim}, shape {clips.shape}"
            )
        rate = int(_to_numpy(sample_rate))
        encoded = [encode_wav(clip, rate) for clip in clips[: max(0, int(max_outputs))]]
        return np.array([[clip, b""] for clip in encoded], dtype=object).reshape(-1, 2)

    # AudioPluginData(version=0, encoding=WAV (11)), serialized.
    metadata = efw.summary_metadata("audio", b"\x10\x0b", description)
    return _write_value(name, step, make_tensor, metadata)


@atexit.register
def _flush_all():
    # Buffered summaries reach the disk when the program ends, as TensorFlow's writers do.
    for writer in list(_open_writers):
        writer.flush()
