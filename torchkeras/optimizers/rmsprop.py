"""`RMSprop`: divide the gradient by a running average of its recent magnitude."""

import torch

from torchkeras.backend import optimizer_ops
from torchkeras.optimizers import base_optimizer


class RMSprop(base_optimizer.Optimizer):
    """Optimizer that implements the RMSprop algorithm.

    The gist of RMSprop is to maintain a moving (discounted) average of the square of gradients
    and divide the gradient by the root of this average:

    ```python
    v = rho * v + (1 - rho) * g ** 2
    w = w - learning_rate * g / sqrt(v + epsilon)
    ```

    `epsilon` sits inside the square root (in `torch.optim.RMSprop` it is added outside). With
    `momentum`, `m = momentum * m + learning_rate * g / sqrt(v + epsilon)` and `w = w - m`. The
    centered version also keeps a moving average of the gradients `a` and uses
    `sqrt(v - a ** 2 + epsilon)`, which normalizes by the estimated variance.

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use. The learning
            rate. Defaults to `0.001`.
        rho: float, defaults to 0.9. Discounting factor for the old gradients.
        momentum: float, defaults to 0.0. If not 0.0., the optimizer tracks the momentum value,
            with a decay rate equals to `1 - momentum`.
        epsilon: A small constant for numerical stability. Defaults to `1e-7`.
        centered: Boolean. If `True`, gradients are normalized by the estimated variance of the
            gradient; if False, by the uncentered second moment. Setting this to `True` may help
            with training, but is slightly more expensive in terms of computation and memory.
            Defaults to `False`.
        **kwargs: The arguments of `keras.optimizers.Optimizer` (`weight_decay`, `clipnorm`,
            `clipvalue`, `global_clipnorm`, `use_ema`, `ema_momentum`, `ema_overwrite_frequency`,
            `loss_scale_factor`, `gradient_accumulation_steps`, `name`), or PyTorch's `params`
            and `lr`.

    Example:

    >>> opt = keras.optimizers.RMSprop(learning_rate=0.1)
    """

    def __init__(
        self,
        learning_rate=0.001,
        rho=0.9,
        momentum=0.0,
        epsilon=1e-7,
        centered=False,
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
            weight_decay=weight_decay,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
            use_ema=use_ema,
            ema_momentum=ema_momentum,
            ema_overwrite_frequency=ema_overwrite_frequency,
            loss_scale_factor=loss_scale_factor,
            gradient_accumulation_steps=gradient_accumulation_steps,
            name=name,
            **kwargs,
        )
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        self.centered = centered

    def build(self, var_list):
        """Create the `velocity` slots, plus `momentum` and `average_gradient` when used."""
        if self.built:
            return
        super().build(var_list)
        self._velocities = self.add_optimizer_variables(var_list, "velocity")
        self._momentums = []
        if self.momentum > 0:
            self._momentums = self.add_optimizer_variables(var_list, "momentum")
        self._average_gradients = []
        if self.centered:
            self._average_gradients = self.add_optimizer_variables(var_list, "average_gradient")

    def update_step(self, gradient, variable, learning_rate):
        """Update step given gradient and the associated model variable."""
        lr = base_optimizer._cast(learning_rate, variable)
        gradient = gradient.to(variable.dtype)
        index = self._get_variable_index(variable)
        velocity = self._velocities[index]
        rho = self.rho
        self.assign(velocity, rho * velocity + (1 - rho) * (gradient * gradient))
        if self.centered:
            average_grad = self._average_gradients[index]
            self.assign(average_grad, rho * average_grad + (1 - rho) * gradient)
            denominator = velocity - average_grad * average_grad + self.epsilon
        else:
            denominator = velocity + self.epsilon
        increment = (lr * gradient) / torch.sqrt(denominator)
        if self.momentum > 0:
            momentum = self._momentums[index]
            self.assign(momentum, self.momentum * momentum + increment)
            self.assign_sub(variable, momentum)
        else:
            self.assign_sub(variable, increment)

    def _parallel_update_step(self, grads, variables, learning_rate):
        optimizer_ops.rmsprop_step_(
            variables,
            grads,
            self._gather(self._velocities, variables),
            self._gather(self._momentums, variables) if self.momentum > 0 else None,
            self._gather(self._average_gradients, variables) if self.centered else None,
            learning_rate,
            self.rho,
            self.momentum,
            self.epsilon,
        )

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "rho": self.rho,
                "momentum": self.momentum,
                "epsilon": self.epsilon,
                "centered": self.centered,
            }
        )
        return config
