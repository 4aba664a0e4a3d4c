"""RandomWidth (tf.keras 2): resize the image width by a random factor during training."""

from torchkeras.layers.preprocessing.image_preprocessing.base_random_side_resize import (
    BaseRandomSideResize,
)


class RandomWidth(BaseRandomSideResize):
    """A preprocessing layer which randomly varies image width during training.

    The width is multiplied by a factor drawn once per call from `[1 + lower, 1 + upper]` and
    truncated to an integer; the height is kept. In inference the output equals the input.
    Images are channels_last: `(..., height, width, channels)`.

    Args:
        factor: A positive float (range `[-factor, factor]`) or a `(lower, upper)` pair, both
            larger than -1. `factor=(-0.2, 0.3)` gives widths from 20% smaller to 30% larger.
        interpolation: `"bilinear"`, `"nearest"`, `"bicubic"`, `"area"`, `"lanczos3"` or
            `"lanczos5"`. Defaults to `"bilinear"`.
        seed: Integer. Used to create a random seed.

    Output shape: `(..., height, random_width, channels)`.

    Example:

    >>> keras.layers.RandomWidth((-0.5, -0.5))(np.ones((2, 4, 5, 1))).shape
    torch.Size([2, 4, 2, 1])
    """

    _AXIS = -2
