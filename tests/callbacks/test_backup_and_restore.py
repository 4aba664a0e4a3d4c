"""BackupAndRestore: an interrupted and resumed fit equals the uninterrupted one exactly."""

import json
import os
import signal
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import torchkeras as keras
from torchkeras import callbacks as cbks

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _data():
    rng = np.random.RandomState(0)
    return rng.rand(40, 5).astype("float32"), rng.rand(40, 1).astype("float32")


def _model():
    keras.utils.set_random_seed(1)
    model = keras.Sequential([
        keras.Input((5,)), keras.layers.Dense(8, activation="relu"),
        keras.layers.Dropout(0.5), keras.layers.Dense(1),
    ])
    model.compile(keras.optimizers.Adam(0.01), loss="mse")
    return model


class _Interrupt(cbks.Callback):
    """Raises at the start of epoch `epoch`, after batch `batch` when one is given."""

    def __init__(self, epoch, batch=None):
        super().__init__()
        self.epoch, self.batch, self._current = epoch, batch, None

    def on_epoch_begin(self, epoch, logs=None):
        self._current = epoch
        if epoch == self.epoch and self.batch is None:
            raise RuntimeError("Interrupting!")

    def _implements_train_batch_hooks(self):
        return self.batch is not None

    def on_train_batch_end(self, batch, logs=None):
        if self._current == self.epoch and batch == self.batch:
            raise RuntimeError("Interrupting!")


def _weights(model):
    return [w.numpy().copy() for w in model.weights] + [
        v.numpy().copy() for v in model.optimizer.variables
    ]


def _reference(epochs=4):
    x, y = _data()
    model = _model()
    history = model.fit(x, y, batch_size=8, epochs=epochs, shuffle=True, verbose=0)
    return _weights(model), history.history["loss"]


@pytest.mark.parametrize("save_freq,interrupt", [("epoch", (2, None)), (3, (2, 1))])
def test_interrupted_run_equals_uninterrupted(tmp_path, save_freq, interrupt):
    expected_weights, expected_loss = _reference()
    x, y = _data()
    backup = cbks.BackupAndRestore(tmp_path / "backup", save_freq=save_freq)
    model = _model()
    with pytest.raises(RuntimeError, match="Interrupting!"):
        model.fit(x, y, batch_size=8, epochs=4, verbose=0,
                  callbacks=[backup, _Interrupt(*interrupt)])
    # A fresh process would rebuild the model from scratch: so does this, with other RNG draws.
    keras.utils.set_random_seed(123)
    model = _model()
    np.random.rand(3)
    history = model.fit(x, y, batch_size=8, epochs=4, verbose=0, callbacks=[backup])
    for got, want in zip(_weights(model), expected_weights):
        np.testing.assert_array_equal(got, want)
    assert len(history.history["loss"]) == 2
    if save_freq == "epoch":
        np.testing.assert_array_equal(history.history["loss"], expected_loss[2:])
    else:
        # The resumed epoch's mean loss only covers the batches run after the restart.
        np.testing.assert_array_equal(history.history["loss"][1:], expected_loss[3:])
    # Finished normally: the backup is deleted.
    assert not (tmp_path / "backup").exists()


def test_interrupted_twice_in_one_epoch(tmp_path):
    expected_weights, _ = _reference()
    x, y = _data()
    backup = cbks.BackupAndRestore(tmp_path / "backup", save_freq=1)
    for interrupt in ((2, 1), (2, 3)):
        with pytest.raises(RuntimeError, match="Interrupting!"):
            _model().fit(x, y, batch_size=8, epochs=4, verbose=0,
                         callbacks=[backup, _Interrupt(*interrupt)])
    model = _model()
    model.fit(x, y, batch_size=8, epochs=4, verbose=0, callbacks=[backup])
    for got, want in zip(_weights(model), expected_weights):
        np.testing.assert_array_equal(got, want)


def test_files_keep_keras_layout_and_delete_checkpoint_false(tmp_path):
    x, y = _data()
    backup = cbks.BackupAndRestore(str(tmp_path / "b"), delete_checkpoint=False,
                                   double_checkpoint=True)
    model = _model()
    model.fit(x, y, batch_size=8, epochs=2, verbose=0, callbacks=[backup])
    names = sorted(os.listdir(tmp_path / "b"))
    assert names == ["latest.weights.h5", "latest.weights.h5.bkp", "training_metadata.json",
                     "training_metadata.json.bkp"]
    with open(tmp_path / "b" / "training_metadata.json") as f:
        assert json.load(f) == {"epoch": 2, "batch": 0}
    with open(tmp_path / "b" / "training_metadata.json.bkp") as f:
        assert json.load(f) == {"epoch": 1, "batch": 0}
    # The latest file is damaged: the previous backup is used (resume at epoch 1).
    with open(tmp_path / "b" / "latest.weights.h5", "wb") as f:
        f.write(b"garbage")
    history = _model().fit(x, y, batch_size=8, epochs=2, verbose=0, callbacks=[backup])
    assert len(history.history["loss"]) == 1
    # A finished run resumes at the end: nothing left to do.
    history = _model().fit(x, y, batch_size=8, epochs=2, verbose=0, callbacks=[backup])
    assert history.history == {}


def test_damaged_backup_without_previous_raises(tmp_path):
    x, y = _data()
    os.makedirs(tmp_path / "b")
    with open(tmp_path / "b" / "latest.weights.h5", "wb") as f:
        f.write(b"garbage")
    backup = cbks.BackupAndRestore(tmp_path / "b")
    with pytest.raises(ValueError, match=r"not a valid \.weights\.h5 file \(corrupt or truncated"):
        _model().fit(x, y, epochs=1, verbose=0, callbacks=[backup])


