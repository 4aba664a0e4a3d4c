"""LSTMCell and LSTM: Long Short-Term Memory (Hochreiter 1997), Keras weight layout."""

import torch

from torchkeras import activations
from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.backend import random as random_lib
from torchkeras.backend import rnn as backend_rnn
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer
from torchkeras.layers.rnn import rnn_cell_utils
from torchkeras.layers.rnn.dropout_rnn_cell import DropoutRNNCell
from torchkeras.layers.rnn.rnn import RNN
from torchkeras.layers.rnn.rnn import fast_activation


class LSTMCell(Layer, DropoutRNNCell):
    """Cell class for the LSTM layer.

    This class processes one step within the whole time sequence input, whereas `LSTM` processes
    the whole sequence. Weights use Keras's layout: `kernel` `(input_dim, 4 * units)` and
    `recurrent_kernel` `(units, 4 * units)`, gates in the order i, f, c, o; `bias` `(4 * units,)`.

    Args:
        units: Positive integer, dimensionality of the output space.
        activation: Activation function to use. Defaults to `"tanh"`.
        recurrent_activation: Activation function for the recurrent step. Defaults to
            `"sigmoid"`.
        use_bias: Boolean, whether the layer uses a bias vector. Defaults to `True`.
        kernel_initializer: Initializer for the `kernel` weights matrix. Defaults to
            `"glorot_uniform"`.
        recurrent_initializer: Initializer for the `recurrent_kernel` weights matrix. Defaults to
            `"orthogonal"`.
        bias_initializer: Initializer for the bias vector. Defaults to `"zeros"`.
        unit_forget_bias: Boolean. If `True`, add 1 to the bias of the forget gate at
            initialization. Defaults to `True`.
        kernel_regularizer: Regularizer function applied to the `kernel` weights matrix.
        recurrent_regularizer: Regularizer function applied to the `recurrent_kernel` weights.
        bias_regularizer: Regularizer function applied to the bias vector.
        kernel_constraint: Constraint function applied to the `kernel` weights matrix.
        recurrent_constraint: Constraint function applied to the `recurrent_kernel` weights.
        bias_constraint: Constraint function applied to the bias vector.
        dropout: Float between 0 and 1. Fraction of the units to drop for the linear
            transformation of the inputs. Defaults to `0.0`.
        recurrent_dropout: Float between 0 and 1. Fraction of the units to drop for the linear
            transformation of the recurrent state. Defaults to `0.0`.
        seed: Random seed for dropout. Defaults to `None`.

    Call arguments:
        inputs: A 2D tensor, with shape `(batch, features)`.
        states: A list `[h, c]` of 2D tensors with shape `(batch, units)`.
        training: Python boolean, whether dropout applies.

    Example:

    >>> layer = keras.layers.RNN(keras.layers.LSTMCell(4))
    >>> layer(np.ones((32, 10, 8), "float32")).shape
    torch.Size([32, 4])
    """

    _direct_step_call = True

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", unit_forget_bias=True, kernel_regularizer=None,
                 recurrent_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, seed=None, **kwargs):
        rnn_cell_utils.check_units(units)
        implementation = kwargs.pop("implementation", 2)
        super().__init__(**kwargs)
        self.implementation = implementation
        self.units = units
        self.activation = activations.get(activation)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.recurrent_initializer = initializers.get(recurrent_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.recurrent_regularizer = regularizers.get(recurrent_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.recurrent_constraint = constraints.get(recurrent_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.dropout = min(1.0, max(0.0, dropout))
        self.recurrent_dropout = min(1.0, max(0.0, recurrent_dropout))
        if self.recurrent_dropout != 0.0:
            self.implementation = 1
        if self.implementation == 1:
            # One dropout mask per gate.
            self.dropout_mask_count = 4
        self.seed = seed
        self.seed_generator = random_lib.SeedGenerator(seed) if seed is not None else None
        self.unit_forget_bias = unit_forget_bias
        self.state_size = [self.units, self.units]
        self.output_size = self.units

    def build(self, input_shape):
        input_dim = input_shape[-1]
        self.kernel = self.add_weight(
            shape=(input_dim, self.units * 4), name="kernel",
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        self.recurrent_kernel = self.add_weight(
            shape=(self.units, self.units * 4), name="recurrent_kernel",
            initializer=self.recurrent_initializer, regularizer=self.recurrent_regularizer,
            constraint=self.recurrent_constraint,
        )
        if self.use_bias:
            if self.unit_forget_bias:
                base = self.bias_initializer

                def bias_initializer(shape, dtype=None):
                    # i and c, o gates from `bias_initializer`; the forget gate starts at 1.
                    return torch.cat([
                        base((self.units,), dtype=dtype),
                        initializers.get("ones")((self.units,), dtype=dtype),
                        base((self.units * 2,), dtype=dtype),
                    ])
            else:
                bias_initializer = self.bias_initializer
            self.bias = self.add_weight(
                shape=(self.units * 4,), name="bias", initializer=bias_initializer,
                regularizer=self.bias_regularizer, constraint=self.bias_constraint,
            )
        else:
            self.bias = None
        self.built = True

    def call(self, inputs, states, training=False):
        h_tm1, c_tm1 = states[0], states[1]
        act = fast_activation(self.activation)
        recurrent_act = fast_activation(self.recurrent_activation)
        if self.implementation == 1:
            z = self._gates_per_gate_dropout(inputs, h_tm1, training)
        else:
            if training and 0.0 < self.dropout < 1.0:
                inputs = inputs * self.get_dropout_mask(inputs)
            z = inputs @ self.kernel if self.bias is None else torch.addmm(
                self.bias, inputs, self.kernel
            )
            z = torch.addmm(z, h_tm1, self.recurrent_kernel)  # (batch, 4 * units)
        z_i, z_f, z_c, z_o = z.chunk(4, dim=1)
        i = recurrent_act(z_i)
        f = recurrent_act(z_f)
        c = f * c_tm1 + i * act(z_c)
        o = recurrent_act(z_o)
        h = o * act(c)
        return h, [h, c]

    def _gates_per_gate_dropout(self, inputs, h_tm1, training):
        # Keras's implementation 1: each gate sees its own dropout mask, so the four products
        # run separately.
        if training and 0.0 < self.dropout < 1.0:
            xs = [inputs * m for m in self.get_dropout_mask(inputs)]
        else:
            xs = [inputs] * 4
        if training and 0.0 < self.recurrent_dropout < 1.0:
            hs = [h_tm1 * m for m in self.get_recurrent_dropout_mask(h_tm1)]
        else:
            hs = [h_tm1] * 4
        kernels = self.kernel.chunk(4, dim=1)
        recurrent_kernels = self.recurrent_kernel.chunk(4, dim=1)
        biases = self.bias.chunk(4) if self.bias is not None else [None] * 4
        gates = []
        for x, h, k, rk, b in zip(xs, hs, kernels, recurrent_kernels, biases):
            gate = x @ k if b is None else torch.addmm(b, x, k)
            gates.append(torch.addmm(gate, h, rk))
        return torch.cat(gates, dim=1)

    def get_initial_state(self, batch_size=None):
        return rnn_cell_utils.zero_states(self, batch_size, self.state_size)

    def get_config(self):
        config = {
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "use_bias": self.use_bias,
            "unit_forget_bias": self.unit_forget_bias,
            **rnn_cell_utils.weight_configs(self),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "seed": self.seed,
        }
        return {**super().get_config(), **config}


class LSTM(RNN):
    """Long Short-Term Memory layer - Hochreiter 1997.

    When the configuration allows it (`activation="tanh"`, `recurrent_activation="sigmoid"`, no
    recurrent dropout in training, a mask whose unmasked steps are contiguous), the whole
    sequence runs in torch's fused LSTM kernel (cuDNN on GPUs), on the Keras-layout weights.
    Otherwise the cell runs step by step. Both give Keras's results.

    Args:
        units: Positive integer, dimensionality of the output space.
        activation: Activation function to use. Defaults to `"tanh"`.
        recurrent_activation: Activation function for the recurrent step. Defaults to
            `"sigmoid"`.
        use_bias: Boolean, whether the layer uses a bias vector. Defaults to `True`.
        kernel_initializer: Initializer for the `kernel` weights matrix. Defaults to
            `"glorot_uniform"`.
        recurrent_initializer: Initializer for the `recurrent_kernel` weights matrix. Defaults to
            `"orthogonal"`.
        bias_initializer: Initializer for the bias vector. Defaults to `"zeros"`.
        unit_forget_bias: Boolean. If `True`, add 1 to the bias of the forget gate at
            initialization. Defaults to `True`.
        kernel_regularizer: Regularizer function applied to the `kernel` weights matrix.
        recurrent_regularizer: Regularizer function applied to the `recurrent_kernel` weights.
        bias_regularizer: Regularizer function applied to the bias vector.
        activity_regularizer: Regularizer function applied to the output of the layer.
        kernel_constraint: Constraint function applied to the `kernel` weights matrix.
        recurrent_constraint: Constraint function applied to the `recurrent_kernel` weights.
        bias_constraint: Constraint function applied to the bias vector.
        dropout: Float between 0 and 1. Fraction of the units to drop for the linear
            transformation of the inputs. Defaults to `0.0`.
        recurrent_dropout: Float between 0 and 1. Fraction of the units to drop for the linear
            transformation of the recurrent state. Defaults to `0.0`.
        seed: Random seed for dropout. Defaults to `None`.
        return_sequences: Boolean. Whether to return the full sequence. Defaults to `False`.
        return_state: Boolean. Whether to return the last states `h` and `c` in addition to the
            output. Defaults to `False`.
        go_backwards: Boolean. If `True`, process the sequence backwards and return the reversed
            sequence. Defaults to `False`.
        stateful: Boolean. If `True`, the last states of a batch are the initial states of the
            next one. Defaults to `False`.
        unroll: Boolean. Kept for Keras compatibility. Defaults to `False`.
        use_cudnn: `"auto"` uses the fused kernel when possible; `True` requires it (a
            `ValueError` otherwise); `False` always runs the cell step by step. Defaults to
            `"auto"`.

    Call arguments:
        sequences: A 3D tensor, with shape `(batch, timesteps, feature)`.
        initial_state: List of initial state tensors `[h, c]`. Defaults to zeros.
        mask: Boolean tensor of shape `(batch, timesteps)`. Defaults to `None`.
        training: Python boolean, whether dropout applies.

    Example:

    >>> lstm = keras.layers.LSTM(4, return_sequences=True, return_state=True)
    >>> whole_seq_output, final_memory_state, final_carry_state = lstm(
    ...     np.ones((32, 10, 8), "float32"))
    >>> whole_seq_output.shape
    torch.Size([32, 10, 4])
    """

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", unit_forget_bias=True, kernel_regularizer=None,
                 recurrent_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, recurrent_constraint=None, bias_constraint=None,
                 dropout=0.0, recurrent_dropout=0.0, seed=None, return_sequences=False,
                 return_state=False, go_backwards=False, stateful=False, unroll=False,
                 use_cudnn="auto", **kwargs):
        cell = LSTMCell(
            units, activation=activation, recurrent_activation=recurrent_activation,
            use_bias=use_bias, kernel_initializer=kernel_initializer,
            unit_forget_bias=unit_forget_bias, recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer, bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint, recurrent_constraint=recurrent_constraint,
            bias_constraint=bias_constraint, dropout=dropout,
            recurrent_dropout=recurrent_dropout, dtype=kwargs.get("dtype", None),
            trainable=kwargs.get("trainable", True), name="lstm_cell", seed=seed,
            implementation=kwargs.pop("implementation", 2),
        )
        super().__init__(
            cell, return_sequences=return_sequences, return_state=return_state,
            go_backwards=go_backwards, stateful=stateful, unroll=unroll,
            activity_regularizer=activity_regularizer, **kwargs,
        )
        self.input_spec = InputSpec(ndim=3)
        self.use_cudnn = rnn_cell_utils.check_use_cudnn(use_cudnn)

    def inner_loop(self, sequences, initial_state, mask, training=False):
        cell = self.cell
        if self.use_cudnn in ("auto", True) and rnn_cell_utils.fusable(
            cell, training, ("tanh",), "sigmoid"
        ):
            x = rnn_cell_utils.apply_input_dropout(cell, sequences, training)
            result = backend_rnn.lstm(
                x, initial_state[0], initial_state[1], cell.kernel, cell.recurrent_kernel,
                cell.bias, mask=mask, go_backwards=self.go_backwards,
                return_sequences=self.return_sequences,
                zero_output_for_mask=self.zero_output_for_mask,
                need_states=self.return_state or self.stateful,
            )
            if result is not None:
                return result
        if self.use_cudnn is True:
            raise rnn_cell_utils.cudnn_error()
        return super().inner_loop(sequences, initial_state, mask, training=training)

    def call(self, sequences, initial_state=None, mask=None, training=False):
        return super().call(sequences, mask=mask, training=training, initial_state=initial_state)

    def get_config(self):
        config = {
            "units": self.units,
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
    LSTM, "units", "activation", "recurrent_activation", "use_bias", "unit_forget_bias",
    "kernel_initializer", "recurrent_initializer", "bias_initializer", "kernel_regularizer",
    "recurrent_regularizer", "bias_regularizer", "kernel_constraint", "recurrent_constraint",
    "bias_constraint", "dropout", "recurrent_dropout",
)
