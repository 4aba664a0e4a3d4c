"""`keras.callbacks.SwapEMAWeights`: evaluate (and optionally checkpoint) with the EMA weights."""

import torch

from torchkeras.callbacks.callback import Callback


class SwapEMAWeights(Callback):
    """Swaps model weights and EMA weights before and after evaluation.

    This callbacks replaces the model's weight values with the values of the optimizer's EMA
    weights (the exponential moving average of the past model weights values, implementing
    "Polyak averaging") before model evaluation, and restores the previous weights after
    evaluation.

    The `SwapEMAWeights` callback is to be used in conjunction with an optimizer that sets
    `use_ema=True`.

    Note that the weights are swapped in-place in order to save memory. The behavior is
    undefined if you modify the EMA weights or model weights in other callbacks.

    Args:
        swap_on_epoch: whether to perform swapping at `on_epoch_begin()` and `on_epoch_end()`.
            This is useful if you want to use EMA weights for other callbacks such as
            `ModelCheckpoint`. Defaults to `False`.

    Example:

    >>> # Remember to set `use_ema=True` in the optimizer
    >>> optimizer = keras.optimizers.SGD(use_ema=True)
    >>> model.compile(optimizer=optimizer, loss=..., metrics=...)
    >>> # Metrics will be computed with EMA weights
    >>> model.fit(X_train, Y_train, callbacks=[keras.callbacks.SwapEMAWeights()])
    >>> # To save checkpoints with EMA weights, set `swap_on_epoch=True` and place
    >>> # `ModelCheckpoint` after `SwapEMAWeights`.
    >>> model.fit(
    ...     X_train,
    ...     Y_train,
    ...     callbacks=[SwapEMAWeights(swap_on_epoch=True), ModelCheckpoint(...)],
    ... )
    """

    def __init__(self, swap_on_epoch=False):
        super().__init__()
        self.swap_on_epoch = swap_on_epoch
        self._ema_weights_in_model = False

    @staticmethod
    def _swap(optimizer):
        # In place, on the device: no host copy and no new tensors are kept.
        with torch.no_grad():
            for variable, average in zip(
                optimizer._trainable_variables, optimizer._model_variables_moving_average
            ):
                scratch = variable.detach().clone()
                variable.copy_(average)
                average.copy_(scratch)

    @staticmethod
    def _finalize(optimizer):
        with torch.no_grad():
            for variable, average in zip(
                optimizer._trainable_variables, optimizer._model_variables_moving_average
            ):
                average.copy_(variable)

    def _apply_to_ema_optimizers(self, fn):
        optimizer = self.model.optimizer
        if hasattr(optimizer, "inner_optimizer"):  # LossScaleOptimizer
            optimizer = optimizer.inner_optimizer
        if hasattr(optimizer, "optimizers"):
            if not any(getattr(opt, "use_ema", False) for opt in optimizer.optimizers):
                raise ValueError(
                    "SwapEMAWeights must be used when at least one inner optimizer has "
                    "`use_ema=True` set. Received a MultiOptimizer with all inner optimizers "
                    "having `use_ema=False`."
                )
            optimizers = [opt for opt in optimizer.optimizers if getattr(opt, "use_ema", False)]
        else:
            optimizers = [optimizer]
        for opt in optimizers:
            if not hasattr(opt, "_model_variables_moving_average"):
                raise ValueError(
                    "SwapEMAWeights must be used when `use_ema=True` is set on the optimizer. "
                    f"Received: use_ema={getattr(opt, 'use_ema', None)}"
                )
            fn(opt)

    def _swap_variables(self):
        self._apply_to_ema_optimizers(self._swap)

    def _finalize_ema_values(self):
        self._apply_to_ema_optimizers(self._finalize)

    def on_epoch_begin(self, epoch, logs=None):
        if self.swap_on_epoch and self._ema_weights_in_model:
            self._swap_variables()
            self._ema_weights_in_model = False

    def on_epoch_end(self, epoch, logs=None):
        if self.swap_on_epoch and not self._ema_weights_in_model:
            self._swap_variables()
            self._ema_weights_in_model = True
            # At the end of `fit`, `finalize_variable_values` assigns the averages to the
            # weights: after the last epoch's swap the averages hold the raw weights, so put
            # the EMA values back into them.
            if epoch == self.params["epochs"] - 1:
                self._finalize_ema_values()

    def on_test_begin(self, logs=None):
        if not self._ema_weights_in_model:
            self._swap_variables()
            self._ema_weights_in_model = True

    def on_test_end(self, logs=None):
        if self._ema_weights_in_model:
            self._swap_variables()
            self._ema_weights_in_model = False

    def on_predict_begin(self, logs=None):
        if not self._ema_weights_in_model:
            self._swap_variables()
            self._ema_weights_in_model = True

    def on_predict_end(self, logs=None):
        # Keras 3.15.1 tests `not self._ema_weights_in_model` here and so leaves the EMA
        # weights in the model after `predict`; they are swapped back, as after `evaluate`.
        if self._ema_weights_in_model:
            self._swap_variables()
            self._ema_weights_in_model = False
