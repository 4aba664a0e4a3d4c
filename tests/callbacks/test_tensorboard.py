"""TensorBoard: the runs, tags, steps and values Keras 3.15.1 (TensorFlow backend) writes.

`fixtures/tensorboard_keras.json` holds what Keras 3.15.1 wrote for `_fit_and_evaluate` (same
model, weights and data, `shuffle=False`), decoded: per event file (run and creation order),
`[step, tag, plugin, value]` rows; images as decoded pixels.
"""

import io
import json
import os

import numpy as np
import pytest

import torchkeras as keras
from torchkeras import callbacks as cbks
from torchkeras.utils import event_file_writer as efw
from torchkeras.utils import summary_writer

GOLDEN = os.path.join(os.path.dirname(__file__), "fixtures", "tensorboard_keras.json")


@pytest.fixture(autouse=True)
def _no_leftover_state():
    yield
    summary_writer._state.writer = None
    summary_writer._state.step = None


def _model():
    model = keras.Sequential(
        [
            keras.Input((2,)),
            keras.layers.Dense(3, name="d1"),
            keras.layers.Dense(1, activation="sigmoid", name="d2"),
        ]
    )
    model.set_weights(
        [
            np.array([[0.5, -0.25, 0.75], [-0.5, 1.0, 0.25]], "float32"),
            np.array([0.1, 0.0, -0.1], "float32"),
            np.array([[1.0], [-0.5], [0.25]], "float32"),
            np.array([0.05], "float32"),
        ]
    )
    model.compile(keras.optimizers.SGD(0.1), "binary_crossentropy", metrics=["accuracy"])
    return model


def _data():
    x = np.arange(40, dtype="float32").reshape(20, 2) / 40
    return x, (x[:, :1] > 0.5).astype("float32")


def _files(log_dir):
    """Event files by run, in creation order (the per-process counter in the name)."""
    paths = [
        os.path.join(log_dir, run, name)
        for run in ("train", "validation")
        if os.path.isdir(os.path.join(log_dir, run))
        for name in os.listdir(os.path.join(log_dir, run))
        if name.startswith("events.out.tfevents.")
    ]
    return sorted(paths, key=lambda p: int(p.split(".")[-2]))


def _rows(path, image_module=None):
    rows = []
    for event in efw.read_events(path):
        for value in event.get("summary", []):
            tensor, plugin = value["tensor"], value["plugin_name"]
            if plugin in ("scalars", "histograms"):
                decoded = tensor.tolist()
            elif plugin == "images" and image_module is not None:
                decoded = [tensor[0].decode(), tensor[1].decode()] + [
                    np.asarray(image_module.open(io.BytesIO(png))).tolist() for png in tensor[2:]
                ]
            else:
                decoded = None
            rows.append([event["step"], value["tag"], plugin, decoded])
    return rows


def test_fit_and_evaluate_match_keras(tmp_path):
    try:
        from PIL import Image as image_module
    except ImportError:
        image_module = None
    model = _model()
    x, y = _data()
    callback = cbks.TensorBoard(tmp_path, histogram_freq=1, write_images=True, update_freq=2)
    model.fit(
        x, y, batch_size=8, epochs=2, validation_split=0.2, callbacks=[callback], verbose=0,
        shuffle=False,
    )
    model.evaluate(x, y, callbacks=[callback], verbose=0)
    with open(GOLDEN) as f:
        golden = json.load(f)
    files = _files(tmp_path)
    # from keras 3.15.1: fit makes train/ and validation/ files, evaluate (a new set_model)
    # another pair; only steps where the global batch count % update_freq == 0 are recorded.
    assert [os.path.basename(os.path.dirname(p)) for p in files] == [
        "train", "validation", "train", "validation"
    ]
    for path, (name, expected) in zip(files, golden.items()):
        rows = _rows(path, image_module)
        assert [r[:3] for r in rows] == [e[:3] for e in expected], name
        for row, reference in zip(rows, expected):
            if row[2] in ("scalars", "histograms"):
                np.testing.assert_allclose(row[3], reference[3], atol=2e-6, err_msg=row[1])
            elif row[2] == "images" and image_module is not None:
                assert row[3] == reference[3], row[1]
    # The model's config for TensorBoard's graph dashboard.
    keras_value = efw.read_events(files[0])[1]["summary"][0]
    assert keras_value["tensor"][()].decode() == model.to_json()
    assert (keras_value["plugin_name"], keras_value["plugin_content"]) == (
        "graph_keras_model", b"1"
    )


