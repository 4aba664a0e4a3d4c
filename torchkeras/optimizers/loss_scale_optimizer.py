"""`LossScaleOptimizer`: dynamic loss scaling around another optimizer."""

import torch

from torchkeras.backend import optimizer_ops
from torchkeras.optimizers import base_optimizer
from torchkeras.saving import serialization

# The base optimizer arguments a LossScaleOptimizer config may carry (older Keras wrote them),
# with the only values it accepts.
_BASE_OPTIMIZER_DEFAULTS = {
    "weight_decay": None,
    "clipnorm": None,
    "global_clipnorm": None,
    "clipvalue": None,
    "use_ema": False,
    "ema_momentum": 0.99,
    "ema_overwrite_frequency": None,
    "loss_scale_factor": None,
    "gradient_accumulation_steps": None,
}


class LossScaleOptimizer(base_optimizer.Optimizer):
    """An optimizer that dynamically scales the loss to prevent underflow.

    Loss scaling is a technique to prevent numeric underflow in intermediate gradients when
    float16 is used. To prevent underflow, the loss is multiplied (or "scaled") by a certain
    factor called the "loss scale", which causes intermediate gradients to be scaled by the loss
    scale as well. The final gradients are divided (or "unscaled") by the loss scale to bring
    them back to their original value.

    `LossScaleOptimizer` wraps another optimizer and applies dynamic loss scaling to it. This
    loss scale is dynamically updated over time as follows:

    - On any train step, if a nonfinite gradient is encountered, the loss scale is halved, and
      the train step is skipped (the inner optimizer does not update, nor count the step).
    - If `dynamic_growth_steps` have occurred since the last time the loss scale was updated,
      and no nonfinite gradients have occurred, the loss scale is doubled.

    Deciding whether to skip reads one boolean back from the device per step, as
    `torch.amp.GradScaler` does. Keras's defaults differ from GradScaler's (initial scale
    `2**15`, not `2**16`).

    Args:
        inner_optimizer: The `keras.optimizers.Optimizer` instance to wrap.
        initial_scale: Float. The initial loss scale. This scale will be updated during
            training. It is recommended for this to be a very high number, because a loss scale
            that is too high gets lowered far more quickly than a loss scale that is too low
            gets raised. Defaults to `2.0 ** 15`.
        dynamic_growth_steps: Int. How often to update the scale upwards. After every
            `dynamic_growth_steps` steps with finite gradients, the loss scale is doubled.
            Defaults to `2000`.
        name: String. The name of the optimizer. Defaults to `"loss_scale_optimizer"` (made
            unique).

    Example:

    >>> optimizer = keras.optimizers.LossScaleOptimizer(keras.optimizers.Adam())
    >>> model.compile(optimizer=optimizer, loss="mse")  # the trainer scales the loss
    """

    def __init__(
        self,
        inner_optimizer,
        initial_scale=2.0**15,
        dynamic_growth_steps=2000,
        name=None,
        **kwargs,
    ):
        if not kwargs.pop("dynamic", True):
            raise ValueError(
                "LossScaleOptimizer no longer supports `dynamic=False`. Instead, simply set "
                "`loss_scale_factor` directly on the `inner_optimizer`."
            )
        # Configs written by older Keras carry the base arguments at their defaults.
        for arg_name, default_value in _BASE_OPTIMIZER_DEFAULTS.items():
            if arg_name not in kwargs:
                continue
            arg_value = kwargs.pop(arg_name)
            if (default_value is None and arg_value is not None) or arg_value != default_value:
                raise ValueError(
                    f"LossScaleOptimizer does not support `{arg_name}`. Instead, set "
                    f"`{arg_name}` on the `inner_optimizer`."
                )
        if kwargs:
            raise ValueError(
                "LossScaleOptimizer does not support arguments: "
                f"`{'`, `'.join(kwargs.keys())}`."
            )
        super().__init__(learning_rate=0.0, name=name)
        self.inner_optimizer = inner_optimizer
        self.initial_scale = initial_scale
        self.dynamic_growth_steps = dynamic_growth_steps
        # Disable the inner optimizer's loss scaling, otherwise gradients are unscaled twice.
        self.inner_optimizer.loss_scale_factor = None

    def build(self, var_list):
        """Create `step_counter` and `dynamic_scale`, then build the inner optimizer."""
        if self.built:
            return
        var_list = list(var_list)
        device = var_list[0].device if var_list else None
        self.step_counter = self._create_variable((), "zeros", "int64", "step_counter", device)
        self.dynamic_scale = self._create_variable((), "zeros", "float32", "dynamic_scale", device)
        with torch.no_grad():
            self.dynamic_scale.fill_(self.initial_scale)
        self.inner_optimizer.build(var_list)
        super().build(var_list)

    @property
    def variables(self):
        """Its own variables (`iteration`, `learning_rate`, `step_counter`, `dynamic_scale`),
        then the inner optimizer's."""
        return self._variables + self.inner_optimizer.variables

    @torch.no_grad()
    def _apply(self, grads, variables, layout):
        if optimizer_ops.all_finite(grads):
            scale = self.dynamic_scale
            self.inner_optimizer.apply(optimizer_ops.divide(grads, scale), variables)
            # Double the scale after `dynamic_growth_steps` finite steps in a row (on device).
            grow = self.step_counter == self.dynamic_growth_steps - 1
            self.step_counter.copy_(torch.where(grow, 0, self.step_counter + 1))
            scale.copy_(torch.where(grow, scale * 2.0, scale))
        else:
            # Skip the step, halve the scale, start counting again.
            self.step_counter.zero_()
            self.dynamic_scale.mul_(0.5)

    def check_finite(self, grads):
        """Whether all the (non-`None`) gradients are finite, as a Python bool."""
        tensors = [g for g in grads if g is not None]
        return optimizer_ops.all_finite(tensors) if tensors else True

    @property
    def learning_rate(self):
        """The learning rate of the inner optimizer."""
        return self.inner_optimizer.learning_rate

    @learning_rate.setter
    def learning_rate(self, learning_rate):
        self.inner_optimizer.learning_rate = learning_rate

    @property
    def iterations(self):
        """The number of updates of the inner optimizer (skipped steps do not count)."""
        return self.inner_optimizer.iterations

    def scale_loss(self, loss):
        """Multiply the loss by the current loss scale (`initial_scale` before building)."""
        scale = self.dynamic_scale if self.built else self.initial_scale
        return loss * scale

    def finalize_variable_values(self, var_list):
        self.inner_optimizer.finalize_variable_values(var_list)

    def state_dict(self):
        """The inner optimizer's PyTorch state, plus the loss scale under `"loss_scale"`."""
        state_dict = self.inner_optimizer.state_dict()
        state_dict["loss_scale"] = {
            "step_counter": self.step_counter.detach().clone(),
            "dynamic_scale": self.dynamic_scale.detach().clone(),
        }
        return state_dict

    def load_state_dict(self, state_dict):
        """Load a state written by `state_dict()`."""
        state_dict = dict(state_dict)
        loss_scale = state_dict.pop("loss_scale", None)
        self.inner_optimizer.load_state_dict(state_dict)
        if loss_scale is not None:
            with torch.no_grad():
                self.step_counter.copy_(loss_scale["step_counter"])
                self.dynamic_scale.copy_(loss_scale["dynamic_scale"])

    def get_config(self):
        # Only `name` of the base arguments: the others belong to the inner optimizer.
        return {
            "name": self.name,
            "inner_optimizer": serialization.serialize_keras_object(self.inner_optimizer),
            "initial_scale": self.initial_scale,
            "dynamic_growth_steps": self.dynamic_growth_steps,
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from torchkeras.optimizers import catalogue

        config = dict(config)
        inner_optimizer = catalogue.deserialize(
            config.pop("inner_optimizer"), custom_objects=custom_objects
        )
        return cls(inner_optimizer, **config)
