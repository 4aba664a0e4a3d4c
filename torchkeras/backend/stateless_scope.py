"""`keras.StatelessScope`: run code against given variable values without changing the variables.

torch variables hold their storage, so the scope swaps each mapped variable's data for (a copy
of) its given value on entry and puts the original back on exit; whatever the code assigned
is then available from `get_current_value`.
"""

import torch

from torchkeras.backend import tensors

_CURRENT = [None]


class StatelessScope:
    """Scope to prevent any update to the given Keras Variables.

    The values of variables to be used inside the scope are passed via `state_mapping`, a list
    of `(variable, value)` tuples. Updated values can be collected on scope exit via
    `scope.get_current_value(variable)`; the variables themselves keep their original values.

    Only the variables in `state_mapping` are protected: a variable not listed there that is
    assigned inside the scope changes in place, and gradients do not flow to the mapped values
    (see compat/DIFFERENCES.md).

    Args:
        state_mapping: List of `(Variable, value)` tuples. Defaults to `None`.
        collect_losses: Whether to collect losses added with `add_loss` in `scope.losses`.
            Defaults to `False`.
        initialize_variables: Accepted for compatibility (torchkeras variables are always
            initialized). Defaults to `True`.

    Example:

    ```python
    state_mapping = [(k, ops.ones(k.shape, k.dtype)) for k in model.weights]
    with keras.StatelessScope(state_mapping) as scope:
        outputs = model.some_function(inputs)
    for k in model.weights:
        new_value = scope.get_current_value(k)
    ```
    """

    def __init__(self, state_mapping=None, collect_losses=False, initialize_variables=True):
        from torchkeras.backend.variable import Variable

        self.collect_losses = collect_losses
        self.initialize_variables = initialize_variables
        self.losses = []
        self.state_mapping = {}
        self._variables = {}
        self._originals = {}
        for k, v in state_mapping or []:
            if not isinstance(k, Variable):
                raise ValueError(
                    "Invalid reference variable in StatelessScope: all keys in argument "
                    f"`mapping` must be Variable instances. Received instead: {k}"
                )
            value = tensors.convert_to_tensor(
                v.detach() if isinstance(v, torch.Tensor) else v, dtype=k.dtype
            ).to(k.device)
            if tuple(k.shape) != tuple(value.shape):
                raise ValueError(
                    "Invalid variable value in StatelessScope: all values in argument "
                    "`mapping` must be tensors with a shape that matches the corresponding "
                    f"variable shape. For variable {k}, received invalid value {v} with shape "
                    f"{tuple(value.shape)}."
                )
            self.state_mapping[id(k)] = value
            self._variables[id(k)] = k

    def __enter__(self):
        self.original_scope = _CURRENT[0]
        _CURRENT[0] = self
        for key, variable in self._variables.items():
            # Assignments inside the scope then land in the copy, not in the variable.
            working = self.state_mapping[key].clone()
            self._originals[key] = variable.data
            variable.data = working
            self.state_mapping[key] = working
        return self

    def add_loss(self, loss):
        self.losses.append(loss)

    def add_update(self, update):
        variable, value = update
        self.state_mapping[id(variable)] = value

    def get_current_value(self, variable):
        """The value of `variable` in this scope (its mapped or updated value), or `None`."""
        return self.state_mapping.get(id(variable), None)

    def __exit__(self, *args, **kwargs):
        for key, original in self._originals.items():
            self._variables[key].data = original
        self._originals = {}
        _CURRENT[0] = self.original_scope


def in_stateless_scope():
    """Whether a `StatelessScope` is open."""
    return _CURRENT[0] is not None


def get_stateless_scope():
    """The innermost open `StatelessScope`, or `None`."""
    return _CURRENT[0]
