"""`keras.callbacks.TensorBoard`: metrics, histograms and images for TensorBoard, without TF.

The event files are written by `torchkeras.utils.summary_writer` (pure Python), in the layout
TensorFlow gives them, so `tensorboard --logdir logs` shows the same runs, tags and steps as for
Keras on TensorFlow: `train/` and `validation/` runs, `epoch_<metric>` per epoch,
`batch_<metric>` every `update_freq` batches, `evaluation_<metric>_vs_iterations` after each
evaluation, weight histograms and images, and the model's config (`keras`, step 0) for
TensorBoard's conceptual graph.
"""

import logging
import os
import time

from torchkeras.callbacks.callback import Callback
from torchkeras.utils import summary_writer

_logger = logging.getLogger("torchkeras")

# The checkpoint name TensorFlow gives the first weighted layer's embeddings (what Keras writes).
_EMBEDDINGS_TENSOR_NAME = "layer_with_weights-0/embeddings/.ATTRIBUTES/VARIABLE_VALUE"


def _profile_batch_range(profile_batch):
    """`(start, stop)` batches to profile, validated as Keras does."""
    message = (
        "profile_batch must be a non-negative integer or 2-tuple of positive integers. A pair "
        "of positive integers signifies a range of batches to profile. "
        f"Found: {profile_batch}"
    )
    if isinstance(profile_batch, str):
        # The legacy "start,stop" string.
        profile_batch = [int(part) for part in profile_batch.split(",")]
    if isinstance(profile_batch, int):
        start = stop = profile_batch
    elif isinstance(profile_batch, (tuple, list)) and len(profile_batch) == 2:
        start, stop = profile_batch
    else:
        raise ValueError(message)
    if start < 0 or stop < start:
        raise ValueError(message)
    return start, stop


