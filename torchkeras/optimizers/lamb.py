"""`Lamb`: Adam with a layer-wise trust ratio."""

import torch

from torchkeras.backend import optimizer_ops
from torchkeras.optimizers import base_optimizer


class Lamb(base_optimizer.Optimizer):
    """Optimizer that implements the Lamb algorithm.

    Lamb is a stochastic gradient descent method that uses layer-wise adaptive moments to adjust
    the learning rate for each parameter based on the ratio of the norm of the weight to the norm
    of the gradient. This helps to stabilize the training process and improves convergence,
    especially for large batch sizes. At step `t`:

    ```python
    m = m + (g - m) * (1 - beta_1)
    v = v + (g ** 2 - v) * (1 - beta_2)
    update = (m / (1 - beta_1 ** t)) / (sqrt(v / (1 - beta_2 ** t)) + epsilon)
    ratio = norm(w) / norm(update)   # 1 if either norm is 0
    w = w - ratio * learning_rate * update
    ```

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use. The learning
            rate. Defaults to `0.001`.
        beta_1: A float value. The exponential decay rate for the 1st moment estimates.
            Defaults to `0.9`.
        beta_2: A float value. The exponential decay rate for the 2nd moment estimates.
            Defaults to `0.999`.
        epsilon: A small constant for numerical stability. Defaults to `1e-7`.
        **kwargs: The arguments of `keras.optimizers.Optimizer` (`weight_decay`, `clipnorm`,
            `clipvalue`, `global_clipnorm`, `use_ema`, `ema_momentum`, `ema_overwrite_frequency`,
            `loss_scale_factor`, `gradient_accumulation_steps`, `name`), or PyTorch's `params`
            and `lr`.

    References:
        - [Yang et al.](https://arxiv.org/pdf/1904.00962)

    Example:

    >>> opt = keras.optimizers.Lamb(learning_rate=1e-3)
    """

    def __init__(
        self,
        learning_rate=0.001,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
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

    def build(self, var_list):
        """Create the `momentum` and `velocity` slots."""
        if self.built:
            return
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(
            var_list, ["momentum", "velocity"]
        )

    def _bias_corrections(self, variable):
        local_step = (self.iterations + 1).to(variable.dtype)
        beta_1_power = torch.pow(base_optimizer._cast(self.beta_1, variable), local_step)
        beta_2_power = torch.pow(base_optimizer._cast(self.beta_2, variable), local_step)
        return 1.0 - beta_1_power, 1.0 - beta_2_power

    def update_step(self, gradient, variable, learning_rate):
        """Update step given gradient and the associated model variable."""
        lr = base_optimizer._cast(learning_rate, variable)
        gradient = gradient.to(variable.dtype)
        correction_1, correction_2 = self._bias_corrections(variable)
        index = self._get_variable_index(variable)
        m = self._momentums[index]
        v = self._velocities[index]
        self.assign_add(m, (gradient - m) * (1 - self.beta_1))
        self.assign_add(v, (gradient * gradient - v) * (1 - self.beta_2))
        update = (m / correction_1) / (torch.sqrt(v / correction_2) + self.epsilon)
        w_norm = torch.sqrt(torch.sum(variable * variable))
        g_norm = torch.sqrt(torch.sum(update * update))
        one = torch.ones_like(w_norm)
        # ratio = w_norm / g_norm if w_norm > 0 and g_norm > 0 else 1, without a host sync.
        ratio = torch.where(w_norm > 0, torch.where(g_norm > 0, w_norm / g_norm, one), one)
        self.assign_sub(variable, ratio * lr * update)

    def _parallel_update_step(self, grads, variables, learning_rate):
        correction_1, correction_2 = self._bias_corrections(variables[0])
        optimizer_ops.lamb_step_(
            variables,
            grads,
            self._gather(self._momentums, variables),
            self._gather(self._velocities, variables),
            learning_rate,
            self.beta_1,
            self.beta_2,
            self.epsilon,
            correction_1,
            correction_2,
        )

    def get_config(self):
        config = super().get_config()
        config.update({"beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon})
        return config
