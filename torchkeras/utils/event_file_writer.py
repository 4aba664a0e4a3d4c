"""`EventFileWriter`: TensorBoard event files (`events.out.tfevents.*`) in pure Python.

An event file is a TFRecord file of serialized `tensorflow.Event` protocol buffers. Neither
TensorFlow, TensorBoard nor `protobuf` is needed: this module writes the few messages involved
by hand in the protobuf wire format, frames them as TFRecords (length, masked CRC32C of the
length, payload, masked CRC32C of the payload) and names the file as TensorFlow 2 does, so
TensorBoard reads the result exactly like a file written by `tf.summary`.

The summaries are laid out as TensorFlow 2 writes them: a `tensor` summary value carrying
`SummaryMetadata.plugin_data.plugin_name` (`"scalars"`, `"histograms"`, `"text"`, `"images"`,
`"audio"`), fields in field-number order, so a record is byte-identical to TensorFlow's for the
same wall time. `read_events` decodes such files back (for tests, and to read logs without
TensorFlow).
"""

import functools
import itertools
import os
import socket
import struct
import time

import numpy as np

# -- CRC32C (Castagnoli), as TFRecord framing requires ------------------------------------------


@functools.lru_cache(maxsize=None)
def _crc_tables():
    """The CRC32C byte table and the 7 tables of "slicing-by-8" (8 bytes per loop turn).

    Built on first use, not at import."""
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        table.append(crc)
    tables = [table]
    for _ in range(7):
        previous = tables[-1]
        tables.append([(previous[i] >> 8) ^ table[previous[i] & 0xFF] for i in range(256)])
    return [tuple(t) for t in tables]


