"""Cropping1D: crops a 1D input (e.g. a temporal sequence) along the time axis."""

from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.reshaping.base_cropping import BaseCropping
from torchkeras.layers.reshaping.spatial_arguments import standardize_tuple


class Cropping1D(BaseCropping):
    """Cropping layer for 1D input (e.g. temporal sequence).

    It crops along the time dimension (axis 1).

    Args:
        cropping: Int, or tuple of int (length 2). How many units should be trimmed off at the
            beginning and end of the cropping dimension (axis 1). A single int crops both ends
            by that amount. Defaults to `(1, 1)`.

    Input shape: 3D tensor with shape `(batch_size, axis_to_crop, features)`.
    Output shape: 3D tensor with shape `(batch_size, cropped_axis, features)`.

    Example:

    >>> x = np.arange(12).reshape(2, 3, 2).astype("float32")
    >>> keras.layers.Cropping1D(cropping=1)(x).shape
    torch.Size([2, 1, 2])
    """

    def __init__(self, cropping=(1, 1), **kwargs):
        super().__init__(**kwargs)
        self.cropping = standardize_tuple(cropping, 2, "cropping", allow_zero=True)
        self.input_spec = InputSpec(ndim=3)
        self.built = True

    def _pairs(self):
        return (self.cropping,)

    def _too_large(self, shape, shape_name):
        return ValueError(
            "`cropping` parameter of `Cropping1D` layer must be smaller than the input length. "
            f"Received: {shape_name}={shape}, cropping={self.cropping}"
        )

    def get_config(self):
        config = super().get_config()
        config["cropping"] = self.cropping
        return config
