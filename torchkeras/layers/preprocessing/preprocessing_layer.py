"""PreprocessingLayer (tf.keras 2): the base of layers whose state is computed by `adapt`."""

import numpy as np
import torch

from torchkeras.layers.layer import Layer


class PreprocessingLayer(Layer):
    """Base class for preprocessing layers whose state is computed from data with `adapt()`.

    Subclasses implement `update_state(data)` (accumulate statistics from one batch),
    `reset_state()` (clear them) and optionally `finalize_state()` (turn the accumulated
    statistics into the layer's state once all batches are seen).

    Example:

    ```python
    class Mean(keras.layers.experimental.preprocessing.PreprocessingLayer):
        def build(self, input_shape):
            self.total, self.count = 0.0, 0

        def update_state(self, data):
            self.total += float(data.sum())
            self.count += data.size

        def reset_state(self):
            self.total, self.count = 0.0, 0

        def call(self, inputs):
            return inputs - self.total / self.count
    ```
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._is_compiled = False
        self._is_adapted = False
        # `reset_state` also marks the layer as not adapted, whatever the subclass does.
        self._reset_state_impl = self.reset_state
        self.reset_state = self._reset_state_wrapper

    @property
    def is_adapted(self):
        """Whether the layer has been fit to data already."""
        return self._is_adapted

    def update_state(self, data):
        """Accumulates statistics for the preprocessing layer.

        Args:
            data: A mini-batch of inputs to the layer.
        """
        raise NotImplementedError

    def reset_state(self):
        """Resets the statistics of the preprocessing layer."""
        raise NotImplementedError

    def finalize_state(self):
        """Finalize the statistics for the preprocessing layer, after the last `update_state`."""

    def compile(self, run_eagerly=None, steps_per_execution=None):
        """Configures the layer for `adapt` (kept for tf.keras 2 code: `adapt` always runs
        eagerly here)."""
        self._run_eagerly = run_eagerly
        self._steps_per_execution = steps_per_execution or 1
        self._is_compiled = True

    def adapt(self, data, batch_size=None, steps=None):
        """Fits the state of the preprocessing layer to the data being passed.

        Args:
            data: A NumPy array or tensor (split into batches of `batch_size`), or an iterable
                of batches (a `torch.utils.data.DataLoader`, a generator, a list of arrays).
            batch_size: Integer, the batch size for array data. Defaults to `None` (32).
            steps: Integer, the number of batches to use. Defaults to `None` (all of them).
        """
        if not self._is_compiled:
            self.compile()
        if self.built:
            self.reset_state()
        for step, batch in enumerate(self._batches(data, batch_size)):
            if steps is not None and step >= steps:
                break
            if not self.built:
                self.build(tuple(batch.shape) if hasattr(batch, "shape") else None)
                self.built = True
            self.update_state(batch)
        self.finalize_state()
        self._is_adapted = True

    @staticmethod
    def _batches(data, batch_size):
        if isinstance(data, (np.ndarray, torch.Tensor)):
            batch_size = batch_size or 32
            return (data[i:i + batch_size] for i in range(0, len(data), batch_size))
        return iter(data)

    def _reset_state_wrapper(self):
        self._reset_state_impl()
        self._is_adapted = False
