"""CenterCrop: crop the central part of images (resizing when they are smaller)."""

from torchkeras.layers.preprocessing.image_preprocessing import image_ops
from torchkeras.layers.preprocessing.image_preprocessing.base_image_preprocessing_layer import (
    BaseImagePreprocessingLayer,
)
from torchkeras.layers.preprocessing.image_preprocessing.resizing import (
    crop_or_pad_to_aspect_ratio,
)


class CenterCrop(BaseImagePreprocessingLayer):
    """A preprocessing layer which crops images.

    This layer crops the central portion of the images to a target size. If an image is
    smaller than the target size, it is resized and cropped to return the largest possible
    window in the image that matches the target aspect ratio (as `smart_resize`). Outputs are
    floats in the layer's compute dtype.

    Args:
        height: Integer, the height of the output shape.
        width: Integer, the width of the output shape.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.

    Example:

    >>> layer = keras.layers.CenterCrop(2, 2)
    >>> layer(np.arange(16, dtype="float32").reshape(1, 4, 4, 1))[0, :, :, 0]
    tensor([[ 5.,  6.],
            [ 9., 10.]])
    """

    _USE_BASE_FACTOR = False

    def __init__(self, height, width, data_format=None, **kwargs):
        super().__init__(data_format=data_format, **kwargs)
        self.height = height
        self.width = width

    def transform_images(self, images, transformation=None, training=True):
        images = images.to(self._torch_compute_dtype)
        init_height, init_width = self._image_size(images)
        h_diff = init_height - self.height
        w_diff = init_width - self.width
        if h_diff >= 0 and w_diff >= 0:
            top, left = h_diff // 2, w_diff // 2
            h_axis, w_axis = self._hw_axes(images.dim())
            images = images.narrow(h_axis, top, self.height)
            return images.narrow(w_axis, left, self.width)
        # Smaller than the target: crop to its aspect ratio, then resize (bilinear).
        size = (self.height, self.width)
        x = self._to_channels_last(images)
        x = crop_or_pad_to_aspect_ratio(x, size, crop=True, pad=False, fill_value=0.0)
        return self._from_channels_last(image_ops.resize(x, size, "bilinear"))

    def transform_segmentation_masks(self, segmentation_masks, transformation=None,
                                     training=True):
        return self.transform_images(segmentation_masks, transformation, training)

    def compute_output_shape(self, input_shape):
        input_shape = list(input_shape)
        if isinstance(input_shape[0], (list, tuple)) or len(input_shape) not in (3, 4):
            raise ValueError(
                "`input_shape` must be a non-nested tuple or list "
                "of rank-1 with size 3 (unbatched) or 4 (batched). "
            )
        h_axis, w_axis = self._hw_axes(len(input_shape))
        input_shape[h_axis] = self.height
        input_shape[w_axis] = self.width
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update({"height": self.height, "width": self.width,
                       "data_format": self.data_format})
        return config
