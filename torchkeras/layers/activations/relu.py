"""ReLU: the rectified linear unit, with optional slope, threshold and ceiling."""

from torchkeras import activations
from torchkeras.layers.layer import Layer


class ReLU(Layer):
    """Rectified Linear Unit activation function layer.

    Formula:

    ```
    f(x) = max_value                        if x >= max_value
    f(x) = x                                if threshold <= x < max_value
    f(x) = negative_slope * (x - threshold) otherwise
    ```

    Args:
        max_value: Float >= 0. Maximum activation value. Defaults to `None` (unlimited).
        negative_slope: Float >= 0. Negative slope coefficient. Defaults to `0.0`.
        threshold: Float >= 0. Threshold value for thresholded activation. Defaults to `0.0`.

    Example:

    >>> keras.layers.ReLU(max_value=2.0)(np.array([-1.0, 1.0, 3.0]))
    tensor([0., 1., 2.])
    """

    def __init__(self, max_value=None, negative_slope=0.0, threshold=0.0, **kwargs):
        super().__init__(**kwargs)
        if max_value is not None and max_value < 0.0:
            raise ValueError(
                "max_value of a ReLU layer cannot be a negative value. "
                f"Received: max_value={max_value}"
            )
        if negative_slope is None or negative_slope < 0.0:
            raise ValueError(
                "negative_slope of a ReLU layer cannot be None or a negative value. "
                f"Received: negative_slope={negative_slope}"
            )
        if threshold is None or threshold < 0.0:
            raise ValueError(
                "threshold of a ReLU layer cannot be None or a negative value. "
                f"Received: threshold={threshold}"
            )
        self.max_value = max_value
        self.negative_slope = negative_slope
        self.threshold = threshold
        self.supports_masking = True
        self.built = True

    def call(self, inputs):
        return activations.relu(inputs, negative_slope=self.negative_slope,
                                max_value=self.max_value, threshold=self.threshold)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({
            "max_value": self.max_value,
            "negative_slope": self.negative_slope,
            "threshold": self.threshold,
        })
        return config
