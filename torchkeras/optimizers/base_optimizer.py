"""`Optimizer`: the Keras optimizer base class, which is also a `torch.optim.Optimizer`.

One object speaks both languages:

- Keras: `Adam(learning_rate=1e-3)`, built lazily on the first `apply(grads, variables)` (or
  `apply_gradients(zip(grads, variables))`), `variables`, `iterations`, `learning_rate`,
  `get_config()`, and Keras's update order (unscale, clip, weight decay, update, EMA,
  constraints, `iterations += 1`).
- PyTorch: `Adam(model.parameters(), lr=1e-3)`, `zero_grad()`, `step()`, `param_groups` (a torch
  LR scheduler writing `group["lr"]` changes the next step), `state_dict()`/`load_state_dict()`,
  `add_param_group()`.

Both paths run the same update. The hot path does no host syncs: the step count lives on the
device, a constant learning rate is a Python float (`param_groups[i]["lr"]`), and a scheduled one
is a tensor computed from `iterations` on the device. Whatever needs a Python-side branch
(gradient accumulation, EMA overwrites) reads `_iterations_host`, a host copy of the step count
kept up to date by the optimizer itself and re-read whenever user code assigns `iterations`.

Each optimizer writes its update twice: `update_step(gradient, variable, learning_rate)`, the
readable per-variable Keras formula, and `_parallel_update_step(grads, variables,
learning_rate)`, the same formula on whole lists with `torch._foreach_*` kernels, or torch's fused
Adam kernel fed Keras's constants (`torchkeras/backend/optimizer_ops.py`). The list version runs
when the variables share one device and dtype and `foreach` is on; the tests check that both
agree. Adafactor has only the per-variable form (its factored slots have no common shape).
"""

import collections
import numbers
import operator
import re
import warnings

import numpy as np
import torch

from torchkeras import backend
from torchkeras.backend import optimizer_ops
from torchkeras.backend.variable import Variable
from torchkeras.optimizers import torch_optimizer
from torchkeras.optimizers.schedules import learning_rate_schedule
from torchkeras.saving import serialization


class _StateVariable(Variable):
    """An optimizer-owned variable (`iterations`, `learning_rate`) that tells its optimizer when
    user code assigns it, so that the host-side copies used to avoid device syncs stay right."""

    _owner = None

    def assign(self, value):
        super().assign(value)
        self._notify()
        return self

    def assign_add(self, value):
        super().assign_add(value)
        self._notify()
        return self

    def assign_sub(self, value):
        super().assign_sub(value)
        self._notify()
        return self

    def _notify(self):
        if self._owner is not None:
            self._owner._on_state_variable_assigned(self)


