"""The PyTorch face of torchkeras optimizers.

`TorchOptimizer` is the `torch.optim.Optimizer` half of `keras.optimizers.Optimizer`: PyTorch's
calling convention (`Adam(model.parameters(), lr=1e-3)`), `step()`, `add_param_group()` and
`state_dict()`/`load_state_dict()`. It runs on the Keras machinery of its subclass
`base_optimizer.Optimizer`, which provides `build`, the slots (`_param_slots`), `_iterations` and
`_apply` (the Keras update order).

The state dict is PyTorch's layout with Keras's names: per parameter its slots (`"momentum"`,
`"velocity"`, ...) and `"step"` (the shared `iterations`), as plain tensors, so `torch.save` /
`torch.load(weights_only=True)` round-trip it; `lr` and `weight_decay` live in the groups.
"""

import collections

import torch


def _looks_like_params(value):
    """Whether a first positional argument is PyTorch-style parameters rather than a rate."""
    if isinstance(value, (str, bytes, dict, torch.Tensor)) or callable(value):
        return False
    if isinstance(value, (list, tuple)):
        return len(value) > 0 and isinstance(value[0], (torch.Tensor, dict, tuple))
    return hasattr(value, "__next__")  # a generator such as `model.parameters()`


class _OptimizerMeta(type):
    """Lets every optimizer class also take PyTorch's calling convention.

    `Adam(model.parameters(), lr=1e-3)`, `SGD(params, 0.1)` and `Adam(params=..., ...)` take the
    parameters out before Keras's `__init__` runs (so `0.1` lands in `learning_rate`, not in
    `momentum`), then build the optimizer on them once it is fully constructed: `build` needs
    the subclass's hyperparameters.
    """

    def __call__(cls, *args, **kwargs):
        params = kwargs.pop("params", None)
        if params is None and args and _looks_like_params(args[0]):
            params, args = args[0], args[1:]
        if params is not None and "lr" in kwargs:
            lr = kwargs.pop("lr")  # PyTorch's name: no Keras 2 deprecation warning here.
            kwargs["learning_rate"] = float(lr) if type(lr) is int else lr
        optimizer = super().__call__(*args, **kwargs)
        if params is not None:
            optimizer._build_from_params(params)
        return optimizer


