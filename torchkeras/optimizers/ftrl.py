"""`Ftrl`: Follow The Regularized Leader, with L1/L2 and L2-shrinkage regularization."""

import torch

from torchkeras import initializers
from torchkeras.backend import optimizer_ops
from torchkeras.optimizers import base_optimizer


class Ftrl(base_optimizer.Optimizer):
    r"""Optimizer that implements the FTRL algorithm.

    "Follow The Regularized Leader" (FTRL) is an optimization algorithm developed at Google for
    click-through rate prediction in the early 2010s. It is most suitable for shallow models
    with large and sparse feature spaces. The algorithm is described by
    [McMahan et al., 2013](https://research.google.com/pubs/archive/41159.pdf). The Keras
    version has support for both online L2 regularization (the L2 regularization described in
    the paper above) and shrinkage-type L2 regularization (which is the addition of an L2
    penalty to the loss function).

    Update rule for one variable `w`, with accumulators `n` (starting at
    `initial_accumulator_value`) and `z` (starting at 0):

    ```python
    prev_n = n
    n = n + g ** 2
    sigma = (n ** -lr_power - prev_n ** -lr_power) / lr
    z = z + g - sigma * w
    if abs(z) < lambda_1:
      w = 0
    else:
      w = (sgn(z) * lambda_1 - z) / ((beta + sqrt(n)) / alpha + lambda_2)
    ```

    Notation: `lr` is the learning rate, `g` the gradient of the variable, `lambda_1` the L1
    regularization strength, `lambda_2` the L2 regularization strength, `lr_power` the power to
    scale `n`. With `l2_shrinkage_regularization_strength`, `g` is replaced by
    `g + 2 * l2_shrinkage_regularization_strength * w` in the update of `z`.

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use. The learning
            rate. Defaults to `0.001`.
        learning_rate_power: A float value, must be less or equal to zero. Controls how the
            learning rate decreases during training. Use zero for a fixed learning rate.
            Defaults to `-0.5`.
        initial_accumulator_value: The starting value for accumulators. Only zero or positive
            values are allowed. Defaults to `0.1`.
        l1_regularization_strength: A float value, must be greater than or equal to zero.
            Defaults to `0.0`.
        l2_regularization_strength: A float value, must be greater than or equal to zero.
            Defaults to `0.0`.
        l2_shrinkage_regularization_strength: A float value, must be greater than or equal to
            zero. This differs from L2 above in that the L2 above is a stabilization penalty,
            whereas this L2 shrinkage is a magnitude penalty. When input is sparse shrinkage
            will only happen on the active weights. Defaults to `0.0`.
        beta: A float value, representing the beta value from the paper. Defaults to `0.0`.
        **kwargs: The arguments of `keras.optimizers.Optimizer` (`weight_decay`, `clipnorm`,
            `clipvalue`, `global_clipnorm`, `use_ema`, `ema_momentum`, `ema_overwrite_frequency`,
            `loss_scale_factor`, `gradient_accumulation_steps`, `name`), or PyTorch's `params`
            and `lr`.

    Example:

    >>> opt = keras.optimizers.Ftrl(learning_rate=0.1, l1_regularization_strength=0.01)
    """

    def __init__(
        self,
        learning_rate=0.001,
        learning_rate_power=-0.5,
        initial_accumulator_value=0.1,
        l1_regularization_strength=0.0,
        l2_regularization_strength=0.0,
        l2_shrinkage_regularization_strength=0.0,
        beta=0.0,
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
        super().__init__(
            learning_rate=learning_rate,
            name=name,
            weight_decay=weight_decay,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
            use_ema=use_ema,
            ema_momentum=ema_momentum,
            ema_overwrite_frequency=ema_overwrite_frequency,
            loss_scale_factor=loss_scale_factor,
            gradient_accumulation_steps=gradient_accumulation_steps,
            **kwargs,
        )
        if initial_accumulator_value < 0.0:
            raise ValueError(
                "`initial_accumulator_value` needs to be positive or zero. Received: "
                f"initial_accumulator_value={initial_accumulator_value}."
            )
        if learning_rate_power > 0.0:
            raise ValueError(
                "`learning_rate_power` needs to be negative or zero. Received: "
                f"learning_rate_power={learning_rate_power}."
            )
        if l1_regularization_strength < 0.0:
            raise ValueError(
                "`l1_regularization_strength` needs to be positive or zero. Received: "
                f"l1_regularization_strength={l1_regularization_strength}."
            )
        if l2_regularization_strength < 0.0:
            raise ValueError(
                "`l2_regularization_strength` needs to be positive or zero. Received: "
                f"l2_regularization_strength={l2_regularization_strength}."
            )
        if l2_shrinkage_regularization_strength < 0.0:
            raise ValueError(
                "`l2_shrinkage_regularization_strength` needs to be positive or zero. "
                "Received: l2_shrinkage_regularization_strength"
                f"={l2_shrinkage_regularization_strength}."
            )
        self.learning_rate_power = learning_rate_power
        self.initial_accumulator_value = initial_accumulator_value
        self.l1_regularization_strength = l1_regularization_strength
        self.l2_regularization_strength = l2_regularization_strength
        self.l2_shrinkage_regularization_strength = l2_shrinkage_regularization_strength
        self.beta = beta

    def build(self, var_list):
        """Create the `accumulator` (starting at `initial_accumulator_value`) and `linear`
        slots."""
        if self.built:
            return
        super().build(var_list)
        self._accumulators, self._linears = self.add_optimizer_variables(
            var_list,
            ["accumulator", "linear"],
            initializer=[initializers.Constant(self.initial_accumulator_value), "zeros"],
        )

    def _two_l2_reg(self, lr):
        # Keras adds `beta / (2 * lr)` to the L2 strength, in the variables' dtype.
        return 2 * (self.l2_regularization_strength + self.beta / (2.0 * lr))

    def update_step(self, gradient, variable, learning_rate):
        """Update step given gradient and the associated model variable."""
        lr = base_optimizer._cast(learning_rate, variable)
        gradient = gradient.to(variable.dtype)
        index = self._get_variable_index(variable)
        accum = self._accumulators[index]
        linear = self._linears[index]
        lr_power = self.learning_rate_power
        grad_to_use = gradient + 2 * self.l2_shrinkage_regularization_strength * variable
        new_accum = accum + gradient * gradient
        sigma = (torch.pow(new_accum, -lr_power) - torch.pow(accum, -lr_power)) / lr
        self.assign_add(linear, grad_to_use - sigma * variable)
        quadratic = torch.pow(new_accum, -lr_power) / lr + self._two_l2_reg(lr)
        l1 = self.l1_regularization_strength
        linear_clipped = torch.clamp(linear, -l1, l1)
        self.assign(variable, (linear_clipped - linear) / quadratic)
        self.assign(accum, new_accum)

    def _parallel_update_step(self, grads, variables, learning_rate):
        lr = base_optimizer._cast(learning_rate, variables[0])
        optimizer_ops.ftrl_step_(
            variables,
            grads,
            self._gather(self._accumulators, variables),
            self._gather(self._linears, variables),
            lr,
            self.learning_rate_power,
            self.l1_regularization_strength,
            self._two_l2_reg(lr),
            2 * self.l2_shrinkage_regularization_strength,
        )

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "learning_rate_power": self.learning_rate_power,
                "initial_accumulator_value": self.initial_accumulator_value,
                "l1_regularization_strength": self.l1_regularization_strength,
                "l2_regularization_strength": self.l2_regularization_strength,
                "l2_shrinkage_regularization_strength": (
                    self.l2_shrinkage_regularization_strength
                ),
                "beta": self.beta,
            }
        )
        return config
