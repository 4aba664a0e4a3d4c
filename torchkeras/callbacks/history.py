"""`History`: records the epoch logs; `fit` returns it."""

from torchkeras.callbacks.callback import Callback


class History(Callback):
    """Callback that records events into a `History` object.

    This callback is automatically applied to every Keras model. The `History` object gets
    returned by the `fit()` method of models.

    Attributes:
        history: Dict mapping each log name (`"loss"`, `"val_accuracy"`, ...) to the list of its
            values, one Python float per epoch.
        epoch: List of the epoch indices recorded.

    Example:

    >>> history = model.fit(x, y, epochs=10, verbose=0)
    >>> history.history.keys()
    dict_keys(['loss'])
    """

    # Only epoch-end logs are read, and those are already Python floats.
    _supports_tensor_logs = True

    def __init__(self):
        super().__init__()
        self.history = {}

    def on_train_begin(self, logs=None):
        self.epoch = []

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        self.epoch.append(epoch)
        for key, value in logs.items():
            self.history.setdefault(key, []).append(value)
        # Set after every epoch so `model.history` is the latest state even if training stops.
        self.model.history = self