class TorchOptimizer(torch.optim.Optimizer, metaclass=_OptimizerMeta):
    """`torch.optim.Optimizer` behaviour for Keras optimizers (see the module docstring)."""

    def _init_torch_optimizer(self, defaults):
        # torch.optim.Optimizer.__init__ insists on a non-empty parameter list, but a Keras
        # optimizer is built later: give it a placeholder, then empty the groups until `build`.
        torch.optim.Optimizer.__init__(self, [torch.empty(0)], defaults)
        self.param_groups.clear()
        self.state.clear()

    def _build_from_params(self, params):
        groups = list(params)
        if not groups:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(groups[0], dict):
            groups = [{"params": groups}]
        for group in groups:
            self.add_param_group(dict(group))
        self.build([p for group in self.param_groups for p in group["params"]])

    def add_param_group(self, param_group):
        """Add a parameter group (PyTorch API). A built optimizer creates the new slots,
        keeping the state of the existing ones."""
        super().add_param_group(param_group)
        if getattr(self, "built", False):
            self._rebuild()

    def _rebuild(self):
        old_slots = self._param_slots
        keep = (self._iterations, self._learning_rate)
        self._variables = [v for v in self._variables if any(v is k for k in keep)]
        self._param_slots = {}
        self.state = collections.defaultdict(dict)
        self.built = False
        self.build([p for group in self.param_groups for p in group["params"]])
        with torch.no_grad():
            for key, slots in old_slots.items():
                new_slots = self._param_slots.get(key, {})
                for slot_name, old in slots.items():
                    if slot_name in new_slots:
                        new_slots[slot_name].copy_(old)

    def step(self, closure=None):
        """Perform a single optimization step from the `.grad` of the parameters (PyTorch API).

        Parameters whose `.grad` is `None` are skipped.

        Args:
            closure: A closure that reevaluates the model and returns the loss. Optional.
        """
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        if not self.built:
            raise RuntimeError(
                f"Optimizer '{self.name}': `step()` was called before the optimizer knew its "
                "parameters. Pass them to the constructor (e.g. "
                f"`{type(self).__name__}(model.parameters())`) or call "
                "`optimizer.build(variables)` first. Received: no parameters."
            )
        grads, variables, layout = [], [], []
        for group, group_variables in zip(self.param_groups, self._group_variables):
            group_grads = [p.grad for p in group_variables]
            if any(g is None for g in group_grads):
                pairs = [(g, p) for g, p in zip(group_grads, group_variables) if g is not None]
                group_grads = [g for g, _ in pairs]
                group_variables = [p for _, p in pairs]
                if not pairs:
                    continue
            start = len(grads)
            grads.extend(group_grads)
            variables.extend(group_variables)
            layout.append((group, group_variables, start, len(grads)))
        if grads:
            if len(layout) == len(self._group_variables) and all(
                entry[1] is full for entry, full in zip(layout, self._group_variables)
            ):
                variables = self._trainable_variables  # nothing filtered: the canonical list
            self._apply(grads, variables, layout)
        return loss

    def state_dict(self):
        """The PyTorch state: per parameter its Keras slots (e.g. `"momentum"`, `"velocity"`)
        and `"step"` (the shared `iterations`), plain tensors; `lr` and `weight_decay` per
        group."""
        self._sync_learning_rate()
        state_dict = super().state_dict()
        state_dict["state"] = {
            key: {
                name: value.detach() if isinstance(value, torch.Tensor) else value
                for name, value in values.items()
            }
            for key, values in state_dict["state"].items()
        }
        return state_dict

    def load_state_dict(self, state_dict):
        """Load a state from `state_dict()` into the existing optimizer variables."""
        if not self.built:
            raise RuntimeError(
                f"Optimizer '{self.name}': `load_state_dict()` was called before the optimizer "
                "was built. Build it on the same parameters first (pass them to the constructor "
                "or call `optimizer.build(variables)`). Received: an unbuilt optimizer."
            )
        self._check_state_dict_slots(state_dict)
        super().load_state_dict(state_dict)
        loaded = self.state
        self.state = collections.defaultdict(dict)
        step = None
        with torch.no_grad():
            for variable in self._trainable_variables:
                values = loaded.get(variable, {})
                slots = self._param_slots.get(id(variable), {})
                for name, slot in slots.items():
                    slot.copy_(values[name])
                if step is None and "step" in values:
                    step = values["step"]
                self.state[variable] = {"step": self._iterations, **slots}
            if step is not None:
                self._iterations.copy_(step)
        self._iterations_host = int(self._iterations.detach().cpu())
        self._index_param_groups()
        self._lr_host = None  # copy the loaded group rate into the learning_rate variable
        self._sync_learning_rate()

    def _check_state_dict_slots(self, state_dict):
        """Refuse a state dict that lacks one of our slots, before anything is overwritten."""
        saved_groups = state_dict.get("param_groups", [])
        if [len(g["params"]) for g in saved_groups] != [
            len(g["params"]) for g in self.param_groups
        ]:
            return  # torch's own check reports the mismatch
        saved_ids = [i for group in saved_groups for i in group["params"]]
        for index, (saved_id, variable) in enumerate(zip(saved_ids, self._trainable_variables)):
            values = state_dict["state"].get(saved_id, {})
            for name in self._param_slots.get(id(variable), {}):
                if name not in values:
                    raise ValueError(
                        f"Optimizer '{self.name}': the state dict has no '{name}' for "
                        f"parameter {index}. Expected the state dict of a "
                        f"`{type(self).__name__}` with the same configuration. Received: "
                        f"keys {sorted(values)}."
                    )

    def __getstate__(self):
        # torch.optim.Optimizer keeps only the groups and state; a Keras optimizer is more.
        return self.__dict__.copy()