def test_epoch_mode_needs_no_batch_hooks(tmp_path):
    callback = cbks.TensorBoard(tmp_path, write_graph=False)
    callback_list = cbks.CallbackList([callback], model=_model())
    # No batch hook is called, so the batch logs never leave the device.
    assert callback_list._batch_plans["on_train_batch_end"] is None
    assert callback_list._batch_plans["on_test_batch_begin"] is None
    assert not os.path.exists(os.path.join(tmp_path, "train"))  # nothing written yet
    assert cbks.TensorBoard(tmp_path, update_freq="batch").update_freq == 1
    assert cbks.TensorBoard(tmp_path, update_freq=3)._implements_train_batch_hooks()
    assert cbks.TensorBoard(tmp_path, write_steps_per_second=True)._implements_train_batch_hooks()


def test_epoch_mode_tags(tmp_path):
    model = _model()
    x, y = _data()
    callback = cbks.TensorBoard(tmp_path, write_graph=False, write_steps_per_second=True)
    model.fit(x, y, batch_size=10, epochs=2, validation_data=(x, y), callbacks=[callback],
              verbose=0)
    train, val = _files(tmp_path)
    # from keras 3.15.1 (same arguments): epoch scalars per run, evaluation after each epoch
    # at the optimizer's iterations; batch_steps_per_second is not recorded in epoch mode.
    assert [r[:2] for r in _rows(train)] == [
        [e, t] for e in (0, 1) for t in (
            "epoch_accuracy", "epoch_loss", "epoch_learning_rate", "epoch_steps_per_second"
        )
    ]
    assert [r[:2] for r in _rows(val)] == [
        [2, "evaluation_accuracy_vs_iterations"], [2, "evaluation_loss_vs_iterations"],
        [0, "epoch_accuracy"], [0, "epoch_loss"],
        [4, "evaluation_accuracy_vs_iterations"], [4, "evaluation_loss_vs_iterations"],
        [1, "epoch_accuracy"], [1, "epoch_loss"],
    ]
    assert all(r[3] > 0 for r in _rows(train) if r[1] == "epoch_steps_per_second")


def test_batch_logs_read_only_when_recorded(tmp_path):
    callback = cbks.TensorBoard(tmp_path, write_graph=False, update_freq=2)
    callback.set_model(_model())
    callback.on_train_begin()
    for batch in range(3):
        callback.on_train_batch_begin(batch)
        # Batch 1 (global batch 2) is recorded; the others must not read their logs.
        value = 0.5 if batch == 1 else _Unreadable()
        callback.on_train_batch_end(batch, {"loss": value})
    # Custom summaries inside the step use the callback's writer and the global batch.
    callback.on_train_batch_begin(3)
    assert summary_writer.scalar("custom", 2.0) is True
    callback.on_train_end()
    rows = _rows(_files(tmp_path)[0])
    assert [r[:2] for r in rows] == [[2, "batch_loss"], [4, "custom"]]
    assert summary_writer.get_default_writer() is None


class _Unreadable:
    def __array__(self, *args, **kwargs):
        raise AssertionError("a batch log was read although it is not recorded")


def test_user_default_writer_receives_batch_summaries(tmp_path):
    # As in Keras: with update_freq="epoch", batch summaries go to a writer set around fit.
    model = _model()
    x, y = _data()
    writer = summary_writer.create_file_writer(tmp_path / "user")
    with writer.as_default():
        model.fit(x, y, batch_size=10, epochs=1, verbose=0,
                  callbacks=[cbks.TensorBoard(tmp_path / "tb", write_graph=False)])
    writer.close()
    (path,) = [os.path.join(tmp_path / "user", n) for n in os.listdir(tmp_path / "user")]
    assert [r[:2] for r in _rows(path)] == [
        [1, "batch_accuracy"], [1, "batch_loss"], [2, "batch_accuracy"], [2, "batch_loss"]
    ]


