"""RNN: runs a recurrent cell over the time axis (masks, go_backwards, stateful, initial states)."""

import torch

from torchkeras import backend
from torchkeras.backend import rnn as backend_rnn
from torchkeras.layers import layer_utils
from torchkeras.layers.layer import Layer
from torchkeras.layers.rnn.dropout_rnn_cell import DropoutRNNCell
from torchkeras.layers.rnn.stacked_rnn_cells import StackedRNNCells
from torchkeras.utils import tree


class RNN(Layer):
    """Base class for recurrent layers.

    Args:
        cell: A RNN cell instance or a list of RNN cell instances. A RNN cell is a class that has:
            - a `call(input_at_t, states_at_t)` method, returning `(output_at_t,
              states_at_t_plus_1)`;
            - a `state_size` attribute: a single integer (single state) or a list/tuple of
              integers (one size per state);
            - optionally an `output_size` attribute, a single integer;
            - optionally a `get_initial_state(batch_size=None)` method returning the initial
              states (zeros of shape `(batch_size, size)` are used otherwise).
            A list of cells is stacked into one cell with `StackedRNNCells`.
        return_sequences: Boolean. Whether to return the last output in the output sequence, or
            the full sequence. Defaults to `False`.
        return_state: Boolean. Whether to return the last state in addition to the output.
            Defaults to `False`.
        go_backwards: Boolean. If `True`, process the input sequence backwards and return the
            reversed sequence. Defaults to `False`.
        stateful: Boolean. If `True`, the last state for each sample at index `i` in a batch is
            used as initial state for the sample of index `i` in the following batch. Defaults to
            `False`.
        unroll: Boolean. Kept for Keras compatibility: the loop always runs eagerly, step by step
            or in one fused kernel. Defaults to `False`.
        zero_output_for_mask: Boolean. Whether masked timesteps output zeros (instead of the
            previous output) when `return_sequences=True`. Defaults to `False`.

    Call arguments:
        sequences: A 3-D tensor with shape `(batch_size, timesteps, features)`.
        initial_state: List of initial state tensors for the first call of the cell.
        mask: Boolean tensor of shape `(batch_size, timesteps)`; `False` entries are skipped:
            the states carry over and the output repeats the previous one.
        training: Python boolean, passed to the cell (for dropout).

    Output shape: `(batch_size, units)`, or `(batch_size, timesteps, units)` with
    `return_sequences=True`; with `return_state=True`, a tuple of the output and the last states.

    Example:

    >>> cell = keras.layers.LSTMCell(8)
    >>> layer = keras.layers.RNN(cell, return_sequences=True)
    >>> layer(np.ones((2, 5, 3), "float32")).shape
    torch.Size([2, 5, 8])
    """

    def __init__(self, cell, return_sequences=False, return_state=False, go_backwards=False,
                 stateful=False, unroll=False, zero_output_for_mask=False, **kwargs):
        if isinstance(cell, (list, tuple)):
            cell = StackedRNNCells(cell)
        if "call" not in dir(cell):
            raise ValueError(f"Argument `cell` should have a `call` method. Received: cell={cell}")
        if "state_size" not in dir(cell):
            raise ValueError(
                "The RNN cell should have a `state_size` attribute (single integer or list of "
                f"integers, one integer per RNN state). Received: cell={cell}"
            )
        super().__init__(**kwargs)
        self.zero_output_for_mask = zero_output_for_mask
        self.cell = cell
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.unroll = unroll
        self.supports_masking = True
        self._state_keys = None
        self._state_structure = None
        self._expected_batch_size = None
        state_size = getattr(self.cell, "state_size", None)
        if state_size is None:
            raise ValueError("state_size must be specified as property on the RNN cell.")
        if not isinstance(state_size, (list, tuple, int)):
            raise ValueError(
                "state_size must be an integer, or a list/tuple of integers (one for each state "
                "tensor)."
            )
        self.state_size = [state_size] if isinstance(state_size, int) else list(state_size)
        self.single_state = isinstance(state_size, int)

    # -- shapes and masks -------------------------------------------------------------------------
    def compute_output_shape(self, sequences_shape, initial_state_shape=None):
        batch_size, length = sequences_shape[0], sequences_shape[1]
        states_shape = []
        for size in self.state_size:
            if isinstance(size, int):
                states_shape.append((batch_size, size))
            else:
                states_shape.append([(batch_size, s) for s in size])
        output_size = getattr(self.cell, "output_size", None)
        if output_size is None:
            output_size = self.state_size[0]
        if not isinstance(output_size, int):
            raise ValueError("output_size must be an integer.")
        if self.return_sequences:
            output_shape = (batch_size, length, output_size)
        else:
            output_shape = (batch_size, output_size)
        if self.return_state:
            return (output_shape, *states_shape)
        return output_shape

    def compute_mask(self, _, mask):
        # The timestep mask carries over to the output sequence; final states have none.
        mask = tree.flatten(mask)[0] if isinstance(mask, (list, tuple)) else mask
        output_mask = mask if self.return_sequences else None
        if self.return_state:
            return [output_mask] + [None for _ in self.state_size]
        return output_mask

    # -- build and state ----------------------------------------------------------------------
    def build(self, sequences_shape, initial_state_shape=None):
        step_shape = (sequences_shape[0],) + tuple(sequences_shape[2:])
        if isinstance(self.cell, Layer) and not self.cell.built:
            build_sublayer(self, self.cell, step_shape)
        if self.stateful:
            if self._state_keys is not None:
                self.reset_state()
            else:
                if sequences_shape[0] is None:
                    raise ValueError(
                        "When using `stateful=True` in a RNN, the batch size must be static. "
                        f"Found dynamic batch size: sequence.shape={tuple(sequences_shape)}"
                    )
                self._create_state_variables(sequences_shape[0])
                self._expected_batch_size = sequences_shape[0]
        self.built = True

    def _create_state_variables(self, batch_size):
        # Non-persistent buffers: they move with `.to()` but are not weights (as in Keras, the
        # states are neither in `layer.weights` nor in weight files).
        initial = self.get_initial_state(batch_size)
        self._state_structure = initial
        self._state_keys = []
        for i, value in enumerate(tree.flatten(initial)):
            key = f"rnn_state_{i}"
            self.register_buffer(key, value.detach(), persistent=False)
            self._state_keys.append(key)

    @property
    def states(self):
        """The current states of a stateful layer (a list of tensors), else `None`."""
        if self._state_keys is None:
            return None
        flat = [getattr(self, key) for key in self._state_keys]
        return list(tree.pack_sequence_as(self._state_structure, flat))

    def get_initial_state(self, batch_size):
        """Zero states (or the cell's `get_initial_state`) for a batch of `batch_size`."""
        get_initial_state_fn = getattr(self.cell, "get_initial_state", None)
        if get_initial_state_fn:
            init_state = get_initial_state_fn(batch_size=batch_size)
        else:
            return [
                torch.zeros((batch_size, d), dtype=self._torch_compute_dtype,
                            device=_cell_device(self.cell))
                for d in self.state_size
            ]
        if not tree.is_nested(init_state):
            init_state = [init_state]
        return list(init_state)

    def reset_states(self):
        # Compatibility alias.
        self.reset_state()

    def reset_state(self):
        """Set the states of a stateful layer back to zeros."""
        if self._state_keys is not None:
            for key in self._state_keys:
                setattr(self, key, torch.zeros_like(getattr(self, key)))

    # -- call ---------------------------------------------------------------------------------
    def call(self, sequences, initial_state=None, mask=None, training=False):
        if sequences.dim() < 3:
            raise ValueError(
                f"Layer '{self.name}' ({self.__class__.__name__}): the input should be a sequence "
                "of shape `(batch_size, timesteps, ...)`, with at least 3 dimensions. "
                f"Received: sequences.shape={tuple(sequences.shape)}"
            )
        batch_size = sequences.shape[0]
        if initial_state is None:
            if self.stateful:
                initial_state = self.states
            else:
                initial_state = self.get_initial_state(batch_size)
        else:
            initial_state = self._standardize_initial_state(initial_state, sequences)
        if self.stateful and self._expected_batch_size is not None and (
            batch_size != self._expected_batch_size
        ):
            raise ValueError(
                "If an RNN is stateful, the batch size of the input sequences must be the same "
                "as the batch size of the initial state. \n"
                f"- Expected batch size: {self._expected_batch_size}\n"
                f"- Received batch size: {batch_size}"
            )
        if mask is not None:
            mask = self._standardize_mask(mask, sequences)
        try:
            last_output, outputs, states = self.inner_loop(
                sequences, initial_state, mask, training=training
            )
        finally:
            _reset_dropout_masks(self.cell)
        if self.stateful:
            # New tensors, not in-place copies: the old states may be saved for backward.
            for key, state in zip(self._state_keys, tree.flatten(states)):
                setattr(self, key, state.detach())
        output = outputs if self.return_sequences else last_output
        if self.return_state:
            return (output, *states)
        return output

    def inner_loop(self, sequences, initial_state, mask, training=False):
        """Run the cell over the sequence: returns `(last_output, outputs, states)`."""
        step = _step_function(self.cell, training)
        return backend_rnn.rnn(
            step, sequences, initial_state, go_backwards=self.go_backwards, mask=mask,
            zero_output_for_mask=self.zero_output_for_mask,
            return_all_outputs=self.return_sequences,
        )

    def _standardize_initial_state(self, initial_state, sequences):
        if not isinstance(initial_state, (list, tuple)):
            initial_state = [initial_state]
        flat = tree.flatten(initial_state)
        sizes = tree.flatten(self.state_size)
        if len(flat) != len(sizes):
            raise ValueError(
                f"Layer '{self.name}' ({self.__class__.__name__}): `initial_state` should hold "
                f"{len(sizes)} tensor(s), one per state of the cell "
                f"(state_size={self.state_size}). Received: {len(flat)} tensor(s)."
            )
        batch_size = sequences.shape[0]
        converted = []
        for i, (state, size) in enumerate(zip(flat, sizes)):
            if not isinstance(state, torch.Tensor):
                state = backend.convert_to_tensor(state)
            state = state.to(device=sequences.device, dtype=self._torch_compute_dtype)
            expected = (batch_size, size) if isinstance(size, int) and size > 0 else None
            if state.dim() < 1 or state.shape[0] != batch_size or (
                expected is not None and tuple(state.shape) != expected
            ):
                wanted = expected if expected is not None else f"({batch_size}, ...)"
                raise ValueError(
                    f"Layer '{self.name}' ({self.__class__.__name__}): initial state {i} should "
                    f"have shape {wanted}. Received: shape={tuple(state.shape)}"
                )
            converted.append(state)
        return list(tree.pack_sequence_as(self.state_size, converted))

    def _standardize_mask(self, mask, sequences):
        if isinstance(mask, (list, tuple)):
            mask = tree.flatten(mask)[0]
            if mask is None:
                return None
        if not isinstance(mask, torch.Tensor):
            mask = backend.convert_to_tensor(mask)
        if mask.dim() == 3 and mask.shape[2] == 1:
            mask = mask[:, :, 0]
        if tuple(mask.shape) != tuple(sequences.shape[:2]):
            raise ValueError(
                f"Layer '{self.name}' ({self.__class__.__name__}): the mask should have shape "
                f"(batch_size, timesteps) = {tuple(sequences.shape[:2])}. "
                f"Received: mask.shape={tuple(mask.shape)}"
            )
        if mask.dtype != torch.bool:
            mask = mask != 0
        return mask.to(sequences.device)

    # -- config -------------------------------------------------------------------------------
    def get_config(self):
        from torchkeras.saving import serialization

        config = {
            "return_sequences": self.return_sequences,
            "return_state": self.return_state,
            "go_backwards": self.go_backwards,
            "stateful": self.stateful,
            "unroll": self.unroll,
            "zero_output_for_mask": self.zero_output_for_mask,
            "cell": serialization.serialize_keras_object(self.cell),
        }
        return {**super().get_config(), **config}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        if "cell" in config:  # the generic RNN; LSTM & co. rebuild their cell from arguments
            from torchkeras import layers

            config["cell"] = layers.deserialize(config["cell"], custom_objects=custom_objects)
        return super().from_config(config)


