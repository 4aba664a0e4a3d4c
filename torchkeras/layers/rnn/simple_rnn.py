"""SimpleRNNCell and SimpleRNN: `h = activation(x @ kernel + h_prev @ recurrent_kernel + b)`."""

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
from torchkeras.layers.rnn.rnn import is_activation


class SimpleRNNCell(Layer, DropoutRNNCell):
    """Cell class for SimpleRNN.

    This class processes one step within the whole time sequence input, whereas `SimpleRNN`
    processes the whole sequence.

    Args:
        units: Positive integer, dimensionality of the output space.
        activation: Activation function to use. Defaults to `"tanh"`.
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
        seed: Random seed for dropout. Defaults to `None`.

    Call arguments:
        sequence: A 2D tensor, with shape `(batch, features)`.
        states: A 2D tensor with shape `(batch, units)` (or a list holding it).
        training: Python boolean, whether dropout applies.

    Example:

    >>> rnn = keras.layers.RNN(keras.layers.SimpleRNNCell(4))
    >>> rnn(np.ones((32, 10, 8), "float32")).shape
    torch.Size([32, 4])
    """

    _direct_step_call = True

    def __init__(self, units, activation="tanh", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                 bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, seed=None, **kwargs):
        rnn_cell_utils.check_units(units)
        super().__init__(**kwargs)
        self.seed = seed
        self.seed_generator = random_lib.SeedGenerator(seed) if seed is not None else None
        self.units = units
        self.activation = activations.get(activation)
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
        self.state_size = self.units
        self.output_size = self.units

    def build(self, input_shape):
        self.kernel = self.add_weight(
            shape=(input_shape[-1], self.units), name="kernel",
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        self.recurrent_kernel = self.add_weight(
            shape=(self.units, self.units), name="recurrent_kernel",
            initializer=self.recurrent_initializer, regularizer=self.recurrent_regularizer,
            constraint=self.recurrent_constraint,
        )
        if self.use_bias:
            self.bias = self.add_weight(
                shape=(self.units,), name="bias", initializer=self.bias_initializer,
                regularizer=self.bias_regularizer, constraint=self.bias_constraint,
            )
        else:
            self.bias = None
        self.built = True

    def call(self, sequence, states, training=False):
        prev_output = states[0] if isinstance(states, (list, tuple)) else states
        if training and 0.0 < self.dropout < 1.0:
            sequence = sequence * self.get_dropout_mask(sequence)
        h = sequence @ self.kernel if self.bias is None else torch.addmm(
            self.bias, sequence, self.kernel
        )
        if training and 0.0 < self.recurrent_dropout < 1.0:
            prev_output = prev_output * self.get_recurrent_dropout_mask(prev_output)
        output = torch.addmm(h, prev_output, self.recurrent_kernel)
        if self.activation is not None:
            output = fast_activation(self.activation)(output)
        new_state = [output] if isinstance(states, (list, tuple)) else output
        return output, new_state

    def get_initial_state(self, batch_size=None):
        return rnn_cell_utils.zero_states(self, batch_size, [self.state_size])

    def get_config(self):
        config = {
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            **rnn_cell_utils.weight_configs(self),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "seed": self.seed,
        }
        return {**super().get_config(), **config}


class SimpleRNN(RNN):
    """Fully-connected RNN where the output is to be fed back as the new input.

    With a `tanh` or `relu` activation (and no recurrent dropout in training, and a mask whose
    unmasked steps are contiguous) the whole sequence runs in torch's fused RNN kernel;
    otherwise the cell runs step by step. Both give Keras's results.

    Args:
        units: Positive integer, dimensionality of the output space.
        activation: Activation function to use. Defaults to `"tanh"`.
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
        return_sequences: Boolean. Whether to return the full sequence. Defaults to `False`.
        return_state: Boolean. Whether to return the last state in addition to the output.
            Defaults to `False`.
        go_backwards: Boolean. If `True`, process the sequence backwards and return the reversed
            sequence. Defaults to `False`.
        stateful: Boolean. If `True`, the last state of a batch is the initial state of the next
            one. Defaults to `False`.
        unroll: Boolean. Kept for Keras compatibility. Defaults to `False`.
        seed: Random seed for dropout. Defaults to `None`.

    Call arguments:
        sequences: A 3D tensor, with shape `(batch, timesteps, feature)`.
        initial_state: List holding the initial state tensor. Defaults to zeros.
        mask: Boolean tensor of shape `(batch, timesteps)`. Defaults to `None`.
        training: Python boolean, whether dropout applies.

    Example:

    >>> simple_rnn = keras.layers.SimpleRNN(4)
    >>> simple_rnn(np.ones((32, 10, 8), "float32")).shape
    torch.Size([32, 4])
    """

    def __init__(self, units, activation="tanh", use_bias=True,
                 kernel_initializer="glorot_uniform", recurrent_initializer="orthogonal",
                 bias_initializer="zeros", kernel_regularizer=None, recurrent_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 recurrent_constraint=None, bias_constraint=None, dropout=0.0,
                 recurrent_dropout=0.0, return_sequences=False, return_state=False,
                 go_backwards=False, stateful=False, unroll=False, seed=None, **kwargs):
        cell = SimpleRNNCell(
            units, activation=activation, use_bias=use_bias,
            kernel_initializer=kernel_initializer, recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer, bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint, recurrent_constraint=recurrent_constraint,
            bias_constraint=bias_constraint, dropout=dropout,
            recurrent_dropout=recurrent_dropout, seed=seed, dtype=kwargs.get("dtype", None),
            trainable=kwargs.get("trainable", True), name="simple_rnn_cell",
        )
        super().__init__(
            cell, return_sequences=return_sequences, return_state=return_state,
            go_backwards=go_backwards, stateful=stateful, unroll=unroll,
            activity_regularizer=activity_regularizer, **kwargs,
        )
        self.input_spec = InputSpec(ndim=3)

    def inner_loop(self, sequences, initial_state, mask, training=False):
        cell = self.cell
        if rnn_cell_utils.fusable(cell, training, ("tanh", "relu")):
            x = rnn_cell_utils.apply_input_dropout(cell, sequences, training)
            result = backend_rnn.simple_rnn(
                x, initial_state[0], cell.kernel, cell.recurrent_kernel, cell.bias,
                activation="tanh" if is_activation(cell.activation, "tanh") else "relu",
                mask=mask, go_backwards=self.go_backwards,
                return_sequences=self.return_sequences,
                zero_output_for_mask=self.zero_output_for_mask,
            )
            if result is not None:
                return result
        return super().inner_loop(sequences, initial_state, mask, training=training)

    def call(self, sequences, initial_state=None, mask=None, training=False):
        return super().call(sequences, mask=mask, training=training, initial_state=initial_state)

    def get_config(self):
        # Keras writes no `seed` for SimpleRNN.
        config = {
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            **rnn_cell_utils.weight_configs(self.cell, with_activity=self),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
        }
        base_config = super().get_config()
        del base_config["cell"]
        return {**base_config, **config}


rnn_cell_utils.forward_cell_properties(
    SimpleRNN, "units", "activation", "use_bias", "kernel_initializer", "recurrent_initializer",
    "bias_initializer", "kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
    "kernel_constraint", "recurrent_constraint", "bias_constraint", "dropout",
    "recurrent_dropout",
)
