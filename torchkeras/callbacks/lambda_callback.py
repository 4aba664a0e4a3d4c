"""`LambdaCallback`: a callback built from plain functions."""

from torchkeras.callbacks.callback import Callback


class LambdaCallback(Callback):
    """Callback for creating simple, custom callbacks on-the-fly.

    The functions are called with positional arguments as the `Callback` methods are:
    `on_epoch_begin`/`on_epoch_end` get `(epoch, logs)`, `on_train_begin`/`on_train_end` get
    `(logs)`, and the batch hooks get `batch` and the keyword argument `logs`.

    Args:
        on_epoch_begin: called at the beginning of every epoch.
        on_epoch_end: called at the end of every epoch.
        on_train_begin: called at the beginning of model training.
        on_train_end: called at the end of model training.
        on_train_batch_begin: called at the beginning of every train batch.
        on_train_batch_end: called at the end of every train batch.
        **kwargs: Any other `Callback` method to override, as `function_name=function`, e.g.
            `on_test_end=fn`.

    Example:

    >>> batch_print_callback = keras.callbacks.LambdaCallback(
    ...     on_train_batch_begin=lambda batch, logs: print(batch))
    >>> model.fit(x, y, callbacks=[batch_print_callback])
    """

    def __init__(
        self,
        on_epoch_begin=None,
        on_epoch_end=None,
        on_train_begin=None,
        on_train_end=None,
        on_train_batch_begin=None,
        on_train_batch_end=None,
        **kwargs,
    ):
        super().__init__()
        self.__dict__.update(kwargs)
        if on_epoch_begin is not None:
            self.on_epoch_begin = on_epoch_begin
        if on_epoch_end is not None:
            self.on_epoch_end = on_epoch_end
        if on_train_begin is not None:
            self.on_train_begin = on_train_begin
        if on_train_end is not None:
            self.on_train_end = on_train_end
        if on_train_batch_begin is not None:
            self.on_train_batch_begin = on_train_batch_begin
        if on_train_batch_end is not None:
            self.on_train_batch_end = on_train_batch_end
