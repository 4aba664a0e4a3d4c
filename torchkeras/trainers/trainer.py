"""Trainer: `compile`, `fit`, `evaluate`, `predict` and the `*_on_batch` methods of a Model.

`fit` is one function to read top to bottom. `train_step`, `test_step` and `predict_step` are
the override points, written as a Keras user on the torch backend writes them. Losses and metrics
accumulate on the device: nothing here reads a tensor back to the host during an epoch; the
progress bar and callbacks do, when they need a number.
"""

import warnings

import torch

from torchkeras import backend
from torchkeras.backend import module_hooks
from torchkeras.callbacks import callback_list
from torchkeras.trainers import compile_utils
from torchkeras.trainers.data_adapters import data_adapter_utils
from torchkeras.trainers.epoch_iterator import EpochIterator
from torchkeras.trainers.tf_keras_methods import TFKeras2TrainerMethods
from torchkeras.utils import tree


def _check_not_empty(iterator, method, arg):
    # Keras trains on nothing (a warning) or returns `[]`; an explicit error is clearer.
    if iterator.num_batches == 0:
        raise ValueError(
            f"Model.{method}(): no batches were produced by the input data. Received empty "
            f"input `{arg}`."
        )


class Trainer(TFKeras2TrainerMethods):
    """The training and inference API mixed into `Model`."""

    def __init__(self):
        self.compiled = False
        self.optimizer = None
        self.loss = None
        self.stop_training = False
        self.stop_evaluating = False
        self.stop_predicting = False
        self.history = None
        self._compile_loss = None
        self._compile_metrics = None
        self._loss_tracker = None
        self._metrics = []
        self.steps_per_execution = 1
        self.jit_compile = False
        self.run_eagerly = False
        self.train_function = None
        self.test_function = None
        self.predict_function = None
        self._regularized = None
        self._fast_step = None
        self._compiled_train_forward = None

    # -- compile ------------------------------------------------------------------------------
    def compile(self, optimizer="rmsprop", loss=None, loss_weights=None, metrics=None,
                weighted_metrics=None, run_eagerly=False, steps_per_execution=1,
                jit_compile="auto", auto_scale_loss=True):
        """Configure the model for training.

        Args:
            optimizer: Name or optimizer instance. Defaults to `"rmsprop"`.
            loss: Loss name, function or `keras.losses.Loss`; a list or dict for several
                outputs.
            loss_weights: Optional scalars weighting the per-output losses (list or dict).
            metrics: List of metrics evaluated during training and testing (names such as
                `"accuracy"`, functions or `keras.metrics.Metric` instances); a list of lists or
                a dict for several outputs.
            weighted_metrics: Metrics weighted by `sample_weight` or `class_weight`.
            run_eagerly: Accepted for Keras compatibility; torchkeras always runs eagerly
                unless `jit_compile=True`.
            steps_per_execution: Number of batches each call of the train function runs.
                Defaults to `1`.
            jit_compile: `True` compiles the train/test/predict steps with `torch.compile`.
                `"auto"` resolves to `False`, as Keras does on torch.
            auto_scale_loss: If `True` and the model's dtype policy is `"mixed_float16"`, the
                optimizer is wrapped in a `LossScaleOptimizer`, which scales the loss
                dynamically to prevent underflow. Defaults to `True`.
        """
        from torchkeras import metrics as metrics_module
        from torchkeras import optimizers

        self.optimizer = optimizers.get(optimizer)
        if (
            auto_scale_loss
            and self.dtype_policy.name == "mixed_float16"
            and self.optimizer
            and not isinstance(self.optimizer, optimizers.LossScaleOptimizer)
        ):
            self.optimizer = optimizers.LossScaleOptimizer(
                self.optimizer, name="loss_scale_optimizer"
            )
        self.loss = loss
        output_names = self._get_output_names()
        self._compile_loss = (
            compile_utils.CompileLoss(loss, loss_weights, output_names=output_names)
            if loss is not None
            else None
        )
        self._compile_metrics = (
            compile_utils.CompileMetrics(metrics, weighted_metrics, output_names=output_names)
            if metrics is not None or weighted_metrics is not None
            else None
        )
        self._loss_tracker = metrics_module.Mean(name="loss")
        if not isinstance(steps_per_execution, int) or steps_per_execution < 1:
            raise ValueError(
                "Model.compile(): `steps_per_execution` must be a positive integer. "
                f"Received: steps_per_execution={steps_per_execution}"
            )
        self.steps_per_execution = steps_per_execution
        self.jit_compile = jit_compile is True
        self.run_eagerly = run_eagerly
        self.train_function = self.test_function = self.predict_function = None
        self._compile_config = {
            "optimizer": self.optimizer, "loss": loss, "loss_weights": loss_weights,
            "metrics": metrics, "weighted_metrics": weighted_metrics,
            "run_eagerly": run_eagerly, "steps_per_execution": steps_per_execution,
            "jit_compile": self.jit_compile,
        }
        self.compiled = True

    def get_compile_config(self):
        """The `compile()` arguments as a serializable dict (`{}` when not compiled)."""
        from torchkeras.saving import serialization

        if not self.compiled:
            return {}
        return {
            key: serialization.serialize_keras_object(value)
            for key, value in self._compile_config.items()
        }

    def compile_from_config(self, config):
        """Compile the model from `get_compile_config()`'s dict."""
        from torchkeras import losses
        from torchkeras import metrics
        from torchkeras import optimizers

        if not config:
            return
        config = dict(config)
        config["optimizer"] = optimizers.get(config.get("optimizer") or "rmsprop")
        config["loss"] = _deserialize_structure(config.get("loss"), losses.get)
        for key in ("metrics", "weighted_metrics"):
            config[key] = _deserialize_structure(config.get(key), metrics.get)
        self.compile(**config)
        if self.built and self.trainable_weights and not self.optimizer.built:
            # As Keras: the optimizer's variables exist before its saved state is loaded.
            self.optimizer.build(self.trainable_weights)

    def _get_output_names(self):
        outputs = getattr(self, "_outputs_struct", None)
        if isinstance(outputs, dict):
            return list(outputs.keys())
        flat = getattr(self, "_outputs", None)
        if flat:
            return [x._keras_history.operation.name for x in flat]
        return None

    @property
    def metrics(self):
        """Loss tracker, compiled metrics, per-output loss trackers, then metrics set as
        attributes (e.g. `self.loss_tracker = keras.metrics.Mean(name="loss")`)."""
        metrics = []
        if self.compiled:
            if self._loss_tracker is not None:
                metrics.append(self._loss_tracker)
            if self._compile_metrics is not None:
                metrics.append(self._compile_metrics)
            if self._compile_loss is not None:
                metrics.extend(t for t in self._compile_loss.loss_trackers if t is not None)
        metrics.extend(self.__dict__.get("_metrics", []))
        return metrics

    @property
    def metrics_names(self):
        return [m.name for m in self.metrics]

    def reset_metrics(self):
        for metric in self.metrics:
            metric.reset_state()

    def _assert_compile_called(self):
        if not self.compiled:
            raise ValueError("You must call `compile()` before using the model.")

    # -- the steps ----------------------------------------------------------------------------
    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        """The total loss: the compiled loss plus regularization and `add_loss` terms."""
        losses = []
        if self._compile_loss is not None:
            loss = self._compile_loss(y, y_pred, sample_weight)
            if loss is not None:
                losses.append(loss)
        additional = self._additional_losses()
        if not additional and losses:
            # The common step: the compiled loss alone.
            return losses[0]
        losses.extend(additional)
        if not losses:
            raise ValueError("No loss to compute. Provide a `loss` argument in `compile()`.")
        return losses[0] if len(losses) == 1 else compile_utils.scalar_loss_sum(losses)

    def _additional_losses(self):
        from torchkeras.layers import layer as layer_lib

        if self._regularized is None:
            self._regularized = self._collect_regularized() if self.built else None
        if not layer_lib._LAYERS_WITH_LOSSES and not self._regularized:
            return ()
        losses = [loss for layer in layer_lib._LAYERS_WITH_LOSSES for loss in layer._losses]
        losses.extend(regularizer(v) for v, regularizer in self._regularized)
        return losses

    def _collect_regularized(self):
        return [
            (v, v.regularizer) for v in self.trainable_weights
            if getattr(v, "regularizer", None) is not None
        ]

    def compute_metrics(self, x, y, y_pred, sample_weight=None):
        """Update the compiled metrics and return the current results of `self.metrics`."""
        if self._compile_metrics is not None:
            self._compile_metrics.update_state(y, y_pred, sample_weight)
        return self.get_metrics_result()

    def get_metrics_result(self):
        """The results of `self.metrics` as a dict (compiled metrics merged in)."""
        return MetricsLogs(self.metrics)

    def train_step(self, data):
        """One step of training on a batch: forward, loss, backward, optimizer update."""
        x, y, sample_weight = data_adapter_utils.unpack_x_y_sample_weight(data)
        forward = self._compiled_train_forward or self._train_forward
        y_pred, loss = forward(x, y, sample_weight)
        self._loss_tracker.update_state(loss.detach(), sample_weight=data_adapter_utils.batch_rows(x))
        if self.optimizer is not None:
            loss = self.optimizer.scale_loss(loss)
        optimizer = self.optimizer
        if loss.requires_grad:
            if not optimizer.built:
                optimizer.build(self.trainable_weights)
            if self._fast_step is None:
                self._fast_step = module_hooks.optimizer_step_function(optimizer)
            loss.backward()
            self._fast_step()
            module_hooks.clear_grads(optimizer._trainable_variables)
        else:
            warnings.warn("The model does not have any trainable weights.")
        return self.compute_metrics(x, y, y_pred, sample_weight=sample_weight)

    def _train_forward(self, x, y, sample_weight):
        # The part of the default train step that `jit_compile=True` compiles: torch.compile
        # also compiles its backward, while `loss.backward()` and the optimizer update stay
        # outside (tracing them would break the graph).
        y_pred = self(x, training=True)
        return y_pred, self.compute_loss(x=x, y=y, y_pred=y_pred, sample_weight=sample_weight)

    def test_step(self, data):
        """One step of evaluation on a batch: forward, loss and metrics."""
        x, y, sample_weight = data_adapter_utils.unpack_x_y_sample_weight(data)
        y_pred = self(x, training=False)
        loss = self.compute_loss(x=x, y=y, y_pred=y_pred, sample_weight=sample_weight,
                                 training=False)
        self._loss_tracker.update_state(loss.detach(), sample_weight=data_adapter_utils.batch_rows(x))
        return self.compute_metrics(x, y, y_pred, sample_weight=sample_weight)

    def predict_step(self, data):
        """One step of inference on a batch: the model's outputs."""
        x, _, _ = data_adapter_utils.unpack_x_y_sample_weight(data)
        return self(x, training=False)

    def make_train_function(self, force=False):
        if self.train_function is not None and not force:
            return self.train_function
        self._fast_step = None
        self._compiled_train_forward = None
        if self.jit_compile and type(self).train_step is Trainer.train_step:
            # The default step: compile its forward and loss (see `_train_forward`).
            from torchkeras.backend import compile as compile_lib

            self._compiled_train_forward = compile_lib.compile_step(self._train_forward)
            step = self.train_step
        else:
            step = self._maybe_compile(self.train_step)
        if step is self.train_step:

            def train_function(batches):
                # Explicit: a caller may have switched recording off (the tf.keras shim does,
                # as TensorFlow records only under a GradientTape).
                with torch.enable_grad():
                    for data in batches:
                        logs = step(data)
                return logs

        else:
            eager_step = self.train_step

            def train_function(batches):
                with torch.enable_grad():
                    for data in batches:
                        # The first step runs eagerly: it builds the optimizer and picks its
                        # step function, one-time Python work torch.compile would otherwise
                        # trace (and break the whole step's graph on).
                        logs = step(data) if self._fast_step is not None else eager_step(data)
                return logs

        self.train_function = train_function
        return train_function

    def make_test_function(self, force=False):
        if self.test_function is not None and not force:
            return self.test_function
        step = self._maybe_compile(self.test_step)

        def test_function(batches):
            with torch.no_grad():
                for data in batches:
                    logs = step(data)
            return logs

        self.test_function = test_function
        return test_function

    def make_predict_function(self, force=False):
        if self.predict_function is not None and not force:
            return self.predict_function
        step = self._maybe_compile(self.predict_step)

        def predict_function(batches):
            with torch.no_grad():
                outputs = [step(data) for data in batches]
            return outputs

        self.predict_function = predict_function
        return predict_function

    def _maybe_compile(self, step):
        if not self.jit_compile:
            return step
        from torchkeras.backend import compile as compile_lib

        return compile_lib.compile_step(step)

    # -- fit ----------------------------------------------------------------------------------
    def fit(self, x=None, y=None, batch_size=None, epochs=1, verbose="auto", callbacks=None,
            validation_split=0.0, validation_data=None, shuffle=True, class_weight=None,
            sample_weight=None, initial_epoch=0, steps_per_epoch=None, validation_steps=None,
            validation_batch_size=None, validation_freq=1):
        """Train the model for a fixed number of epochs (dataset iterations).

        Args:
            x: Input data: NumPy array or torch tensor (or a list/dict of them for several
                inputs), a generator or `keras.utils.PyDataset` yielding `(x, y)` or
                `(x, y, sample_weight)`, or a torch `Dataset`/`DataLoader`.
            y: Target data, like `x`. Not given when `x` yields targets.
            batch_size: Number of samples per gradient update. Defaults to `32`.
            epochs: Number of epochs to train the model. Defaults to `1`.
            verbose: `"auto"`, 0, 1, or 2. 0 = silent, 1 = progress bar, 2 = one line per
                epoch. `"auto"` is 1.
            callbacks: List of `keras.callbacks.Callback` instances.
            validation_split: Fraction of the training data (taken from the end, before
                shuffling) to hold out for validation.
            validation_data: `(x_val, y_val)` or `(x_val, y_val, val_sample_weight)` evaluated
                at the end of each epoch.
            shuffle: Whether to shuffle the training data before each epoch (`"batch"` shuffles
                within batches). Defaults to `True`.
            class_weight: Dict mapping class indices to a weight for the loss.
            sample_weight: Array of weights for the training samples.
            initial_epoch: Epoch at which to start training (to resume a run). Defaults to `0`.
            steps_per_epoch: Batches per epoch. Defaults to one pass over the data.
            validation_steps: Batches to validate on. Defaults to the whole validation data.
            validation_batch_size: Batch size for validation. Defaults to `batch_size`.
            validation_freq: Run validation every `validation_freq` epochs (or at the listed
                epochs). Defaults to `1`.

        Returns:
            A `History` object; `history.history` records the losses and metrics per epoch.
        """
        from torchkeras import callbacks as callbacks_module

        self._assert_compile_called()
        if validation_split and validation_data is None:
            (x, y, sample_weight), validation_data = data_adapter_utils.train_validation_split(
                (x, y, sample_weight), validation_split=validation_split
            )
        if validation_data is not None:
            val_x, val_y, val_sample_weight = data_adapter_utils.unpack_x_y_sample_weight(
                validation_data
            )
        epochs = _debug_limits().limit_epochs(epochs)
        epoch_iterator = EpochIterator(
            x=x, y=y, sample_weight=sample_weight, batch_size=batch_size,
            steps_per_epoch=_debug_limits().limit_steps_per_epoch(steps_per_epoch),
            shuffle=shuffle, class_weight=class_weight,
            steps_per_execution=self.steps_per_execution,
        )
        _check_not_empty(epoch_iterator, "fit", "x")
        verbose = _resolve_verbose(verbose)
        if not isinstance(callbacks, callbacks_module.CallbackList):
            callbacks = callbacks_module.CallbackList(
                callbacks, add_history=True, add_progbar=verbose != 0, verbose=verbose,
                epochs=epochs, steps=epoch_iterator.num_batches, model=self,
            )
        self.stop_training = False
        # Collected here, not lazily inside the step: a compiled step would otherwise be traced
        # once with nothing collected and again with the list (a recompile on every `fit`).
        self._regularized = self._collect_regularized() if self.built else None
        train_function = self.make_train_function()
        eval_iterator = None
        training_logs = {}
        # A callback restoring a backup (`BackupAndRestore`) sets where training resumes.
        self._initial_epoch = None
        self._initial_step = 0
        callbacks.on_train_begin()
        if self._initial_epoch is not None:
            initial_epoch = self._initial_epoch
        for epoch in range(initial_epoch, epochs):
            self.reset_metrics()
            callbacks.on_epoch_begin(epoch)
            torch.nn.Module.train(self, True)
            logs = {}
            skip_steps, self._initial_step = self._initial_step, 0
            for begin_step, end_step, batches in epoch_iterator:
                if end_step < skip_steps:
                    # Already trained before the interruption; drawn only to keep the order.
                    continue
                callbacks.on_train_batch_begin(begin_step)
                logs = train_function(batches)
                callbacks.on_train_batch_end(end_step, logs)
                if self.stop_training:
                    break
            epoch_logs = dict(self._get_metrics_result_or_logs(logs))
            torch.nn.Module.train(self, False)

            if validation_data is not None and _should_eval(epoch, validation_freq):
                if eval_iterator is None:
                    eval_iterator = EpochIterator(
                        x=val_x, y=val_y, sample_weight=val_sample_weight,
                        batch_size=validation_batch_size or batch_size,
                        steps_per_epoch=_debug_limits().limit_steps_per_epoch(validation_steps),
                        shuffle=False,
                        steps_per_execution=self.steps_per_execution,
                    )
                val_logs = self._evaluate_loop(eval_iterator, callbacks)
                epoch_logs.update({"val_" + name: value for name, value in val_logs.items()})

            callbacks.on_epoch_end(epoch, epoch_logs)
            training_logs = epoch_logs
            if self.stop_training:
                break
        if self.optimizer is not None and epochs > 0:
            # As Keras: the moving averages replace the weights at the end (`use_ema`).
            self.optimizer.finalize_variable_values(self.trainable_weights)
        callbacks.on_train_end(logs=training_logs)
        return self.history

    # -- evaluate -----------------------------------------------------------------------------
    def evaluate(self, x=None, y=None, batch_size=None, verbose="auto", sample_weight=None,
                 steps=None, callbacks=None, return_dict=False, **kwargs):
        """Return the loss and metric values of the model in test mode.

        Args:
            x, y, sample_weight: Data, as for `fit`.
            batch_size: Defaults to `32`.
            verbose: `"auto"`, 0, 1 or 2.
            steps: Number of batches to evaluate. Defaults to the whole data.
            callbacks: List of callbacks.
            return_dict: Return a dict `{name: value}` instead of a list.

        Returns:
            The scalar loss (single output, no metrics), or a list of scalars in
            `model.metrics_names` order, or a dict when `return_dict=True`.
        """
        from torchkeras import callbacks as callbacks_module

        if kwargs:
            raise ValueError(f"Arguments not recognized: {kwargs}")
        self._assert_compile_called()
        iterator = EpochIterator(
            x=x, y=y, sample_weight=sample_weight, batch_size=batch_size,
            steps_per_epoch=_debug_limits().limit_steps_per_epoch(steps), shuffle=False,
            steps_per_execution=self.steps_per_execution,
        )
        _check_not_empty(iterator, "evaluate", "x")
        verbose = _resolve_verbose(verbose)
        if not isinstance(callbacks, callbacks_module.CallbackList):
            callbacks = callbacks_module.CallbackList(
                callbacks, add_progbar=verbose != 0, verbose=verbose, epochs=1,
                steps=iterator.num_batches, model=self,
            )
        logs = self._evaluate_loop(iterator, callbacks)
        if return_dict:
            return logs
        return self._flatten_metrics_in_order(logs)

    def _evaluate_loop(self, iterator, callbacks):
        torch.nn.Module.train(self, False)
        test_function = self.make_test_function()
        self.stop_evaluating = False
        callbacks.on_test_begin()
        self.reset_metrics()
        logs = {}
        for begin_step, end_step, batches in iterator:
            callbacks.on_test_batch_begin(begin_step)
            logs = test_function(batches)
            callbacks.on_test_batch_end(end_step, logs)
            if self.stop_evaluating:
                break
        logs = callback_list.pythonify_logs(self._get_metrics_result_or_logs(logs))
        callbacks.on_test_end(logs)
        return logs

    # -- predict ------------------------------------------------------------------------------
    def predict(self, x, batch_size=None, verbose="auto", steps=None, callbacks=None):
        """Generate output predictions for the input samples, as NumPy arrays.

        Args:
            x: Input samples (as for `fit`; targets, if present, are ignored).
            batch_size: Defaults to `32`.
            verbose: `"auto"`, 0, 1 or 2.
            steps: Number of batches to predict. Defaults to the whole data.
            callbacks: List of callbacks.
        """
        from torchkeras import callbacks as callbacks_module

        iterator = EpochIterator(
            x=x, batch_size=batch_size,
            steps_per_epoch=_debug_limits().limit_steps_per_epoch(steps), shuffle=False,
            steps_per_execution=self.steps_per_execution,
        )
        verbose = _resolve_verbose(verbose)
        if not isinstance(callbacks, callbacks_module.CallbackList):
            callbacks = callbacks_module.CallbackList(
                callbacks, add_progbar=verbose != 0, verbose=verbose, epochs=1,
                steps=iterator.num_batches, model=self,
            )
        torch.nn.Module.train(self, False)
        predict_function = self.make_predict_function()
        self.stop_predicting = False
        callbacks.on_predict_begin()
        outputs = []
        for begin_step, end_step, batches in iterator:
            callbacks.on_predict_batch_begin(begin_step)
            batch_outputs = predict_function(batches)
            outputs.extend(batch_outputs)
            callbacks.on_predict_batch_end(end_step, {"outputs": batch_outputs[-1]})
            if self.stop_predicting:
                break
        callbacks.on_predict_end()
        if not outputs:
            raise ValueError(
                "Model.predict(): no batches were produced by the input data. Received empty "
                "input `x`."
            )
        # One concatenation and one transfer to the host per output, at the end.
        flat = [tree.flatten(o) for o in outputs]
        merged = [backend.convert_to_numpy(torch.cat(parts)) for parts in zip(*flat)]
        return tree.pack_sequence_as(outputs[0], merged)

    # -- on batch -----------------------------------------------------------------------------
    def train_on_batch(self, x, y=None, sample_weight=None, class_weight=None,
                       return_dict=False):
        """Run a single gradient update on one batch of data.

        Returns:
            The scalar loss, or a list/dict of loss and metric values.
        """
        self._assert_compile_called()
        if class_weight is not None:
            if sample_weight is not None:
                raise ValueError(
                    "Arguments `sample_weight` and `class_weight` cannot be specified at the "
                    f"same time. Received: sample_weight={sample_weight}, "
                    f"class_weight={class_weight}"
                )
            sample_weight = data_adapter_utils.class_weight_to_sample_weights(y, class_weight)
        data = data_adapter_utils.convert_batch((x, y, sample_weight))
        self.reset_metrics()  # As Keras: the returned values describe this batch only.
        torch.nn.Module.train(self, True)
        logs = self.make_train_function()([data])
        torch.nn.Module.train(self, False)
        logs = callback_list.pythonify_logs(logs)
        if return_dict:
            return logs
        return self._flatten_metrics_in_order(logs)

    def test_on_batch(self, x, y=None, sample_weight=None, return_dict=False):
        """Test the model on a single batch of samples."""
        self._assert_compile_called()
        data = data_adapter_utils.convert_batch((x, y, sample_weight))
        self.reset_metrics()
        torch.nn.Module.train(self, False)
        logs = callback_list.pythonify_logs(self.make_test_function()([data]))
        if return_dict:
            return logs
        return self._flatten_metrics_in_order(logs)

    def predict_on_batch(self, x):
        """Return the predictions for a single batch of samples, as NumPy arrays."""
        data = data_adapter_utils.convert_batch((x,))
        torch.nn.Module.train(self, False)
        outputs = self.make_predict_function()([data])[0]
        return tree.map_structure(backend.convert_to_numpy, outputs)

    # -- logs ---------------------------------------------------------------------------------
    def _get_metrics_result_or_logs(self, logs):
        metric_logs = self.get_metrics_result()
        if isinstance(logs, MetricsLogs) or (
            isinstance(logs, dict) and set(logs.keys()) == set(metric_logs.keys())
        ):
            return dict(metric_logs)
        return logs

    def _flatten_metrics_in_order(self, logs):
        names = []
        for metric in self.metrics:
            if isinstance(metric, compile_utils.CompileMetrics):
                # The metric objects' own names: with several outputs they differ from the
                # prefixed result names, which then follow in sorted order (as in Keras).
                names += [m.name for m in metric.metrics]
            else:
                names.append(metric.name)
        results = [logs[name] for name in names if name in logs]
        results += [logs[key] for key in sorted(logs) if key not in names]
        if len(results) == 1:
            return results[0]
        return results


