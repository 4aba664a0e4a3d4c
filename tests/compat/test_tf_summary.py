"""The compat shim's `tf.summary`: same bytes as TensorFlow, the default writer/step/record_if.

The reference is `tests/utils/fixtures/tf_summaries.tfevents`, written by TensorFlow 2.21 +
TensorBoard 2.21 with the same calls as `_write_like_the_fixture` (see make_tf_summaries.py).
"""

import importlib
import io
import os

import numpy as np
import pytest
import torch

from torchkeras.utils import event_file_writer as efw
from torchkeras.utils import summary_writer

tf_summary = importlib.import_module("torchkeras.compat.tensorflow.summary")

FIXTURE = os.path.join(
    os.path.dirname(os.path.dirname(__file__)), "utils", "fixtures", "tf_summaries.tfevents"
)


@pytest.fixture(autouse=True)
def _no_leftover_state():
    yield
    # The default writer and step are process-wide: leave none behind for other tests.
    summary_writer._state.writer = None
    summary_writer._state.step = None


def _only_file(directory):
    (name,) = os.listdir(directory)
    return os.path.join(directory, name)


def _write_like_the_fixture(logdir):
    writer = tf_summary.create_file_writer(logdir)
    with writer.as_default():
        tf_summary.scalar("loss", 0.5, step=0)
        tf_summary.scalar("loss", np.float64(0.25), step=1)
        tf_summary.scalar("int", 3, step=2)
        tf_summary.histogram("h", np.array([0.0, 1.0, 2.0, 2.5, 10.0], np.float32), step=3)
        tf_summary.histogram("h5", np.array([1.0, 2.0, 3.0]), step=4, buckets=5)
        tf_summary.histogram("hc", np.array([3.0, 3.0]), step=5)
        tf_summary.histogram("he", np.zeros([0]), step=6)
        tf_summary.text("t", "hello", step=7)
        image = np.linspace(0, 1, 12, dtype=np.float32).reshape(1, 2, 2, 3)
        tf_summary.image("im", image, step=8)
    writer.close()
    return _only_file(logdir)


def test_records_equal_tensorflow_records(tmp_path):
    path = _write_like_the_fixture(tmp_path)
    ours, theirs = efw.read_records(path), efw.read_records(FIXTURE)
    assert len(ours) == len(theirs) == 10
    # Byte for byte after the wall time (key byte + 8-byte double), the PNG bytes excepted.
    for mine, reference in zip(ours[:-1], theirs[:-1]):
        assert mine[9:] == reference[9:]
    mine, reference = efw.read_events(path)[-1], efw.read_events(FIXTURE)[-1]
    assert mine["step"] == reference["step"] == 8
    ours_image, their_image = mine["summary"][0]["tensor"], reference["summary"][0]["tensor"]
    assert list(ours_image[:2]) == list(their_image[:2]) == [b"2", b"2"]
    image_module = pytest.importorskip("PIL.Image")
    pixels = [np.asarray(image_module.open(io.BytesIO(t[2]))) for t in (ours_image, their_image)]
    np.testing.assert_array_equal(pixels[0], pixels[1])
    # from TensorFlow 2.21: floor(x * 255.5), clipped to [0, 255]
    np.testing.assert_array_equal(
        pixels[0].reshape(-1), np.floor(np.linspace(0, 1, 12, dtype=np.float32) * 255.5)
    )


def test_histogram_buckets_closed_form():
    data = np.array([0.0, 1.0, 2.0, 2.5, 10.0])
    buckets = tf_summary_buckets(data, 4)
    np.testing.assert_array_equal(
        buckets, [[0, 2.5, 3], [2.5, 5, 1], [5, 7.5, 0], [7.5, 10, 1]]
    )
    assert tf_summary_buckets(data, 0).shape == (0, 3)
    np.testing.assert_array_equal(tf_summary_buckets([2.0], 3), [[2, 2, 0], [2, 2, 0], [2, 2, 1]])


def tf_summary_buckets(data, k):
    from torchkeras.utils.summary_writer import histogram_buckets

    return histogram_buckets(data, k)


