"""ConvLSTM2D: 2D convolutional LSTM."""

from torchkeras.layers.rnn.conv_lstm import ConvLSTM


class ConvLSTM2D(ConvLSTM):
    """2D Convolutional LSTM.

    Similar to an LSTM layer, but the input transformations and recurrent transformations are
    both convolutional. Weights use Keras's layout: `kernel` is
    `kernel_size + (channels, 4 * filters)`, `recurrent_kernel`
    `kernel_size + (filters, 4 * filters)`, gates in the order i, f, c, o.

    Args:
        filters: int, the number of output filters in the convolution.
        kernel_size: int or tuple/list of 2 integers, the size of the convolution window.
        strides: int or tuple/list of 2 integers, the stride of the input convolution.
            `strides > 1` is incompatible with `dilation_rate > 1`. Defaults to `1`.
        padding: `"valid"` or `"same"` (case-insensitive). Defaults to `"valid"`.
        data_format: `"channels_last"` (inputs `(batch, time, rows, cols, channels)`) or
            `"channels_first"`. Defaults to `keras.config.image_data_format()`.
        dilation_rate: int or tuple/list of 2 integers, the dilation rate of the input
            convolution. Defaults to `1`.
        activation: Activation function. Defaults to `"tanh"`.
        recurrent_activation: Activation function for the recurrent step. Defaults to
            `"sigmoid"`.
        use_bias: Boolean, whether the layer uses a bias vector. Defaults to `True`.
        kernel_initializer: Initializer for the `kernel`. Defaults to `"glorot_uniform"`.
        recurrent_initializer: Initializer for the `recurrent_kernel`. Defaults to
            `"orthogonal"`.
        bias_initializer: Initializer for the bias vector. Defaults to `"zeros"`.
        unit_forget_bias: Boolean. If `True`, add 1 to the bias of the forget gate at
            initialization. Defaults to `True`.
        kernel_regularizer: Regularizer function applied to the `kernel`.
        recurrent_regularizer: Regularizer function applied to the `recurrent_kernel`.
        bias_regularizer: Regularizer function applied to the bias vector.
        activity_regularizer: Regularizer function applied to the output of the layer.
        kernel_constraint: Constraint function applied to the `kernel`.
        recurrent_constraint: Constraint function applied to the `recurrent_kernel`.
        bias_constraint: Constraint function applied to the bias vector.
        dropout: Float between 0 and 1. Fraction of the units to drop for the linear
            transformation of the inputs. Defaults to `0.0`.
        recurrent_dropout: Float between 0 and 1. Fraction of the units to drop for the linear
            transformation of the recurrent state. Defaults to `0.0`.
        seed: Random seed for dropout. Defaults to `None`.
        return_sequences: Boolean. Whether to return the full sequence. Defaults to `False`.
        return_state: Boolean. Whether to return the last states in addition to the output.
            Defaults to `False`.
        go_backwards: Boolean. If `True`, process the sequence backwards. Defaults to `False`.
        stateful: Boolean. If `True`, the last states of a batch are the initial states of the
            next one. Defaults to `False`.

    Call arguments:
        inputs: A 5D tensor.
        mask: Binary tensor of shape `(samples, timesteps)`.
        training: Python boolean, whether dropout applies.
        initial_state: List of initial state tensors `[h, c]`.

    Example:

    >>> layer = keras.layers.ConvLSTM2D(8, 3)
    >>> layer(np.ones((4, 6, 16, 16, 3), "float32")).shape
    torch.Size([4, 14, 14, 8])
    """

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, activation="tanh", recurrent_activation="sigmoid",
                 use_bias=True, kernel_initializer="glorot_uniform",
                 recurrent_initializer="orthogonal", bias_initializer="zeros",
                 unit_forget_bias=True, kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, seed=None, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, **kwargs):
        super().__init__(
            rank=2, filters=filters, kernel_size=kernel_size, strides=strides,
            padding=padding, data_format=data_format, dilation_rate=dilation_rate,
            activation=activation, recurrent_activation=recurrent_activation,
            use_bias=use_bias, kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer, bias_initializer=bias_initializer,
            unit_forget_bias=unit_forget_bias, kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer, bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint, bias_constraint=bias_constraint,
            return_sequences=return_sequences, return_state=return_state,
            go_backwards=go_backwards, stateful=stateful, dropout=dropout,
            recurrent_dropout=recurrent_dropout, seed=seed, **kwargs,
        )
