"""`Adam`: adaptive moment estimation, with Keras's "epsilon hat"."""

import torch

from torchkeras.backend import optimizer_ops
from torchkeras.optimizers import base_optimizer


class Adam(base_optimizer.Optimizer):
    """Optimizer that implements the Adam algorithm.

    Adam optimization is a stochastic gradient descent method that is based on adaptive estimation
    of first-order and second-order moments. At step `t`:

    ```python
    m = m + (g - m) * (1 - beta_1)
    v = v + (g ** 2 - v) * (1 - beta_2)
    alpha = learning_rate * sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t)
    w = w - alpha * m / (sqrt(v) + epsilon)
    ```

    `epsilon` is added to the uncorrected `sqrt(v)` ("epsilon hat" in the Kingma and Ba paper),
    so `keras.optimizers.Adam` and `torch.optim.Adam` differ slightly for the same `epsilon`.

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use. The learning
            rate. Defaults to `0.001`.
        beta_1: A float value. The exponential decay rate for the 1st moment estimates.
            Defaults to `0.9`.
        beta_2: A float value. The exponential decay rate for the 2nd moment estimates.
            Defaults to `0.999`.
        epsilon: A small constant for numerical stability. This epsilon is "epsilon hat" in the
            Kingma and Ba paper (in the formula just before Section 2.1), not the epsilon in
            Algorithm 1 of the paper. Defaults to `1e-7`.
        amsgrad: Boolean. Whether to apply AMSGrad variant of this algorithm from the paper "On
            the Convergence of Adam and beyond". Defaults to `False`.
        **kwargs: The arguments of `keras.optimizers.Optimizer` (`weight_decay`, `clipnorm`,
            `clipvalue`, `global_clipnorm`, `use_ema`, `ema_momentum`, `ema_overwrite_frequency`,
            `loss_scale_factor`, `gradient_accumulation_steps`, `name`), or PyTorch's `params`
            and `lr`.

    Example:

    >>> opt = keras.optimizers.Adam(learning_rate=1e-3)
    >>> opt = keras.optimizers.Adam(model.parameters(), lr=1e-3)  # PyTorch style
    """

    def __init__(
        self,
        learning_rate=0.001,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
        amsgrad=False,
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
        self.amsgrad = amsgrad

    def build(self, var_list):
        """Create the `momentum` and `velocity` slots (and `velocity_hat` with AMSGrad)."""
        if self.built:
            return
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(
            var_list, ["momentum", "velocity"]
        )
        if self.amsgrad:
            self._velocity_hats = self.add_optimizer_variables(var_list, "velocity_hat")

    def update_step(self, gradient, variable, learning_rate):
        """Update step given gradient and the associated model variable."""
        lr = base_optimizer._cast(learning_rate, variable)
        gradient = gradient.to(variable.dtype)
        local_step = (self.iterations + 1).to(variable.dtype)
        beta_1_power = torch.pow(base_optimizer._cast(self.beta_1, variable), local_step)
        beta_2_power = torch.pow(base_optimizer._cast(self.beta_2, variable), local_step)
        index = self._get_variable_index(variable)
        m = self._momentums[index]
        v = self._velocities[index]
        alpha = lr * torch.sqrt(1 - beta_2_power) / (1 - beta_1_power)
        self.assign_add(m, (gradient - m) * (1 - self.beta_1))
        self.assign_add(v, (gradient * gradient - v) * (1 - self.beta_2))
        if self.amsgrad:
            v_hat = self._velocity_hats[index]
            self.assign(v_hat, torch.maximum(v_hat, v))
            v = v_hat
        self.assign_sub(variable, (m * alpha) / (torch.sqrt(v) + self.epsilon))

    def _parallel_update_step(self, grads, variables, learning_rate):
        local_step = (self.iterations + 1).to(variables[0].dtype)
        optimizer_ops.adam_step_(
            variables,
            grads,
            self._gather(self._momentums, variables),
            self._gather(self._velocities, variables),
            self._gather(self._velocity_hats, variables) if self.amsgrad else None,
            learning_rate,
            self.beta_1,
            self.beta_2,
            self.epsilon,
            local_step,
            self._host_step(),
        )

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "beta_1": self.beta_1,
                "beta_2": self.beta_2,
                "epsilon": self.epsilon,
                "amsgrad": self.amsgrad,
            }
        )
        return config
