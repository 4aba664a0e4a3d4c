"""tf.keras 2's PreprocessingLayer base: adapt, update_state, finalize_state, is_adapted."""

import numpy as np
import pytest
import torch

import torchkeras as keras


class Centering(keras.layers.PreprocessingLayer):
    def build(self, input_shape):
        self.total, self.count, self.batches, self.mean = 0.0, 0, 0, None

    def update_state(self, data):
        self.total += float(np.asarray(data).sum())
        self.count += np.asarray(data).size
        self.batches += 1

    def reset_state(self):
        self.total, self.count, self.batches = 0.0, 0, 0

    def finalize_state(self):
        self.mean = self.total / self.count

    def call(self, inputs):
        return inputs - self.mean


def test_adapt_batches_finalizes_and_marks_adapted():
    layer = Centering()
    assert not layer.is_adapted
    data = np.arange(100, dtype="float32").reshape(50, 2)
    layer.adapt(data, batch_size=8)
    assert layer.is_adapted and layer.batches == 7 and layer.mean == pytest.approx(49.5)
    np.testing.assert_allclose(layer(np.array([[49.5, 50.5]], "float32")).numpy(), [[0.0, 1.0]])
    layer.adapt(torch.ones(10, 2), steps=1)  # reset first, then one batch of 32 (all 10 rows)
    assert layer.batches == 1 and layer.mean == 1.0
    layer.adapt([np.zeros((2, 2)), np.full((2, 2), 4.0)])  # an iterable of batches
    assert layer.batches == 2 and layer.mean == 2.0
    layer.reset_state()
    assert not layer.is_adapted
    layer.compile(run_eagerly=True, steps_per_execution=2)


def test_base_methods_are_abstract():
    layer = keras.layers.PreprocessingLayer()
    with pytest.raises(NotImplementedError):
        layer.update_state(np.ones(2))
    with pytest.raises(NotImplementedError):
        layer.reset_state()
    layer.finalize_state()
