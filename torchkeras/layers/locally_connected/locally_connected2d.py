"""LocallyConnected2D (tf.keras 2): a 2D convolution whose weights are not shared."""

from torchkeras.layers.locally_connected.base_locally_connected import BaseLocallyConnected


class LocallyConnected2D(BaseLocallyConnected):
    """Locally-connected layer for 2D inputs.

    Works like `Conv2D`, except that the weights are unshared: a different set of filters is
    applied at each position of the input.

    Args:
        filters: Integer, the number of output filters.
        kernel_size: Integer or tuple of 2 integers, the window height and width.
        strides: Integer or tuple of 2 integers, the strides. Defaults to `(1, 1)`.
        padding: `"valid"` or `"same"` (`"same"` needs `implementation` 2 or 3).
            Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
        activation: Activation function. Defaults to `None` (linear).
        use_bias: Whether the layer uses a bias (one per output position and filter).
            Defaults to `True`.
        kernel_initializer: Initializer for the kernel. Defaults to `"glorot_uniform"`.
        bias_initializer: Initializer for the bias. Defaults to `"zeros"`.
        kernel_regularizer, bias_regularizer, activity_regularizer: Optional regularizers.
        kernel_constraint, bias_constraint: Optional constraints.
        implementation: 1, 2 or 3: the kernel layout (see `base_locally_connected`); all give
            the same outputs for the same connected weights. 1 stores only the windows (the
            smallest for large inputs), 2 a dense masked kernel, 3 the connected entries.
            Defaults to `1`.

    Input shape: `(batch, rows, cols, channels)` (channels_last) or `(batch, channels, rows, cols)`.

    Output shape: `(batch, new_rows, new_cols, filters)` or `(batch, filters, new_rows, new_cols)`.

    Example:

    >>> keras.layers.LocallyConnected2D(64, 3)(np.ones((2, 32, 32, 3), "float32")).shape
    torch.Size([2, 30, 30, 64])
    """

    rank = 2

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid", data_format=None,
                 activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 implementation=1, **kwargs):
        super().__init__(
            filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
            activation=activation, use_bias=use_bias, kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint, bias_constraint=bias_constraint,
            implementation=implementation, **kwargs,
        )
