"""ZeroPadding2D: pads a 2D input (e.g. a picture) with rows and columns of zeros."""

from torchkeras import backend
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.reshaping.base_zero_padding import BaseZeroPadding
from torchkeras.layers.reshaping.spatial_arguments import standardize_pairs


class ZeroPadding2D(BaseZeroPadding):
    """Zero-padding layer for 2D input (e.g. picture).

    This layer can add rows and columns of zeros at the top, bottom, left and right side of an
    image tensor.

    Args:
        padding: Int, or tuple of 2 ints, or tuple of 2 tuples of 2 ints.
            - If int: the same symmetric padding is applied to height and width.
            - If tuple of 2 ints: `(symmetric_height_pad, symmetric_width_pad)`.
            - If tuple of 2 tuples of 2 ints: `((top_pad, bottom_pad), (left_pad,
              right_pad))`.
            Defaults to `(1, 1)`.
        data_format: `"channels_last"` (`(batch, height, width, channels)`) or
            `"channels_first"`. Defaults to the `image_data_format` value (`"channels_last"`).

    Example:

    >>> x = np.ones((1, 2, 2, 1), "float32")
    >>> keras.layers.ZeroPadding2D(padding=1)(x).shape
    torch.Size([1, 4, 4, 1])
    """

    def __init__(self, padding=(1, 1), data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = backend.standardize_data_format(data_format)
        if isinstance(padding, int):
            self.padding = ((padding, padding), (padding, padding))
        else:
            self.padding = standardize_pairs(padding, 2, "padding")
        if self.padding is None:
            raise ValueError(
                "`padding` should be either an int, a tuple of 2 ints (symmetric_height_crop, "
                "symmetric_width_crop), or a tuple of 2 tuples of 2 ints ((top_crop, "
                f"bottom_crop), (left_crop, right_crop)). Received: padding={padding}."
            )
        self.input_spec = InputSpec(ndim=4)
        self.built = True
