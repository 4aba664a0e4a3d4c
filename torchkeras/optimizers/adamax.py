"""`Adamax`: Adam with the infinity norm in place of the second moment."""

import torch

from torchkeras.backend import optimizer_ops
from torchkeras.optimizers import base_optimizer


class Adamax(base_optimizer.Optimizer):
    """Optimizer that implements the Adamax algorithm.

    Adamax, a variant of Adam based on the infinity norm, is a first-order gradient-based
    optimization method. Due to its capability of adjusting the learning rate based on data
    characteristics, it is suited to learn time-variant process, e.g., speech data with
    dynamically changed noise conditions. At step `t`:

    ```python
    m = beta_1 * m + (1 - beta_1) * g
    u = max(beta_2 * u, abs(g))
    current_lr = learning_rate / (1 - beta_1 ** t)
    w = w - current_lr * m / (u + epsilon)
    ```

    `epsilon` is added to `u` (`torch.optim.Adamax` adds it to `abs(g)` inside the max).

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use. The learning
            rate. Defaults to `0.001`.
        beta_1: A float value. The exponential decay rate for the 1st moment estimates.
            Defaults to `0.9`.
        beta_2: A float value. The exponential decay rate for the exponentially weighted
            infinity norm. Defaults to `0.999`.
        epsilon: A small constant for numerical stability. Defaults to `1e-7`.
        **kwargs: The arguments of `keras.optimizers.Optimizer` (`weight_decay`, `clipnorm`,
            `clipvalue`, `global_clipnorm`, `use_ema`, `ema_momentum`, `ema_overwrite_frequency`,
            `loss_scale_factor`, `gradient_accumulation_steps`, `name`), or PyTorch's `params`
            and `lr`.

    Reference:
        - [Kingma et al., 2014](http://arxiv.org/abs/1412.6980)

    Example:

    >>> opt = keras.optimizers.Adamax(learning_rate=0.002)
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
        """Create the `momentum` and `norm` (infinity norm `u`) slots."""
        if self.built:
            return
        super().build(var_list)
        self._m, self._u = self.add_optimizer_variables(var_list, ["momentum", "norm"])

    def update_step(self, gradient, variable, learning_rate):
        """Update step given gradient and the associated model variable."""
        lr = base_optimizer._cast(learning_rate, variable)
        gradient = gradient.to(variable.dtype)
        local_step = (self.iterations + 1).to(variable.dtype)
        beta_1_power = torch.pow(base_optimizer._cast(self.beta_1, variable), local_step)
        index = self._get_variable_index(variable)
        m = self._m[index]
        u = self._u[index]
        self.assign_add(m, (gradient - m) * (1 - self.beta_1))
        self.assign(u, torch.maximum(self.beta_2 * u, torch.abs(gradient)))
        self.assign_sub(variable, (lr * m) / ((1 - beta_1_power) * (u + self.epsilon)))

    def _parallel_update_step(self, grads, variables, learning_rate):
        local_step = (self.iterations + 1).to(variables[0].dtype)
        beta_1_power = torch.pow(base_optimizer._cast(self.beta_1, variables[0]), local_step)
        optimizer_ops.adamax_step_(
            variables,
            grads,
            self._gather(self._m, variables),
            self._gather(self._u, variables),
            learning_rate,
            self.beta_1,
            self.beta_2,
            self.epsilon,
            beta_1_power,
        )

    def get_config(self):
        config = super().get_config()
        config.update({"beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon})
        return config