def test_torch_tensors_and_default_step(tmp_path):
    writer = tf_summary.create_file_writer(tmp_path)
    assert isinstance(writer, tf_summary.SummaryWriter)
    with writer.as_default(step=7):
        assert tf_summary.experimental.get_step() == 7
        assert tf_summary.scalar("s", torch.tensor(1.5)) is True
        assert tf_summary.histogram("w", torch.ones(2, 2), step=torch.tensor(3)) is True
        assert tf_summary.text("t", ["a", "b"]) is True
        assert tf_summary.histogram("bf16", torch.ones(3, dtype=torch.bfloat16)) is True
    assert tf_summary.experimental.get_step() is None  # restored
    tf_summary.experimental.set_step(9)
    with writer.as_default():
        tf_summary.scalar("later", lambda: 2.0)
    writer.close()
    events = efw.read_events(_only_file(tmp_path))[1:]
    assert [(e["step"], e["summary"][0]["tag"]) for e in events] == [
        (7, "s"), (3, "w"), (7, "t"), (7, "bf16"), (9, "later")
    ]
    assert float(events[0]["summary"][0]["tensor"]) == 1.5
    np.testing.assert_array_equal(events[1]["summary"][0]["tensor"][-1], [1, 1, 4])
    assert events[2]["summary"][0]["tensor"].tolist() == [b"a", b"b"]
    assert events[3]["summary"][0]["tensor"][-1, 2] == 3
    assert float(events[4]["summary"][0]["tensor"]) == 2.0


def test_no_writer_no_step_and_record_if(tmp_path):
    # from TF 2.21: False without a default writer, whatever the step.
    assert tf_summary.scalar("x", 1.0) is False
    assert tf_summary.should_record_summaries() is False
    writer = tf_summary.create_file_writer(tmp_path)
    with writer.as_default():
        with pytest.raises(
            ValueError,
            match=r"^No step set\. Please specify one either through the `step` argument or "
            r"through tf\.summary\.experimental\.set_step\(\)$",
        ):
            tf_summary.scalar("x", 1.0)
        assert tf_summary.should_record_summaries() is True
        with tf_summary.record_if(False):
            assert tf_summary.scalar("off", 1.0, step=1) is False
            assert tf_summary.should_record_summaries() is False
            with tf_summary.record_if(lambda: True):
                assert tf_summary.scalar("on", 1.0, step=2) is True
        # Data is not read when nothing is recorded (no device sync).
        with tf_summary.record_if(lambda: False):
            assert tf_summary.scalar("lazy", _Unreadable(), step=3) is False
    writer.set_as_default(step=4)
    tf_summary.scalar("default", 1.0)
    tf_summary.flush()
    assert [e["summary"][0]["tag"] for e in efw.read_events(_only_file(tmp_path))[1:]] == [
        "on", "default"
    ]
    tf_summary.flush(writer)
    writer.close()
    with pytest.raises(RuntimeError, match=r"^SummaryWriter <.*> is already closed$"):
        writer.as_default().__enter__()
    with pytest.raises(RuntimeError, match=r"^SummaryWriter <.*> is already closed$"):
        tf_summary.scalar("closed", 1.0, step=1)
    writer.init()  # a closed writer starts a new file
    writer.set_as_default()
    assert tf_summary.scalar("reopened", 1.0, step=1) is True
    writer.close()
    assert len(os.listdir(tmp_path)) == 2
    tf_summary.create_noop_writer().set_as_default()
    assert tf_summary.scalar("noop", 1.0, step=1) is False


class _Unreadable:
    def __array__(self, *args, **kwargs):
        raise AssertionError("read although not recorded")


def test_write_and_write_raw_pb(tmp_path):
    writer = tf_summary.create_file_writer(tmp_path, max_queue=1, filename_suffix=".run")
    assert writer._file.path.endswith(".run")
    raw_value = efw.summary_value(
        "raw", efw.tensor_proto(np.float32(2.0)), efw.summary_metadata("scalars")
    )
    with writer.as_default(step=1):
        assert tf_summary.write("json", '{"a": 1}', metadata=efw.summary_metadata("x", b"1"))
        assert tf_summary.write("plain", np.arange(3, dtype=np.int64))
        assert tf_summary.experimental.write_raw_pb(efw._bytes_field(1, raw_value), step=2)
        with tf_summary.experimental.summary_scope("n", "d") as (tag, scope):
            assert (tag, scope) == ("n", "n")
    events = efw.read_events(_only_file(tmp_path))[1:]
    first, second, third = (e["summary"][0] for e in events)
    assert (first["tag"], first["plugin_name"], first["plugin_content"]) == ("json", "x", b"1")
    assert first["tensor"][()] == b'{"a": 1}'
    np.testing.assert_array_equal(second["tensor"], [0, 1, 2])
    assert events[2]["step"] == 2 and float(third["tensor"]) == 2.0


