"""`keras.callbacks.BackupAndRestore`: resume an interrupted `fit()` where it stopped."""

import base64
import json
import os
import random as python_random
import shutil

import numpy as np
import torch

from torchkeras.callbacks.callback import Callback
from torchkeras.saving import file_utils

# Root attribute of the backup weights file holding the resume state: weights, position and RNG
# states live in one file, replaced atomically, so they can never disagree after a crash.
_STATE_ATTR = "torchkeras_training_state"


def _get_rng_state():
    """Python, NumPy and torch (CPU) global RNG states, as JSON-able values."""
    np_state = np.random.get_state()
    py_state = python_random.getstate()
    return {
        "python": [py_state[0], list(py_state[1]), py_state[2]],
        "numpy": [np_state[0], np_state[1].tolist(), int(np_state[2]), int(np_state[3]),
                  float(np_state[4])],
        "torch": base64.b64encode(torch.get_rng_state().numpy().tobytes()).decode("ascii"),
    }


def _set_rng_state(state):
    py = state["python"]
    python_random.setstate((py[0], tuple(py[1]), py[2]))
    npy = state["numpy"]
    np.random.set_state((npy[0], np.asarray(npy[1], dtype=np.uint32), npy[2], npy[3], npy[4]))
    raw = np.frombuffer(base64.b64decode(state["torch"]), dtype=np.uint8).copy()
    torch.set_rng_state(torch.from_numpy(raw))