class Optimizer(torch_optimizer.TorchOptimizer):
    """Abstract optimizer base class, also a `torch.optim.Optimizer`.

    To write your own optimizer, subclass it and override:

    - `build(variables)`: create the optimizer variables (e.g. momentums) with
      `add_variable_from_reference`, after calling `super().build(variables)`.
    - `update_step(gradient, variable, learning_rate)`: update one variable.
    - `get_config()`: serialization of the hyperparameters.

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use.
        weight_decay: Float. If set, decoupled weight decay is applied:
            `w -= w * weight_decay * learning_rate` before each update.
        clipnorm: Float. If set, the gradient of each weight is individually clipped so that its
            norm is no higher than this value.
        clipvalue: Float. If set, the gradient of each weight is clipped to be no higher than
            this value.
        global_clipnorm: Float. If set, the gradient of all weights is clipped so that their
            global norm is no higher than this value.
        use_ema: Boolean. If `True`, an exponential moving average of the weights is kept.
            Defaults to `False`.
        ema_momentum: Float, only used if `use_ema=True`:
            `new_average = ema_momentum * old_average + (1 - ema_momentum) * value`.
            Defaults to `0.99`.
        ema_overwrite_frequency: Int or `None`, only used if `use_ema=True`. Every
            `ema_overwrite_frequency` steps the weights are overwritten by their moving average.
            If `None`, call `finalize_variable_values()` at the end of training. Defaults to
            `None`.
        loss_scale_factor: Float or `None`. If set, `scale_loss` multiplies the loss by it and the
            gradients are divided by it before the update. Defaults to `None`.
        gradient_accumulation_steps: Int or `None`. If set (>= 2), the weights are updated every
            `gradient_accumulation_steps` steps with the mean of the gradients since the last
            update. Defaults to `None`.
        name: String. The name of the optimizer, used as the prefix of its variables' paths.
            Defaults to the snake-case class name, made unique.
        params: PyTorch-style parameters (an iterable of tensors or of parameter-group dicts).
            If given (also as the first positional argument), the optimizer is built on them
            right away. `lr` is accepted as PyTorch's name for `learning_rate`.
        foreach: Boolean or `None`. Whether to update all variables with multi-tensor kernels
            (the default) or one variable at a time with `update_step`.
    """

    def __init__(
        self,
        learning_rate,
        weight_decay=None,
        clipnorm=None,
        clipvalue=None,
        global_clipnorm=None,
        use_ema=False,
        ema_momentum=0.99,
        ema_overwrite_frequency=None,
        loss_scale_factor=None,
        gradient_accumulation_steps=None,
        name=None,
        **kwargs,
    ):
        if "lr" in kwargs:
            # Keras 2 spelling; tf.keras's legacy optimizers warn and use it.
            warnings.warn(
                "The `lr` argument is deprecated, use `learning_rate` instead.", stacklevel=3
            )
            learning_rate = kwargs.pop("lr")
        if kwargs.pop("decay", None) is not None:
            warnings.warn("Argument `decay` is no longer supported and will be ignored.")
        foreach = kwargs.pop("foreach", None)
        if kwargs:
            raise ValueError(f"Argument(s) not recognized: {kwargs}")

        constant_lr = learning_rate if isinstance(learning_rate, float) else None
        self._init_torch_optimizer({"lr": constant_lr, "weight_decay": weight_decay})

        if name is None:
            from torchkeras.utils import naming

            name = naming.auto_name(self.__class__.__name__)
        self.name = name
        self.clipnorm = clipnorm
        self.global_clipnorm = global_clipnorm
        self.clipvalue = clipvalue
        self.use_ema = use_ema
        self.loss_scale_factor = loss_scale_factor
        self.gradient_accumulation_steps = gradient_accumulation_steps
        self.foreach = foreach is None or bool(foreach)

        if gradient_accumulation_steps:
            if not gradient_accumulation_steps >= 2:
                raise ValueError(
                    "`gradient_accumulation_steps` must be an integer >= 2. "
                    f"Received: gradient_accumulation_steps={gradient_accumulation_steps}"
                )
        if use_ema:
            if ema_momentum > 1 or ema_momentum < 0:
                raise ValueError(
                    "`ema_momentum` must be in the range [0, 1]. "
                    f"Received: ema_momentum={ema_momentum}"
                )
            if ema_overwrite_frequency and (
                not isinstance(ema_overwrite_frequency, int) or ema_overwrite_frequency < 1
            ):
                raise ValueError(
                    "`ema_overwrite_frequency` must be an integer >= 1 or None. "
                    f"Received: ema_overwrite_frequency={ema_overwrite_frequency}"
                )
        self.ema_momentum = ema_momentum
        self.ema_overwrite_frequency = ema_overwrite_frequency
        if sum(a is not None for a in (clipnorm, clipvalue, global_clipnorm)) > 1:
            raise ValueError(
                "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. "
                f"Received: clipnorm={clipnorm}, clipvalue={clipvalue}, "
                f"global_clipnorm={global_clipnorm}"
            )

        self.built = False
        self._variables = []
        self._trainable_variables = []
        self._trainable_variables_indices = {}
        self._param_slots = {}  # id(variable) -> {slot name: slot variable}
        self._param_names = {}  # id(parameter) -> name, from torch `named_parameters()` groups
        self._decay_lists = {}
        self._homogeneous = True

        self._iterations = self._state_variable(torch.zeros((), dtype=torch.int64), "iteration")
        self._iterations_host = 0
        if isinstance(learning_rate, learning_rate_schedule.LearningRateSchedule) or callable(
            learning_rate
        ):
            self._learning_rate = learning_rate
        else:
            if not isinstance(learning_rate, float):
                raise ValueError(
                    "Argument `learning_rate` should be float, or an instance of "
                    "LearningRateSchedule, or a callable (that takes in the current iteration "
                    "value and returns the corresponding learning rate value). "
                    f"Received instead: learning_rate={learning_rate}"
                )
            self._check_learning_rate(learning_rate)
            self._learning_rate = self._state_variable(
                torch.tensor(learning_rate, dtype=backend.to_torch_dtype(None)), "learning_rate"
            )
            self._lr_host = learning_rate

    def _check_learning_rate(self, learning_rate):
        # Keras accepts a negative rate and silently climbs the loss; refuse it (see
        # compat/DIFFERENCES.md). 0 stays valid: it freezes the weights.
        if isinstance(learning_rate, numbers.Real) and not learning_rate >= 0:
            raise ValueError(
                f"Optimizer '{self.name}' ({type(self).__name__}): the learning rate must be a "
                f"non-negative number. Received: learning_rate={learning_rate}"
            )

    # -- variables -------------------------------------------------------------------------
    def _state_variable(self, value, name):
        variable = _StateVariable(value, dtype=value.dtype, trainable=False, name=name)
        variable._path = f"{self.name}/{name}"
        variable._owner = self
        self._variables.append(variable)
        return variable

    @property
    def variables(self):
        """All optimizer variables: `iteration`, `learning_rate`, then the slots, as Keras."""
        self._sync_learning_rate()
        return self._variables[:]

    @property
    def iterations(self):
        """The number of updates, as an integer tensor (accumulated updates if
        `gradient_accumulation_steps` is set)."""
        if self.gradient_accumulation_steps:
            return torch.div(
                self._iterations, self.gradient_accumulation_steps, rounding_mode="floor"
            )
        return self._iterations

    def add_variable(
        self, shape, initializer="zeros", dtype=None, aggregation="none", layout=None, name=None
    ):
        """Add a variable to the optimizer.

        Args:
            shape: Shape tuple for the variable.
            initializer: Initializer object or name. Defaults to `"zeros"`.
            dtype: Dtype of the variable. Defaults to `keras.config.floatx()`.
            aggregation: Kept for Keras compatibility. Defaults to `"none"`.
            layout: Kept for Keras compatibility. Defaults to `None`.
            name: String name of the variable.

        Returns:
            An optimizer variable (`keras.Variable`, not trainable).
        """
        return self._create_variable(shape, initializer, dtype, name, backend.get_device())

    def _create_variable(self, shape, initializer, dtype, name, device, like=None):
        torch_dtype = backend.to_torch_dtype(dtype)
        if initializer == "zeros" and like is not None:
            value = torch.zeros_like(like, dtype=torch_dtype, device=device)
        elif initializer == "zeros":
            value = torch.zeros(tuple(shape), dtype=torch_dtype, device=device)
        else:
            from torchkeras import initializers

            value = initializers.get(initializer)(tuple(shape), dtype=backend.standardize_dtype(
                torch_dtype))
        variable = Variable(value, dtype=torch_dtype, trainable=False, name=name, device=device)
        variable._path = f"{self.name}/{name}"
        self._variables.append(variable)
        return variable

    def add_variable_from_reference(self, reference_variable, name=None, initializer="zeros"):
        """Add an optimizer variable shaped like a model variable (e.g. a momentum).

        It is named `{reference path with "/" -> "_"}_{name}`, lives on the reference's device
        with its dtype, and appears in `optimizer.state[reference_variable][name]`.

        Args:
            reference_variable: The model variable the new variable belongs to.
            name: The name suffix of the new variable. Defaults to `"var"`.
            initializer: Initializer object or name. Defaults to `"zeros"`.

        Returns:
            An optimizer variable (`keras.Variable`, not trainable).
        """
        name = name or "var"
        slot = self._create_variable(
            reference_variable.shape,
            initializer,
            reference_variable.dtype,
            f"{self._reference_name(reference_variable)}_{name}",
            reference_variable.device,
            like=reference_variable,
        )
        self._param_slots.setdefault(id(reference_variable), {})[name] = slot
        self.state[reference_variable][name] = slot
        return slot

    def add_optimizer_variables(self, trainable_variables, name, initializer="zeros"):
        """Add one optimizer variable per model variable for each name in `name`.

        Args:
            trainable_variables: The model variables.
            name: A name suffix, or a list of them.
            initializer: Initializer(s) of the new variables. Defaults to `"zeros"`.

        Returns:
            A list of optimizer variables, or a tuple of lists if `name` is a list. Variables
            are created interleaved per model variable, in Keras's order.
        """
        names = [name] if isinstance(name, str) else list(name)
        if isinstance(initializer, (list, tuple)):
            initializer_list = list(initializer)
        else:
            initializer_list = [initializer] * len(names)
        if len(names) != len(initializer_list):
            raise ValueError(
                "The number of provided names must match the number of provided initializers.  "
                f"Received name='{name}', initializer='{initializer}'"
            )
        result = tuple([] for _ in names)
        for variable in trainable_variables:
            for i, (var_name, var_init) in enumerate(zip(names, initializer_list)):
                result[i].append(self.add_variable_from_reference(variable, var_name, var_init))
        return result[0] if isinstance(name, str) else result

    def _reference_name(self, variable):
        path = getattr(variable, "path", None)
        if isinstance(path, str):
            return path.replace("/", "_")
        name = self._param_names.get(id(variable))
        if name is None:
            name = getattr(variable, "name", None)
        if name is None:
            return f"param_{self._trainable_variables_indices.get(id(variable), 0)}"
        return str(name).replace("/", "_").replace(":", "_")

    def _var_key(self, variable):
        return id(variable)

    def _get_variable_index(self, variable):
        return self._trainable_variables_indices[id(variable)]

    # -- building --------------------------------------------------------------------------
    def build(self, variables):
        """Create the optimizer variables for `variables` (subclasses add their slots after
        calling `super().build(variables)`)."""
        variables = list(variables)
        if not self.param_groups:
            self.add_param_group({"params": variables})
        self._trainable_variables = variables
        self._trainable_variables_indices = {id(v): i for i, v in enumerate(variables)}
        self._index_param_groups()
        if variables:
            # Optimizer state lives with the parameters, whatever the default device says.
            device = variables[0].device
            for state_variable in (self._iterations, self._learning_rate):
                if isinstance(state_variable, Variable) and state_variable.device != device:
                    state_variable.data = state_variable.data.to(device)
        for variable in variables:
            self.state[variable]["step"] = self._iterations
        if self.use_ema:
            self._model_variables_moving_average = self.add_optimizer_variables(
                variables, "average"
            )
        if self.gradient_accumulation_steps:
            self._accumulated_gradients = self.add_optimizer_variables(
                variables, "gradient_accumulator"
            )
        self.built = True

    def _index_param_groups(self):
        """Cache what every step needs about the groups: each group's variables (contiguous in
        `_trainable_variables`), which group a variable is in, names, constraints."""
        self._group_variables = []
        self._group_of = {}
        self._spans = {}
        start = 0
        for i, group in enumerate(self.param_groups):
            params = group["params"]
            end = start + len(params)
            group_variables = (
                self._trainable_variables
                if len(self.param_groups) == 1
                else self._trainable_variables[start:end]
            )
            self._group_variables.append(group_variables)
            self._spans[id(group_variables)] = (start, end)
            for p in params:
                self._group_of[id(p)] = i
            for p, param_name in zip(params, group.get("param_names", ())):
                self._param_names[id(p)] = param_name
            start = end
        self._spans[id(self._trainable_variables)] = (0, start)
        self._full_layout = [
            (group, group_variables, *self._spans[id(group_variables)])
            for group, group_variables in zip(self.param_groups, self._group_variables)
        ]
        variables = self._trainable_variables
        self._homogeneous = all(
            v.device == variables[0].device and v.dtype == variables[0].dtype for v in variables
        )
        # Read once: Keras layers set `constraint` when the weight is created.
        self._constrained = [v for v in variables if getattr(v, "constraint", None) is not None]
        self._decay_lists = {}

    # -- learning rate ---------------------------------------------------------------------
    @property
    def learning_rate(self):
        """The current learning rate: the `learning_rate` variable, or the value of the
        schedule (at `iterations`) or callable."""
        return self._get_current_learning_rate()

    @learning_rate.setter
    def learning_rate(self, learning_rate):
        previous = self._learning_rate
        if isinstance(learning_rate, learning_rate_schedule.LearningRateSchedule) or callable(
            learning_rate
        ):
            self._learning_rate = learning_rate
            self._set_group_learning_rates(None)
            if isinstance(previous, Variable):
                self._variables = [v for v in self._variables if v is not previous]
            return
        if isinstance(previous, learning_rate_schedule.LearningRateSchedule):
            raise TypeError(
                "This optimizer was created with a `LearningRateSchedule` object as its "
                "`learning_rate` constructor argument, hence its learning rate is not settable. "
                "If you need the learning rate to be settable, you should instantiate the "
                "optimizer with a float `learning_rate` argument."
            )
        self._check_learning_rate(learning_rate)
        if not isinstance(previous, Variable):
            # Back from a callable to a value: track a learning rate variable again.
            variable = self._state_variable(
                torch.zeros((), dtype=backend.to_torch_dtype(None)), "learning_rate"
            )
            self._variables.insert(1, self._variables.pop())
            self._learning_rate = variable
        self._learning_rate.assign(learning_rate)  # notifies `_on_state_variable_assigned`

    def _get_current_learning_rate(self):
        learning_rate = self._learning_rate
        if isinstance(learning_rate, learning_rate_schedule.LearningRateSchedule):
            return learning_rate(self._iterations)
        if isinstance(learning_rate, Variable):
            self._sync_learning_rate()
            return learning_rate
        if callable(learning_rate):
            return learning_rate()
        return learning_rate

    def _set_group_learning_rates(self, value):
        self.defaults["lr"] = value
        for group in self.param_groups:
            group["lr"] = value
        self._lr_host = value

    def _sync_learning_rate(self):
        """Copy a learning rate written into `param_groups[0]["lr"]` (e.g. by a torch LR
        scheduler) into the `learning_rate` variable. No host sync: a device write at most."""
        if not isinstance(self._learning_rate, Variable) or not self.param_groups:
            return
        lr = self.param_groups[0]["lr"]
        if isinstance(lr, (float, int)) and lr != self._lr_host:
            self._lr_host = lr
            self.defaults["lr"] = lr
            with torch.no_grad():
                self._learning_rate.data.fill_(lr)

    def _on_state_variable_assigned(self, variable):
        # User code assigned `iterations` or `learning_rate`: refresh the host copies (one sync).
        if variable is self._iterations:
            self._iterations_host = int(self._iterations.detach().cpu())
        elif variable is self._learning_rate:
            self._set_group_learning_rates(float(self._learning_rate.detach().cpu()))

    def _scheduled_learning_rate(self):
        """The rate of this step if it is not the groups' constant `lr`, else `None`."""
        learning_rate = self._learning_rate
        if isinstance(learning_rate, Variable):
            self._sync_learning_rate()
            return None
        if isinstance(learning_rate, learning_rate_schedule.LearningRateSchedule):
            return learning_rate(self._iterations)
        return learning_rate()

    # -- weight decay ----------------------------------------------------------------------
    @property
    def weight_decay(self):
        return self.defaults["weight_decay"]

    @weight_decay.setter
    def weight_decay(self, value):
        self.defaults["weight_decay"] = value
        for group in self.param_groups:
            group["weight_decay"] = value

    def exclude_from_weight_decay(self, var_list=None, var_names=None):
        """Exclude variables from weight decay.

        Args:
            var_list: A list of variables to exclude from weight decay.
            var_names: A list of strings. If any of them appears in a variable's name, the
                variable is excluded (e.g. `var_names=["bias"]`).
        """
        self._exclude_from_weight_decay = set(id(v) for v in var_list) if var_list else set()
        if var_names:
            self._exclude_from_weight_decay_pattern = re.compile("|".join(set(var_names)))
        else:
            self._exclude_from_weight_decay_pattern = None
        self._exclude_from_weight_decay_cache = {}
        self._decay_lists = {}

    def _use_weight_decay(self, variable):
        cache = self.__dict__.setdefault("_exclude_from_weight_decay_cache", {})
        key = id(variable)
        if key not in cache:
            excluded = key in getattr(self, "_exclude_from_weight_decay", ())
            pattern = getattr(self, "_exclude_from_weight_decay_pattern", None)
            # The TensorFlow backend matches the name of the underlying tf.Variable, which is
            # the variable's path plus ":0" (`var_names=["output_dense"]` excludes that layer).
            path = getattr(variable, "path", None)
            name = f"{path}:0" if isinstance(path, str) else (
                getattr(variable, "name", None) or self._param_names.get(key))
            if not excluded and pattern is not None and name is not None:
                excluded = re.search(pattern, name) is not None
            cache[key] = not excluded
        return cache[key]

    def _apply_weight_decay(self, variables, weight_decay, learning_rate):
        """Decoupled weight decay `w -= w * weight_decay * learning_rate`."""
        if not weight_decay:
            return
        if id(variables) in self._spans:  # a whole group: cache the decayed subset
            targets = self._decay_lists.get(id(variables))
            if targets is None:
                targets = [v for v in variables if self._use_weight_decay(v)]
                self._decay_lists[id(variables)] = targets
        else:
            targets = [v for v in variables if self._use_weight_decay(v)]
        if not targets:
            return
        if self._use_foreach():
            optimizer_ops.decay_weights_(targets, weight_decay, learning_rate)
            return
        for variable in targets:
            lr = _cast(learning_rate, variable)
            variable.sub_(variable * _cast(weight_decay, variable) * lr)

    # -- applying gradients ----------------------------------------------------------------
    def update_step(self, gradient, variable, learning_rate):
        """Update one variable from its gradient (override in subclasses)."""
        raise NotImplementedError

    def _use_foreach(self):
        return self.foreach and self._homogeneous

    def _gather(self, slots, variables):
        """The slots of `variables`, without a Python loop when they are a whole group."""
        span = self._spans.get(id(variables))
        if span is not None:
            start, end = span
            return slots if (start == 0 and end == len(slots)) else slots[start:end]
        index = self._trainable_variables_indices
        return [slots[index[id(v)]] for v in variables]

    def apply_gradients(self, grads_and_vars):
        """Apply `(gradient, variable)` pairs. Returns `iterations` (as tf.keras did)."""
        grads, trainable_variables = zip(*grads_and_vars)
        self.apply(grads, trainable_variables)
        return self._iterations

    def minimize(self, loss, var_list, tape=None):
        """Minimize `loss` by updating `var_list` (tf.keras 2's API, kept for migrated scripts).

        Args:
            loss: A callable taking no arguments that returns the value to minimize, or a
                tensor computed under `tape`.
            var_list: The variables to update, or a callable returning them.
            tape: A `tf.GradientTape` (from the compat shim) that recorded a tensor `loss`.
        """
        if not callable(loss) and tape is None:
            raise ValueError("`tape` is required when a `Tensor` loss is passed. "
                             f"Received: loss={loss}, tape={tape}.")
        if callable(var_list):
            var_list = var_list()
        var_list = list(var_list)
        if callable(loss):
            with torch.enable_grad():
                loss = loss()
        if tape is not None:
            grads = tape.gradient(loss, var_list)
        else:
            needs = [v for v in var_list if v.requires_grad]
            found = torch.autograd.grad(loss, needs, allow_unused=True)
            by_id = {id(v): g for v, g in zip(needs, found)}
            grads = [by_id.get(id(v)) for v in var_list]
        self.apply(grads, var_list)

    def apply(self, grads, trainable_variables=None):
        """Update trainable variables according to provided gradient values.

        `grads` should be a list of gradient tensors with 1:1 mapping to the list of variables
        the optimizer was built with. `trainable_variables` can be provided on the first call to
        build the optimizer. `None` gradients are skipped, with a warning.

        Args:
            grads: List of gradients (tensors or arrays; `None` for no gradient).
            trainable_variables: List of variables, in the order of `grads`. Defaults to the
                variables the optimizer was built with.
        """
        grads = list(grads)
        if len(grads) == 0:
            return
        if trainable_variables is None:
            if not self.built:
                raise ValueError(
                    "When passing `grads` without `variables`, the optimizer must already be "
                    "built on a list of variables. Call `optimizer.build(trainable_variables)` "
                    "first. "
                )
            if len(grads) != len(self._trainable_variables_indices):
                raise ValueError(
                    "When passing `grads` as a list of gradient tensors, the gradients must "
                    "match `optimizer.variables` one-to-on. Received a list of "
                    f"{len(grads)} gradients, but the optimizer is tracking "
                    f"{len(self._trainable_variables)} trainable variables."
                )
            variables = self._trainable_variables
        else:
            variables = list(trainable_variables)
            if not self.built:
                self.build(variables)
                self.built = True
            known = self._trainable_variables
            if len(variables) == len(known) and all(map(operator.is_, variables, known)):
                variables = known  # the canonical list: lets every later step skip lookups
            else:
                self._check_variables_are_known(variables)
        if any(g is None for g in grads):
            grads, variables = self._filter_empty_gradients(grads, variables)
        # Gradients come as tensors of the variables' dtype, on their device, from autograd:
        # check the dtype of each (cheap) and the device of the first only.
        on_device = not isinstance(grads[0], torch.Tensor) or (
            grads[0].device == variables[0].device
        )
        # ... and in the variable's memory layout: the fused kernels walk gradient and variable
        # memory in step (`tape.gradient` can return e.g. a transposed conv-kernel gradient).
        grads = [
            g if on_device and isinstance(g, torch.Tensor) and g.dtype is v.dtype
            and g.stride() == v.stride()
            else _as_gradient(g, v)
            for g, v in zip(grads, variables)
        ]
        self._apply(*self._layout(grads, variables))

    def _check_variables_are_known(self, variables):
        for v in variables:
            if id(v) not in self._trainable_variables_indices:
                raise ValueError(
                    f"Unknown variable: {v}. This optimizer can only be called for the "
                    "variables it was originally built with. When working with a new set of "
                    "variables, you should recreate a new optimizer instance."
                )

    def _filter_empty_gradients(self, grads, variables):
        kept = [(g, v) for g, v in zip(grads, variables) if g is not None]
        if not kept:
            raise ValueError("No gradients provided for any variable.")
        missing = [
            getattr(v, "path", None) or self._reference_name(v)
            for g, v in zip(grads, variables)
            if g is None
        ]
        warnings.warn(
            f"Gradients do not exist for variables {missing} when minimizing the loss. If "
            "using `model.compile()`, did you forget to provide a `loss` argument?"
        )
        return [g for g, _ in kept], [v for _, v in kept]

    def _layout(self, grads, variables):
        """Order `grads` and `variables` by param group and split them into
        `(group, group_variables, start, end)` entries, one per group."""
        if variables is self._trainable_variables:
            return grads, variables, self._full_layout
        if len(self.param_groups) == 1:
            return grads, variables, [(self.param_groups[0], variables, 0, len(variables))]
        per_group = collections.defaultdict(list)
        for position, v in enumerate(variables):
            per_group[self._group_of[id(v)]].append(position)
        ordered_grads, ordered_variables, layout = [], [], []
        for group_index in sorted(per_group):
            start = len(ordered_grads)
            ordered_grads.extend(grads[p] for p in per_group[group_index])
            group_variables = [variables[p] for p in per_group[group_index]]
            ordered_variables.extend(group_variables)
            layout.append(
                (self.param_groups[group_index], group_variables, start, len(ordered_grads))
            )
        return ordered_grads, ordered_variables, layout

    @torch.no_grad()
    def _apply(self, grads, variables, layout):
        """Keras's update order, on gradients already matched to their variables."""
        if self.loss_scale_factor is not None:
            grads = self._map(grads, lambda g: g / self.loss_scale_factor,
                              optimizer_ops.divide, self.loss_scale_factor)
        steps = self.gradient_accumulation_steps
        if steps:
            accumulators = self._gather(self._accumulated_gradients, variables)
            if (self._iterations_host + 1) % steps == 0:
                if self._use_foreach():
                    grads = optimizer_ops.divide(optimizer_ops.add(grads, accumulators), steps)
                else:
                    grads = [(g + a) / steps for g, a in zip(grads, accumulators)]
                self._update(grads, variables, layout)
                self._zero(self._accumulated_gradients)
            elif self._use_foreach():
                optimizer_ops.add_(accumulators, grads)
            else:
                for accumulator, g in zip(accumulators, grads):
                    accumulator.add_(g)
        else:
            self._update(grads, variables, layout)
        if self.use_ema:
            self._update_model_variables_moving_average(self._trainable_variables)
            if self.ema_overwrite_frequency:
                if (self._host_iterations() + 1) % self.ema_overwrite_frequency == 0:
                    self._overwrite_model_variables_with_average_value(
                        self._trainable_variables
                    )
        constrained = self._constrained
        if constrained and variables is not self._trainable_variables:
            updated = set(map(id, variables))  # as Keras: only the variables that had gradients
            constrained = [v for v in constrained if id(v) in updated]
        for variable in constrained:
            variable.copy_(variable.constraint(variable))
        self._iterations.add_(1)
        self._iterations_host += 1

    def _update(self, grads, variables, layout):
        grads = self._clip_gradients(grads)
        learning_rate = self._scheduled_learning_rate()
        for group, group_variables, start, end in layout:
            group_grads = grads if (start == 0 and end == len(grads)) else grads[start:end]
            group_lr = group["lr"] if learning_rate is None else learning_rate
            self._apply_weight_decay(group_variables, group["weight_decay"], group_lr)
            self._backend_update_step(group_grads, group_variables, group_lr)

    def _backend_update_step(self, grads, trainable_variables, learning_rate):
        """Update all variables: the multi-tensor kernel when the class has one for its
        `update_step`, else `update_step` per variable."""
        if self._use_foreach() and _has_parallel_update_step(type(self)):
            self._parallel_update_step(grads, trainable_variables, learning_rate)
        else:
            for grad, variable in zip(grads, trainable_variables):
                self.update_step(grad, variable, learning_rate)

    def _host_iterations(self):
        steps = self.gradient_accumulation_steps
        return self._iterations_host // steps if steps else self._iterations_host

    def _host_step(self):
        """The 1-based number of this update as a Python int, for kernels that take host
        scalars (fused Adam); `None` under torch.compile, where a Python int that changes every
        step would force a recompilation."""
        if torch.compiler.is_compiling():
            return None
        return self._host_iterations() + 1

    def _map(self, tensors, per_tensor, parallel, *args):
        if self._use_foreach():
            return parallel(tensors, *args)
        return [per_tensor(t) for t in tensors]

    def _zero(self, tensors):
        if self._use_foreach():
            optimizer_ops.zero_(tensors)
        else:
            for t in tensors:
                t.zero_()

    def _clip_gradients(self, grads):
        if self.clipnorm and self.clipnorm > 0:
            return self._map(grads, self._clip_by_norm, optimizer_ops.clip_by_norm, self.clipnorm)
        if self.global_clipnorm and self.global_clipnorm > 0:
            if self._use_foreach():
                return optimizer_ops.clip_by_global_norm(grads, self.global_clipnorm)
            return _clip_by_global_norm(grads, self.global_clipnorm)
        if self.clipvalue and self.clipvalue > 0:
            v = self.clipvalue
            return self._map(grads, lambda g: torch.clamp(g, -v, v),
                             optimizer_ops.clip_by_value, v)
        return grads

    def _clip_by_norm(self, values):
        l2norm = torch.sqrt(torch.sum(values * values))
        return values * self.clipnorm / torch.clamp_min(l2norm, self.clipnorm)

    def _update_model_variables_moving_average(self, trainable_variables):
        averages = self._model_variables_moving_average
        first_step = self._host_iterations() == 0
        if self._use_foreach():
            momentum = 0.0 if first_step else _round(self.ema_momentum, trainable_variables[0])
            optimizer_ops.ema_update_(averages, trainable_variables, momentum)
            return
        for variable, average in zip(trainable_variables, averages):
            momentum = 0.0 if first_step else _round(self.ema_momentum, variable)
            average.copy_(momentum * average + (1 - momentum) * variable)

    def _overwrite_model_variables_with_average_value(self, trainable_variables):
        averages = self._model_variables_moving_average
        if len(trainable_variables) != len(averages):
            raise ValueError(
                f"The length of model variables ({len(trainable_variables)}) to override does "
                "not match the length of model variables stored in the optimizer "
                f"({len(averages)}). Please check if the optimizer was called on your model."
            )
        with torch.no_grad():
            if self._use_foreach():
                optimizer_ops.copy_(list(trainable_variables), averages)
            else:
                for variable, average in zip(trainable_variables, averages):
                    variable.copy_(average)

    def finalize_variable_values(self, var_list):
        """Set the final value of the model's variables: their moving average if `use_ema`.

        Args:
            var_list: List of model variables.
        """
        if self.use_ema:
            self._overwrite_model_variables_with_average_value(var_list)

    def scale_loss(self, loss):
        """Multiply the loss by `loss_scale_factor` (if set) before computing gradients."""
        if self.loss_scale_factor is not None:
            return loss * self.loss_scale_factor
        return loss

    # Keras API used by `update_step` implementations.
    def assign(self, variable, value):
        """Assign `value` to `variable` in place."""
        with torch.no_grad():
            variable.copy_(value)

    def assign_add(self, variable, value):
        """Add `value` to `variable` in place."""
        with torch.no_grad():
            variable.add_(value)

    def assign_sub(self, variable, value):
        """Subtract `value` from `variable` in place."""
        with torch.no_grad():
            variable.sub_(value)

    # -- state -----------------------------------------------------------------------------
    def set_weights(self, weights):
        """Set the values of `optimizer.variables`, in order."""
        if not self.built:
            raise ValueError(
                "You are calling `set_weights()` on an optimizer that has not yet been built. "
                "Please call `optimizer.build(trainable_variables)` to create the optimizer "
                "weights before calling `set_weights()`."
            )
        for variable, weight in zip(self._variables, weights):
            if tuple(variable.shape) != tuple(np.shape(weight)):
                raise ValueError(
                    f"Optimizer variable {variable.path} has shape {tuple(variable.shape)} not "
                    f"compatible with provided weight shape {tuple(np.shape(weight))}."
                )
            variable.assign(weight)

    def save_own_variables(self, store):
        """Write the optimizer variables into `store` under keys `"0"`, `"1"`, ..."""
        for i, variable in enumerate(self.variables):
            store[str(i)] = variable.numpy()

    def load_own_variables(self, store):
        """Read the optimizer variables back from `store` (see `save_own_variables`)."""
        if len(store.keys()) != len(self.variables):
            msg = (
                f"Skipping variable loading for optimizer '{self.name}', because it has "
                f"{len(self.variables)} variables whereas the saved optimizer has "
                f"{len(store.keys())} variables. "
            )
            if len(self.variables) == 0:
                msg += "This is likely because the optimizer has not been called/built yet."
            warnings.warn(msg, stacklevel=2)
            return
        for i, variable in enumerate(self.variables):
            variable.assign(store[str(i)])

    # -- config ----------------------------------------------------------------------------
    def get_config(self):
        """Return the optimizer's config: a JSON-serializable dict of its hyperparameters."""
        learning_rate = self._learning_rate
        if isinstance(learning_rate, learning_rate_schedule.LearningRateSchedule):
            learning_rate = learning_rate_schedule.serialize(learning_rate)
        elif isinstance(learning_rate, Variable):
            self._sync_learning_rate()
            learning_rate = float(learning_rate.detach().cpu())
        elif isinstance(learning_rate, torch.Tensor):
            learning_rate = float(learning_rate)
        elif callable(learning_rate):
            learning_rate = serialization.serialize_keras_object(learning_rate)
        return {
            "name": self.name,
            "learning_rate": learning_rate,
            "weight_decay": self.weight_decay,
            "clipnorm": self.clipnorm,
            "global_clipnorm": self.global_clipnorm,
            "clipvalue": self.clipvalue,
            "use_ema": self.use_ema,
            "ema_momentum": self.ema_momentum,
            "ema_overwrite_frequency": self.ema_overwrite_frequency,
            "loss_scale_factor": self.loss_scale_factor,
            "gradient_accumulation_steps": self.gradient_accumulation_steps,
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Create an optimizer from its config (the output of `get_config()`).

        Args:
            config: A Python dictionary.
            custom_objects: A dictionary mapping names to user-defined objects needed to
                recreate this optimizer (e.g. a custom learning rate schedule).
        """
        config = dict(config)
        if "lr" in config:  # Keras 2 configs
            config["learning_rate"] = config.pop("lr")
        if isinstance(config.get("learning_rate"), dict):
            config["learning_rate"] = learning_rate_schedule.deserialize(
                config["learning_rate"], custom_objects=custom_objects
            )
        return cls(**config)


_PARALLEL_CAPABLE = {}


def _has_parallel_update_step(cls):
    """Whether `cls`'s `update_step` comes from a class that also wrote the list version (a
    subclass overriding only `update_step` must not be bypassed by its parent's kernel)."""
    capable = _PARALLEL_CAPABLE.get(cls)
    if capable is None:
        capable = False
        for klass in cls.__mro__:
            if "update_step" in klass.__dict__:
                capable = "_parallel_update_step" in klass.__dict__
                break
        _PARALLEL_CAPABLE[cls] = capable
    return capable


def _as_gradient(gradient, variable):
    """A gradient given as an array, with another dtype or memory layout, as a tensor like
    `variable` (same dtype, device and strides)."""
    if isinstance(gradient, torch.Tensor):
        gradient = gradient.to(dtype=variable.dtype, device=variable.device)
        if gradient.stride() != variable.stride():
            gradient = torch.empty_like(variable).copy_(gradient)
        return gradient
    return torch.as_tensor(np.asarray(gradient), dtype=variable.dtype, device=variable.device)


def _cast(value, variable):
    """A hyperparameter or learning rate as a scalar of `variable`'s dtype (Keras's `ops.cast`)."""
    return torch.as_tensor(value, dtype=variable.dtype, device=variable.device)


_NUMPY_FLOATS = {torch.float16: np.float16, torch.float32: np.float32, torch.float64: np.float64}


def _round(value, variable):
    """A Python float rounded to `variable`'s dtype, as Keras's casts round hyperparameters."""
    numpy_dtype = _NUMPY_FLOATS.get(variable.dtype)
    if numpy_dtype is None:  # bfloat16: NumPy has no such type
        return float(torch.tensor(value, dtype=variable.dtype).float().numpy())
    return float(numpy_dtype(value))


def _clip_by_global_norm(grads, clipnorm):
    squared = [torch.sum(g.float() * g.float()).to(grads[0].device) for g in grads]
    norm = torch.sqrt(torch.sum(torch.stack(squared)))
    scale = clipnorm * torch.minimum(1.0 / norm, torch.full_like(norm, 1.0 / clipnorm))
    scale = scale + (norm - norm)  # NaN/inf norms make the scale NaN, as Keras
    return [g * scale.to(g.device, g.dtype) for g in grads]