def test_embeddings(tmp_path):
    inputs = keras.Input((3,), dtype="int32")
    e1 = keras.layers.Embedding(10, 2, name="e1")(inputs)
    e2 = keras.layers.Embedding(10, 2, name="e2")(inputs)
    merged = keras.layers.Flatten()(keras.layers.Concatenate()([e1, e2]))
    model = keras.Model(inputs, keras.layers.Dense(1)(merged))
    model.compile("sgd", "mse")
    x, y = np.arange(12).reshape(4, 3) % 10, np.zeros((4, 1))
    metadata = {"e1": "m1.tsv", "e2": 'q"x.tsv'}
    callback = cbks.TensorBoard(tmp_path, embeddings_freq=1, embeddings_metadata=metadata)
    model.fit(x, y, epochs=2, callbacks=[callback], verbose=0)
    tensor_name = '  tensor_name: "layer_with_weights-0/embeddings/.ATTRIBUTES/VARIABLE_VALUE"\n'
    # from keras 3.15.1
    assert (tmp_path / "projector_config.pbtxt").read_text() == (
        f'embeddings {{\n{tensor_name}  metadata_path: "m1.tsv"\n}}\n'
        f'embeddings {{\n{tensor_name}  metadata_path: "q\\"x.tsv"\n}}\n'
    )
    names = sorted(os.listdir(tmp_path / "train"))
    assert names[1:] == ["keras_embedding.ckpt-0.weights.h5", "keras_embedding.ckpt-1.weights.h5"]
    assert metadata == {"e1": "m1.tsv", "e2": 'q"x.tsv'}  # not consumed

    cbks.TensorBoard(tmp_path / "s", embeddings_freq=1, embeddings_metadata="all.tsv").set_model(
        model
    )
    assert (tmp_path / "s" / "projector_config.pbtxt").read_text().count(
        'metadata_path: "all.tsv"'
    ) == 2
    with pytest.raises(
        ValueError,
        match=r"^Unrecognized `Embedding` layer names passed to `keras\.callbacks\.TensorBoard` "
        r"`embeddings_metadata` argument: dict_keys\(\['zz'\]\)$",
    ):
        cbks.TensorBoard(tmp_path, embeddings_freq=1, embeddings_metadata={"zz": "a"}).set_model(
            model
        )


@pytest.mark.parametrize("value", [-1, (3, 1), 1.5, (1, 2, 3), "5"])
def test_profile_batch_errors(tmp_path, value):
    # from keras 3.15.1
    with pytest.raises(
        ValueError,
        match=r"^profile_batch must be a non-negative integer or 2-tuple of positive integers\. "
        r"A pair of positive integers signifies a range of batches to profile\. "
        rf"Found: {__import__('re').escape(str(value))}$",
    ):
        cbks.TensorBoard(tmp_path, profile_batch=value)
    with pytest.raises(ValueError, match=r"^invalid literal for int\(\) with base 10: 'a'$"):
        cbks.TensorBoard(tmp_path, profile_batch="a")


def test_profile_batch_writes_a_torch_trace(tmp_path):
    assert cbks.TensorBoard(tmp_path, profile_batch="2,3")._stop_batch == 3
    model = _model()
    x, y = _data()
    callback = cbks.TensorBoard(tmp_path, profile_batch=(2, 3), write_graph=False)
    model.fit(x, y, batch_size=4, epochs=1, callbacks=[callback], verbose=0)
    assert not callback._is_tracing
    traces = [n for n in os.listdir(tmp_path / "train") if n.endswith(".pt.trace.json")]
    assert len(traces) == 1


def test_tf_keras_2_legacy_arguments(tmp_path, caplog):
    # tf_keras 2.21 warns and ignores these; other unknown arguments are refused (Keras 3).
    with caplog.at_level("WARNING"):
        cbks.TensorBoard(tmp_path, batch_size=32, write_grads=True, embeddings_data=None)
    assert [r.getMessage() for r in caplog.records] == [
        "`batch_size` is no longer needed in the `TensorBoard` Callback and will be ignored "
        "in TensorFlow 2.0.",
        "`write_grads` will be ignored in TensorFlow 2.0 for the `TensorBoard` Callback.",
    ]
    with pytest.raises(
        TypeError, match=r"^TensorBoard\.__init__\(\) got an unexpected keyword argument 'foo'$"
    ):
        cbks.TensorBoard(tmp_path, foo=1)


def test_summaries_inside_call_land_in_the_train_run(tmp_path):
    # Keras's documented batch-level summaries, at the batch step (Keras 3.15.1 on TensorFlow
    # drops them; see compat/DIFFERENCES.md).
    def my_summary(x):
        summary_writer.histogram("x", x)
        return x

    inputs = keras.Input((2,))
    outputs = keras.layers.Lambda(my_summary)(keras.layers.Dense(3)(inputs))
    model = keras.Model(inputs, outputs)
    model.compile("sgd", "mse")
    callback = cbks.TensorBoard(tmp_path, update_freq=2, write_graph=False)
    model.fit(np.ones((8, 2)), np.ones((8, 3)), batch_size=2, epochs=1, verbose=0,
              callbacks=[callback])
    (train,) = _files(tmp_path)
    assert [r[:2] for r in _rows(train)] == [
        [2, "x"], [2, "batch_loss"], [4, "x"], [4, "batch_loss"],
        [0, "epoch_loss"], [0, "epoch_learning_rate"],
    ]
