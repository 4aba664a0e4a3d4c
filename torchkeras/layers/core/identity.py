"""Identity: returns its input unchanged."""

from torchkeras.layers.layer import Layer


class Identity(Layer):
    """Identity layer: a placeholder that returns its input unchanged (masks included)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.built = True

    def call(self, inputs):
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape
