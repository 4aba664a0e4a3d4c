"""RepeatVector: repeats a vector input `n` times along a new time axis."""

from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer


class RepeatVector(Layer):
    """Repeats the input n times.

    Args:
        n: Integer, repetition factor.

    Input shape: 2D tensor with shape `(batch_size, features)`.
    Output shape: 3D tensor with shape `(batch_size, n, features)`.

    Example:

    >>> x = keras.Input(shape=(32,))
    >>> keras.layers.RepeatVector(3)(x).shape
    (None, 3, 32)
    """

    def __init__(self, n, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(n, int) or isinstance(n, bool):
            raise TypeError(f"Expected an integer value for `n`, got {type(n)}.")
        if n <= 0:
            raise ValueError(f"Argument `n` should be a positive integer. Received: n={n}")
        self.n = n
        self.input_spec = InputSpec(ndim=2)
        self.built = True

    def call(self, inputs):
        # (batch, features) -> (batch, n, features); `expand` is a view, `contiguous` makes the
        # one copy the repeated output needs.
        return inputs.unsqueeze(1).expand(-1, self.n, -1).contiguous()

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.n, input_shape[1])

    def get_config(self):
        config = super().get_config()
        config["n"] = self.n
        return config
