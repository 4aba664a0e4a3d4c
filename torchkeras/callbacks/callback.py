"""`Callback`: the base class of everything that hooks into `fit`, `evaluate` and `predict`."""

from torch.nn.parallel import DistributedDataParallel


def default(method):
    """Marks a `Callback` method as the do-nothing default, so overrides can be detected."""
    method._is_default = True
    return method


def is_default(method):
    """Whether `method` is still the do-nothing default of `Callback`."""
    return getattr(method, "_is_default", False)


class Callback:
    """Base class used to build new callbacks.

    Callbacks can be passed to keras methods such as `fit()`, `evaluate()`, and `predict()` in
    order to hook into the various stages of the model training, evaluation, and inference
    lifecycle.

    To create a custom callback, subclass `keras.callbacks.Callback` and override the method
    associated with the stage of interest.

    Attributes:
        params: Dict. Training parameters (e.g. verbosity, number of epochs, steps per epoch).
        model: Instance of `Model`. Reference of the model being trained.

    The `logs` dictionary that callback methods take as argument contains keys for quantities
    relevant to the current batch or epoch, as Python floats.

    Example:

    >>> class MyCallback(keras.callbacks.Callback):
    ...     def on_train_end(self, logs=None):
    ...         print("done, final loss", logs["loss"])
    >>> model.fit(x, y, callbacks=[MyCallback()])
    """

    # A callback that sets this to True receives batch logs whose values may still be 0-d device
    # tensors (no host sync); others receive Python floats, as in Keras.
    _supports_tensor_logs = False

    def __init__(self):
        self.params = None
        self._model = None

    def set_params(self, params):
        self.params = params

    def set_model(self, model):
        self._model = model

    @property
    def model(self):
        # A model wrapped for DDP is still the Keras model to the callbacks (they call
        # `get_weights`, `save` ... on it), so hand out the wrapped module.
        if isinstance(self._model, DistributedDataParallel):
            return self._model.module
        return self._model

    @model.setter
    def model(self, model):
        # Keras 3 has no setter; tf.keras callbacks assign `self.model = ...`, so accept it.
        self.set_model(model)

    @default
    def on_batch_begin(self, batch, logs=None):
        """A backwards compatibility alias for `on_train_batch_begin`."""

    @default
    def on_batch_end(self, batch, logs=None):
        """A backwards compatibility alias for `on_train_batch_end`."""

    @default
    def on_epoch_begin(self, epoch, logs=None):
        """Called at the start of an epoch (training only).

        Args:
            epoch: Integer, index of epoch.
            logs: Dict. Currently no data is passed to this argument.
        """

    @default
    def on_epoch_end(self, epoch, logs=None):
        """Called at the end of an epoch (training only).

        Args:
            epoch: Integer, index of epoch.
            logs: Dict, metric results for this training epoch, and for the validation epoch if
                validation is performed (keys prefixed with `val_`). Example:
                `{'loss': 0.2, 'accuracy': 0.7}`.
        """

    @default
    def on_train_batch_begin(self, batch, logs=None):
        """Called at the beginning of a training batch in `fit` methods.

        Args:
            batch: Integer, index of batch within the current epoch.
            logs: Dict. Currently no data is passed to this argument.
        """
        # For backwards compatibility.
        self.on_batch_begin(batch, logs=logs)

    @default
    def on_train_batch_end(self, batch, logs=None):
        """Called at the end of a training batch in `fit` methods.

        Args:
            batch: Integer, index of batch within the current epoch.
            logs: Dict. Aggregated metric results up until this batch.
        """
        # For backwards compatibility.
        self.on_batch_end(batch, logs=logs)

    @default
    def on_test_batch_begin(self, batch, logs=None):
        """Called at the beginning of a batch in `evaluate` methods (and validation in `fit`).

        Args:
            batch: Integer, index of batch within the current epoch.
            logs: Dict. Currently no data is passed to this argument.
        """

    @default
    def on_test_batch_end(self, batch, logs=None):
        """Called at the end of a batch in `evaluate` methods (and validation in `fit`).

        Args:
            batch: Integer, index of batch within the current epoch.
            logs: Dict. Aggregated metric results up until this batch.
        """

    @default
    def on_predict_batch_begin(self, batch, logs=None):
        """Called at the beginning of a batch in `predict` methods.

        Args:
            batch: Integer, index of batch within the current epoch.
            logs: Dict. Currently no data is passed to this argument.
        """

    @default
    def on_predict_batch_end(self, batch, logs=None):
        """Called at the end of a batch in `predict` methods.

        Args:
            batch: Integer, index of batch within the current epoch.
            logs: Dict. Aggregated metric results up until this batch.
        """

    @default
    def on_train_begin(self, logs=None):
        """Called at the beginning of training.

        Args:
            logs: Dict. Currently no data is passed to this argument.
        """

    @default
    def on_train_end(self, logs=None):
        """Called at the end of training.

        Args:
            logs: Dict. Currently the output of the last call to `on_epoch_end()`.
        """

    @default
    def on_test_begin(self, logs=None):
        """Called at the beginning of evaluation or validation.

        Args:
            logs: Dict. Currently no data is passed to this argument.
        """

    @default
    def on_test_end(self, logs=None):
        """Called at the end of evaluation or validation.

        Args:
            logs: Dict. Currently the output of the last call to `on_test_batch_end()`.
        """

    @default
    def on_predict_begin(self, logs=None):
        """Called at the beginning of prediction.

        Args:
            logs: Dict. Currently no data is passed to this argument.
        """

    @default
    def on_predict_end(self, logs=None):
        """Called at the end of prediction.

        Args:
            logs: Dict. Currently no data is passed to this argument.
        """

    def _implements_train_batch_hooks(self):
        """Whether this callback needs to be called for each training batch."""
        return not (
            is_default(self.on_batch_begin)
            and is_default(self.on_batch_end)
            and is_default(self.on_train_batch_begin)
            and is_default(self.on_train_batch_end)
        )

    def _implements_test_batch_hooks(self):
        """Whether this callback needs to be called for each evaluation batch."""
        return not (is_default(self.on_test_batch_begin) and is_default(self.on_test_batch_end))

    def _implements_predict_batch_hooks(self):
        """Whether this callback needs to be called for each prediction batch."""
        return not (
            is_default(self.on_predict_batch_begin) and is_default(self.on_predict_batch_end)
        )