class TensorBoard(Callback):
    """Enable visualizations for TensorBoard.

    TensorBoard is a visualization tool provided with TensorFlow; the event files this callback
    writes need neither TensorFlow nor TensorBoard to be installed (only to view them).

    This callback logs events for TensorBoard, including:

    * Metrics summary plots
    * The model's configuration (TensorBoard's conceptual graph)
    * Weight histograms and weight images
    * Sampled profiling (with `torch.profiler`)

    When used in `model.evaluate()` or regular validation in addition to epoch summaries, there
    will be a summary that records evaluation metrics vs `model.optimizer.iterations` written.
    The metric names will be prepended with `evaluation`, with `model.optimizer.iterations`
    being the step in the visualized TensorBoard.

    ```
    tensorboard --logdir=path_to_your_logs
    ```

    Args:
        log_dir: the path of the directory where to save the log files to be parsed by
            TensorBoard. e.g., `log_dir = os.path.join(working_dir, 'logs')`. This directory
            should not be reused by any other callbacks. Defaults to `"logs"`.
        histogram_freq: frequency (in epochs) at which to compute weight histograms for the
            layers of the model. If set to 0, histograms won't be computed. Defaults to `0`.
        write_graph: Whether to write the model's configuration (`model.to_json()`, for
            `Sequential` and functional models) for TensorBoard's graph dashboard. No op-level
            graph is written. Defaults to `True`.
        write_images: whether to write model weights to visualize as image in TensorBoard
            (with `histogram_freq`). Defaults to `False`.
        write_steps_per_second: whether to log the training steps per second into TensorBoard.
            This supports both epoch and batch frequency logging. Defaults to `False`.
        update_freq: `"batch"` or `"epoch"` or integer. When using `"epoch"`, writes the
            losses and metrics to TensorBoard after every epoch. If using an integer, let's say
            `1000`, all metrics and losses (including custom ones added by `Model.compile`)
            will be logged to TensorBoard every 1000 batches. `"batch"` is a synonym for 1,
            meaning that they will be written every batch. Writing every batch reads the
            metrics from the device every batch, which can slow down training. Defaults to
            `"epoch"`.
        profile_batch: Profile the batch(es) to sample compute characteristics with
            `torch.profiler`; the trace goes to the `train` directory (view it with the
            PyTorch profiler TensorBoard plugin). profile_batch must be a non-negative integer
            or a tuple of integers. A pair of positive integers signify a range of batches to
            profile. By default, profiling is disabled. Defaults to `0`.
        embeddings_freq: frequency (in epochs) at which embedding layers will be visualized.
            If set to 0, embeddings won't be visualized. Defaults to `0`.
        embeddings_metadata: Dictionary which maps embedding layer names to the filename of a
            file in which to save metadata for the embedding layer. In case the same metadata
            file is to be used for all embedding layers, a single filename can be passed.
            Defaults to `None`.

    Example:

    >>> tensorboard_callback = keras.callbacks.TensorBoard(log_dir="./logs")
    >>> model.fit(x_train, y_train, epochs=2, callbacks=[tensorboard_callback])
    """

    # Batch logs may stay device tensors: they are read only for the batches that are logged.
    _supports_tensor_logs = True

    def __init__(
        self,
        log_dir="logs",
        histogram_freq=0,
        write_graph=True,
        write_images=False,
        write_steps_per_second=False,
        update_freq="epoch",
        profile_batch=0,
        embeddings_freq=0,
        embeddings_metadata=None,
        **kwargs,
    ):
        super().__init__()
        _check_legacy_kwargs(kwargs)
        self.log_dir = str(log_dir)
        self.histogram_freq = histogram_freq
        self.write_graph = write_graph
        self.write_images = write_images
        self.write_steps_per_second = write_steps_per_second
        self.update_freq = 1 if update_freq == "batch" else update_freq
        self.embeddings_freq = embeddings_freq
        self.embeddings_metadata = embeddings_metadata
        self._start_batch, self._stop_batch = _profile_batch_range(profile_batch)
        self._should_trace = not (self._start_batch == 0 and self._stop_batch == 0)
        self._profiler = None
        self._is_tracing = False
        self._global_train_batch = 0
        self._global_test_batch = 0
        self._previous_epoch_iterations = 0
        self._batch_start_time = 0
        self._epoch_start_time = 0
        # Created on first use, so that no event file appears when nothing is logged.
        self._writers = {}
        # The (writer, record_if) contexts entered for batch-level summaries.
        self._prev_summary_state = []

    @property
    def summary(self):
        """The `tf.summary`-like module the callback writes with."""
        return summary_writer

    def set_model(self, model):
        """Sets Keras model and writes its configuration if `write_graph`."""
        super().set_model(model)
        self._log_write_dir = self.log_dir
        self._train_dir = os.path.join(self._log_write_dir, "train")
        self._val_dir = os.path.join(self._log_write_dir, "validation")
        self._writers = {}
        if self.write_graph:
            self._write_keras_model_summary()
        if self.embeddings_freq:
            self._configure_embeddings()

    @property
    def _train_writer(self):
        if "train" not in self._writers:
            self._writers["train"] = self.summary.create_file_writer(self._train_dir)
        return self._writers["train"]

    @property
    def _val_writer(self):
        if "val" not in self._writers:
            self._writers["val"] = self.summary.create_file_writer(self._val_dir)
        return self._writers["val"]

    def _write_keras_model_summary(self):
        """Writes the model's JSON config, which TensorBoard draws as a conceptual graph."""
        with self._train_writer.as_default():
            if type(self.model).__name__ in ("Functional", "Sequential"):
                keras_model_summary("keras", self.model, step=0)

    def _configure_embeddings(self):
        """Writes the projector config naming the `Embedding` layers (and their metadata)."""
        from torchkeras.layers import Embedding

        metadata = self.embeddings_metadata
        if metadata is not None and not isinstance(metadata, str):
            metadata = dict(metadata)
        entries = []
        for layer in self.model.layers:
            if isinstance(layer, Embedding):
                entry = f'  tensor_name: "{_EMBEDDINGS_TENSOR_NAME}"\n'
                path = None
                if isinstance(metadata, str):
                    path = metadata
                elif metadata is not None and layer.name in metadata:
                    path = metadata.pop(layer.name)
                if path is not None:
                    entry += f'  metadata_path: "{_text_format_escape(path)}"\n'
                entries.append("embeddings {\n" + entry + "}\n")
        if metadata and not isinstance(metadata, str):
            raise ValueError(
                "Unrecognized `Embedding` layer names passed to `keras.callbacks.TensorBoard` "
                f"`embeddings_metadata` argument: {metadata.keys()}"
            )
        os.makedirs(self._log_write_dir, exist_ok=True)
        path = os.path.join(self._log_write_dir, "projector_config.pbtxt")
        with open(path, "w") as f:
            f.write("".join(entries))

    def _push_writer(self, writer, step):
        """Sets the default writer for custom batch-level summaries."""
        if self.update_freq == "epoch":
            return

        def should_record():
            return step % self.update_freq == 0

        summary_context = (writer.as_default(step), self.summary.record_if(should_record))
        self._prev_summary_state.append(summary_context)
        summary_context[0].__enter__()
        summary_context[1].__enter__()

    def _pop_writer(self):
        """Pops the current writer."""
        if self.update_freq == "epoch" or not self._prev_summary_state:
            return
        previous_context = self._prev_summary_state.pop()
        previous_context[1].__exit__(None, None, None)
        previous_context[0].__exit__(None, None, None)

    def _close_writers(self):
        for writer in self._writers.values():
            writer.close()

    # -- when the batch hooks are needed (each one costs a call, and reading logs a sync) ------
    def _implements_train_batch_hooks(self):
        return (
            self.update_freq != "epoch"
            or self.write_steps_per_second
            or self._should_trace
            # A default writer set by the user around `fit` receives batch summaries, as in
            # Keras.
            or self.summary.get_default_writer() is not None
        )

    def _implements_test_batch_hooks(self):
        return self.update_freq != "epoch"

    def _implements_predict_batch_hooks(self):
        return False

    # -- hooks -----------------------------------------------------------------------------------
    def on_train_begin(self, logs=None):
        self._global_train_batch = 0
        self._previous_epoch_iterations = 0
        self._push_writer(self._train_writer, self._global_train_batch)

    def on_train_end(self, logs=None):
        self._pop_writer()
        if self._is_tracing:
            self._stop_trace()
        self._close_writers()

    def on_test_begin(self, logs=None):
        self._push_writer(self._val_writer, self._global_test_batch)

    def on_test_end(self, logs=None):
        optimizer = getattr(self.model, "optimizer", None)
        if optimizer is not None and hasattr(optimizer, "iterations"):
            iterations = int(optimizer.iterations)
            with self._val_writer.as_default():
                for name, value in (logs or {}).items():
                    self.summary.scalar(
                        f"evaluation_{name}_vs_iterations", value, step=iterations
                    )
        self._pop_writer()

    def on_train_batch_begin(self, batch, logs=None):
        self._global_train_batch += 1
        if self.update_freq != "epoch":
            self._pop_writer()
            self._push_writer(self._train_writer, self._global_train_batch)
        if self.write_steps_per_second:
            self._batch_start_time = time.time()
        if self._should_trace and self._global_train_batch == self._start_batch:
            self._start_trace()

    def on_train_batch_end(self, batch, logs=None):
        if self.write_steps_per_second:
            batch_run_time = time.time() - self._batch_start_time
            self.summary.scalar(
                "batch_steps_per_second", 1.0 / batch_run_time, step=self._global_train_batch
            )
        if isinstance(logs, dict):
            for name, value in logs.items():
                self.summary.scalar(f"batch_{name}", value, step=self._global_train_batch)
        if self._is_tracing:
            if self._profiler is not None:
                self._profiler.step()
            if self._global_train_batch >= self._stop_batch:
                self._stop_trace()

    def on_test_batch_begin(self, batch, logs=None):
        self._global_test_batch += 1
        if self.update_freq != "epoch":
            self._pop_writer()
            self._push_writer(self._val_writer, self._global_test_batch)

    def on_epoch_begin(self, epoch, logs=None):
        if self.write_steps_per_second:
            self._previous_epoch_iterations = float(self.model.optimizer.iterations)
            self._epoch_start_time = time.time()

    def on_epoch_end(self, epoch, logs=None):
        """Runs metrics and histogram summaries at epoch end."""
        self._log_epoch_metrics(epoch, logs)
        if self.histogram_freq and epoch % self.histogram_freq == 0:
            self._log_weights(epoch)
        if self.embeddings_freq and epoch % self.embeddings_freq == 0:
            self._log_embeddings(epoch)

    # -- profiling ---------------------------------------------------------------------------------
    def _start_trace(self):
        import torch

        try:
            activities = [torch.profiler.ProfilerActivity.CPU]
            if torch.cuda.is_available():
                activities.append(torch.profiler.ProfilerActivity.CUDA)
            self._profiler = torch.profiler.profile(
                activities=activities,
                on_trace_ready=torch.profiler.tensorboard_trace_handler(self._train_dir),
            )
            self._profiler.__enter__()
        except Exception as e:  # Profiler errors should not be fatal, as in Keras.
            _logger.error("Failed to start profiler: %s", e)
            self._profiler = None
        self._is_tracing = True

    def _stop_trace(self, batch=None):
        if self._profiler is not None:
            try:
                self._profiler.__exit__(None, None, None)
            except Exception as e:
                _logger.error("Failed to stop profiler: %s", e)
            self._profiler = None
        self._is_tracing = False

    # -- epoch summaries ---------------------------------------------------------------------------
    def _collect_learning_rate(self, logs):
        from torchkeras.optimizers import Optimizer

        optimizer = self.model.optimizer
        # Handles the case when the optimizer is wrapped by LossScaleOptimizer.
        if hasattr(optimizer, "inner_optimizer"):
            optimizer = optimizer.inner_optimizer
        if hasattr(optimizer, "optimizers"):
            for opt in optimizer.optimizers:
                logs[f"learning_rate_{opt.name}"] = float(opt.learning_rate)
        elif isinstance(optimizer, Optimizer):
            logs["learning_rate"] = float(optimizer.learning_rate)
        return logs

    def _compute_steps_per_second(self):
        current_iteration = float(self.model.optimizer.iterations)
        time_since_epoch_begin = time.time() - self._epoch_start_time
        return (current_iteration - self._previous_epoch_iterations) / time_since_epoch_begin

    def _log_epoch_metrics(self, epoch, logs):
        """Writes epoch metrics out as scalar summaries.

        Args:
            epoch: Int. The global step to use for TensorBoard.
            logs: Dict. Keys are scalar summary names, values are scalars.
        """
        if not logs:
            return
        train_logs = {k: v for k, v in logs.items() if not k.startswith("val_")}
        val_logs = {k: v for k, v in logs.items() if k.startswith("val_")}
        train_logs = self._collect_learning_rate(train_logs)
        if self.write_steps_per_second:
            train_logs["steps_per_second"] = self._compute_steps_per_second()
        if train_logs:
            with self._train_writer.as_default():
                for name, value in train_logs.items():
                    self.summary.scalar(f"epoch_{name}", value, step=epoch)
        if val_logs:
            with self._val_writer.as_default():
                for name, value in val_logs.items():
                    self.summary.scalar(f"epoch_{name[4:]}", value, step=epoch)

    def _log_weights(self, epoch):
        """Logs the weights of the Model to TensorBoard."""
        with self._train_writer.as_default():
            for layer in self.model.layers:
                for weight in layer.weights:
                    weight_name = weight.path.replace(":", "_")
                    # A suffix prevents tag collisions between the histogram and the image.
                    self.summary.histogram(f"{weight_name}/histogram", weight, step=epoch)
                    if self.write_images:
                        self._log_weight_as_image(weight, f"{weight_name}/image", epoch)
            self._train_writer.flush()

    def _log_weight_as_image(self, weight, weight_name, epoch):
        """Logs a weight as a TensorBoard image."""
        from torchkeras import backend

        w_img = weight.detach().squeeze()
        shape = tuple(w_img.shape)
        if len(shape) == 1:  # Bias case
            w_img = w_img.reshape(1, shape[0], 1, 1)
        elif len(shape) == 2:  # Dense layer kernel case
            if shape[0] > shape[1]:
                w_img = w_img.t()
                shape = tuple(w_img.shape)
            w_img = w_img.reshape(1, shape[0], shape[1], 1)
        elif len(shape) == 3:  # ConvNet case
            if backend.image_data_format() == "channels_last":
                # Switch to channels_first to display every kernel as a separate image.
                w_img = w_img.permute(2, 0, 1)
                shape = tuple(w_img.shape)
            w_img = w_img.reshape(shape[0], shape[1], shape[2], 1)
        w_img = w_img.cpu().float().numpy()
        # Not possible to handle 3D convnets etc.
        if w_img.ndim == 4 and w_img.shape[-1] in (1, 3, 4):
            self.summary.image(weight_name, w_img, step=epoch)

    def _log_embeddings(self, epoch):
        embeddings_ckpt = os.path.join(
            self._log_write_dir, "train", f"keras_embedding.ckpt-{epoch}.weights.h5"
        )
        self.model.save_weights(embeddings_ckpt)


# tf.keras 2 accepted (and ignored, with a warning) these TF1 arguments; Keras 3 refuses them.
_LEGACY_KWARGS = {
    "write_grads": "`write_grads` will be ignored in TensorFlow 2.0 for the `TensorBoard` "
    "Callback.",
    "batch_size": "`batch_size` is no longer needed in the `TensorBoard` Callback and will be "
    "ignored in TensorFlow 2.0.",
    "embeddings_layer_names": "`embeddings_layer_names` is not supported in TensorFlow 2.0. "
    "Instead, all `Embedding` layers will be visualized.",
    "embeddings_data": "`embeddings_data` is not supported in TensorFlow 2.0. Instead, all "
    "`Embedding` variables will be visualized.",
}


def _check_legacy_kwargs(kwargs):
    for name, value in kwargs.items():
        if name not in _LEGACY_KWARGS:
            raise TypeError(f"TensorBoard.__init__() got an unexpected keyword argument '{name}'")
        if value:
            _logger.warning(_LEGACY_KWARGS[name])


def _text_format_escape(value):
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def keras_model_summary(name, data, step=None):
    """Writes a Keras model as JSON to as a Summary.

    Writing the Keras model configuration allows the TensorBoard graph plugin to render a
    conceptual graph, as opposed to graph of ops. In case the model fails to serialize as JSON,
    it ignores and returns False.

    Args:
        name: A name for this summary.
        data: A Keras Model to write.
        step: Explicit `int64`-castable monotonic step value for this summary. Defaults to the
            default summary step, which must not be `None`.

    Returns:
        True on success, or False if no summary was written because no default summary writer
        was available.
    """
    import warnings

    from torchkeras.utils import event_file_writer

    try:
        json_string = data.to_json()
    except Exception as exc:
        # An exception should not break a model code.
        warnings.warn(f"Model failed to serialize as JSON. Ignoring... {exc}")
        return False
    # The graph plugin recognises the model by this plugin name, version 1.
    metadata = event_file_writer.summary_metadata("graph_keras_model", b"1")
    return summary_writer.write(tag=name, tensor=json_string, step=step, metadata=metadata)
