"""tf.keras 2's ThresholdedReLU."""

import numpy as np
import pytest

import torchkeras as keras
from torchkeras.testing.layer_test import run_layer_test


def test_thresholded_relu():
    x = np.array([-1.0, 0.5, 0.6, 2.0], "float32")
    np.testing.assert_allclose(keras.layers.ThresholdedReLU(theta=0.5)(x).numpy(), [0, 0, 0.6, 2])
    run_layer_test(
        keras.layers.ThresholdedReLU, init_kwargs={"theta": 0.2}, input_data=x[None],
        expected_output=np.where(x > 0.2, x, 0)[None], expected_num_trainable_weights=0,
        run_training_check=False, supports_masking=True,
    )
    assert keras.layers.ThresholdedReLU().get_config()["theta"] == 1.0


def test_theta_errors():
    with pytest.raises(ValueError, match="Theta of a Thresholded ReLU layer cannot be None, "
                                         "expecting a float. Received: None"):
        keras.layers.ThresholdedReLU(theta=None)
    with pytest.raises(ValueError, match="The theta value of a Thresholded ReLU layer should be "
                                         ">=0. Received: -1"):
        keras.layers.ThresholdedReLU(theta=-1)
