"""`Adagrad`: per-parameter learning rates that shrink with the sum of squared gradients."""

import torch

from torchkeras import initializers
from torchkeras.backend import optimizer_ops
from torchkeras.optimizers import base_optimizer


class Adagrad(base_optimizer.Optimizer):
    """Optimizer that implements the Adagrad algorithm.

    Adagrad is an optimizer with parameter-specific learning rates, which are adapted relative
    to how frequently a parameter gets updated during training. The more updates a parameter
    receives, the smaller the updates:

    ```python
    accumulator = accumulator + g ** 2
    w = w - learning_rate * g / sqrt(accumulator + epsilon)
    ```

    Unlike `torch.optim.Adagrad`, the accumulators start at `initial_accumulator_value` (0.1)
    and `epsilon` sits inside the square root.

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use. The learning
            rate. Defaults to `0.001`. Note that `Adagrad` tends to benefit from higher initial
            learning rate values compared to other optimizers. To match the exact form in the
            original paper, use `1.0`.
        initial_accumulator_value: Floating point value. Starting value for the accumulators
            (per-parameter momentum values). Must be non-negative. Defaults to `0.1`.
        epsilon: Small floating point value for maintaining numerical stability.
            Defaults to `1e-7`.
        **kwargs: The arguments of `keras.optimizers.Optimizer` (`weight_decay`, `clipnorm`,
            `clipvalue`, `global_clipnorm`, `use_ema`, `ema_momentum`, `ema_overwrite_frequency`,
            `loss_scale_factor`, `gradient_accumulation_steps`, `name`), or PyTorch's `params`
            and `lr`.

    Reference:
        - [Duchi et al., 2011](http://www.jmlr.org/papers/volume12/duchi11a/duchi11a.pdf).

    Example:

    >>> opt = keras.optimizers.Adagrad(learning_rate=0.01)
    """

    def __init__(
        self,
        learning_rate=0.001,
        initial_accumulator_value=0.1,
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
        self.initial_accumulator_value = initial_accumulator_value
        self.epsilon = epsilon

    def build(self, var_list):
        """Create the `accumulator` slots, filled with `initial_accumulator_value`."""
        if self.built:
            return
        super().build(var_list)
        initializer = initializers.Constant(self.initial_accumulator_value)
        self._accumulators = self.add_optimizer_variables(
            var_list, "accumulator", initializer=initializer
        )

    def update_step(self, gradient, variable, learning_rate):
        """Update step given gradient and the associated model variable."""
        lr = base_optimizer._cast(learning_rate, variable)
        gradient = gradient.to(variable.dtype)
        accumulator = self._accumulators[self._get_variable_index(variable)]
        self.assign_add(accumulator, gradient * gradient)
        self.assign_sub(variable, (lr * gradient) / torch.sqrt(accumulator + self.epsilon))

    def _parallel_update_step(self, grads, variables, learning_rate):
        optimizer_ops.adagrad_step_(
            variables,
            grads,
            self._gather(self._accumulators, variables),
            learning_rate,
            self.epsilon,
        )

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "initial_accumulator_value": self.initial_accumulator_value,
                "epsilon": self.epsilon,
            }
        )
        return config
