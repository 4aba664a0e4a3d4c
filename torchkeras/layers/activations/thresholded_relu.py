"""ThresholdedReLU (tf.keras 2): `x` where `x > theta`, else 0."""

from torchkeras.layers.layer import Layer


class ThresholdedReLU(Layer):
    """Thresholded Rectified Linear Unit.

    Formula:

    ```
    f(x) = x for x > theta
    f(x) = 0 otherwise
    ```

    Args:
        theta: Float >= 0. Threshold location of activation. Defaults to `1.0`.

    Input shape: arbitrary. Output shape: same as the input.

    Example:

    >>> keras.layers.ThresholdedReLU(theta=0.5)(np.array([-1.0, 0.5, 0.6, 2.0]))
    tensor([0.0000, 0.0000, 0.6000, 2.0000])
    """

    def __init__(self, theta=1.0, **kwargs):
        super().__init__(**kwargs)
        if theta is None:
            raise ValueError(
                "Theta of a Thresholded ReLU layer cannot be None, expecting a float. "
                f"Received: {theta}"
            )
        if theta < 0:
            raise ValueError(
                f"The theta value of a Thresholded ReLU layer should be >=0. Received: {theta}"
            )
        self.theta = theta
        self.supports_masking = True
        self.built = True

    def call(self, inputs):
        return inputs * (inputs > self.theta).to(inputs.dtype)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config["theta"] = float(self.theta)
        return config