def test_errors(tmp_path):
    with pytest.raises(ValueError, match=r"^Argument `logdir` cannot be None$"):
        tf_summary.create_file_writer(None)
    writer = tf_summary.create_file_writer(tmp_path)
    with writer.as_default(step=0):
        # from TF 2.21
        with pytest.raises(ValueError, match=r"^Expected scalar shape, saw shape: \(2,\)\.$"):
            tf_summary.scalar("x", [1.0, 2.0])
        with pytest.raises(
            ValueError, match=r"^Tensor  must have rank 4\.  Received rank 3, shape \(2, 2, 3\)$"
        ):
            tf_summary.image("im", np.zeros((2, 2, 3)))
        with pytest.raises(ValueError, match=r"^image must have 1, 2, 3, or 4 channels, got 5$"):
            tf_summary.image("im", np.zeros((1, 2, 2, 5)))
        with pytest.raises(TypeError, match=r"^tensor must be of type tf\.string; got tf\.int64$"):
            tf_summary.text("t", np.int64(3))
        with pytest.raises(
            TypeError,
            match=r"^tf\.summary\.image: unsupported image dtype\. Received: dtype=complex64$",
        ):
            tf_summary.image("im", np.zeros((1, 1, 1, 1), np.complex64))
    writer.close()
    for name, call in [
        ("graph", lambda: tf_summary.graph(None)),
        ("trace_on", tf_summary.trace_on),
        ("trace_off", tf_summary.trace_off),
        ("trace_export", lambda: tf_summary.trace_export("t")),
    ]:
        with pytest.raises(
            NotImplementedError, match=rf"^tf\.summary\.{name} is not provided by torchkeras"
        ):
            call()


def test_image_conversions(tmp_path):
    image_module = pytest.importorskip("PIL.Image")
    writer = tf_summary.create_file_writer(tmp_path)
    with writer.as_default(step=0):
        tf_summary.image("u8", np.arange(2 * 3 * 1, dtype=np.uint8).reshape(2, 1, 3, 1) * 40)
        tf_summary.image("i32", np.full((1, 1, 1, 4), 2**30, np.int32), max_outputs=5)
        tf_summary.image("none", np.zeros((2, 1, 1, 2), np.float64), max_outputs=0)
        tf_summary.image("clip", np.array([-1.0, 0.5, 2.0]).reshape(1, 1, 3, 1))
    writer.close()
    events = efw.read_events(_only_file(tmp_path))[1:]
    tensors = [e["summary"][0]["tensor"] for e in events]

    def pixels(png):
        return np.asarray(image_module.open(io.BytesIO(png))).tolist()

    # 2 images of width 3, height 1 (max_outputs=3 keeps both)
    assert tensors[0][:2].tolist() == [b"3", b"1"] and len(tensors[0]) == 4
    assert pixels(tensors[0][2]) == [[0, 40, 80]] and pixels(tensors[0][3]) == [[120, 160, 200]]
    # from TF 2.21: int32 2**30 -> 128 (the top 8 bits)
    assert pixels(tensors[1][2]) == [[[128, 128, 128, 128]]]
    assert tensors[2].tolist() == [b"1", b"1"]
    assert pixels(tensors[3][2]) == [[0, 127, 255]]


def test_audio_equals_tensorflow(tmp_path):
    writer = tf_summary.create_file_writer(tmp_path)
    data = np.array(
        [[[0.0, 0.5], [-1.5, 0.25], [1.0, -0.00002]], [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]],
        np.float32,
    )
    with writer.as_default(step=3):
        assert tf_summary.audio("a", data, 8000, max_outputs=1, description="d") is True
        assert tf_summary.audio("b", torch.from_numpy(data), 16000, encoding="wav") is True
        with pytest.raises(ValueError, match=r"^Unknown encoding: 'mp3'$"):
            tf_summary.audio("c", data, 8000, encoding="mp3")
        with pytest.raises(
            ValueError, match=r"^Tensor  must have rank 3\.  Received rank 2, shape \(3, 2\)$"
        ):
            tf_summary.audio("c", data[0], 8000)
    writer.close()
    reference = os.path.join(os.path.dirname(FIXTURE), "tf_audio.tfevents")
    ours, theirs = efw.read_records(_only_file(tmp_path)), efw.read_records(reference)
    assert len(ours) == len(theirs) == 3
    # from TensorFlow 2.21 + TensorBoard 2.21: byte for byte after the wall time (WAV included:
    # samples * 32768, rounded half away from zero, clipped to int16).
    for mine, record in zip(ours, theirs):
        assert mine[9:] == record[9:]