def crc32c(data):
    """The CRC32C checksum of `data` (bytes)."""
    t0, t1, t2, t3, t4, t5, t6, t7 = _crc_tables()
    crc = 0xFFFFFFFF
    data = memoryview(bytes(data))
    whole = len(data) - len(data) % 8
    # Eight bytes per turn: this pure-Python loop dominates when logging large images.
    for low, high in struct.iter_unpack("<II", data[:whole]):
        crc ^= low
        crc = (
            t7[crc & 0xFF] ^ t6[(crc >> 8) & 0xFF] ^ t5[(crc >> 16) & 0xFF] ^ t4[crc >> 24]
            ^ t3[high & 0xFF] ^ t2[(high >> 8) & 0xFF] ^ t1[(high >> 16) & 0xFF] ^ t0[high >> 24]
        )
    for byte in data[whole:]:
        crc = t0[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def masked_crc32c(data):
    """TFRecord's masked CRC32C: rotated right by 15 bits, plus a constant."""
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def tfrecord(payload):
    """`payload` framed as one TFRecord."""
    length = struct.pack("<Q", len(payload))
    return b"".join(
        (
            length,
            struct.pack("<I", masked_crc32c(length)),
            payload,
            struct.pack("<I", masked_crc32c(payload)),
        )
    )


# -- protobuf wire format ------------------------------------------------------------------------


def _varint(value):
    value &= 0xFFFFFFFFFFFFFFFF  # negative int64s take 10 bytes, as protobuf writes them
    out = bytearray()
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _key(field, wire_type):
    return _varint((field << 3) | wire_type)


def _int_field(field, value):
    return _key(field, 0) + _varint(value) if value else b""


def _double_field(field, value):
    return _key(field, 1) + struct.pack("<d", value)


def _bytes_field(field, value, keep_empty=False):
    if not value and not keep_empty:
        return b""
    if isinstance(value, str):
        value = value.encode("utf-8")
    return _key(field, 2) + _varint(len(value)) + value


# TensorFlow's `DataType` enum values for the dtypes summaries use.
DT_FLOAT, DT_DOUBLE, DT_INT32, DT_STRING, DT_INT64, DT_BOOL = 1, 2, 3, 7, 9, 10
_NUMPY_TO_DT = {
    np.dtype("float32"): DT_FLOAT,
    np.dtype("float64"): DT_DOUBLE,
    np.dtype("int32"): DT_INT32,
    np.dtype("int64"): DT_INT64,
    np.dtype("bool"): DT_BOOL,
}
_DT_TO_NUMPY = {dt: dtype for dtype, dt in _NUMPY_TO_DT.items()}


def tensor_proto(value):
    """A serialized `TensorProto` for a NumPy array (numbers, bool, or strings/bytes).

    Numbers go to `tensor_content` (little-endian, row-major) and strings to `string_val`, as
    TensorFlow's `make_tensor_proto` writes them.
    """
    array = np.asarray(value)
    shape = b"".join(_bytes_field(2, _int_field(1, dim), keep_empty=True) for dim in array.shape)
    if array.dtype.kind in "USO":
        dtype = DT_STRING
        content = b"".join(
            _bytes_field(8, item if isinstance(item, bytes) else str(item), keep_empty=True)
            for item in array.reshape(-1).tolist()
        )
    else:
        if array.dtype not in _NUMPY_TO_DT:
            raise TypeError(
                f"Summary tensors must be float32, float64, int32, int64, bool or strings. "
                f"Received: dtype={array.dtype}"
            )
        dtype = _NUMPY_TO_DT[array.dtype]
        little_endian = np.ascontiguousarray(array).astype(array.dtype.newbyteorder("<"))
        content = _bytes_field(4, little_endian.tobytes())
    return _int_field(1, dtype) + _bytes_field(2, shape, keep_empty=True) + content


def summary_metadata(plugin_name, content=b"", description=None):
    """A serialized `SummaryMetadata` naming the TensorBoard plugin that reads the value."""
    plugin_data = _bytes_field(1, plugin_name) + _bytes_field(2, content)
    return _bytes_field(1, plugin_data, keep_empty=True) + _bytes_field(3, description or "")


def summary_value(tag, tensor, metadata):
    """A serialized `Summary.Value` holding an already serialized `TensorProto` and metadata."""
    return (
        _bytes_field(1, tag, keep_empty=True)
        + _bytes_field(8, tensor, keep_empty=True)
        + _bytes_field(9, metadata, keep_empty=True)
    )


def summary_event(wall_time, step, values):
    """A serialized `Event` with a `Summary` made of the serialized `values`."""
    summary = b"".join(_bytes_field(1, value, keep_empty=True) for value in values)
    return raw_summary_event(wall_time, step, summary)


def raw_summary_event(wall_time, step, summary):
    """A serialized `Event` holding an already serialized `Summary`."""
    return (
        _double_field(1, wall_time)
        + _int_field(2, step)
        + _bytes_field(5, summary, keep_empty=True)
    )


def file_version_event(wall_time):
    """The first event of every file: the format version and the writer's name."""
    source = _bytes_field(1, "tensorflow.core.util.events_writer")
    return (
        _double_field(1, wall_time)
        + _bytes_field(3, "brain.Event:2")
        + _bytes_field(10, source, keep_empty=True)
    )


# -- the file ------------------------------------------------------------------------------------

# TensorFlow numbers the event files of a process 0, 1, 2, ...: two writers created in the same
# second never share a file name.
_file_counter = itertools.count()


class EventFileWriter:
    """Writes TensorBoard events to a new file in `logdir`.

    The file is named `events.out.tfevents.<seconds>.<host>.<pid>.<n>.v2` (plus
    `filename_suffix`), as TensorFlow 2 names it, and starts with the `brain.Event:2` file-version
    event. Records are buffered and written out every `max_queue` events, every `flush_millis`
    milliseconds (checked when an event is added), on `flush()` and on `close()`.

    Args:
        logdir: Directory of the file; created if missing.
        max_queue: Largest number of events kept in memory before they are written out.
            Defaults to `10`.
        flush_millis: Largest interval between two writes to disk, in milliseconds.
            Defaults to `120000`.
        filename_suffix: Appended to the file name. Defaults to `".v2"`.
    """

    def __init__(self, logdir, max_queue=None, flush_millis=None, filename_suffix=None):
        self.logdir = os.fspath(logdir)
        self.max_queue = 10 if max_queue is None else max_queue
        self.flush_millis = 120000 if flush_millis is None else flush_millis
        os.makedirs(self.logdir, exist_ok=True)
        now = time.time()
        suffix = ".v2" if filename_suffix is None else filename_suffix
        name = (
            f"events.out.tfevents.{int(now)}.{socket.gethostname()}.{os.getpid()}."
            f"{next(_file_counter)}{suffix}"
        )
        self.path = os.path.join(self.logdir, name)
        self._file = open(self.path, "wb")
        self._queue = []
        self._last_flush = now
        self.closed = False
        # The first record is on disk at once, so TensorBoard sees the run immediately.
        self._queue.append(tfrecord(file_version_event(float(int(now)))))
        self.flush()

    def add_event(self, event):
        """Queues a serialized `Event`."""
        if self.closed:
            raise RuntimeError(f"EventFileWriter: the file {self.path} is already closed.")
        self._queue.append(tfrecord(event))
        if (
            len(self._queue) >= self.max_queue
            or (time.time() - self._last_flush) * 1000 >= self.flush_millis
        ):
            self.flush()

    def add_summary(self, values, step, wall_time=None):
        """Queues an event holding the serialized summary `values` at `step`."""
        wall_time = time.time() if wall_time is None else wall_time
        self.add_event(summary_event(wall_time, int(step), values))

    def add_raw_summary(self, summary, step, wall_time=None):
        """Queues an event holding the serialized `Summary` message `summary` at `step`."""
        wall_time = time.time() if wall_time is None else wall_time
        self.add_event(raw_summary_event(wall_time, int(step), summary))

    def flush(self):
        """Writes the queued events to disk."""
        if self.closed:
            return
        if self._queue:
            self._file.write(b"".join(self._queue))
            self._queue = []
        self._file.flush()
        self._last_flush = time.time()

    def close(self):
        """Flushes and closes the file. Further events raise a `RuntimeError`."""
        if not self.closed:
            self.flush()
            self._file.close()
            self.closed = True

    def __del__(self):
        # A writer dropped without `close()` still saves its queued events.
        try:
            self.close()
        except Exception:
            pass


# -- reading -------------------------------------------------------------------------------------


def _parse(data):
    """Protobuf wire format -> {field: [values]} (varints as ints, others as bytes)."""
    fields = {}
    pos, end = 0, len(data)
    while pos < end:
        key, pos = _read_varint(data, pos)
        field, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, pos = _read_varint(data, pos)
        elif wire_type == 1:
            value, pos = data[pos : pos + 8], pos + 8
        elif wire_type == 2:
            length, pos = _read_varint(data, pos)
            value, pos = data[pos : pos + length], pos + length
        elif wire_type == 5:
            value, pos = data[pos : pos + 4], pos + 4
        else:
            raise ValueError(f"read_events: unsupported protobuf wire type {wire_type}.")
        fields.setdefault(field, []).append(value)
    return fields


def _read_varint(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, pos


def _first(fields, field, default=None):
    return fields[field][0] if field in fields else default


def _decode_tensor(data):
    fields = _parse(data)
    dtype = _first(fields, 1, 0)
    shape = tuple(
        _first(_parse(dim), 1, 0) for dim in _parse(_first(fields, 2, b"")).get(2, [])
    )
    if dtype == DT_STRING:
        return np.array(fields.get(8, []), dtype=object).reshape(shape)
    numpy_dtype = _DT_TO_NUMPY[dtype].newbyteorder("<")
    if 4 in fields:
        return np.frombuffer(fields[4][0], dtype=numpy_dtype).reshape(shape).copy()
    # Values in the typed repeated fields (packed): float_val 5, double_val 6, int_val 7, int64 10.
    packed = {DT_FLOAT: (5, "<f"), DT_DOUBLE: (6, "<d")}
    if dtype in packed and packed[dtype][0] in fields:
        raw = b"".join(fields[packed[dtype][0]])
        values = np.frombuffer(raw, dtype=packed[dtype][1])
    else:
        values = np.array([v for f in (7, 10, 11) for v in fields.get(f, [])], dtype=numpy_dtype)
    if values.size == 1 and int(np.prod(shape)) != 1:
        values = np.full(shape, values[0])
    return values.astype(numpy_dtype).reshape(shape)


def _decode_value(data):
    fields = _parse(data)
    value = {"tag": _first(fields, 1, b"").decode("utf-8")}
    metadata = _parse(_first(fields, 9, b""))
    plugin_data = _parse(_first(metadata, 1, b""))
    value["plugin_name"] = _first(plugin_data, 1, b"").decode("utf-8")
    value["plugin_content"] = _first(plugin_data, 2, b"")
    value["description"] = _first(metadata, 3, b"").decode("utf-8")
    if 2 in fields:
        value["simple_value"] = struct.unpack("<f", fields[2][0])[0]
    if 8 in fields:
        value["tensor"] = _decode_tensor(fields[8][0])
    return value


def read_records(path):
    """The payloads of the TFRecord file `path`, checking both checksums of every record."""
    with open(path, "rb") as f:
        data = f.read()
    records, pos = [], 0
    while pos < len(data):
        header = data[pos : pos + 8]
        if len(header) < 8 or struct.unpack("<I", data[pos + 8 : pos + 12])[0] != masked_crc32c(
            header
        ):
            raise ValueError(f"read_events: corrupt record header at byte {pos} of {path}.")
        (length,) = struct.unpack("<Q", header)
        payload = data[pos + 12 : pos + 12 + length]
        (crc,) = struct.unpack("<I", data[pos + 12 + length : pos + 16 + length] or b"\0\0\0\0")
        if len(payload) != length or crc != masked_crc32c(payload):
            raise ValueError(f"read_events: corrupt record at byte {pos} of {path}.")
        records.append(payload)
        pos += 16 + length
    return records


def read_events(path):
    """Decodes a TensorBoard event file.

    Args:
        path: Path of an `events.out.tfevents.*` file.

    Returns:
        A list of dicts, one per event: `wall_time`, `step`, and `file_version` (first event)
        or `summary`: a list of dicts with `tag`, `plugin_name`, `plugin_content`,
        `description`, and `tensor` (a NumPy array; strings as `bytes` objects) or
        `simple_value`.
    """
    events = []
    for record in read_records(path):
        fields = _parse(record)
        event = {
            "wall_time": struct.unpack("<d", _first(fields, 1, b"\0" * 8))[0],
            "step": _first(fields, 2, 0),
        }
        if event["step"] >= 1 << 63:
            event["step"] -= 1 << 64
        if 3 in fields:
            event["file_version"] = fields[3][0].decode("utf-8")
        if 5 in fields:
            event["summary"] = [_decode_value(v) for v in _parse(fields[5][0]).get(1, [])]
        events.append(event)
    return events
