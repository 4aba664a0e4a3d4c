"""ConvLSTMCell and ConvLSTM: an LSTM whose input and recurrent transformations are convolutions.

Weights keep Keras's layout (`kernel_size + (in_channels, 4 * filters)`, gates i, f, c, o).
Inside a layer call the kernels are permuted to torch's `(out, in, *kernel_size)` once, the input
convolutions of all timesteps run as one convolution over `(batch * time, ...)`, and only the
recurrent convolution runs per step.
"""

import torch

from torchkeras import activations
from torchkeras import backend
from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.backend import random as random_lib
from torchkeras.backend import rnn as backend_rnn
from torchkeras.layers.convolutional import conv_utils
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer
from torchkeras.layers.rnn import rnn_cell_utils
from torchkeras.layers.rnn.dropout_rnn_cell import DropoutRNNCell
from torchkeras.layers.rnn.rnn import RNN
from torchkeras.layers.rnn.rnn import fast_activation


class ConvLSTMCell(Layer, DropoutRNNCell):
    """Cell class for the ConvLSTM layer.

    Args:
        rank: Integer, rank of the convolution, e.g. `2` for 2D convolutions.
        filters: Integer, the number of output filters in the convolution.
        kernel_size: An integer or tuple/list of `rank` integers, the convolution window.
        strides: An integer or tuple/list of `rank` integers. Defaults to `1`.
        padding: One of `"valid"` or `"same"` (case-insensitive). Defaults to `"valid"`.
        data_format: `"channels_last"` or `"channels_first"`. Defaults to
            `keras.config.image_data_format()`.
        dilation_rate: An integer or tuple/list of `rank` integers. Defaults to `1`.
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
        kernel_constraint: Constraint function applied to the `kernel`.
        recurrent_constraint: Constraint function applied to the `recurrent_kernel`.
        bias_constraint: Constraint function applied to the bias vector.
        dropout: Float between 0 and 1. Fraction of the units to drop for the linear
            transformation of the inputs. Defaults to `0.0`.
        recurrent_dropout: Float between 0 and 1. Fraction of the units to drop for the linear
            transformation of the recurrent state. Defaults to `0.0`.
        seed: Random seed for dropout. Defaults to `None`.

    Call arguments:
        inputs: A `(rank + 2)`D tensor, one timestep.
        states: List `[h, c]` of the previous states.
        training: Python boolean, whether dropout applies.
    """

    _direct_step_call = True

    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, activation="tanh", recurrent_activation="sigmoid",
                 use_bias=True, kernel_initializer="glorot_uniform",
                 recurrent_initializer="orthogonal", bias_initializer="zeros",
                 unit_forget_bias=True, kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed = seed
        self.seed_generator = random_lib.SeedGenerator(seed) if seed is not None else None
        self.rank = rank
        if self.rank > 3:
            raise ValueError(
                f"Rank {rank} convolutions are not currently implemented. Received: rank={rank}"
            )
        self.filters = filters
        self.kernel_size = conv_utils.standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = conv_utils.standardize_tuple(strides, rank, "strides", allow_zero=True)
        self.padding = conv_utils.standardize_padding(padding)
        self.data_format = backend.standardize_data_format(data_format)
        self.dilation_rate = conv_utils.standardize_tuple(dilation_rate, rank, "dilation_rate")
        if max(self.strides) > 1 and max(self.dilation_rate) > 1:
            raise ValueError(
                "Specifying `strides > 1` is not compatible with `dilation_rate > 1`. Please "
                "provide `strides=1` or `dilation_rate=1`. "
                f"Received: strides={self.strides} and dilation_rate={self.dilation_rate}"
            )
        self.activation = activations.get(activation)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.recurrent_initializer = initializers.get(recurrent_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.unit_forget_bias = unit_forget_bias
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.recurrent_regularizer = regularizers.get(recurrent_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.recurrent_constraint = constraints.get(recurrent_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.dropout = min(1.0, max(0.0, dropout))
        self.recurrent_dropout = min(1.0, max(0.0, recurrent_dropout))
        self.dropout_mask_count = 4
        self.input_spec = InputSpec(ndim=rank + 2)
        self.state_size = -1  # Two states shaped like the conv output: see `get_initial_state`.
        self._plans = {}

    @property
    def _channel_axis(self):
        return -1 if self.data_format == "channels_last" else 1

    def build(self, inputs_shape, states_shape=None):
        if self.data_format == "channels_first":
            channel_axis, self.spatial_dims = 1, tuple(inputs_shape[2:])
        else:
            channel_axis, self.spatial_dims = -1, tuple(inputs_shape[1:-1])
        if None in self.spatial_dims:
            raise ValueError(
                "ConvLSTM layers only support static input shapes for the spatial dimension. "
                f"Received invalid input shape: input_shape={tuple(inputs_shape)}"
            )
        if inputs_shape[channel_axis] is None:
            raise ValueError(
                "The channel dimension of the inputs (last axis) should be defined. Found None. "
                f"Full input shape received: input_shape={tuple(inputs_shape)}"
            )
        self.input_spec = InputSpec(ndim=self.rank + 2, shape=(None,) + tuple(inputs_shape[1:]))
        input_dim = inputs_shape[channel_axis]
        self.input_dim = input_dim
        self.kernel_shape = self.kernel_size + (input_dim, self.filters * 4)
        self.kernel = self.add_weight(
            shape=self.kernel_shape, initializer=self.kernel_initializer, name="kernel",
            regularizer=self.kernel_regularizer, constraint=self.kernel_constraint,
        )
        self.recurrent_kernel = self.add_weight(
            shape=self.kernel_size + (self.filters, self.filters * 4),
            initializer=self.recurrent_initializer, name="recurrent_kernel",
            regularizer=self.recurrent_regularizer, constraint=self.recurrent_constraint,
        )
        if self.use_bias:
            if self.unit_forget_bias:
                base = self.bias_initializer

                def bias_initializer(shape, dtype=None):
                    return torch.cat([
                        base((self.filters,), dtype=dtype),
                        initializers.get("ones")((self.filters,), dtype=dtype),
                        base((self.filters * 2,), dtype=dtype),
                    ])
            else:
                bias_initializer = self.bias_initializer
            self.bias = self.add_weight(
                shape=(self.filters * 4,), name="bias", initializer=bias_initializer,
                regularizer=self.bias_regularizer, constraint=self.bias_constraint,
            )
        else:
            self.bias = None
        self.built = True

    # -- convolutions on Keras-layout tensors -------------------------------------------------
    def torch_kernels(self):
        """`(kernel, recurrent_kernel)` in torch's `(out, in, *kernel_size)` layout; the
        recurrent one, used at every step, is made contiguous once."""
        return (conv_utils.kernel_to_torch(self.kernel, self.rank),
                conv_utils.kernel_to_torch(self.recurrent_kernel, self.rank).contiguous())

    def _plan(self, spatial, recurrent):
        key = (tuple(spatial), recurrent)
        plan = self._plans.get(key)
        if plan is None:
            if recurrent:
                ones = (1,) * self.rank
                plan = conv_utils.ConvPlan(spatial, self.kernel_size, ones, "same", ones,
                                           self.data_format)
            else:
                plan = conv_utils.ConvPlan(spatial, self.kernel_size, self.strides, self.padding,
                                           self.dilation_rate, self.data_format)
            self._plans[key] = plan
        return plan

    def input_conv(self, x, weight, bias=None):
        plan = self._plan(conv_utils.spatial_dims(x.shape, self.data_format), False)
        return conv_utils.conv(x, weight, bias, self.strides, plan, self.dilation_rate, 1,
                               self.rank, self.data_format)

    def recurrent_conv(self, h, weight):
        plan = self._plan(conv_utils.spatial_dims(h.shape, self.data_format), True)
        ones = (1,) * self.rank
        return conv_utils.conv(h, weight, None, ones, plan, ones, 1, self.rank, self.data_format)

    def gate_inputs(self, inputs, weight, training):
        """The input convolutions of the four gates (bias included), concatenated on the
        channel axis; one convolution unless each gate has its own dropout mask."""
        if training and 0.0 < self.dropout < 1.0:
            masks = self.get_dropout_mask(inputs if inputs.dim() == self.rank + 2 else inputs[:, 0])
            if inputs.dim() == self.rank + 3:  # a whole sequence: the masks repeat over time
                masks = [m.unsqueeze(1) for m in masks]
                inputs = [inputs * m for m in masks]
                flat = [x.reshape(-1, *x.shape[2:]) for x in inputs]
            else:
                flat = [inputs * m for m in masks]
            biases = self.bias.chunk(4) if self.bias is not None else [None] * 4
            parts = [self.input_conv(x, w, b)
                     for x, w, b in zip(flat, weight.chunk(4), biases)]
            return torch.cat(parts, dim=self._channel_axis)
        if inputs.dim() == self.rank + 3:
            inputs = inputs.reshape(-1, *inputs.shape[2:])
        return self.input_conv(inputs, weight, self.bias)

    def step(self, z_x, states, recurrent_weight, training):
        """One timestep from the precomputed input convolutions `z_x`."""
        h_tm1, c_tm1 = states[0], states[1]
        if training and 0.0 < self.recurrent_dropout < 1.0:
            masks = self.get_recurrent_dropout_mask(h_tm1)
            z_h = torch.cat([self.recurrent_conv(h_tm1 * m, w)
                             for m, w in zip(masks, recurrent_weight.chunk(4))],
                            dim=self._channel_axis)
        else:
            z_h = self.recurrent_conv(h_tm1, recurrent_weight)
        act = fast_activation(self.activation)
        recurrent_act = fast_activation(self.recurrent_activation)
        z_i, z_f, z_c, z_o = (z_x + z_h).chunk(4, dim=self._channel_axis)
        i = recurrent_act(z_i)
        f = recurrent_act(z_f)
        c = f * c_tm1 + i * act(z_c)
        o = recurrent_act(z_o)
        h = o * act(c)
        return h, [h, c]

    def call(self, inputs, states, training=False):
        weight, recurrent_weight = self.torch_kernels()
        z_x = self.gate_inputs(inputs, weight, training)
        return self.step(z_x, states, recurrent_weight, training)

    def compute_output_shape(self, inputs_shape, states_shape=None):
        conv_output_shape = conv_utils.compute_conv_output_shape(
            inputs_shape, self.filters, self.kernel_size, self.strides, self.padding,
            self.data_format, self.dilation_rate,
        )
        return conv_output_shape, [conv_output_shape, conv_output_shape]

    def get_initial_state(self, batch_size=None):
        if self.data_format == "channels_last":
            input_shape = (batch_size,) + self.spatial_dims + (self.input_dim,)
        else:
            input_shape = (batch_size, self.input_dim) + self.spatial_dims
        state_shape = self.compute_output_shape(input_shape)[0]
        device = self.kernel.device
        return [torch.zeros(state_shape, dtype=self._torch_compute_dtype, device=device)
                for _ in range(2)]

    def get_config(self):
        config = {
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            "activation": activations.serialize(self.activation),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "use_bias": self.use_bias,
            **rnn_cell_utils.weight_configs(self),
            "unit_forget_bias": self.unit_forget_bias,
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "seed": self.seed,
        }
        return {**super().get_config(), **config}


class ConvLSTM(RNN):
    """Abstract N-D convolutional LSTM layer (base of `ConvLSTM1D/2D/3D`).

    Args:
        rank: Integer, rank of the convolution.
        (The other arguments are those of `ConvLSTM2D`.)
    """

    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, activation="tanh", recurrent_activation="sigmoid",
                 use_bias=True, kernel_initializer="glorot_uniform",
                 recurrent_initializer="orthogonal", bias_initializer="zeros",
                 unit_forget_bias=True, kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, seed=None,
                 return_sequences=False, return_state=False, go_backwards=False, stateful=False,
                 **kwargs):
        cell = ConvLSTMCell(
            rank=rank, filters=filters, kernel_size=kernel_size, strides=strides,
            padding=padding, data_format=data_format, dilation_rate=dilation_rate,
            activation=activation, recurrent_activation=recurrent_activation, use_bias=use_bias,
            kernel_initializer=kernel_initializer, recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer, unit_forget_bias=unit_forget_bias,
            kernel_regularizer=kernel_regularizer, recurrent_regularizer=recurrent_regularizer,
            bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint, bias_constraint=bias_constraint,
            dropout=dropout, recurrent_dropout=recurrent_dropout, seed=seed,
            name="conv_lstm_cell", dtype=kwargs.get("dtype"),
        )
        super().__init__(
            cell, return_sequences=return_sequences, return_state=return_state,
            go_backwards=go_backwards, stateful=stateful, **kwargs,
        )
        self.input_spec = InputSpec(ndim=rank + 3)

    def call(self, sequences, initial_state=None, mask=None, training=False):
        return super().call(sequences, initial_state=initial_state, mask=mask, training=training)

    def inner_loop(self, sequences, initial_state, mask, training=False):
        cell = self.cell
        weight, recurrent_weight = cell.torch_kernels()
        batch_size, steps = sequences.shape[0], sequences.shape[1]
        # Input convolutions of every timestep at once: (batch * time, ...) -> (batch, time, ...).
        z_x = cell.gate_inputs(sequences, weight, training)
        z_x = z_x.reshape(batch_size, steps, *z_x.shape[1:])

        def step(z_t, states):
            return cell.step(z_t, states, recurrent_weight, training)

        return backend_rnn.rnn(
            step, z_x, initial_state, go_backwards=self.go_backwards, mask=mask,
            zero_output_for_mask=self.zero_output_for_mask,
            return_all_outputs=self.return_sequences,
        )

    def _standardize_initial_state(self, initial_state, sequences):
        if not isinstance(initial_state, (list, tuple)):
            initial_state = [initial_state]
        step_shape = (sequences.shape[0],) + tuple(sequences.shape[2:])
        expected = tuple(self.cell.compute_output_shape(step_shape)[0])
        if len(initial_state) != 2:
            raise ValueError(
                f"Layer '{self.name}' ({self.__class__.__name__}): `initial_state` should hold "
                f"2 tensors (h and c). Received: {len(initial_state)} tensor(s)."
            )
        states = []
        for i, state in enumerate(initial_state):
            if not isinstance(state, torch.Tensor):
                state = backend.convert_to_tensor(state)
            if tuple(state.shape) != expected:
                raise ValueError(
                    f"Layer '{self.name}' ({self.__class__.__name__}): initial state {i} should "
                    f"have shape {expected}. Received: shape={tuple(state.shape)}"
                )
            states.append(state.to(device=sequences.device, dtype=self._torch_compute_dtype))
        return states

    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        batch_size, steps = sequences_shape[0], sequences_shape[1]
        step_shape = (batch_size,) + tuple(sequences_shape[2:])
        state_shape = tuple(self.cell.compute_output_shape(step_shape)[0][1:])
        if self.return_sequences:
            output_shape = (batch_size, steps) + state_shape
        else:
            output_shape = (batch_size,) + state_shape
        if self.return_state:
            batched_state_shape = (batch_size,) + state_shape
            return output_shape, batched_state_shape, batched_state_shape
        return output_shape

    def compute_mask(self, _, mask):
        mask = mask[0] if isinstance(mask, (list, tuple)) else mask
        output_mask = mask if self.return_sequences else None
        if self.return_state:
            return [output_mask, None, None]
        return output_mask

    def get_config(self):
        config = {
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            "activation": activations.serialize(self.activation),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "use_bias": self.use_bias,
            **rnn_cell_utils.weight_configs(self.cell, with_activity=self),
            "unit_forget_bias": self.unit_forget_bias,
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "seed": self.cell.seed,
        }
        base_config = super().get_config()
        del base_config["cell"]
        return {**base_config, **config}


rnn_cell_utils.forward_cell_properties(
    ConvLSTM, "filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
    "activation", "recurrent_activation", "use_bias", "kernel_initializer",
    "recurrent_initializer", "bias_initializer", "unit_forget_bias", "kernel_regularizer",
    "recurrent_regularizer", "bias_regularizer", "kernel_constraint", "recurrent_constraint",
    "bias_constraint", "dropout", "recurrent_dropout",
)
