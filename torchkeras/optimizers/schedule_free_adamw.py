"""`ScheduleFreeAdamW`: AdamW without a learning rate schedule, by iterate averaging."""

import torch

from torchkeras.backend import optimizer_ops
from torchkeras.optimizers import base_optimizer


class ScheduleFreeAdamW(base_optimizer.Optimizer):
    """Optimizer that implements the Schedule-Free AdamW algorithm.

    Schedule-Free learning replaces the learning rate schedule by an interpolation between a
    fast iterate `z` (the `momentum` slot, plain Adam-style steps) and a running average `x` of
    the `z` iterates; the model weights are `y = (1 - beta_1) * z + beta_1 * x`. At step `t`:

    ```python
    v = v + (g ** 2 - v) * (1 - beta_2)
    z = z - lr * g / (sqrt(v / (1 - beta_2 ** t)) + epsilon)
    x = (y - (1 - beta_1) * z) / beta_1          # the average, recovered from y
    x = (1 - 1 / t) * x + (1 / t) * z
    y = (1 - beta_1) * z + beta_1 * x
    ```

    As Keras on TensorFlow computes it, `x` is recovered with the `z` of this step (Keras reads
    the momentum variable after updating it). With `warmup_steps`, the learning rate ramps up
    linearly over the first steps.

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use. The learning
            rate. Defaults to `0.0025`.
        beta_1: A float value. The interpolation (momentum) coefficient. Defaults to `0.9`.
        beta_2: A float value. The exponential decay rate for the 2nd moment estimates.
            Defaults to `0.999`.
        epsilon: A small constant for numerical stability. Defaults to `1e-8`.
        warmup_steps: Integer. Number of steps of linear learning rate warmup.
            Defaults to `0`.
        **kwargs: The arguments of `keras.optimizers.Optimizer` (`weight_decay`, `clipnorm`,
            `clipvalue`, `global_clipnorm`, `use_ema`, `ema_momentum`, `ema_overwrite_frequency`,
            `loss_scale_factor`, `gradient_accumulation_steps`, `name`), or PyTorch's `params`
            and `lr`.

    References:
        - [Defazio et al., 2024](https://arxiv.org/abs/2405.15682)

    Example:

    >>> opt = keras.optimizers.ScheduleFreeAdamW(learning_rate=0.0025, warmup_steps=100)
    """

    def __init__(
        self,
        learning_rate=0.0025,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-8,
        warmup_steps=0,
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
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.warmup_steps = warmup_steps

    def build(self, var_list):
        """Create the `momentum` (the iterate `z`, starting at the weights) and `velocity`
        slots."""
        if self.built:
            return
        var_list = list(var_list)
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(
            var_list, ["momentum", "velocity"]
        )
        with torch.no_grad():
            for momentum, var in zip(self._momentums, var_list):
                momentum.copy_(var)

    def _scalars(self, learning_rate, variable):
        """`(lr, weight, beta_1, 1 - beta_2 ** t)` of this step, in `variable`'s dtype."""
        lr = base_optimizer._cast(learning_rate, variable)
        local_step = (self.iterations + 1).to(variable.dtype)
        if self.warmup_steps > 0:
            lr = lr * torch.clamp_max(local_step / float(self.warmup_steps), 1.0)
        beta_1 = base_optimizer._cast(self.beta_1, variable)
        beta_2 = base_optimizer._cast(self.beta_2, variable)
        return lr, 1.0 / local_step, beta_1, 1 - torch.pow(beta_2, local_step)

    def update_step(self, gradient, variable, learning_rate):
        """Update step given gradient and the associated model variable."""
        gradient = gradient.to(variable.dtype)
        lr, weight, beta_1, bias_correction_2 = self._scalars(learning_rate, variable)
        index = self._get_variable_index(variable)
        z = self._momentums[index]
        v = self._velocities[index]
        one_minus_beta_2 = 1 - base_optimizer._round(self.beta_2, variable)
        self.assign_add(v, (gradient * gradient - v) * one_minus_beta_2)
        denominator = torch.sqrt(v / bias_correction_2) + base_optimizer._round(
            self.epsilon, variable)
        self.assign_sub(z, (lr * gradient) / denominator)
        x_old = (variable - (1 - beta_1) * z) / beta_1
        x_new = (1 - weight) * x_old + weight * z
        self.assign(variable, (1 - beta_1) * z + beta_1 * x_new)

    def _parallel_update_step(self, grads, variables, learning_rate):
        lr, weight, beta_1, bias_correction_2 = self._scalars(learning_rate, variables[0])
        optimizer_ops.schedule_free_adamw_step_(
            variables,
            grads,
            self._gather(self._momentums, variables),
            self._gather(self._velocities, variables),
            lr,
            weight,
            beta_1,
            1 - base_optimizer._round(self.beta_2, variables[0]),
            base_optimizer._round(self.epsilon, variables[0]),
            bias_correction_2,
        )

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "beta_1": self.beta_1,
                "beta_2": self.beta_2,
                "epsilon": self.epsilon,
                "warmup_steps": self.warmup_steps,
            }
        )
        return config
