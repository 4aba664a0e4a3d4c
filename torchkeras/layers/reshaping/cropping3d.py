"""Cropping3D: crops a 3D input (e.g. spatial or spatio-temporal data)."""

from torchkeras import backend
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.reshaping.base_cropping import BaseCropping
from torchkeras.layers.reshaping.spatial_arguments import standardize_pairs


class Cropping3D(BaseCropping):
    """Cropping layer for 3D data (e.g. spatial or spatio-temporal).

    Args:
        cropping: Int, or tuple of 3 ints, or tuple of 3 tuples of 2 ints.
            - If int: the same symmetric cropping is applied to depth, height, and width.
            - If tuple of 3 ints: symmetric cropping per dimension.
            - If tuple of 3 tuples of 2 ints: `((left_dim1_crop, right_dim1_crop),
              (left_dim2_crop, right_dim2_crop), (left_dim3_crop, right_dim3_crop))`.
            Defaults to `((1, 1), (1, 1), (1, 1))`.
        data_format: `"channels_last"` (`(batch, dim1, dim2, dim3, channels)`) or
            `"channels_first"`. Defaults to the `image_data_format` value (`"channels_last"`).

    Example:

    >>> x = np.zeros((2, 28, 28, 10, 3), "float32")
    >>> keras.layers.Cropping3D(cropping=(2, 4, 2))(x).shape
    torch.Size([2, 24, 20, 6, 3])
    """

    def __init__(self, cropping=((1, 1), (1, 1), (1, 1)), data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = backend.standardize_data_format(data_format)
        self.cropping = standardize_pairs(cropping, 3, "cropping")
        if self.cropping is None:
            raise ValueError(
                "`cropping` should be either an int, a tuple of 3 ints (symmetric_dim1_crop, "
                "symmetric_dim2_crop, symmetric_dim3_crop), or a tuple of 3 tuples of 2 ints "
                "((left_dim1_crop, right_dim1_crop), (left_dim2_crop, right_dim2_crop), "
                f"(left_dim3_crop, right_dim2_crop)). Received: {cropping}."
            )
        self.input_spec = InputSpec(ndim=5)
        self.built = True

    def get_config(self):
        config = super().get_config()
        config.update({"cropping": self.cropping, "data_format": self.data_format})
        return config
