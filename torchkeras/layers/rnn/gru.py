"""GRUCell and GRU: Gated Recurrent Unit (Cho et al. 2014), Keras weight layout."""

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


class GRUCell(Layer, DropoutRNNCell):
    """Cell class for the GRU layer.

    This class processes one step within the whole time sequence input, whereas `GRU` processes
    the whole sequence. Weights use Keras's layout: `kernel` `(input_dim, 3 * units)` and
    `recurrent_kernel` `(units, 3 * units)`, gates in the order z (update), r (reset), h
    (candidate); `bias` is `(2, 3 * units)` (input and recurrent biases) with `reset_after=True`,
    `(3 * units,)` otherwise.

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
        reset_after: GRU convention: whether the reset gate applies after (`True`, the cuDNN
            and torch convention) or before the recurrent matrix multiplication. Defaults to
            `True`.
        seed: Random seed for dropout. Defaults to `None`.

    Call arguments:
        inputs: A 2D tensor, with shape `(batch, features)`.
        states: A 2D tensor with shape `(batch, units)` (or a list holding it).
        training: Python boolean, whether dropout applies.

    Example:

    >>> layer = keras.layers.RNN(keras.layers.GRUCell(4))
    >>> layer(np.ones((32, 10, 8), "float32")).shape
    torch.Size([32, 4])
    """

    _direct_step_call = True

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, reset_after=True,
                 seed=None, **kwargs):
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
            self.dropout_mask_count = 3
        self.seed = seed
        self.seed_generator = random_lib.SeedGenerator(seed) if seed is not None else None
        self.reset_after = reset_after
        self.state_size = self.units
        self.output_size = self.units

    def build(self, input_shape):
        input_dim = input_shape[-1]
        self.kernel = self.add_weight(
            shape=(input_dim, self.units * 3), name="kernel",
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        self.recurrent_kernel = self.add_weight(
            shape=(self.units, self.units * 3), name="recurrent_kernel",
            initializer=self.recurrent_initializer, regularizer=self.recurrent_regularizer,
            constraint=self.recurrent_constraint,
        )
        if self.use_bias:
            # reset_after: separate biases for the input and the recurrent products.
            bias_shape = (2, 3 * self.units) if self.reset_after else (3 * self.units,)
            self.bias = self.add_weight(
                shape=bias_shape, name="bias", initializer=self.bias_initializer,
                regularizer=self.bias_regularizer, constraint=self.bias_constraint,
            )
        else:
            self.bias = None
        self.built = True

    def call(self, inputs, states, training=False):
        h_tm1 = states[0] if isinstance(states, (list, tuple)) else states
        u = self.units
        act = fast_activation(self.activation)
        recurrent_act = fast_activation(self.recurrent_activation)
        input_bias = recurrent_bias = None
        if self.bias is not None:
            if self.reset_after:
                input_bias, recurrent_bias = self.bias[0], self.bias[1]
            else:
                input_bias = self.bias
        kernel, recurrent_kernel = self.kernel, self.recurrent_kernel

        if self.implementation == 1:
            x_z, x_r, x_h, h_z, h_r, h_h = self._inputs_per_gate(inputs, h_tm1, training)
            x_z, x_r, x_h = _project([x_z, x_r, x_h], kernel.chunk(3, dim=1), input_bias)
            rec_z, rec_r = _project([h_z, h_r], recurrent_kernel[:, :2 * u].chunk(2, dim=1),
                                    None if recurrent_bias is None else recurrent_bias[:2 * u])
            z = recurrent_act(x_z + rec_z)
            r = recurrent_act(x_r + rec_r)
            if self.reset_after:
                (rec_h,) = _project([h_h], [recurrent_kernel[:, 2 * u:]],
                                    None if recurrent_bias is None else recurrent_bias[2 * u:])
                rec_h = r * rec_h
            else:
                rec_h = (r * h_h) @ recurrent_kernel[:, 2 * u:]
        else:
            if training and 0.0 < self.dropout < 1.0:
                inputs = inputs * self.get_dropout_mask(inputs)
            # Inputs projected by all gate matrices at once: (batch, 3 * units).
            matrix_x = inputs @ kernel if input_bias is None else torch.addmm(
                input_bias, inputs, kernel
            )
            x_z, x_r, x_h = matrix_x.chunk(3, dim=1)
            if self.reset_after:
                matrix_inner = h_tm1 @ recurrent_kernel if recurrent_bias is None else (
                    torch.addmm(recurrent_bias, h_tm1, recurrent_kernel)
                )
            else:
                matrix_inner = h_tm1 @ recurrent_kernel[:, :2 * u]
            z = recurrent_act(x_z + matrix_inner[:, :u])
            r = recurrent_act(x_r + matrix_inner[:, u:2 * u])
            if self.reset_after:
                rec_h = r * matrix_inner[:, 2 * u:]
            else:
                rec_h = (r * h_tm1) @ recurrent_kernel[:, 2 * u:]
        hh = act(x_h + rec_h)
        # Previous and candidate state mixed by the update gate.
        h = z * h_tm1 + (1 - z) * hh
        new_state = [h] if isinstance(states, (list, tuple)) else h
        return h, new_state

    def _inputs_per_gate(self, inputs, h_tm1, training):
        # Keras's implementation 1: one dropout mask per gate.
        if training and 0.0 < self.dropout < 1.0:
            xs = [inputs * m for m in self.get_dropout_mask(inputs)]
        else:
            xs = [inputs] * 3
        if training and 0.0 < self.recurrent_dropout < 1.0:
            hs = [h_tm1 * m for m in self.get_recurrent_dropout_mask(h_tm1)]
        else:
            hs = [h_tm1] * 3
        return (*xs, *hs)

    def get_initial_state(self, batch_size=None):
        return rnn_cell_utils.zero_states(self, batch_size, [self.state_size])

    def get_config(self):
        config = {
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "use_bias": self.use_bias,
            **rnn_cell_utils.weight_configs(self),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "reset_after": self.reset_after,
            "seed": self.seed,
        }
        return {**super().get_config(), **config}


def _project(xs, kernels, bias):
    """`x_j @ k_j (+ bias_j)` for each gate j."""
    biases = bias.chunk(len(kernels)) if bias is not None else [None] * len(kernels)
    return [x @ k if b is None else torch.addmm(b, x, k) for x, k, b in zip(xs, kernels, biases)]


class GRU(RNN):
    """Gated Recurrent Unit - Cho et al. 2014.

    When the configuration allows it (`activation="tanh"`, `recurrent_activation="sigmoid"`,
    `reset_after=True`, no recurrent dropout in training, a mask whose unmasked steps are
    contiguous), the whole sequence runs in torch's fused GRU kernel (cuDNN on GPUs), on the
    Keras-layout weights. Otherwise the cell runs step by step. Both give Keras's results.

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
        return_state: Boolean. Whether to return the last state in addition to the output.
            Defaults to `False`.
        go_backwards: Boolean. If `True`, process the sequence backwards and return the reversed
            sequence. Defaults to `False`.
        stateful: Boolean. If `True`, the last state of a batch is the initial state of the next
            one. Defaults to `False`.
        unroll: Boolean. Kept for Keras compatibility. Defaults to `False`.
        reset_after: GRU convention (whether to apply the reset gate after or before the matrix
            multiplication). Defaults to `True`.
        use_cudnn: `"auto"` uses the fused kernel when possible; `True` requires it (a
            `ValueError` otherwise); `False` always runs the cell step by step. Defaults to
            `"auto"`.

    Call arguments:
        sequences: A 3D tensor, with shape `(batch, timesteps, feature)`.
        initial_state: List holding the initial state tensor. Defaults to zeros.
        mask: Boolean tensor of shape `(batch, timesteps)`. Defaults to `None`.
        training: Python boolean, whether dropout applies.

    Example:

    >>> gru = keras.layers.GRU(4, return_sequences=True, return_state=True)
    >>> whole_sequence_output, final_state = gru(np.ones((32, 10, 8), "float32"))
    >>> final_state.shape
    torch.Size([32, 4])
    """

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, seed=None, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, unroll=False, reset_after=True,
                 use_cudnn="auto", **kwargs):
        cell = GRUCell(
            units, activation=activation, recurrent_activation=recurrent_activation,
            use_bias=use_bias, kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer, bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer, recurrent_regularizer=recurrent_regularizer,
            bias_regularizer=bias_regularizer, kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint, bias_constraint=bias_constraint,
            dropout=dropout, recurrent_dropout=recurrent_dropout, reset_after=reset_after,
            dtype=kwargs.get("dtype", None), trainable=kwargs.get("trainable", True),
            name="gru_cell", seed=seed, implementation=kwargs.pop("implementation", 2),
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
        if self.use_cudnn in ("auto", True) and cell.reset_after and rnn_cell_utils.fusable(
            cell, training, ("tanh",), "sigmoid"
        ):
            x = rnn_cell_utils.apply_input_dropout(cell, sequences, training)
            result = backend_rnn.gru(
                x, initial_state[0], cell.kernel, cell.recurrent_kernel, cell.bias, mask=mask,
                go_backwards=self.go_backwards, return_sequences=self.return_sequences,
                zero_output_for_mask=self.zero_output_for_mask,
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
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "reset_after": self.reset_after,
            "seed": self.cell.seed,
        }
        base_config = super().get_config()
        del base_config["cell"]
        return {**base_config, **config}


rnn_cell_utils.forward_cell_properties(
    GRU, "units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
    "recurrent_initializer", "bias_initializer", "kernel_regularizer", "recurrent_regularizer",
    "bias_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
    "dropout", "recurrent_dropout", "reset_after",
)
