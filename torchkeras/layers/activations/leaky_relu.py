"""LeakyReLU: a ReLU with a small slope for negative inputs (0.3 by default, as in Keras)."""

import warnings

import torch.nn.functional as F

from torchkeras.layers.layer import Layer


class LeakyReLU(Layer):
    """Leaky version of a Rectified Linear Unit activation layer.

    Formula: `f(x) = negative_slope * x if x < 0`, `f(x) = x if x >= 0`.

    Note the default slope is `0.3` (the `keras.activations.leaky_relu` function uses `0.2`,
    `torch.nn.LeakyReLU` uses `0.01`).

    Args:
        negative_slope: Float >= 0.0. Negative slope coefficient. Defaults to `0.3`.

    Example:

    >>> keras.layers.LeakyReLU()(np.array([-3.0, -1.0, 0.0, 2.0]))
    tensor([-0.9000, -0.3000,  0.0000,  2.0000])
    """

    def __init__(self, negative_slope=0.3, **kwargs):
        if "alpha" in kwargs:
            negative_slope = kwargs.pop("alpha")
            warnings.warn("Argument `alpha` is deprecated. Use `negative_slope` instead.",
                          stacklevel=2)
        super().__init__(**kwargs)
        if negative_slope is None or negative_slope < 0:
            raise ValueError(
                "The negative_slope value of a Leaky ReLU layer cannot be None or negative "
                f"value. Expected a float. Received: negative_slope={negative_slope}"
            )
        self.negative_slope = negative_slope
        self.supports_masking = True
        self.built = True

    def call(self, inputs):
        return F.leaky_relu(inputs, self.negative_slope)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config["negative_slope"] = self.negative_slope
        return config
