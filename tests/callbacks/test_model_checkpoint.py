"""ModelCheckpoint: file names, save_best_only decisions, batch frequency, messages and errors."""

import pathlib

import numpy as np
import pytest
import torch

from torchkeras import callbacks as cbks


def test_save_best_only_weights_with_formatted_names(fakes):
    model = fakes.Model()
    checkpoint = cbks.ModelCheckpoint(
        "ckpt/w.{epoch:02d}-{val_loss:.2f}.weights.h5",
        save_weights_only=True,
        save_best_only=True,
        verbose=1,
    )
    logs = [{"loss": 1.0, "val_loss": v} for v in [0.9, 0.95, 0.5, 0.5]]
    # from keras 3.15.1 (same driver)
    assert fakes.capture(fakes.run_epochs, checkpoint, model, logs) == (
        "\nEpoch 1: val_loss improved from None to 0.90000, saving model to "
        "ckpt/w.01-0.90.weights.h5\n"
        "\nEpoch 1: finished saving model to ckpt/w.01-0.90.weights.h5\n"
        "\nEpoch 2: val_loss did not improve from 0.90000\n"
        "\nEpoch 3: val_loss improved from 0.90000 to 0.50000, saving model to "
        "ckpt/w.03-0.50.weights.h5\n"
        "\nEpoch 3: finished saving model to ckpt/w.03-0.50.weights.h5\n"
        "\nEpoch 4: val_loss did not improve from 0.50000\n",
        [],
        [0, 1, 2, 3],
    )
    assert model.saved == [
        ("save_weights", "ckpt/w.01-0.90.weights.h5", True),
        ("save_weights", "ckpt/w.03-0.50.weights.h5", True),
    ]


def test_initial_value_threshold_and_max_mode(fakes):
    model = fakes.Model()
    checkpoint = cbks.ModelCheckpoint(
        "ckpt/model.keras", verbose=1, monitor="val_acc", mode="max", save_best_only=True,
        initial_value_threshold=0.6,
    )
    logs = [{"val_acc": a} for a in [0.5, 0.7, 0.7, 0.71]]
    # from keras 3.15.1
    assert fakes.capture(fakes.run_epochs, checkpoint, model, logs) == (
        "\nEpoch 1: val_acc did not improve from 0.60000\n"
        "\nEpoch 2: val_acc improved from 0.60000 to 0.70000, saving model to ckpt/model.keras\n"
        "\nEpoch 2: finished saving model to ckpt/model.keras\n"
        "\nEpoch 3: val_acc did not improve from 0.70000\n"
        "\nEpoch 4: val_acc improved from 0.70000 to 0.71000, saving model to ckpt/model.keras\n"
        "\nEpoch 4: finished saving model to ckpt/model.keras\n",
        [],
        [0, 1, 2, 3],
    )
    assert model.saved == [("save", "ckpt/model.keras", True)] * 2


def test_save_every_n_batches(fakes):
    # 3 batches per epoch, save_freq=2: after batch 2 of epoch 1, then batches 1 and 3 of
    # epoch 2 (the count carries over the epoch boundary).
    model = fakes.Model()
    checkpoint = cbks.ModelCheckpoint("ckpt/b{epoch}-{batch}.keras", verbose=1, save_freq=2)
    result = fakes.capture(
        fakes.run_epochs, checkpoint, model, [{"loss": 1.0}] * 2, [{"loss": 0.5}] * 3
    )
    # from keras 3.15.1
    assert result == (
        "\nEpoch 1: saving model to ckpt/b1-2.keras\n"
        "\nEpoch 1: finished saving model to ckpt/b1-2.keras\n"
        "\nEpoch 2: saving model to ckpt/b2-1.keras\n"
        "\nEpoch 2: finished saving model to ckpt/b2-1.keras\n"
        "\nEpoch 2: saving model to ckpt/b2-3.keras\n"
        "\nEpoch 2: finished saving model to ckpt/b2-3.keras\n",
        [],
        [0, 1],
    )
    saved_paths = [path for _, path, _ in model.saved]
    assert saved_paths == ["ckpt/b1-2.keras", "ckpt/b2-1.keras", "ckpt/b2-3.keras"]


