"""ELU: the exponential linear unit."""

import torch.nn.functional as F

from torchkeras.layers.layer import Layer


class ELU(Layer):
    """Applies an Exponential Linear Unit function to an output.

    Formula: `f(x) = alpha * (exp(x) - 1.) for x < 0`, `f(x) = x for x >= 0`.

    Args:
        alpha: Float, slope of negative section. Defaults to `1.0`.

    Example:

    >>> keras.layers.ELU()(np.array([-1.0, 0.0, 2.0]))
    tensor([-0.6321,  0.0000,  2.0000])
    """

    def __init__(self, alpha=1.0, **kwargs):
        super().__init__(**kwargs)
        self.alpha = alpha
        self.supports_masking = True
        self.built = True

    def call(self, inputs):
        return F.elu(inputs, self.alpha)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config["alpha"] = self.alpha
        return config
