"""Activation: applies an activation function to its input."""

from torchkeras import activations
from torchkeras.layers.layer import Layer


class Activation(Layer):
    """Applies an activation function to an output.

    Args:
        activation: Activation function (callable) or the name of a built-in one.

    Example:

    >>> layer = keras.layers.Activation("relu")
    >>> layer(np.array([-3.0, -1.0, 0.0, 2.0]))
    tensor([0., 0., 0., 2.])
    """

    def __init__(self, activation, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.activation = activations.get(activation)
        self.built = True

    def call(self, inputs):
        return self.activation(inputs)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config["activation"] = activations.serialize(self.activation)
        return config
