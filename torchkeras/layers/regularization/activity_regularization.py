"""ActivityRegularization: adds an L1/L2 penalty on its input to the loss; passes it through."""

from torchkeras import regularizers
from torchkeras.layers.layer import Layer


class ActivityRegularization(Layer):
    """Layer that applies an update to the cost function based on input activity.

    The penalty `l1 * sum(|x|) + l2 * sum(x^2)`, divided by the batch size, joins
    `layer.losses` (and the training loss); the input is returned unchanged.

    Args:
        l1: L1 regularization factor (positive float). Defaults to `0.0`.
        l2: L2 regularization factor (positive float). Defaults to `0.0`.
    """

    def __init__(self, l1=0.0, l2=0.0, **kwargs):
        super().__init__(activity_regularizer=regularizers.L1L2(l1=l1, l2=l2), **kwargs)
        self.supports_masking = True
        self.l1 = l1
        self.l2 = l2
        self.built = True

    def call(self, inputs):
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.pop("activity_regularizer", None)
        config.update({"l1": self.l1, "l2": self.l2})
        return config