def _debug_limits():
    # `keras.config.set_max_epochs` / `set_max_steps_per_epoch` (imported late: the config
    # package imports saving, which imports models).
    from torchkeras.config import global_settings

    return global_settings


class MetricsLogs(dict):
    """Step logs that compute metric results only when read.

    `fit` hands these to callbacks after every step; the results (small device computations)
    are evaluated on first access, so a step whose logs nobody reads costs nothing extra.
    """

    def __init__(self, metrics):
        super().__init__()
        self._metrics = metrics
        self._ready = False

    def _materialize(self):
        if not self._ready:
            self._ready = True
            for metric in self._metrics:
                result = metric.result()
                if isinstance(result, dict):
                    dict.update(self, result)
                else:
                    dict.__setitem__(self, metric.name, result)

    def __getitem__(self, key):
        self._materialize()
        return dict.__getitem__(self, key)

    def __iter__(self):
        self._materialize()
        return dict.__iter__(self)

    def __len__(self):
        self._materialize()
        return dict.__len__(self)

    def __contains__(self, key):
        self._materialize()
        return dict.__contains__(self, key)

    def get(self, key, default=None):
        self._materialize()
        return dict.get(self, key, default)

    def keys(self):
        self._materialize()
        return dict.keys(self)

    def values(self):
        self._materialize()
        return dict.values(self)

    def items(self):
        self._materialize()
        return dict.items(self)

    def copy(self):
        self._materialize()
        return dict(self)

    def __repr__(self):
        self._materialize()
        return dict.__repr__(self)

    def __eq__(self, other):
        self._materialize()
        return dict.__eq__(self, other)

    __hash__ = None


def _deserialize_structure(value, getter):
    """Deserialize the objects in a (nested) compile argument; plain names stay names."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict) and "class_name" in value:
        return getter(value)
    if isinstance(value, dict):
        return {k: _deserialize_structure(v, getter) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_deserialize_structure(v, getter) for v in value]
    return value




def _resolve_verbose(verbose):
    if verbose == "auto":
        return 1
    return verbose


def _should_eval(epoch, validation_freq):
    epoch = epoch + 1
    if isinstance(validation_freq, int):
        return epoch % validation_freq == 0
    if isinstance(validation_freq, (list, tuple)):
        return epoch in validation_freq
    raise ValueError(
        "Expected `validation_freq` to be a list or int. "
        f"Received: validation_freq={validation_freq} of the type {type(validation_freq)}."
    )