# -- helpers shared by the recurrent layers --------------------------------------------------------
def build_sublayer(parent, layer, input_shape):
    """Build `layer` (a sublayer of `parent`) inside `parent`'s name scope, so its weights get
    nested paths (`lstm/lstm_cell/kernel`) even when `parent.build()` is called directly."""
    from torchkeras.layers import layer as layer_module

    scope = layer_module._NAME_SCOPE
    inside = bool(scope) and scope[-1] == parent.name
    if not inside:
        scope.append(parent.path)
    try:
        layer.build_from_config({"input_shape": tuple(input_shape)})
    finally:
        if not inside:
            scope.pop()


def _cell_device(cell):
    for weight in getattr(cell, "weights", None) or ():
        return weight.device
    return backend.get_device()


def _step_function(cell, training):
    """`fn(step_input, states) -> (output, new_states)` calling the cell."""
    if isinstance(cell, Layer):
        has_training = layer_utils.signature(type(cell)).has_training_arg
        kwargs = {"training": training} if has_training else {}
        # The built-in cells are called directly (no per-step `__call__` bookkeeping); a user's
        # cell goes through `__call__`, as Keras calls it.
        fn = cell.call if getattr(cell, "_direct_step_call", False) else cell
        if kwargs:
            return lambda x, states: fn(x, states, **kwargs)
        return fn
    return cell if callable(cell) else cell.call


def _reset_dropout_masks(cell):
    if isinstance(cell, DropoutRNNCell):
        cell.reset_dropout_mask()
        cell.reset_recurrent_dropout_mask()
    if isinstance(cell, StackedRNNCells):
        for c in cell.cells:
            _reset_dropout_masks(c)


def fast_activation(fn):
    """torch's own function for the Keras activations the recurrent cells use most."""
    from torchkeras import activations

    if fn is activations.sigmoid:
        return torch.sigmoid
    if fn is activations.tanh:
        return torch.tanh
    return fn


def is_activation(fn, name):
    """Whether `fn` is the Keras (or torch) `tanh`/`sigmoid`/`relu` activation."""
    from torchkeras import activations

    candidates = {
        "tanh": (activations.tanh, torch.tanh),
        "sigmoid": (activations.sigmoid, torch.sigmoid),
        "relu": (activations.relu, torch.relu),
    }[name]
    return any(fn is c for c in candidates)
