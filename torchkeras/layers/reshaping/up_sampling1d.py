"""UpSampling1D: repeats each timestep `size` times."""

from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer
from torchkeras.layers.reshaping.base_up_sampling import repeat_axes


class UpSampling1D(Layer):
    """Upsampling layer for 1D inputs.

    Repeats each temporal step `size` times along the time axis.

    Args:
        size: Integer. Upsampling factor. Defaults to `2`.

    Input shape: 3D tensor with shape `(batch_size, steps, features)`.
    Output shape: 3D tensor with shape `(batch_size, upsampled_steps, features)`.

    Example:

    >>> x = np.arange(6).reshape(1, 3, 2).astype("float32")
    >>> keras.layers.UpSampling1D(size=2)(x).shape
    torch.Size([1, 6, 2])
    """

    def __init__(self, size=2, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(size, int) or isinstance(size, bool):
            raise TypeError(f"Expected an integer value for `size`, got {type(size)}.")
        if size <= 0:
            raise ValueError(f"Argument `size` should be a positive integer. Received: size={size}")
        self.size = size
        self.input_spec = InputSpec(ndim=3)
        self.built = True

    def call(self, inputs):
        return repeat_axes(inputs, {1: self.size})

    def compute_output_shape(self, input_shape):
        steps = self.size * input_shape[1] if input_shape[1] is not None else None
        return (input_shape[0], steps, input_shape[2])

    def get_config(self):
        config = super().get_config()
        config["size"] = self.size
        return config
