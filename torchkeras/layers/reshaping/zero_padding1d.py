"""ZeroPadding1D: pads a 1D input (e.g. a temporal sequence) with zeros."""

from torchkeras import backend
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.reshaping.base_zero_padding import BaseZeroPadding
from torchkeras.layers.reshaping.spatial_arguments import standardize_tuple


class ZeroPadding1D(BaseZeroPadding):
    """Zero-padding layer for 1D input (e.g. temporal sequence).

    Args:
        padding: Int, or tuple of int (length 2). How many zeros to add at the beginning and
            end of the padding dimension (axis 1); a single int pads both ends by that amount.
            Defaults to `1`.
        data_format: `"channels_last"` (`(batch, axis_to_pad, channels)`) or
            `"channels_first"`. Defaults to the `image_data_format` value (`"channels_last"`).

    Example:

    >>> x = np.ones((2, 2, 3), "float32")
    >>> keras.layers.ZeroPadding1D(padding=2)(x).shape
    torch.Size([2, 6, 3])
    """

    def __init__(self, padding=1, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = backend.standardize_data_format(data_format)
        self.padding = standardize_tuple(padding, 2, "padding", allow_zero=True)
        self.input_spec = InputSpec(ndim=3)
        self.built = True

    def _pairs(self):
        return (self.padding,)
