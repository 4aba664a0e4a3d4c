"""tf.keras 2 `Model` methods that Keras 3 dropped or deprecated, kept for migrated scripts.

`fit_generator`/`evaluate_generator`/`predict_generator` forward to `fit`/`evaluate`/`predict`
with tf.keras 2's deprecation warnings; `compiled_loss` and `compiled_metrics` serve the tf.keras 2
custom `train_step` idiom. The queueing arguments (`max_queue_size`, `workers`,
`use_multiprocessing`) belong to `keras.utils.PyDataset` in Keras 3 and are ignored here.
"""

import warnings

from torchkeras.trainers.data_adapters import data_adapter_utils


class TFKeras2TrainerMethods:
    """Mixin of `Trainer`: tf.keras 2's training-API leftovers."""

    def compiled_loss(self, y, y_pred, sample_weight=None, regularization_losses=None):
        """tf.keras 2's `self.compiled_loss(...)`: the compiled loss (regularization included),
        also recorded by the `loss` metric as tf.keras 2 did."""
        warnings.warn(
            "`model.compiled_loss()` is deprecated. Instead, use "
            "`model.compute_loss(x, y, y_pred, sample_weight, training)`.",
            stacklevel=2,
        )
        loss = self.compute_loss(x=None, y=y, y_pred=y_pred, sample_weight=sample_weight)
        if self._loss_tracker is not None:
            self._loss_tracker.update_state(loss.detach(), sample_weight=data_adapter_utils.batch_rows(y_pred))
        return loss

    @property
    def compiled_metrics(self):
        """tf.keras 2's `self.compiled_metrics.update_state(y, y_pred)`: the compiled metrics."""
        return _CompiledMetrics(self)

    def fit_generator(self, generator, steps_per_epoch=None, epochs=1, verbose=1, callbacks=None,
                      validation_data=None, validation_steps=None, validation_freq=1,
                      class_weight=None, max_queue_size=10, workers=1,
                      use_multiprocessing=False, shuffle=True, initial_epoch=0):
        """Fits the model on data yielded batch-by-batch by a generator (tf.keras 2)."""
        warnings.warn(
            "`Model.fit_generator` is deprecated and will be removed in a future version. "
            "Please use `Model.fit`, which supports generators.",
            stacklevel=2,
        )
        return self.fit(
            generator, steps_per_epoch=steps_per_epoch, epochs=epochs, verbose=verbose,
            callbacks=callbacks, validation_data=validation_data,
            validation_steps=validation_steps, validation_freq=validation_freq,
            class_weight=class_weight, shuffle=shuffle, initial_epoch=initial_epoch,
        )

    def evaluate_generator(self, generator, steps=None, callbacks=None, max_queue_size=10,
                           workers=1, use_multiprocessing=False, verbose=0):
        """Evaluates the model on a data generator (tf.keras 2)."""
        warnings.warn(
            "`Model.evaluate_generator` is deprecated and will be removed in a future version. "
            "Please use `Model.evaluate`, which supports generators.",
            stacklevel=2,
        )
        return self.evaluate(generator, steps=steps, callbacks=callbacks, verbose=verbose)

    def predict_generator(self, generator, steps=None, callbacks=None, max_queue_size=10,
                          workers=1, use_multiprocessing=False, verbose=0):
        """Generates predictions for the input samples from a data generator (tf.keras 2)."""
        warnings.warn(
            "`Model.predict_generator` is deprecated and will be removed in a future version. "
            "Please use `Model.predict`, which supports generators.",
            stacklevel=2,
        )
        return self.predict(generator, steps=steps, callbacks=callbacks, verbose=verbose)


class _CompiledMetrics:
    """What tf.keras 2's `model.compiled_metrics` offered a custom `train_step`."""

    def __init__(self, model):
        self._model = model

    def update_state(self, y, y_pred, sample_weight=None):
        warnings.warn(
            "`model.compiled_metrics()` is deprecated. Instead, use e.g.:\n```\nfor metric in "
            "self.metrics:\n    metric.update_state(y, y_pred)\n```\n",
            stacklevel=2,
        )
        if self._model._compile_metrics is not None:
            self._model._compile_metrics.update_state(y, y_pred, sample_weight)

    def reset_state(self):
        if self._model._compile_metrics is not None:
            self._model._compile_metrics.reset_state()

