"""Cropping2D: crops a 2D input (e.g. a picture) along height and width."""

from torchkeras import backend
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.reshaping.base_cropping import BaseCropping
from torchkeras.layers.reshaping.spatial_arguments import standardize_pairs


class Cropping2D(BaseCropping):
    """Cropping layer for 2D input (e.g. picture).

    It crops along spatial dimensions, i.e. height and width.

    Args:
        cropping: Int, or tuple of 2 ints, or tuple of 2 tuples of 2 ints.
            - If int: the same symmetric cropping is applied to height and width.
            - If tuple of 2 ints: `(symmetric_height_crop, symmetric_width_crop)`.
            - If tuple of 2 tuples of 2 ints: `((top_crop, bottom_crop), (left_crop,
              right_crop))`.
            Defaults to `((0, 0), (0, 0))`.
        data_format: `"channels_last"` (`(batch, height, width, channels)`) or
            `"channels_first"`. Defaults to the `image_data_format` value (`"channels_last"`).

    Example:

    >>> x = np.zeros((2, 28, 28, 3), "float32")
    >>> keras.layers.Cropping2D(cropping=((2, 2), (4, 4)))(x).shape
    torch.Size([2, 24, 20, 3])
    """

    def __init__(self, cropping=((0, 0), (0, 0)), data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = backend.standardize_data_format(data_format)
        self.cropping = standardize_pairs(cropping, 2, "cropping")
        if self.cropping is None:
            raise ValueError(
                "`cropping` should be either an int, a tuple of 2 ints (symmetric_height_crop, "
                "symmetric_width_crop), or a tuple of 2 tuples of 2 ints ((top_crop, "
                f"bottom_crop), (left_crop, right_crop)). Received: cropping={cropping}."
            )
        self.input_spec = InputSpec(ndim=4)
        self.built = True

    def get_config(self):
        config = super().get_config()
        config.update({"cropping": self.cropping, "data_format": self.data_format})
        return config
