"""EventFileWriter: TFRecord framing, protobuf bytes identical to TensorFlow's, reading back.

`fixtures/tf_summaries.tfevents` was written by TensorFlow 2.21 + TensorBoard 2.21
(`fixtures/make_tf_summaries.py`); its values were checked there with
`tf.compat.v1.train.summary_iterator`.
"""

import os
import re
import struct

import numpy as np
import pytest

from torchkeras.utils import event_file_writer as efw

FIXTURE = os.path.join(os.path.dirname(__file__), "fixtures", "tf_summaries.tfevents")


def test_crc32c_check_values():
    # The CRC-32C check value (RFC 3720 / iSCSI) and the all-zero 32-byte vector.
    assert efw.crc32c(b"123456789") == 0xE3069283
    assert efw.crc32c(bytes(32)) == 0x8A9136AA
    assert efw.crc32c(b"") == 0


def test_crc32c_equals_the_bitwise_definition():
    def bitwise(data):  # reflected polynomial 0x82F63B78, one bit at a time
        crc = 0xFFFFFFFF
        for byte in data:
            crc ^= byte
            for _ in range(8):
                crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        return crc ^ 0xFFFFFFFF

    data = bytes(range(256)) * 2
    for length in list(range(0, 20)) + [63, 64, 65, 512]:
        assert efw.crc32c(data[:length]) == bitwise(data[:length]), length


