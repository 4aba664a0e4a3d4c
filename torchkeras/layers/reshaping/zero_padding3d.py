"""ZeroPadding3D: pads a 3D input (e.g. spatial or spatio-temporal data) with zeros."""

from torchkeras import backend
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.reshaping.base_zero_padding import BaseZeroPadding
from torchkeras.layers.reshaping.spatial_arguments import standardize_pairs


class ZeroPadding3D(BaseZeroPadding):
    """Zero-padding layer for 3D data (spatial or spatio-temporal).

    Args:
        padding: Int, or tuple of 3 ints, or tuple of 3 tuples of 2 ints.
            - If int: the same symmetric padding is applied to depth, height, and width.
            - If tuple of 3 ints: symmetric padding per dimension.
            - If tuple of 3 tuples of 2 ints: `((left_dim1_pad, right_dim1_pad),
              (left_dim2_pad, right_dim2_pad), (left_dim3_pad, right_dim3_pad))`.
            Defaults to `((1, 1), (1, 1), (1, 1))`.
        data_format: `"channels_last"` (`(batch, dim1, dim2, dim3, channels)`) or
            `"channels_first"`. Defaults to the `image_data_format` value (`"channels_last"`).

    Example:

    >>> x = np.ones((1, 1, 2, 2, 3), "float32")
    >>> keras.layers.ZeroPadding3D(padding=2)(x).shape
    torch.Size([1, 5, 6, 6, 3])
    """

    def __init__(self, padding=((1, 1), (1, 1), (1, 1)), data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = backend.standardize_data_format(data_format)
        if isinstance(padding, int):
            self.padding = ((padding, padding),) * 3
        else:
            self.padding = standardize_pairs(padding, 3, "padding")
        if self.padding is None:
            raise ValueError(
                "`padding` should be either an int, a tuple of 3 ints (symmetric_dim1_pad, "
                "symmetric_dim2_pad, symmetric_dim3_pad), or a tuple of 3 tuples of 2 ints "
                "((left_dim1_pad, right_dim1_pad), (left_dim2_pad, right_dim2_pad), "
                f"(left_dim3_pad, right_dim2_pad)). Received: padding={padding}."
            )
        self.input_spec = InputSpec(ndim=5)
        self.built = True
