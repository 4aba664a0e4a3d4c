"""`Adadelta`: step sizes from running averages of squared gradients and squared updates."""

import torch

from torchkeras.backend import optimizer_ops
from torchkeras.optimizers import base_optimizer


class Adadelta(base_optimizer.Optimizer):
    """Optimizer that implements the Adadelta algorithm.

    Adadelta optimization is a stochastic gradient descent method that is based on adaptive
    learning rate per dimension to address two drawbacks:

    - The continual decay of learning rates throughout training.
    - The need for a manually selected global learning rate.

    Adadelta is a more robust extension of Adagrad that adapts learning rates based on a moving
    window of gradient updates, instead of accumulating all past gradients:

    ```python
    accumulated_grad = rho * accumulated_grad + (1 - rho) * g ** 2
    delta = -sqrt(accumulated_delta_var + epsilon) / sqrt(accumulated_grad + epsilon) * g
    accumulated_delta_var = rho * accumulated_delta_var + (1 - rho) * delta ** 2
    w = w + learning_rate * delta
    ```

    Keras's defaults differ from `torch.optim.Adadelta` (`lr=1.0, rho=0.9, eps=1e-6`).

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use. The learning
            rate. Defaults to `0.001`. Note that `Adadelta` tends to benefit from higher initial
            learning rate values compared to other optimizers. To match the exact form in the
            original paper, use 1.0.
        rho: A floating point value. The decay rate. Defaults to `0.95`.
        epsilon: Small floating point value for maintaining numerical stability.
            Defaults to `1e-7`.
        **kwargs: The arguments of `keras.optimizers.Optimizer` (`weight_decay`, `clipnorm`,
            `clipvalue`, `global_clipnorm`, `use_ema`, `ema_momentum`, `ema_overwrite_frequency`,
            `loss_scale_factor`, `gradient_accumulation_steps`, `name`), or PyTorch's `params`
            and `lr`.

    Reference:
        - [Zeiler, 2012](http://arxiv.org/abs/1212.5701)

    Example:

    >>> opt = keras.optimizers.Adadelta(learning_rate=1.0)
    """

    def __init__(
        self,
        learning_rate=0.001,
        rho=0.95,
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
        self.epsilon = epsilon

    def build(self, var_list):
        """Create the `accumulated_grad` and `accumulated_delta_var` slots."""
        if self.built:
            return
        super().build(var_list)
        self._accumulated_grads, self._accumulated_delta_vars = self.add_optimizer_variables(
            var_list, ["accumulated_grad", "accumulated_delta_var"]
        )

    def update_step(self, grad, variable, learning_rate):
        """Update step given gradient and the associated model variable."""
        lr = base_optimizer._cast(learning_rate, variable)
        grad = grad.to(variable.dtype)
        rho = self.rho
        index = self._get_variable_index(variable)
        accumulated_grad = self._accumulated_grads[index]
        accumulated_delta_var = self._accumulated_delta_vars[index]

        def rms(x):
            return torch.sqrt(x + self.epsilon)

        self.assign(accumulated_grad, rho * accumulated_grad + (1 - rho) * (grad * grad))
        delta_var = -(rms(accumulated_delta_var) * grad / rms(accumulated_grad))
        self.assign(
            accumulated_delta_var,
            rho * accumulated_delta_var + (1 - rho) * (delta_var * delta_var),
        )
        self.assign_add(variable, lr * delta_var)

    def _parallel_update_step(self, grads, variables, learning_rate):
        optimizer_ops.adadelta_step_(
            variables,
            grads,
            self._gather(self._accumulated_grads, variables),
            self._gather(self._accumulated_delta_vars, variables),
            learning_rate,
            self.rho,
            self.epsilon,
        )

    def get_config(self):
        config = super().get_config()
        config.update({"rho": self.rho, "epsilon": self.epsilon})
        return config