def test_tfrecord_framing():
    record = efw.tfrecord(b"abc")
    assert record[:8] == struct.pack("<Q", 3)
    assert record[12:15] == b"abc"
    crc = efw.crc32c(b"abc")
    masked = (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF
    assert struct.unpack("<I", record[15:])[0] == masked
    assert struct.unpack("<I", record[8:12])[0] == efw.masked_crc32c(struct.pack("<Q", 3))


def test_reads_the_tensorflow_written_file():
    events = efw.read_events(FIXTURE)
    # from TensorFlow 2.21 (summary_iterator on the same file)
    assert events[0]["file_version"] == "brain.Event:2"
    assert events[0]["wall_time"] == 1795621050.0
    assert [e["step"] for e in events] == [0, 0, 1, 2, 3, 4, 5, 6, 7, 8]
    tags = [(v["tag"], v["plugin_name"]) for e in events[1:] for v in e["summary"]]
    assert tags == [
        ("loss", "scalars"), ("loss", "scalars"), ("int", "scalars"), ("h", "histograms"),
        ("h5", "histograms"), ("hc", "histograms"), ("he", "histograms"), ("t", "text"),
        ("im", "images"),
    ]
    scalars = [e["summary"][0]["tensor"] for e in events[1:4]]
    assert [s.dtype for s in scalars] == [np.float32] * 3
    assert [float(s) for s in scalars] == [0.5, 0.25, 3.0]
    h5 = events[5]["summary"][0]["tensor"]
    np.testing.assert_array_equal(
        h5,
        [[1.0, 1.4, 1.0], [1.4, 1.8, 0.0], [1.8, 2.2, 1.0], [2.2, 2.6, 0.0], [2.6, 3.0, 1.0]],
    )
    assert events[7]["summary"][0]["tensor"].shape == (30, 3)
    assert not events[7]["summary"][0]["tensor"].any()
    assert events[8]["summary"][0]["tensor"][()] == b"hello"
    image = events[9]["summary"][0]["tensor"]
    assert image.shape == (3,) and list(image[:2]) == [b"2", b"2"]
    assert image[2].startswith(b"\x89PNG\r\n\x1a\n")


def test_encoding_is_byte_identical_to_tensorflow():
    records = efw.read_records(FIXTURE)
    events = efw.read_events(FIXTURE)
    assert efw.file_version_event(events[0]["wall_time"]) == records[0]
    for record, event in zip(records[1:], events[1:]):
        values = [
            efw.summary_value(
                v["tag"],
                efw.tensor_proto(v["tensor"]),
                efw.summary_metadata(v["plugin_name"], v["plugin_content"], v["description"]),
            )
            for v in event["summary"]
        ]
        assert efw.summary_event(event["wall_time"], event["step"], values) == record
    assert b"".join(efw.tfrecord(r) for r in records) == open(FIXTURE, "rb").read()


def test_tensor_proto_round_trip_and_negative_step(tmp_path):
    writer = efw.EventFileWriter(tmp_path)
    values = {
        "i64": np.array([[-3, 4]], dtype=np.int64),
        "i32": np.array([7], dtype=np.int32),
        "b": np.array([True, False]),
        "s": np.array(["a", "bc"]),
        "empty": np.zeros((0, 3)),
    }
    for tag, value in values.items():
        writer.add_summary(
            [efw.summary_value(tag, efw.tensor_proto(value), efw.summary_metadata("p"))], step=-1
        )
    writer.close()
    events = efw.read_events(writer.path)[1:]
    assert [e["step"] for e in events] == [-1] * 5
    for event, (tag, value) in zip(events, values.items()):
        got = event["summary"][0]["tensor"]
        assert event["summary"][0]["tag"] == tag
        if value.dtype.kind == "U":
            assert got.tolist() == [b"a", b"bc"]
        else:
            assert got.dtype == value.dtype and got.shape == value.shape
            np.testing.assert_array_equal(got, value)


def test_file_name_first_event_and_flushing(tmp_path):
    writer = efw.EventFileWriter(tmp_path / "run", max_queue=3, filename_suffix=".x")
    name = os.path.basename(writer.path)
    assert re.fullmatch(r"events\.out\.tfevents\.\d+\.[^.]+.*\.\d+\.\d+\.x", name)
    # The file-version event is on disk at once.
    first = efw.read_events(writer.path)
    assert len(first) == 1 and first[0]["file_version"] == "brain.Event:2"
    assert first[0]["wall_time"] == int(first[0]["wall_time"])
    value = efw.summary_value("x", efw.tensor_proto(np.float32(1)), efw.summary_metadata("scalars"))
    writer.add_summary([value], step=1)
    writer.add_summary([value], step=2)
    assert len(efw.read_events(writer.path)) == 1  # queued
    writer.add_summary([value], step=3)  # the queue reaches max_queue: written
    assert len(efw.read_events(writer.path)) == 4
    writer.add_summary([value], step=4)
    writer.flush()
    assert len(efw.read_events(writer.path)) == 5
    writer.close()
    writer.close()  # closing twice is harmless
    with pytest.raises(RuntimeError, match=r"^EventFileWriter: the file .* is already closed\.$"):
        writer.add_summary([value], step=5)
    # Two writers in the same second get different names.
    assert efw.EventFileWriter(tmp_path / "run").path != writer.path


def test_dropped_writer_saves_its_queue(tmp_path):
    writer = efw.EventFileWriter(tmp_path)
    value = efw.summary_value("x", efw.tensor_proto(np.float32(1)), efw.summary_metadata("s"))
    writer.add_summary([value], step=1)
    path = writer.path
    del writer
    assert [e["step"] for e in efw.read_events(path)] == [0, 1]


def test_corrupt_records_are_detected(tmp_path):
    path = tmp_path / "events.out.tfevents.bad"
    good = efw.tfrecord(efw.file_version_event(1.0))
    path.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))
    with pytest.raises(ValueError, match=r"^read_events: corrupt record at byte 0 of .*\.$"):
        efw.read_events(path)
    path.write_bytes(good + b"\x05\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")
    with pytest.raises(
        ValueError, match=rf"^read_events: corrupt record header at byte {len(good)} of"
    ):
        efw.read_events(path)


def test_unsupported_dtype():
    with pytest.raises(
        TypeError,
        match=r"^Summary tensors must be float32, float64, int32, int64, bool or strings\. "
        r"Received: dtype=complex64$",
    ):
        efw.tensor_proto(np.zeros(2, np.complex64))


def test_unsupported_wire_type():
    with pytest.raises(ValueError, match=r"^read_events: unsupported protobuf wire type 3\.$"):
        efw._parse(b"\x0b")
