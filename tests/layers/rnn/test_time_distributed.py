import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers
from torchkeras.testing import run_layer_test


class Recorder(layers.Layer):
    """Doubles its input and records the batch sizes and masks it was called with."""

    def __init__(self, stateful=False, **kwargs):
        super().__init__(**kwargs)
        self.stateful = stateful
        self.batch_sizes = []
        self.masks = []

    def call(self, inputs, mask=None):
        self.batch_sizes.append(inputs.shape[0])
        self.masks.append(mask)
        return inputs * 2.0

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "stateful": self.stateful}


def test_time_distributed_basics():
    run_layer_test(
        layers.TimeDistributed, {"layer": layers.Dense(3)}, input_shape=(2, 4, 5),
        expected_output_shape=(2, 4, 3), expected_num_trainable_weights=2,
        expected_num_non_trainable_weights=0, supports_masking=True,
    )


def test_time_distributed_dense_matches_numpy(rng):
    layer = layers.TimeDistributed(layers.Dense(3, activation="tanh"), name="td")
    x = rng.standard_normal((2, 4, 5)).astype("float32")
    y = layer(x)
    kernel, bias = layer.get_weights()
    np.testing.assert_allclose(y.detach().numpy(), np.tanh(x @ kernel + bias), rtol=1e-5,
                               atol=1e-6)
    assert [w.path for w in layer.weights] == ["td/dense/kernel", "td/dense/bias"]
    assert layer.compute_output_shape((None, 4, 5)) == (None, 4, 3)


def test_time_distributed_folds_time_into_batch_and_passes_masks():
    recorder = Recorder()
    layer = layers.TimeDistributed(recorder)
    mask = torch.tensor([[1, 1, 0], [1, 0, 0]], dtype=torch.bool)
    y = layer(torch.ones(2, 3, 4), mask=mask)
    torch.testing.assert_close(y, torch.full((2, 3, 4), 2.0))
    assert recorder.batch_sizes == [6]
    assert recorder.masks[0].tolist() == [True, True, False, True, False, False]


def test_time_distributed_runs_batch_coupled_layers_per_step(rng):
    recorder = Recorder(stateful=True)
    layers.TimeDistributed(recorder)(torch.ones(2, 3, 4))
    assert recorder.batch_sizes == [2, 2, 2]
    # BatchNormalization sees one timestep at a time, as in Keras: per-step batch statistics.
    x = rng.standard_normal((4, 3, 2)).astype("float32") * np.array([1.0, 5.0, 10.0])[:, None]
    norm = layers.TimeDistributed(layers.BatchNormalization(epsilon=1e-3))
    y = norm(x.astype("float32"), training=True).detach().numpy()
    mean = x.mean(axis=0, keepdims=True)
    var = x.var(axis=0, keepdims=True)
    np.testing.assert_allclose(y, (x - mean) / np.sqrt(var + 1e-3), rtol=1e-4, atol=1e-4)


def test_time_distributed_config_round_trip():
    layer = layers.TimeDistributed(layers.Dense(2), name="td")
    config = layer.get_config()
    assert sorted(config) == ["dtype", "layer", "name", "trainable"]
    clone = layers.TimeDistributed.from_config(config)
    assert clone.get_config() == config


def test_time_distributed_in_model(rng):
    model = keras.Sequential([keras.Input((4, 3)), layers.TimeDistributed(layers.Dense(2))])
    assert model.output_shape == (None, 4, 2)
    model.compile(optimizer="sgd", loss="mse")
    model.fit(rng.standard_normal((6, 4, 3)).astype("float32"), np.ones((6, 4, 2), "float32"),
              epochs=1, verbose=0)


def test_time_distributed_errors():
    with pytest.raises(ValueError, match="Please initialize `TimeDistributed` layer with a "
                                         "`keras.layers.Layer` instance. Received: 3"):
        layers.TimeDistributed(3)
    with pytest.raises(ValueError, match="`TimeDistributed` Layer should be passed an "
                                         "`input_shape` with at least 3 dimensions, received: "
                                         r"\(2, 3\)"):
        layers.TimeDistributed(layers.Dense(3))(np.ones((2, 3), "float32"))
    layer = layers.TimeDistributed(Recorder())
    with pytest.raises(ValueError, match="The `mask` passed to the `TimeDistributed` layer must "
                                         r"be at least 2D \(e.g., `\(batch_size, timesteps\)`\), "
                                         r"but it has 1 dimension\(s\) with shape \(2,\)."):
        layer(torch.ones(2, 3, 4), mask=torch.ones(2, dtype=torch.bool))
    with pytest.raises(ValueError, match=r"The `mask` passed to the `TimeDistributed` layer has a "
                                         r"shape \(2, 4\) that is incompatible with the input "
                                         r"shape \(2, 3, 4\). .* Expected mask shape prefix: "
                                         r"\(2, 3\)."):
        layer(torch.ones(2, 3, 4), mask=torch.ones(2, 4, dtype=torch.bool))
