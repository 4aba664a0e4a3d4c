"""Small pieces shared by the recurrent cells and layers: argument checks, zero states,
configs, and the test of whether a layer may run in torch's fused kernel."""

import torch

from torchkeras import backend
from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.layers.rnn.rnn import is_activation


def check_units(units):
    if isinstance(units, bool) or not isinstance(units, int) or units <= 0:
        raise ValueError(
            "Received an invalid value for argument `units`, expected a positive integer, "
            f"got {units}."
        )


def check_use_cudnn(use_cudnn):
    if use_cudnn not in ("auto", True, False):
        raise ValueError(
            "Invalid valid received for argument `use_cudnn`. Expected one of {'auto', True, "
            f"False}}. Received: use_cudnn={use_cudnn}"
        )
    return use_cudnn


def cudnn_error():
    return ValueError(
        "use_cudnn=True was specified, but cuDNN is not supported for this layer configuration "
        "with this backend. Pass use_cudnn='auto' to fallback to a non-cuDNN implementation."
    )


def zero_states(cell, batch_size, sizes):
    """Zero states `(batch_size, size)` on the device of the cell's weights."""
    kernel = getattr(cell, "kernel", None)
    device = kernel.device if kernel is not None else backend.get_device()
    dtype = cell._torch_compute_dtype
    return [torch.zeros((batch_size, size), dtype=dtype, device=device) for size in sizes]


def fusable(cell, training, activation_names, recurrent_activation_name=None):
    """Whether a cell's computation equals torch's fused kernel for this call."""
    if not any(is_activation(cell.activation, name) for name in activation_names):
        return False
    if recurrent_activation_name is not None and not is_activation(
        cell.recurrent_activation, recurrent_activation_name
    ):
        return False
    if training and 0.0 < cell.recurrent_dropout < 1.0:
        return False
    if training and 0.0 < cell.dropout < 1.0 and getattr(cell, "dropout_mask_count", None):
        return False  # one input mask per gate: no single masked input sequence
    return True


def apply_input_dropout(cell, sequences, training):
    """The sequence with the cell's input dropout mask (the same at every step) applied."""
    if training and 0.0 < cell.dropout < 1.0:
        return sequences * cell.get_dropout_mask(sequences[:, 0]).unsqueeze(1)
    return sequences


def weight_configs(cell, with_activity=None):
    """The initializer/regularizer/constraint entries of a recurrent cell's config."""
    config = {
        "kernel_initializer": initializers.serialize(cell.kernel_initializer),
        "recurrent_initializer": initializers.serialize(cell.recurrent_initializer),
        "bias_initializer": initializers.serialize(cell.bias_initializer),
        "kernel_regularizer": regularizers.serialize(cell.kernel_regularizer),
        "recurrent_regularizer": regularizers.serialize(cell.recurrent_regularizer),
        "bias_regularizer": regularizers.serialize(cell.bias_regularizer),
    }
    if with_activity is not None:
        config["activity_regularizer"] = regularizers.serialize(
            with_activity.activity_regularizer
        )
    config.update({
        "kernel_constraint": constraints.serialize(cell.kernel_constraint),
        "recurrent_constraint": constraints.serialize(cell.recurrent_constraint),
        "bias_constraint": constraints.serialize(cell.bias_constraint),
    })
    return config


def forward_cell_properties(cls, *names):
    """Give a recurrent layer read-only properties that read its cell's attributes."""
    for name in names:
        setattr(cls, name, property(lambda self, name=name: getattr(self.cell, name)))