def test_resume_from_keras_metadata_only(tmp_path):
    # A backup directory written by Keras has `training_metadata.json` with the epoch.
    x, y = _data()
    model = _model()
    model.optimizer.build(model.trainable_variables)
    model.save_weights(str(tmp_path / "latest.weights.h5"))
    with open(tmp_path / "training_metadata.json", "w") as f:
        json.dump({"epoch": 3, "batch": 0}, f)
    history = model.fit(x, y, epochs=5, verbose=0, callbacks=[cbks.BackupAndRestore(tmp_path)])
    assert len(history.history["loss"]) == 2


def test_argument_errors(tmp_path):
    # from keras 3.15.1
    with pytest.raises(ValueError, match="^Empty `backup_dir` argument passed$"):
        cbks.BackupAndRestore("")
    with pytest.raises(ValueError, match=(
        r"^Invalid value for argument `save_freq`. Received: save_freq=batch. "
        r"Expected either 'epoch' or an integer value.$"
    )):
        cbks.BackupAndRestore(tmp_path, save_freq="batch")


def test_unbuilt_model_error(tmp_path):
    model = keras.Sequential([keras.layers.Dense(1)])
    model.compile("sgd", "mse")
    backup = cbks.BackupAndRestore(tmp_path)
    backup.set_model(model)
    with pytest.raises(ValueError, match="To use the BackupAndRestore callback, you model must "
                                         "be built before you call `fit\\(\\)`"):
        backup.on_train_begin()


_CHILD = textwrap.dedent("""
    import sys, numpy as np
    sys.path.insert(0, {repo!r})
    import torchkeras as keras
    from torchkeras import callbacks as cbks

    rng = np.random.RandomState(0)
    x, y = rng.rand(40, 5).astype("float32"), rng.rand(40, 1).astype("float32")
    keras.utils.set_random_seed(1)
    model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dropout(0.5), keras.layers.Dense(1)])
    model.compile(keras.optimizers.Adam(0.01), loss="mse")

    class Report(cbks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            print("epoch", epoch, flush=True)
            if epoch == 1 and {kill}:
                sys.stdin.readline()  # the parent kills the process while it waits here

    model.fit(x, y, batch_size=8, epochs=4, verbose=0,
              callbacks=[cbks.BackupAndRestore({backup!r}), Report()])
    np.save({out!r}, np.concatenate([w.numpy().ravel() for w in model.weights]))
""")


def test_killed_process_resumes_exactly(tmp_path):
    backup, out = str(tmp_path / "backup"), str(tmp_path / "w.npy")
    ref = str(tmp_path / "ref.npy")
    subprocess.run([sys.executable, "-c", _CHILD.format(repo=REPO, kill=False,
                                                        backup=str(tmp_path / "r"), out=ref)],
                   check=True, capture_output=True)
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD.format(repo=REPO, kill=True, backup=backup, out=out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert child.stdout.readline() == "epoch 0\n"
    assert child.stdout.readline() == "epoch 1\n"
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    child.stdin.close()
    assert not os.path.exists(out)
    resumed = subprocess.run(
        [sys.executable, "-c", _CHILD.format(repo=REPO, kill=False, backup=backup, out=out)],
        check=True, capture_output=True, text=True,
    )
    assert resumed.stdout == "epoch 2\nepoch 3\n"
    np.testing.assert_array_equal(np.load(out), np.load(ref))


@pytest.mark.parametrize("name,weights_only", [("best.keras", False),
                                               ("best.weights.h5", True)])
def test_model_checkpoint_keeps_best_across_restart(tmp_path, name, weights_only):
    from torchkeras.saving import saving_lib

    path = str(tmp_path / name)
    model = _model()
    model.optimizer.build(model.trainable_variables)

    def run(losses):
        checkpoint = cbks.ModelCheckpoint(path, monitor="loss", save_best_only=True,
                                          save_weights_only=weights_only)
        checkpoint.set_model(model)
        checkpoint.on_train_begin()
        for epoch, loss in enumerate(losses):
            checkpoint.on_epoch_begin(epoch)
            checkpoint.on_epoch_end(epoch, {"loss": loss})
        return checkpoint

    run([0.5, 0.8])
    assert saving_lib.read_checkpoint_metadata(path) == {"monitor": "loss", "best": 0.5}
    saved = open(path, "rb").read()
    # Restarted: a worse epoch does not overwrite the best file.
    assert run([0.7]).best == 0.5
    assert open(path, "rb").read() == saved
    run([0.25])
    assert saving_lib.read_checkpoint_metadata(path) == {"monitor": "loss", "best": 0.25}
    # Another monitored quantity: the stored value does not apply.
    checkpoint = cbks.ModelCheckpoint(path, monitor="val_loss", save_best_only=True,
                                      save_weights_only=weights_only)
    checkpoint.set_model(model)
    checkpoint.on_train_begin()
    assert checkpoint.best is None
    # The file still loads as a normal checkpoint.
    if weights_only:
        model.load_weights(path)
    else:
        keras.saving.load_model(path)


def test_read_checkpoint_metadata_of_other_files(tmp_path):
    from torchkeras.saving import saving_lib

    assert saving_lib.read_checkpoint_metadata(tmp_path / "missing.keras") is None
    assert saving_lib.read_checkpoint_metadata(tmp_path / "x.h5") is None
    (tmp_path / "bad.keras").write_bytes(b"junk")
    assert saving_lib.read_checkpoint_metadata(tmp_path / "bad.keras") is None
    model = _model()
    model.save_weights(str(tmp_path / "plain.weights.h5"))
    assert saving_lib.read_checkpoint_metadata(tmp_path / "plain.weights.h5") is None