def test_batch_saving_with_tensor_logs_through_callback_list(fakes):
    model = fakes.Model()
    checkpoint = cbks.ModelCheckpoint("m-{batch}-{loss:.3f}.keras", save_freq=1)
    cbl = cbks.CallbackList([checkpoint], model=model)
    cbl.on_train_begin()
    cbl.on_epoch_begin(0)
    cbl.on_train_batch_end(0, {"loss": torch.tensor(0.25)})
    assert model.saved == [("save", "m-1-0.250.keras", True)]


def test_missing_monitor_saves_anyway_with_warning(fakes):
    model = fakes.Model()
    checkpoint = cbks.ModelCheckpoint("ckpt/m.h5", save_best_only=True, verbose=1)
    # from keras 3.15.1
    assert fakes.capture(fakes.run_epochs, checkpoint, model, [{"loss": 1.0}]) == (
        "\nEpoch 1: finished saving model to ckpt/m.h5\n",
        ["Can save best model only with val_loss available."],
        [0],
    )
    assert model.saved == [("save", "ckpt/m.h5", True)]


def test_non_scalar_monitor_falls_back_to_saving(fakes):
    model = fakes.Model()
    checkpoint = cbks.ModelCheckpoint("m.keras", monitor="loss", save_best_only=True)
    _, caught, _ = fakes.capture(
        fakes.run_epochs, checkpoint, model, [{"loss": np.array([1.0, 2.0])}]
    )
    assert caught == [
        "Can save best model only when `monitor` is a scalar value. Received: [1. 2.]. "
        "Falling back to `save_best_only=False`."
    ]
    assert model.saved == [("save", "m.keras", True)]


def test_creates_the_directory(fakes, tmp_path):
    target = tmp_path / "a" / "b" / "m.weights.h5"
    checkpoint = cbks.ModelCheckpoint(target, save_weights_only=True)  # PathLike accepted
    model = fakes.Model()
    fakes.run_epochs(checkpoint, model, [{"loss": 1.0}])
    assert (tmp_path / "a" / "b").is_dir()
    assert model.saved == [("save_weights", str(target), True)]


def test_existing_directory_as_path_raises(fakes):
    class DirectoryModel(fakes.Model):
        def save(self, filepath, overwrite=True):
            raise IsADirectoryError(filepath)

    checkpoint = cbks.ModelCheckpoint("some.keras", monitor="loss")
    with pytest.raises(IOError) as info:
        fakes.run_epochs(checkpoint, DirectoryModel(), [{"loss": 1.0}])
    assert str(info.value) == (
        "Please specify a non-directory filepath for ModelCheckpoint. Filepath used is an "
        "existing directory: some.keras"
    )


@pytest.mark.parametrize(
    "kwargs, message",
    [
        # from keras 3.15.1
        (
            dict(filepath="a.h5", save_weights_only=True),
            "When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must "
            "end in `.weights.h5` (Keras weights format). Received: filepath=a.h5",
        ),
        (
            dict(filepath="a.weights"),
            "The filepath provided must end in `.keras` (Keras model format). Received: "
            "filepath=a.weights",
        ),
        (
            dict(filepath="a.keras", save_freq="batch"),
            "Unrecognized save_freq: batch. Expected save_freq are 'epoch' or integer values",
        ),
    ],
)
def test_constructor_errors(kwargs, message):
    with pytest.raises(ValueError) as info:
        cbks.ModelCheckpoint(**kwargs)
    assert str(info.value) == message


def test_unformattable_path_raises_key_error(fakes):
    checkpoint = cbks.ModelCheckpoint("{epoch}-{nope}.keras", monitor="loss")
    with pytest.raises(KeyError) as info:
        fakes.run_epochs(checkpoint, fakes.Model(), [{"loss": 1.0}])
    # from keras 3.15.1
    assert info.value.args[0] == (
        "Failed to format this callback filepath: \"{epoch}-{nope}.keras\". Reason: 'nope'"
    )


def test_defaults():
    checkpoint = cbks.ModelCheckpoint(pathlib.Path("m.keras"))
    assert checkpoint.filepath == "m.keras"
    assert (checkpoint.monitor, checkpoint.verbose) == ("val_loss", 0)
    assert (checkpoint.save_best_only, checkpoint.save_weights_only) == (False, False)
    assert (checkpoint.mode, checkpoint.save_freq) == ("auto", "epoch")
    assert checkpoint.best is None
