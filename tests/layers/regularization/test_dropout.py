import numpy as np
import pytest
import torch

from torchkeras import layers
from torchkeras.testing import run_layer_test


def test_dropout_is_identity_in_inference():
    run_layer_test(layers.Dropout, {"rate": 0.5}, input_data=np.ones((2, 3), "float32"),
                   expected_output=np.ones((2, 3)), supports_masking=True,
                   run_training_check=False)


def test_dropout_training_scales_kept_units():
    x = torch.ones(200, 50)
    y = layers.Dropout(0.25)(x, training=True)
    kept = y[y != 0]
    np.testing.assert_allclose(kept.numpy(), np.full(kept.shape, 1 / 0.75), rtol=1e-6)
    assert abs(float((y == 0).float().mean()) - 0.25) < 0.02


def test_dropout_seed_and_noise_shape():
    x = torch.ones(4, 6)
    a = layers.Dropout(0.5, noise_shape=(None, 1), seed=3)(x, training=True)
    # One draw per row, broadcast along the features.
    assert all(len(set(row.tolist())) == 1 for row in a)
    b = layers.Dropout(0.5, noise_shape=(None, 1), seed=3)(x, training=True)
    assert torch.equal(a, b)


def test_dropout_rate_validation():
    with pytest.raises(ValueError, match=r"Expected a float value between 0 and 1. Received: rate=1.5"):
        layers.Dropout(1.5)