class BackupAndRestore(Callback):
    """Callback to back up and restore the training state.

    `BackupAndRestore` is meant to resume training from an interruption (a crash, a killed job,
    a preempted machine). At the end of each epoch (or every `save_freq` batches) it writes the
    model's weights, the optimizer's state, the position in training and the global random
    states (Python, NumPy, torch) to `backup_dir`. When `fit()` starts again with the same
    callback directory, the state is restored and training continues where it stopped: with
    `shuffle=True` and `Dropout` the resumed run computes the same weights as an uninterrupted
    one (on CPU). When training completes, the backup is deleted (see `delete_checkpoint`).

    Every backup file is written to a temporary file, fsynced and moved into place, so an
    interruption during a backup leaves the previous backup intact.

    Example:

    >>> class InterruptingCallback(keras.callbacks.Callback):
    ...   def on_epoch_begin(self, epoch, logs=None):
    ...     if epoch == 4:
    ...       raise RuntimeError('Interrupting!')
    >>> callback = keras.callbacks.BackupAndRestore(backup_dir="/tmp/backup")
    >>> model = keras.models.Sequential([keras.layers.Dense(10)])
    >>> model.compile(keras.optimizers.SGD(), loss='mse')
    >>> model.build(input_shape=(None, 20))
    >>> try:
    ...   model.fit(np.arange(100).reshape(5, 20), np.zeros(5), epochs=10,
    ...             batch_size=1, callbacks=[callback, InterruptingCallback()],
    ...             verbose=0)
    ... except:
    ...   pass
    >>> history = model.fit(np.arange(100).reshape(5, 20), np.zeros(5),
    ...                     epochs=10, batch_size=1, callbacks=[callback],
    ...                     verbose=0)
    >>> len(history.history['loss'])  # only the remaining epochs run
    6

    Args:
        backup_dir: String, path of the directory where the training state is stored. It is
            created if needed, and must not be shared by two concurrent trainings.
        save_freq: `"epoch"` or integer. `"epoch"` backs up at the end of each epoch; an
            integer backs up every `save_freq` batches (and training resumes at the next
            batch). Defaults to `"epoch"`.
        double_checkpoint: Boolean. If `True`, the previous backup is kept as well
            (`*.bkp` files) and used if the latest one cannot be read. Defaults to `False`.
        delete_checkpoint: Boolean. If `True`, `backup_dir` is deleted when training ends
            normally. Defaults to `True`.
    """

    def __init__(self, backup_dir, save_freq="epoch", double_checkpoint=False,
                 delete_checkpoint=True):
        super().__init__()
        self.save_freq = save_freq
        self.double_checkpoint = double_checkpoint
        self.delete_checkpoint = delete_checkpoint
        self._batches_seen_since_last_saving = 0
        self._last_batch_seen = 0
        self._current_epoch = 0
        self._epoch_begin_rng = None
        self._pending_rng = None

        if not backup_dir:
            raise ValueError("Empty `backup_dir` argument passed")
        self.backup_dir = os.fspath(backup_dir)
        self._weights_path = os.path.join(self.backup_dir, "latest.weights.h5")
        self._training_metadata_path = os.path.join(self.backup_dir, "training_metadata.json")
        self._prev_weights_path = f"{self._weights_path}.bkp"
        self._prev_training_metadata_path = f"{self._training_metadata_path}.bkp"
        if save_freq != "epoch" and not isinstance(save_freq, int):
            raise ValueError(
                "Invalid value for argument `save_freq`. "
                f"Received: save_freq={save_freq}. "
                "Expected either 'epoch' or an integer value."
            )

    def _implements_train_batch_hooks(self):
        return self.save_freq != "epoch"

    # -- restore ----------------------------------------------------------------------------
    def on_train_begin(self, logs=None):
        self._batches_seen_since_last_saving = 0
        self._last_batch_seen = 0
        self._current_epoch = 0
        self._pending_rng = None
        try:
            self._load_model()
        except (OSError, ValueError) as e:
            # The latest backup is unreadable (it cannot be half-written by torchkeras, but the
            # disk or another program may have damaged it): fall back on the previous one.
            if not os.path.exists(self._prev_weights_path):
                raise e
            shutil.copyfile(self._prev_weights_path, self._weights_path)
            if os.path.exists(self._prev_training_metadata_path):
                shutil.copyfile(self._prev_training_metadata_path, self._training_metadata_path)
            elif os.path.exists(self._training_metadata_path):
                os.remove(self._training_metadata_path)
            self._load_model()

    def _load_model(self):
        from torchkeras.saving import saving_lib
        from torchkeras.saving import weights_h5

        if not self.model.built:
            raise ValueError(
                "To use the BackupAndRestore callback, "
                "you model must be built before you call `fit()`. "
                f"Model {self.model} is unbuilt. You can build it "
                "beforehand by calling it on a batch of data."
            )
        state = None
        if os.path.exists(self._weights_path):
            optimizer = self.model.optimizer
            if optimizer is not None and not optimizer.built:
                # The optimizer's variables must exist to receive their saved values.
                optimizer.build(self.model.trainable_variables)
            try:
                store = weights_h5.H5IOStore(self._weights_path, mode="r")
            except OSError as e:
                raise ValueError(
                    "The file is not a valid .weights.h5 file (corrupt or truncated): "
                    f"{e}. Received: filepath={self._weights_path}"
                ) from e
            try:
                saving_lib.load_weights_from_store(self.model, store)
                raw = store.h5_file.attrs.get(_STATE_ATTR)
                if raw is not None:
                    state = json.loads(raw)
            finally:
                store.close()
        if state is None and os.path.exists(self._training_metadata_path):
            # A backup written by Keras: epoch only.
            with open(self._training_metadata_path) as f:
                state = json.loads(f.read())
        if state is None:
            return
        self.model._initial_epoch = state["epoch"]
        self._current_epoch = state["epoch"]
        step = state.get("step", 0)
        self.model._initial_step = step
        if "rng" in state:
            if step:
                # Mid-epoch: the epoch's shuffle is drawn again from the state the epoch began
                # with, then the state at the backup is restored before the next batch runs.
                _set_rng_state(state["epoch_begin_rng"])
                self._pending_rng = state["rng"]
                # Kept for the backups of the rest of this epoch.
                self._epoch_begin_rng = state["epoch_begin_rng"]
            else:
                _set_rng_state(state["rng"])

    def on_train_batch_begin(self, batch, logs=None):
        if self._pending_rng is not None:
            _set_rng_state(self._pending_rng)
            self._pending_rng = None

    # -- backup -----------------------------------------------------------------------------
    def on_epoch_begin(self, epoch, logs=None):
        self._current_epoch = epoch
        if self._implements_train_batch_hooks() and self._pending_rng is None:
            self._epoch_begin_rng = _get_rng_state()

    def on_epoch_end(self, epoch, logs=None):
        self._current_epoch = epoch + 1
        self._last_batch_seen = 0
        if self.save_freq == "epoch":
            self._save_model(step=0)

    def on_train_batch_end(self, batch, logs=None):
        if self._should_save_on_batch(batch):
            self._save_model(step=batch + 1)

    def _should_save_on_batch(self, batch):
        """Counts batches (supporting steps that skip indices) and says when `save_freq` is hit."""
        if self.save_freq == "epoch":
            return False
        if batch <= self._last_batch_seen:  # New epoch.
            add_batches = batch + 1  # batches are zero-indexed.
        else:
            add_batches = batch - self._last_batch_seen
        self._batches_seen_since_last_saving += add_batches
        self._last_batch_seen = batch
        if self._batches_seen_since_last_saving >= self.save_freq:
            self._batches_seen_since_last_saving = 0
            return True
        return False

    def _save_model(self, step):
        from torchkeras.saving import saving_lib
        from torchkeras.saving import weights_h5

        os.makedirs(self.backup_dir, exist_ok=True)
        if self.double_checkpoint:
            for src, dst in ((self._weights_path, self._prev_weights_path),
                             (self._training_metadata_path, self._prev_training_metadata_path)):
                if os.path.exists(src):
                    with file_utils.atomic_write_path(dst) as tmp_path:
                        shutil.copyfile(src, tmp_path)
        # Keras's keys: `epoch` to resume at and `batch`, the last batch seen in that epoch.
        metadata = {"epoch": self._current_epoch, "batch": self._last_batch_seen}
        state = dict(metadata, step=step, rng=_get_rng_state())
        if step:
            state["epoch_begin_rng"] = self._epoch_begin_rng
        with file_utils.atomic_write_path(self._weights_path) as tmp_path:
            store = weights_h5.H5IOStore(tmp_path, mode="w")
            try:
                saving_lib.save_weights_to_store(self.model, store)
                store.h5_file.attrs[_STATE_ATTR] = json.dumps(state)
            finally:
                store.close()
        with file_utils.atomic_open(self._training_metadata_path, "w") as f:
            f.write(json.dumps(metadata))

    def on_train_end(self, logs=None):
        if self.delete_checkpoint and os.path.exists(self.backup_dir):
            shutil.rmtree(self.backup_dir)
