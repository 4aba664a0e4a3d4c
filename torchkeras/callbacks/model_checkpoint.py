"""`ModelCheckpoint`: save the model or its weights every epoch or every N batches."""

import contextlib
import os
import warnings

import numpy as np

from torchkeras.backend.tensors import is_tensor
from torchkeras.callbacks.callback_list import pythonify_logs
from torchkeras.callbacks.monitor_callback import MonitorCallback
from torchkeras.utils import io_utils


class ModelCheckpoint(MonitorCallback):
    """Callback to save the Keras model or model weights at some frequency.

    It can keep only the model that has achieved the "best performance" so far (according to a
    monitored quantity, maximized or minimized), or save at the end of every epoch or every
    `save_freq` batches; the whole model (`model.save`) or only its weights
    (`model.save_weights`).

    Args:
        filepath: string or `PathLike`, path to save the model file. `filepath` can contain named
            formatting options, which will be filled with the value of `epoch` and keys in `logs`
            (passed in `on_epoch_end`); e.g. `"{epoch:02d}-{val_loss:.2f}.keras"`. The name must
            end with `".weights.h5"` when `save_weights_only=True`, or with `".keras"` or `".h5"`
            when saving the whole model.
        monitor: The metric name to monitor, e.g. `"val_loss"` or `"val_accuracy"` (prefix
            `"val_"` for validation metrics). Defaults to `"val_loss"`.
        verbose: Verbosity mode, 0 or 1. Mode 0 is silent, and mode 1 displays messages when the
            callback takes an action. Defaults to `0`.
        save_best_only: If `True`, only save when the model is considered the "best" according to
            the monitored quantity. If `filepath` doesn't contain formatting options like
            `{epoch}`, it is overwritten by each new better model. Defaults to `False`.
        save_weights_only: If `True`, only the model's weights are saved
            (`model.save_weights(filepath)`), else the full model is saved
            (`model.save(filepath)`). Defaults to `False`.
        mode: One of `{"auto", "min", "max"}`: whether the monitored quantity should be
            maximized or minimized; `"auto"` infers it from the name. Defaults to `"auto"`.
        save_freq: `"epoch"` or integer. When using `"epoch"`, the callback saves the model after
            each epoch. When using an integer, the callback saves the model at the end of this
            many batches. Defaults to `"epoch"`.
        initial_value_threshold: Floating point initial "best" value of the monitored metric.
            Only applies if `save_best_only=True`. Defaults to `None`.

    Example:

    >>> checkpoint = keras.callbacks.ModelCheckpoint(
    ...     "/tmp/ckpt/checkpoint.model.keras", monitor="val_accuracy", mode="max",
    ...     save_best_only=True)
    >>> model.fit(x_train, y_train, epochs=10, callbacks=[checkpoint])
    """

    # Batch logs are only read when a batch-level save happens; convert them then.
    _supports_tensor_logs = True

    def __init__(
        self,
        filepath,
        monitor="val_loss",
        verbose=0,
        save_best_only=False,
        save_weights_only=False,
        mode="auto",
        save_freq="epoch",
        initial_value_threshold=None,
    ):
        super().__init__(monitor, mode, initial_value_threshold)
        self.verbose = verbose
        self.filepath = os.fspath(filepath) if isinstance(filepath, os.PathLike) else filepath
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.save_freq = save_freq
        self._batches_seen_since_last_saving = 0
        self._last_batch_seen = None
        self._current_epoch = 0

        if self.save_freq != "epoch" and not isinstance(self.save_freq, int):
            raise ValueError(
                f"Unrecognized save_freq: {self.save_freq}. "
                "Expected save_freq are 'epoch' or integer values"
            )
        if save_weights_only:
            if not self.filepath.endswith(".weights.h5"):
                raise ValueError(
                    "When using `save_weights_only=True` in `ModelCheckpoint`"
                    ", the filepath provided must end in `.weights.h5` "
                    "(Keras weights format). Received: "
                    f"filepath={self.filepath}"
                )
        elif not any(self.filepath.endswith(ext) for ext in (".keras", ".h5")):
            raise ValueError(
                "The filepath provided must end in `.keras` "
                "(Keras model format). Received: "
                f"filepath={self.filepath}"
            )

    def on_train_begin(self, logs=None):
        # A restarted training must not overwrite the best checkpoint with a worse one: take
        # the best value back from the checkpoint file (a fixed `filepath` only).
        if not self.save_best_only or self.best is not None or "{" in self.filepath:
            return
        from torchkeras.saving import saving_lib

        if not os.path.exists(self.filepath):
            return
        metadata = saving_lib.read_checkpoint_metadata(self.filepath)
        if metadata and metadata.get("monitor") == self.monitor and isinstance(
            metadata.get("best"), (int, float)
        ):
            self.best = float(metadata["best"])

    def _metadata_scope(self):
        """Records the monitored best value in the saved file, for `on_train_begin`."""
        from torchkeras.saving import saving_lib

        if not self.save_best_only or self.best is None:
            return contextlib.nullcontext()
        return saving_lib.checkpoint_metadata_scope(
            {"monitor": self.monitor, "best": float(self.best)}
        )

    def _implements_train_batch_hooks(self):
        # Saving once per epoch needs no per-batch call at all.
        return self.save_freq != "epoch"

    def on_train_batch_end(self, batch, logs=None):
        if self._should_save_on_batch(batch):
            self._save_model(epoch=self._current_epoch, batch=batch, logs=pythonify_logs(logs))

    def on_epoch_begin(self, epoch, logs=None):
        self._current_epoch = epoch

    def on_epoch_end(self, epoch, logs=None):
        if self.monitor_op is None:
            # Set up late: the model's metrics are only all built after the first epoch.
            self._set_monitor_op()
        if self.save_freq == "epoch":
            self._save_model(epoch=epoch, batch=None, logs=logs)

    def _should_save_on_batch(self, batch):
        """Counts batches (supporting steps that skip indices) and says when `save_freq` is hit."""
        if self.save_freq == "epoch":
            return False
        if self._last_batch_seen is None or batch <= self._last_batch_seen:
            add_batches = batch + 1  # New epoch; batches are zero-indexed.
        else:
            add_batches = batch - self._last_batch_seen
        self._batches_seen_since_last_saving += add_batches
        self._last_batch_seen = batch
        if self._batches_seen_since_last_saving >= self.save_freq:
            self._batches_seen_since_last_saving = 0
            return True
        return False

    def _should_save_model(self, epoch, batch, logs, filepath):
        """Whether to save: always, unless `save_best_only` and the monitored value got no better."""
        logs = logs or {}
        if not self.save_best_only:
            if self.verbose > 0:
                io_utils.print_msg(f"\nEpoch {epoch + 1}: saving model to {filepath}")
            return True
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn(f"Can save best model only with {self.monitor} available.", stacklevel=2)
            return True
        if (isinstance(current, np.ndarray) or is_tensor(current)) and len(current.shape) > 0:
            warnings.warn(
                "Can save best model only when `monitor` is "
                f"a scalar value. Received: {current}. "
                "Falling back to `save_best_only=False`."
            )
            return True
        best_str = "None" if self.best is None else f"{self.best:.5f}"
        if self._is_improvement(current, self.best):
            if self.verbose > 0:
                io_utils.print_msg(
                    f"\nEpoch {epoch + 1}: {self.monitor} "
                    f"improved from {best_str} to {current:.5f}, "
                    f"saving model to {filepath}"
                )
            self.best = current
            return True
        if self.verbose > 0:
            io_utils.print_msg(
                f"\nEpoch {epoch + 1}: {self.monitor} did not improve from {best_str}"
            )
        return False

    def _save_model(self, epoch, batch, logs):
        """Saves the model (or its weights) if `_should_save_model` says so."""
        filepath = self._get_file_path(epoch, batch, logs)
        try:
            if self._should_save_model(epoch, batch, logs, filepath):
                dirname = os.path.dirname(filepath)
                if dirname and not os.path.exists(dirname):
                    os.makedirs(dirname)
                with self._metadata_scope():
                    if self.save_weights_only:
                        self.model.save_weights(filepath, overwrite=True)
                    else:
                        self.model.save(filepath, overwrite=True)
                if self.verbose > 0:
                    io_utils.print_msg(f"\nEpoch {epoch + 1}: finished saving model to {filepath}")
        except IsADirectoryError:
            raise IOError(
                "Please specify a non-directory filepath for "
                "ModelCheckpoint. Filepath used is an existing "
                f"directory: {filepath}"
            )

    def _get_file_path(self, epoch, batch, logs):
        """The checkpoint path: `filepath` with `{epoch}`, `{batch}` and log values filled in."""
        logs = logs or {}
        try:
            if batch is None or "batch" in logs:
                return self.filepath.format(epoch=epoch + 1, **logs)
            return self.filepath.format(epoch=epoch + 1, batch=batch + 1, **logs)
        except KeyError as e:
            raise KeyError(
                f'Failed to format this callback filepath: "{self.filepath}". Reason: {e}'
            )
